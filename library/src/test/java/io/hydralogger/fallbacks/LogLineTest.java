package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.testing.LogWorker;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Issue 2 item 8, the second half: a facade call that fails on bad input says why in exactly one
 * warning or error line that names the path, and data problems the sanitiser absorbs say nothing
 * at that level. Issue 13: the lines carry the words the original module's guide tells users to
 * look for ("Failed to write", "Failed to read", "Detected corruption in", "Restored from backup",
 * "Created backup"), and without an SLF4J provider a fallback is still said once. The lines are captured from slf4j-simple, which prints to the current
 * {@code System.err} (it does not cache the stream by default).
 */
@ResourceLock(Resources.SYSTEM_ERR)
class LogLineTest {
    @TempDir
    Path dir;

    /** Runs the call with stderr captured and returns its WARN and ERROR lines. */
    private static <T> List<String> problemLines(Supplier<T> call, List<T> result) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            result.add(call.get());
        } finally {
            System.setErr(original);
        }
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n"))
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .toList();
    }

    private static <T> List<String> problemLines(Supplier<T> call) {
        return problemLines(call, new ArrayList<>());
    }

    @Test
    void aFolderAsTheTargetIsOneLineNamingIt() throws IOException {
        Path target = Files.createDirectory(dir.resolve("data.json"));
        List<Boolean> result = new ArrayList<>();
        List<String> lines = problemLines(() -> Fallbacks.safeWriteJson(Map.of("id", 1), target), result);
        assertThat(result).containsExactly(false);
        assertThat(lines).singleElement().asString().contains("Failed to write " + target)
                .contains("the records are in " + dir.resolve("data.json.fallback-"));
        assertThat(dir.resolve(".data.json.lock")).as("no lock file beside a folder").doesNotExist();
    }

    /**
     * The fallback of a write whose folder is a file goes to the fallback folder; a handler of its
     * own keeps that inside the test's folder (the facade's is the shared temp folder).
     */
    @Test
    void aParentThatIsAFileIsOneLineNamingTheTarget() throws IOException {
        Path parent = Files.writeString(dir.resolve("plain-file"), "x");
        Path target = parent.resolve("data.csv");
        FallbackHandler handler = FallbackHandler.builder().fallbackFolder(dir.resolve("fallbacks")).build();
        List<Boolean> result = new ArrayList<>();
        List<String> lines = problemLines(() -> handler.writeCsv(List.of(Map.of("id", 1)), target).ok(), result);
        assertThat(result).containsExactly(false);
        assertThat(lines).singleElement().asString().contains("Failed to write " + target)
                .contains(dir.resolve("fallbacks").toString());
    }

    @Test
    void aMissingFileToReadIsOneLineNamingIt() {
        Path missing = dir.resolve("missing.json");
        List<Object> result = new ArrayList<>();
        List<String> lines = problemLines(() -> Fallbacks.safeReadJson(missing), result);
        assertThat(result).containsOnlyNulls().hasSize(1);
        assertThat(lines).singleElement().asString().contains("Failed to read " + missing);
    }

    /**
     * Issue 13: the original module's guide tells users to look for "Detected corruption in" and
     * "Restored from backup"; the lines carry those words, the path and the reason.
     */
    @Test
    void aDamagedFileReadIsOneLineWithTheGuidesWords() throws IOException {
        Path damaged = Files.writeString(dir.resolve("damaged.json"), "[{\"a\":1},{\"a\":2},{\"a\"");
        List<Object> result = new ArrayList<>();
        List<String> lines = problemLines(() -> Fallbacks.safeReadJson(damaged), result);
        assertThat(result).containsExactly(List.of(Map.of("a", 1), Map.of("a", 2)));
        assertThat(lines).singleElement().asString().contains("Detected corruption in " + damaged)
                .contains("salvaged 2 records");
    }

    @Test
    void aReadServedFromABackupSaysRestoredFromBackup() throws IOException {
        Path file = dir.resolve("users.json");
        assertThat(Fallbacks.safeWriteJson(List.of(Map.of("v", 1)), file)).isTrue();
        assertThat(Fallbacks.safeWriteJson(List.of(Map.of("v", 2)), file)).isTrue();
        Files.write(file, new byte[] {0, 0, 0, 0});
        List<Object> result = new ArrayList<>();
        List<String> lines = problemLines(() -> Fallbacks.safeReadJson(file), result);
        assertThat(result).containsExactly(List.of(Map.of("v", 1)));
        assertThat(lines).singleElement().asString().contains("Detected corruption in " + file)
                .contains("Restored from backup " + dir.resolve("users.json.bak"));
    }

    /**
     * "Created backup" is a debug line (every write over a file keeps one; at info level a busy
     * program would log one per write), so it is checked in a child JVM logging at debug level.
     */
    @Test
    void aWriteThatKeepsABackupSaysCreatedBackupAtDebugLevel() throws Exception {
        String log = runWorker(System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug");
        assertThat(log).contains("Created backup " + dir.resolve("data.json.bak") + " of " + dir.resolve("data.json"))
                .contains("Failed to write " + dir.resolve("folder.json"));
    }

    /**
     * Without an SLF4J provider every log line is dropped: the first write that falls back says so
     * once through System.Logger (java.util.logging on stderr), with the dependency to add.
     */
    @Test
    void withoutAnSlf4jProviderTheFirstFallbackIsSaidOnceThroughSystemLogger() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-simple")).collect(Collectors.joining(File.pathSeparator));
        String log = runWorker(classPath);
        assertThat(log).contains("No SLF4J providers were found");
        assertThat(log.lines().filter(line -> line.contains("Failed to write"))).singleElement().asString()
                .startsWith("WARNING: hydra-fallbacks: Failed to write " + dir.resolve("folder.json"))
                .contains("the records are in " + dir.resolve("folder.json.fallback-"))
                .contains("org.slf4j:slf4j-simple");
        assertThat(log).doesNotContain("Created backup");
    }

    /** Runs {@link LogWorker} in a child JVM and returns its stderr, after checking its results. */
    private String runWorker(String classPath, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", classPath));
        command.addAll(List.of(options));
        command.addAll(List.of(LogWorker.class.getName(), dir.toString()));
        Path err = dir.resolve("worker.err");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the worker ends").isTrue();
        String log = Files.readString(err);
        assertThat(process.exitValue()).as(log).isZero();
        assertThat(out.lines()).containsExactly("true", "true", "false", "false");
        return log;
    }

    @Test
    void dataTheSanitiserAbsorbsIsNotAWarning() {
        Object throwing = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        List<Object> records = new ArrayList<>(List.of(Map.of("nan", Double.NaN), cyclic));
        records.add(null);
        records.add(throwing);
        Path target = dir.resolve("odd.jsonl");
        List<Boolean> result = new ArrayList<>();
        List<String> lines = problemLines(() -> Fallbacks.safeWriteJsonLines(records, target), result);
        assertThat(result).containsExactly(true);
        assertThat(lines).isEmpty();
    }
}

package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Issue 2 item 8, the second half: a facade call that fails on bad input says why in exactly one
 * warning or error line that names the path, and data problems the sanitiser absorbs say nothing
 * at that level. The lines are captured from slf4j-simple, which prints to the current
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
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(target.toString());
    }

    @Test
    void aParentThatIsAFileIsOneLineNamingTheTarget() throws IOException {
        Path parent = Files.writeString(dir.resolve("plain-file"), "x");
        Path target = parent.resolve("data.csv");
        List<Boolean> result = new ArrayList<>();
        List<String> lines = problemLines(() -> Fallbacks.safeWriteCsv(List.of(Map.of("id", 1)), target), result);
        assertThat(result).containsExactly(false);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(target.toString());
    }

    @Test
    void aMissingFileToReadIsOneLineNamingIt() {
        Path missing = dir.resolve("missing.json");
        List<Object> result = new ArrayList<>();
        List<String> lines = problemLines(() -> Fallbacks.safeReadJson(missing), result);
        assertThat(result).containsOnlyNulls().hasSize(1);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains(missing.toString());
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

package io.hydralogger.fallbacks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real tool as a user does: the shaded jar (or the launcher script) in a child JVM,
 * stdout and stderr captured to files, no terminal. Set up by failsafe's system properties.
 */
final class Tool {
    /** The shaded jar that {@code mvn package} built. */
    static final Path JAR = Path.of(System.getProperty("cli.jar", "target/hydra-fallbacks-cli-all.jar"));
    /** The repository root, where the launcher lives. */
    static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();

    private Tool() {
    }

    /** What a run left: its exit code and output. */
    record Run(int exit, String stdout, String stderr) {
        /** {@return the lines of stderr} */
        List<String> errLines() {
            return stderr.lines().toList();
        }

        /** Asserts the run ended with one error line, containing the text, and no stack trace. */
        Run failsWith(int code, String text) {
            assertThat(exit).as("exit code; stderr: %s", stderr).isEqualTo(code);
            assertThat(errLines()).as("stderr").hasSize(1);
            assertThat(stderr).contains(text).doesNotContain("Exception").doesNotContain("\tat ");
            return this;
        }

        /** Asserts success. */
        Run succeeds() {
            assertThat(exit).as("exit code; stderr: %s", stderr).isZero();
            return this;
        }
    }

    /** {@return the java launcher of the JVM running the tests} */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code java -jar JAR args...}.
     *
     * @param dir the working folder (also where the output files go)
     * @param args the arguments
     * @return what happened
     */
    static Run run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return exec(dir, command, Map.of());
    }

    /**
     * Runs a command with the progress variable removed from its environment (the terminal
     * decides), plus the given variables.
     */
    static Run exec(Path dir, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        assertThat(JAR).as("the shaded jar; run 'mvn package' first").isRegularFile();
        Path out = Files.createTempFile(dir, "stdout-", ".txt");
        Path err = Files.createTempFile(dir, "stderr-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove(Progress.ENV);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close(); // no input: stdin at end of file
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}

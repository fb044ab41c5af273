package io.hydralogger.fallbacks.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each example runs once, as the README runs it: a JVM of its own with the examples as a module on
 * the module path (so only the library's exports are readable), exit code 0, its figures printed.
 */
class ExamplesTest {
    @TempDir
    Path dir;

    private String run(Class<?> example, String... args) throws IOException, InterruptedException {
        String modulePath = Path.of(System.getProperty("examples.classes", "target/classes")) + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("examples.module.path", "target/module-path.txt"))).strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "-m", "io.hydralogger.fallbacks.examples/" + example.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve(example.getSimpleName() + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void userDataProcessingSavesReadsBackAndExports() throws Exception {
        Path folder = dir.resolve("users");

        String output = run(UserDataProcessing.class, folder.toString());

        assertThat(output).contains("equal to what was saved: true")
                .contains("linus@example.com -> torvalds@example.org").contains("address.city");
        assertThat(folder.resolve("users.json")).isRegularFile();
        assertThat(folder.resolve("users.json.bak")).isRegularFile();
        assertThat(Files.readAllLines(folder.resolve("users.csv"))).hasSize(4);
    }

    @Test
    void fallbacksDemoKeepsTheRecordsOfAFailedWrite() throws Exception {
        String output = run(FallbacksDemo.class, dir.resolve("demo").toString());

        assertThat(output).contains("cannot land: ok=false").contains("orders are in ").contains("fallback_writes");
    }

    @Test
    void concurrentProcessingLosesNoEventAndNoIncrement() throws Exception {
        String output = run(ConcurrentProcessing.class, dir.resolve("concurrent").toString(), "4", "2");

        assertThat(output).contains("1. 4 threads: 800 events appended (expected 800, 800 lines in the file),"
                + " counter 80 (expected 80)").contains("2. and then 2 processes: 1200 events appended (expected 1200,"
                + " 1200 lines in the file), counter 120 (expected 120)");
    }

    @Test
    void performanceTestMeasuresEveryFormat() throws Exception {
        String output = run(PerformanceTest.class, dir.resolve("perf").toString(), "2000");

        assertThat(output).contains("2,000 records").contains("data.json ").contains("data.jsonl")
                .contains("data.csv").containsPattern("\\n  records_written +12000\\n");
    }
}

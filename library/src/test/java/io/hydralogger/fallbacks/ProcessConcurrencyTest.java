package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real child JVMs sharing files through the facade: the OS lock on {@code .<name>.lock} keeps
 * processes apart as the in-JVM lock keeps threads apart.
 */
class ProcessConcurrencyTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Test
    void fourProcessesAppendingAndUpdatingAtOnceLoseNothing() throws Exception {
        Path log = dir.resolve("shared.jsonl");
        Path counter = dir.resolve("counter.json");
        int processes = 4;
        int threads = 8;
        int appends = 250;
        int updates = 100;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConcurrencyWorker.class.getName(), "w" + p, log.toString(), String.valueOf(threads),
                    String.valueOf(appends), counter.toString(), String.valueOf(updates))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("worker-" + p + ".out").toFile())
                    .start());
        }
        for (int p = 0; p < processes; p++) {
            Process child = children.get(p);
            boolean exited = child.waitFor(5, TimeUnit.MINUTES);
            if (!exited) {
                children.forEach(Process::destroyForcibly);
            }
            assertThat(exited).as("worker %d finished", p).isTrue();
            assertThat(child.exitValue()).as("worker %d exit code; its output: %s", p,
                    Files.readString(dir.resolve("worker-" + p + ".out"))).isZero();
        }

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(processes * threads * appends);
        Set<String> seen = new HashSet<>();
        for (String line : lines) {
            Map<?, ?> record = MAPPER.readValue(line, Map.class);
            seen.add(record.get("worker") + "/" + record.get("thread") + "/" + record.get("seq"));
        }
        assertThat(seen).as("every append once, none torn or lost").hasSize(processes * threads * appends);
        assertThat(Fallbacks.safeReadJson(counter)).isEqualTo(processes * updates);
    }
}

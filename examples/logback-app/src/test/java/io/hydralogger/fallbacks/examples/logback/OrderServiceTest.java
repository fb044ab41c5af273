package io.hydralogger.fallbacks.examples.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The example runs as the README runs it (a JVM of its own) and leaves the log the README describes. */
class OrderServiceTest {
    @TempDir
    Path dir;

    @Test
    void theApplicationsEventsAreEcsLinesInTheLogFile() throws IOException, InterruptedException {
        Path logs = dir.resolve("logs");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-DLOG_DIR=" + logs, "-cp", System.getProperty("java.class.path"), OrderService.class.getName());
        Path out = dir.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("finished in time").isTrue();
        String output = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("order o-1 accepted").contains("jq -r");

        JsonMapper mapper = JsonMapper.builder().build();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : Files.readAllLines(logs.resolve("app.jsonl"), StandardCharsets.UTF_8)) {
            lines.add(mapper.readValue(line, new TypeReference<Map<String, Object>>() {
            }));
        }
        assertThat(lines).extracting(l -> l.get("message")).containsExactly("order service started",
                "order o-1 accepted", "order o-2 could not be charged", "order o-3 has no items", "order service stopped");
        assertThat(lines).allSatisfy(l -> assertThat(l).containsEntry("service.name", "order-service")
                .containsKeys("@timestamp", "log.level", "log.logger", "process.thread.name"));
        Map<String, Object> declined = lines.get(2);
        assertThat(declined).containsEntry("log.level", "ERROR").containsEntry("request.id", "req-o-2")
                .containsEntry("error.type", "java.lang.IllegalStateException")
                .containsEntry("error.message", "card declined for 3.10");
        assertThat(declined.get("order")).as("the order, logged as a key-value pair, as a JSON object")
                .isEqualTo(Map.of("id", "o-2", "items", List.of("melon"), "total", 3.10, "placed",
                        ((Map<?, ?>) declined.get("order")).get("placed")));
        assertThat(lines.get(3)).containsEntry("tags", List.of("REJECTED"));
    }
}

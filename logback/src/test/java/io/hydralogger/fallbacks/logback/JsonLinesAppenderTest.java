package io.hydralogger.fallbacks.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import io.hydralogger.fallbacks.appender.testing.LogLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/** The appender as an application uses it: SLF4J calls, Logback configured from an XML file. */
class JsonLinesAppenderTest {
    @TempDir
    Path dir;

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

    record Order(int id, List<String> items, Optional<String> coupon, Instant placed) {
    }

    private void configure(Path log, String... properties) throws JoranException {
        context.reset();
        context.getStatusManager().clear();
        context.putProperty("LOG_FILE", log.toString());
        context.putProperty("FALLBACK_DIR", dir.resolve("fallbacks").toString());
        for (int i = 0; i < properties.length; i += 2) {
            context.putProperty(properties[i], properties[i + 1]);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(JsonLinesAppenderTest.class.getResource("/appender-test-logback.xml"));
    }

    @AfterEach
    void stopLogback() {
        MDC.clear();
        context.reset();
    }

    private List<String> statuses(int level) {
        return context.getStatusManager().getCopyOfStatusList().stream().filter(s -> s.getLevel() == level)
                .map(Status::getMessage).toList();
    }

    @Test
    void eachEventIsOneEcsLineWithItsContextAndSanitisedArguments() throws Exception {
        Path log = dir.resolve("app.jsonl");
        configure(log);
        Logger logger = LoggerFactory.getLogger("shop.Checkout");
        MDC.put("request.id", "r-42");
        logger.atWarn().addMarker(MarkerFactory.getMarker("AUDIT"))
                .addKeyValue("order", new Order(7, List.of("apple"), Optional.empty(), Instant.parse("2026-12-02T10:15:30Z")))
                .addKeyValue("amount", Double.NaN)
                .setCause(new IllegalStateException("card declined", new IOException("gateway timeout")))
                .log("payment of {} failed", "order 7");
        logger.debug("below the root level: not written");
        context.stop();

        List<Map<String, Object>> lines = LogLines.read(log);
        assertThat(lines).hasSize(1);
        Map<String, Object> line = lines.get(0);
        assertThat(line.keySet()).startsWith("@timestamp", "log.level", "message", "ecs.version");
        assertThat(line).containsEntry("log.level", "WARN").containsEntry("message", "payment of order 7 failed")
                .containsEntry("service.name", "shop").containsEntry("log.logger", "shop.Checkout")
                .containsEntry("process.thread.name", Thread.currentThread().getName())
                .containsEntry("tags", List.of("AUDIT")).containsEntry("request.id", "r-42")
                .containsEntry("amount", "NaN")
                .containsEntry("order", orderAsJson())
                .containsEntry("error.type", "java.lang.IllegalStateException")
                .containsEntry("error.message", "card declined");
        assertThat((String) line.get("error.stack_trace")).startsWith("java.lang.IllegalStateException: card declined")
                .contains("Caused by: java.io.IOException: gateway timeout");
    }

    /** The sanitised order: a record by its components, an empty {@code Optional} as null, an {@code Instant} as text. */
    private static Map<String, Object> orderAsJson() {
        Map<String, Object> order = new java.util.HashMap<>();
        order.put("id", 7);
        order.put("items", List.of("apple"));
        order.put("coupon", null);
        order.put("placed", "2026-12-02T10:15:30Z");
        return order;
    }

    @Test
    void anEventTheFileCannotTakeGoesToTheFallbackFileAndTheStatusManagerHearsOfIt() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("logs"), "a file where the log's folder should be");
        configure(notAFolder.resolve("app.jsonl"));
        Logger logger = LoggerFactory.getLogger("shop.Checkout");

        logger.info("kept all the same");
        context.stop();

        assertThat(statuses(Status.ERROR)).singleElement().asString().contains("could not write to ")
                .contains("events go to the fallback file " + dir.resolve("fallbacks"));
        List<Path> fallbackFiles;
        try (Stream<Path> files = Files.list(dir.resolve("fallbacks"))) {
            fallbackFiles = files.filter(p -> p.getFileName().toString().startsWith("app.jsonl.")).toList();
        }
        assertThat(LogLines.read(fallbackFiles)).singleElement().extracting(r -> r.get("message"))
                .isEqualTo("kept all the same");
    }

    @Test
    void aMisconfiguredAppenderSaysWhyAndDoesNotStart() throws Exception {
        configure(dir.resolve("app.jsonl"), "DURABILITY", "sometimes");
        LoggerFactory.getLogger("shop").info("goes nowhere");

        assertThat(statuses(Status.ERROR)).anyMatch(m -> m.contains("misconfigured")
                && m.contains("'sometimes' is not one of none, batch, interval"));
        assertThat(dir.resolve("app.jsonl")).doesNotExist();
    }

    @Test
    void anAsynchronousAppenderWritesEverythingBeforeLogbackStops() throws Exception {
        Path log = dir.resolve("app.jsonl");
        configure(log, "ASYNC", "true", "DURABILITY", "batch");
        Logger logger = LoggerFactory.getLogger("shop.Checkout");
        for (int i = 0; i < 5000; i++) {
            MDC.put("i", Integer.toString(i));
            logger.info("event {}", i);
        }
        context.stop();

        List<Map<String, Object>> lines = LogLines.read(log);
        assertThat(lines).hasSize(5000);
        for (int i = 0; i < 5000; i++) {
            assertThat(lines.get(i)).containsEntry("message", "event " + i).containsEntry("i", Integer.toString(i));
        }
    }
}

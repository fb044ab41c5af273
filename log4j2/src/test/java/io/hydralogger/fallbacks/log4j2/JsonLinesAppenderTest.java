package io.hydralogger.fallbacks.log4j2;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.appender.testing.LogLines;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MarkerFactory;

/**
 * The appender as an application uses it: Log4j2 configured from an XML file, the plugin found
 * through its descriptor, events logged through the Log4j2 API and through SLF4J.
 */
class JsonLinesAppenderTest {
    @TempDir
    Path dir;

    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final StatusListener errorListener = new StatusListener() {
        @Override
        public void log(StatusData data) {
            errors.add(data.getMessage().getFormattedMessage());
        }

        @Override
        public Level getStatusLevel() {
            return Level.ERROR;
        }

        @Override
        public void close() {
            // nothing to release
        }
    };

    private LoggerContext configure(Path log, boolean async) throws URISyntaxException {
        System.setProperty("hydra.test.file", log.toString());
        System.setProperty("hydra.test.fallback", dir.resolve("fallbacks").toString());
        System.setProperty("hydra.test.async", Boolean.toString(async));
        StatusLogger.getLogger().registerListener(errorListener);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.setConfigLocation(JsonLinesAppenderTest.class.getResource("/appender-test-log4j2.xml").toURI());
        return context;
    }

    @AfterEach
    void forget() {
        StatusLogger.getLogger().removeListener(errorListener);
        ThreadContext.clearAll();
        for (String key : List.of("hydra.test.file", "hydra.test.fallback", "hydra.test.async")) {
            System.clearProperty(key);
        }
    }

    @Test
    void eachEventIsOneEcsLineWithItsContext() throws Exception {
        Path log = dir.resolve("app.jsonl");
        LoggerContext context = configure(log, false);
        org.apache.logging.log4j.Logger logger = LogManager.getLogger("shop.Checkout");
        ThreadContext.put("request.id", "r-42");
        LoggerFactory.getLogger("shop.Checkout").warn(MarkerFactory.getMarker("AUDIT"), "payment of {} failed",
                "order 7", new IllegalStateException("card declined", new IOException("gateway timeout")));
        logger.info(new StringMapMessage().with("message", "stock low").with("sku", "A-1"));
        LoggerFactory.getLogger("shop.Cart").atInfo().addKeyValue("items", 3).log("through SLF4J");
        logger.debug("below the root level: not written");
        context.stop();

        List<Map<String, Object>> lines = LogLines.read(log);
        assertThat(lines).hasSize(3);
        Map<String, Object> failure = lines.get(0);
        assertThat(failure.keySet()).startsWith("@timestamp", "log.level", "message", "ecs.version");
        assertThat(failure).containsEntry("log.level", "WARN").containsEntry("message", "payment of order 7 failed")
                .containsEntry("service.name", "shop").containsEntry("log.logger", "shop.Checkout")
                .containsEntry("process.thread.name", Thread.currentThread().getName())
                .containsEntry("tags", List.of("AUDIT")).containsEntry("request.id", "r-42")
                .containsEntry("error.type", "java.lang.IllegalStateException")
                .containsEntry("error.message", "card declined");
        assertThat((String) failure.get("error.stack_trace")).startsWith("java.lang.IllegalStateException: card declined")
                .contains("Caused by: java.io.IOException: gateway timeout");
        assertThat(lines.get(1)).containsEntry("message", "stock low").containsEntry("sku", "A-1");
        assertThat(lines.get(2)).containsEntry("message", "through SLF4J").containsEntry("log.logger", "shop.Cart")
                .containsEntry("items", "3");
    }

    @Test
    void anEventTheFileCannotTakeGoesToTheFallbackFileAndTheErrorHandlerHearsOfIt() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("logs"), "a file where the log's folder should be");
        LoggerContext context = configure(notAFolder.resolve("app.jsonl"), false);

        LogManager.getLogger("shop.Checkout").info("kept all the same");
        context.stop();

        assertThat(errors).anyMatch(m -> m.contains("could not write to ")
                && m.contains("events go to the fallback file " + dir.resolve("fallbacks")));
        List<Path> fallbackFiles;
        try (Stream<Path> files = Files.list(dir.resolve("fallbacks"))) {
            fallbackFiles = files.filter(p -> p.getFileName().toString().startsWith("app.jsonl.")).toList();
        }
        assertThat(LogLines.read(fallbackFiles)).singleElement().extracting(r -> r.get("message"))
                .isEqualTo("kept all the same");
    }

    @Test
    void anAsynchronousAppenderWritesEverythingBeforeLog4jStops() throws Exception {
        Path log = dir.resolve("app.jsonl");
        LoggerContext context = configure(log, true);
        org.apache.logging.log4j.Logger logger = LogManager.getLogger("shop.Checkout");
        for (int i = 0; i < 5000; i++) {
            ThreadContext.put("i", Integer.toString(i));
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

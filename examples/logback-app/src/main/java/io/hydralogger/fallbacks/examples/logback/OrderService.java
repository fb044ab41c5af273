package io.hydralogger.fallbacks.examples.logback;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * An application that logs the ordinary way, through SLF4J, and gets a JSON Lines log that log
 * shippers and {@code jq} read as they are: Logback's {@code logback.xml} (in this module's
 * resources) sends every event to hydra-fallbacks' {@code JsonLinesAppender}. Nothing in the code
 * knows about the appender. Run: {@code java -DLOG_DIR=<folder> ... OrderService} (default folder
 * {@code logs}), then read the file with
 * {@code jq -r '"\(.["@timestamp"]) \(.["log.level"]) \(.message)"' <folder>/app.jsonl}.
 */
public final class OrderService {
    private static final Logger LOG = LoggerFactory.getLogger(OrderService.class);

    /** An order: logged as a key-value pair, it becomes a JSON object in the line. */
    record Order(String id, List<String> items, BigDecimal total, Instant placed) {
    }

    private OrderService() {
    }

    /**
     * Handles a few orders and logs what happens.
     *
     * @param args none
     */
    public static void main(String[] args) {
        LOG.info("order service started");
        List<Order> orders = List.of(
                new Order("o-1", List.of("apple", "pear"), new BigDecimal("4.20"), Instant.now()),
                new Order("o-2", List.of("melon"), new BigDecimal("3.10"), Instant.now()),
                new Order("o-3", List.of(), BigDecimal.ZERO, Instant.now()));
        for (Order order : orders) {
            MDC.put("request.id", "req-" + order.id());
            try {
                handle(order);
            } finally {
                MDC.remove("request.id");
            }
        }
        LOG.info("order service stopped");
        String folder = System.getProperty("LOG_DIR", "logs");
        System.out.println("The log is " + Path.of(folder, "app.jsonl").toAbsolutePath() + "; read it with");
        System.out.println("  jq -r '\"\\(.[\"@timestamp\"]) \\(.[\"log.level\"]) \\(.message)\"' " + Path.of(folder,
                "app.jsonl"));
    }

    private static void handle(Order order) {
        if (order.items().isEmpty()) {
            LOG.atWarn().addMarker(MarkerFactory.getMarker("REJECTED")).addKeyValue("order", order)
                    .log("order {} has no items", order.id());
            return;
        }
        try {
            charge(order);
            LOG.atInfo().addKeyValue("order", order).log("order {} accepted", order.id());
        } catch (IllegalStateException e) {
            LOG.atError().addKeyValue("order", order).setCause(e).log("order {} could not be charged", order.id());
        }
    }

    private static void charge(Order order) {
        if (order.total().compareTo(new BigDecimal("4")) < 0) {
            throw new IllegalStateException("card declined for " + order.total());
        }
    }
}

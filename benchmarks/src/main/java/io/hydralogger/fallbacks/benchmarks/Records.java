package io.hydralogger.fallbacks.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records every benchmark uses: the small users and records of about 1 KB. */
public final class Records {
    /** The record shapes a benchmark can be run with. */
    public static final String USERS = "users";
    /** Records of about 1 KB of JSON each. */
    public static final String KILOBYTE = "1kb";

    private Records() {
    }

    /**
     * Makes {@code count} user records:
     * {@code {"id","name","email","score","active","tags":["a","b"],"meta":{"k"}}}.
     *
     * @param count how many
     * @return the records
     */
    public static List<Map<String, Object>> users(int count) {
        List<Map<String, Object>> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", i);
            user.put("name", "user" + i);
            user.put("email", "user" + i + "@example.com");
            user.put("score", i * 1.5);
            user.put("active", i % 2 == 0);
            user.put("tags", List.of("a", "b"));
            user.put("meta", Map.of("k", i));
            users.add(user);
        }
        return users;
    }

    /**
     * Makes {@code count} records of about 1 KB of compact JSON each: a dozen fields of text,
     * numbers and a nested object, the text varying from record to record.
     *
     * @param count how many
     * @return the records
     */
    public static List<Map<String, Object>> kilobyte(int count) {
        List<Map<String, Object>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", i);
            record.put("timestamp", "2026-11-27T04:" + (10 + i % 50) + ":00.123Z");
            record.put("level", i % 7 == 0 ? "WARN" : "INFO");
            record.put("logger", "io.hydralogger.service.orders.OrderService");
            record.put("thread", "worker-" + (i % 16));
            record.put("message", "order " + i + " processed for customer " + (i * 7919 % 100_000)
                    + " with " + (i % 9 + 1) + " items; " + "lorem ipsum dolor sit amet ".repeat(14));
            record.put("latencyMs", i % 1000 * 0.37);
            record.put("amount", i * 12.5);
            record.put("ok", i % 3 != 0);
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("requestId", "req-" + Long.toHexString(i * 0x9E3779B97F4A7C15L));
            context.put("region", i % 2 == 0 ? "eu-west-1" : "us-east-2");
            context.put("host", "host-" + (i % 32) + ".internal.example.com");
            record.put("context", context);
            record.put("tags", List.of("orders", "billing", "batch-" + i % 10));
            record.put("note", "x".repeat(200 + i % 50));
            records.add(record);
        }
        return records;
    }

    /**
     * The records of a shape.
     *
     * @param shape {@link #USERS} or {@link #KILOBYTE}
     * @param count how many
     * @return the records
     */
    public static List<Map<String, Object>> of(String shape, int count) {
        return switch (shape) {
            case USERS -> users(count);
            case KILOBYTE -> kilobyte(count);
            default -> throw new IllegalArgumentException("unknown record shape: " + shape);
        };
    }

    /**
     * How many records of a shape a benchmark writes or reads per operation: 100,000 users
     * (about 10 MB) or 10,000 records of 1 KB (about 10 MB).
     *
     * @param shape the shape
     * @return the count
     */
    public static int countFor(String shape) {
        return USERS.equals(shape) ? 100_000 : 10_000;
    }
}

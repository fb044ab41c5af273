package io.hydralogger.fallbacks.samples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample records every part of the project writes: the library's tests, the tool's
 * {@code demo} and {@code bench}, the examples and the benchmarks. Record {@code i} is always the
 * same, so that a test can state what it reads back. Each call makes new, mutable lists and maps.
 */
public final class SampleRecords {
    private SampleRecords() {
    }

    /**
     * A user as an application record, written by its components: the same JSON as
     * {@link #user(int)}.
     *
     * @param id the index
     * @param name {@code user<i>}
     * @param email {@code user<i>@example.com}
     * @param score {@code i * 1.5}
     * @param active whether {@code i} is even
     * @param tags {@code ["a", "b"]}
     * @param meta a nested record
     */
    public record User(int id, String name, String email, double score, boolean active, List<String> tags,
            Meta meta) {
    }

    /**
     * The nested part of a {@link User}.
     *
     * @param k the user's index again
     */
    public record Meta(int k) {
    }

    /**
     * User number {@code i} as plain values:
     * {@code {"id":i,"name":"user<i>","email":"user<i>@example.com","score":i*1.5,"active":i%2==0,"tags":["a","b"],"meta":{"k":i}}}.
     *
     * @param i the index
     * @return the user, its keys in that order
     */
    public static Map<String, Object> user(int i) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", i);
        user.put("name", "user" + i);
        user.put("email", "user" + i + "@example.com");
        user.put("score", i * 1.5);
        user.put("active", i % 2 == 0);
        user.put("tags", List.of("a", "b"));
        user.put("meta", Map.of("k", i));
        return user;
    }

    /**
     * Users {@code 0} to {@code count - 1} as plain values (see {@link #user(int)}).
     *
     * @param count how many
     * @return the users
     */
    public static List<Map<String, Object>> users(int count) {
        List<Map<String, Object>> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(user(i));
        }
        return users;
    }

    /**
     * Users {@code 0} to {@code count - 1} as application records (see {@link User}).
     *
     * @param count how many
     * @return the users
     */
    public static List<User> userRecords(int count) {
        List<User> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(new User(i, "user" + i, "user" + i + "@example.com", i * 1.5, i % 2 == 0, List.of("a", "b"),
                    new Meta(i)));
        }
        return users;
    }

    /**
     * Records of about 1 KB of compact JSON each, like a service's log records: a dozen fields of
     * text, numbers and a nested object, the text varying from record to record.
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
}

package io.hydralogger.fallbacks.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records every benchmark uses, shaped like the users. */
public final class Records {
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
}

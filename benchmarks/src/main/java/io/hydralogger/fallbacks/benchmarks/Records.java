package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.samples.SampleRecords;
import java.util.List;
import java.util.Map;

/**
 * The records every benchmark uses: the small users and records of about 1 KB, from the
 * project's one source of samples ({@link SampleRecords}).
 */
public final class Records {
    /** The record shapes a benchmark can be run with. */
    public static final String USERS = "users";
    /** Records of about 1 KB of JSON each. */
    public static final String KILOBYTE = "1kb";

    private Records() {
    }

    /**
     * {@link SampleRecords#users(int)}.
     *
     * @param count how many
     * @return the records
     */
    public static List<Map<String, Object>> users(int count) {
        return SampleRecords.users(count);
    }

    /**
     * {@link SampleRecords#kilobyte(int)}.
     *
     * @param count how many
     * @return the records
     */
    public static List<Map<String, Object>> kilobyte(int count) {
        return SampleRecords.kilobyte(count);
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

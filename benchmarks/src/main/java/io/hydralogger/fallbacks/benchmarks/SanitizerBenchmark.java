package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.sanitize.DataSanitizer;
import io.hydralogger.fallbacks.sanitize.ValueSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-class cache of the sanitiser: 1,000 records of the same Java record classes
 * ({@code User} with a nested {@code Meta}) sanitised into a sink that only consumes the events.
 * Cold empties the cache before every record, so each one is taken apart by reflection anew;
 * warm keeps it, as repeated writes of same-shaped records do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SanitizerBenchmark {
    /** How many records one operation sanitises. */
    public static final int RECORDS = 1_000;

    /**
     * A user as a Java record.
     *
     * @param id the id
     * @param name the name
     * @param email the email
     * @param score the score
     * @param active whether active
     * @param tags the tags
     * @param meta nested data
     */
    public record User(int id, String name, String email, double score, boolean active, List<String> tags,
            Meta meta) {
    }

    /**
     * Nested data of a user.
     *
     * @param k a number
     */
    public record Meta(int k) {
    }

    private final List<User> users = new ArrayList<>();

    /** Makes the records. */
    @Setup
    public void setUp() {
        for (int i = 0; i < RECORDS; i++) {
            users.add(new User(i, "user" + i, "user" + i + "@example.com", i * 1.5, i % 2 == 0,
                    List.of("a", "b"), new Meta(i)));
        }
    }

    /**
     * Every record with an empty cache.
     *
     * @param blackhole consumes the events
     */
    @Benchmark
    public void cold(Blackhole blackhole) {
        ValueSink sink = new ConsumingSink(blackhole);
        for (User user : users) {
            DataSanitizer.clearCache();
            DataSanitizer.sanitizeTo(user, sink);
        }
    }

    /**
     * Every record with the cache kept.
     *
     * @param blackhole consumes the events
     */
    @Benchmark
    public void warm(Blackhole blackhole) {
        ValueSink sink = new ConsumingSink(blackhole);
        for (User user : users) {
            DataSanitizer.sanitizeTo(user, sink);
        }
    }

    /** Hands every event to the blackhole, so nothing is optimised away. */
    private static final class ConsumingSink implements ValueSink {
        private final Blackhole blackhole;

        ConsumingSink(Blackhole blackhole) {
            this.blackhole = blackhole;
        }

        @Override
        public void beginObject() {
            blackhole.consume(1);
        }

        @Override
        public void name(String name) {
            blackhole.consume(name);
        }

        @Override
        public void endObject() {
            blackhole.consume(2);
        }

        @Override
        public void beginArray() {
            blackhole.consume(3);
        }

        @Override
        public void endArray() {
            blackhole.consume(4);
        }

        @Override
        public void string(String value) {
            blackhole.consume(value);
        }

        @Override
        public void number(long value) {
            blackhole.consume(value);
        }

        @Override
        public void number(double value) {
            blackhole.consume(value);
        }

        @Override
        public void number(BigInteger value) {
            blackhole.consume(value);
        }

        @Override
        public void number(BigDecimal value) {
            blackhole.consume(value);
        }

        @Override
        public void bool(boolean value) {
            blackhole.consume(value);
        }

        @Override
        public void nullValue() {
            blackhole.consume(0);
        }
    }
}

package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.samples.SampleRecords;
import io.hydralogger.fallbacks.sanitize.DataSanitizer;
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
 * ({@code User} with a nested {@code Meta}) sanitised into plain copies (maps, lists, scalars)
 * through a {@code DataSanitizer} that keeps its cache.
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

    private List<SampleRecords.User> users = List.of();
    private final DataSanitizer sanitizer = DataSanitizer.create();

    /** Makes the records. */
    @Setup
    public void setUp() {
        users = SampleRecords.userRecords(RECORDS);
    }

    /**
     * Every record with an empty cache.
     *
     * @param blackhole consumes the sanitised copies
     */
    @Benchmark
    public void cold(Blackhole blackhole) {
        for (SampleRecords.User user : users) {
            sanitizer.clearCache();
            blackhole.consume(sanitizer.toJson(user));
        }
    }

    /**
     * Every record with the cache kept.
     *
     * @param blackhole consumes the sanitised copies
     */
    @Benchmark
    public void warm(Blackhole blackhole) {
        for (SampleRecords.User user : users) {
            blackhole.consume(sanitizer.toJson(user));
        }
    }
}

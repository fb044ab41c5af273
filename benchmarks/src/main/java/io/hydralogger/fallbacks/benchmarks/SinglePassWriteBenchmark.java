package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.write.Durability;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What keeping a single-pass source's records until they are written costs (so that a failed
 * write can put every record it handed out in the fallback file): the same records written from
 * a list (iterated again for a fallback file, nothing kept) and from its iterator. Durability
 * {@code NONE}, so that the cost is not hidden behind the disk. Two sizes: 4,000 users (about
 * 400 KB, written on the calling thread alone, where each record is confirmed) and 100,000
 * (about 10 MB, mostly in chunks on helper threads, confirmed per chunk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class SinglePassWriteBenchmark {
    /**
     * The format written ({@code JSON}, {@code JSON_LINES} or {@code CSV}) and how many user
     * records: 4,000 (one thread) or 100,000 (several). Named {@code shape} so that
     * {@link Paired} can drive it (see {@link #main}).
     */
    @Param({"JSON/4000", "JSON_LINES/4000", "CSV/4000", "JSON/100000", "JSON_LINES/100000", "CSV/100000"})
    public String shape;

    private List<Map<String, Object>> records;
    private Format target;
    private Path folder;
    private FallbackHandler handler;

    /** Makes the records and the folder. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = shape.split("/");
        target = Format.valueOf(parts[0]);
        records = Records.of(Records.USERS, Integer.parseInt(parts[1]));
        folder = BenchFiles.newFolder();
        handler = FallbackHandler.builder().durability(Durability.NONE).build();
    }

    /** Removes the files. */
    @TearDown(Level.Trial)
    public void tearDown() {
        BenchFiles.delete(folder);
    }

    /** {@return the result of a write from a list} */
    @Benchmark
    public WriteResult list() {
        return WriteBenchmark.ok(handler.write(records, folder.resolve("list." + target.label()), target));
    }

    /** {@return the result of a write from the list's iterator (a single-pass source)} */
    @Benchmark
    public WriteResult iterator() {
        return WriteBenchmark.ok(handler.write(records.iterator(), folder.resolve("iterator." + target.label()),
                target));
    }

    /**
     * Prints the ratio list time / iterator time of every shape, measured interleaved (see
     * {@link Paired}): the steadier figure on a loaded machine.
     *
     * @param args none
     * @throws ReflectiveOperationException if the benchmark cannot be driven
     */
    public static void main(String[] args) throws ReflectiveOperationException {
        for (String shape : SinglePassWriteBenchmark.class.getField("shape").getAnnotation(Param.class).value()) {
            Paired.Outcome outcome = Paired.run(SinglePassWriteBenchmark.class, shape, "iterator", "list", false);
            System.out.printf(java.util.Locale.ROOT, "%-18s list/iterator %.3f (iterator %.2f ms, list %.2f ms,"
                    + " %d rounds, load %.1f)%n", shape, outcome.ratio(), outcome.subjectMillis(),
                    outcome.baselineMillis(), outcome.rounds(), outcome.load());
        }
    }
}

package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
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
 * Whole-file writes: the safe write (temp file, fsync, one backup by hard link, atomic rename,
 * folder fsync, per-path lock, sanitiser) next to plain Jackson / FastCSV writing a buffered
 * file in place. Each operation writes all records of the shape (about 10 MB) over the file of
 * the previous operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class WriteBenchmark {
    /** The record shape: {@code users} or {@code 1kb}. */
    @Param({Records.USERS, Records.KILOBYTE})
    public String shape;

    private List<Map<String, Object>> records;
    private Path folder;
    private FallbackHandler handler;

    /** Makes the records and the folder. */
    @Setup(Level.Trial)
    public void setUp() {
        records = Records.of(shape, Records.countFor(shape));
        folder = BenchFiles.newFolder();
        handler = FallbackHandler.builder().durability(Durability.SYNC).backups(1).build();
    }

    /** Removes the files. */
    @TearDown(Level.Trial)
    public void tearDown() {
        BenchFiles.delete(folder);
    }

    /** {@return the result of a safe JSON write} */
    @Benchmark
    public WriteResult safeJson() {
        return ok(handler.writeJson(records, folder.resolve("safe.json")));
    }

    /**
     * Plain Jackson {@code writeValue}.
     *
     * @throws IOException if writing fails
     */
    @Benchmark
    public void plainJson() throws IOException {
        Plain.writeJson(records, folder.resolve("plain.json"));
    }

    /** {@return the result of a safe JSON Lines write} */
    @Benchmark
    public WriteResult safeJsonLines() {
        return ok(handler.writeJsonLines(records, folder.resolve("safe.jsonl")));
    }

    /**
     * Plain Jackson {@code SequenceWriter}.
     *
     * @throws IOException if writing fails
     */
    @Benchmark
    public void plainJsonLines() throws IOException {
        Plain.writeJsonLines(records, folder.resolve("plain.jsonl"));
    }

    /** {@return the result of a safe CSV write} */
    @Benchmark
    public WriteResult safeCsv() {
        return ok(handler.writeCsv(records, folder.resolve("safe.csv")));
    }

    /**
     * Plain FastCSV.
     *
     * @throws IOException if writing fails
     */
    @Benchmark
    public void plainCsv() throws IOException {
        Plain.writeCsv(records, folder.resolve("plain.csv"));
    }

    static WriteResult ok(WriteResult result) {
        if (!result.ok()) {
            throw new IllegalStateException("the safe write failed: " + result);
        }
        return result;
    }
}

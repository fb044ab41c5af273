package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
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
 * Files of 100 MB and more, where the library uses both cores: the safe whole-file write (durable:
 * forced, one backup, renamed; serialised on every core and forced ahead) next to plain Jackson /
 * FastCSV on one thread, not forced; and the safe read (parsed in chunks on every core) next to
 * plain Jackson on one thread. {@code users} are 1,000,000 of the small records (135 MB of
 * JSON), {@code 1kb} 100,000 records of about 1 KB (100 MB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class BigFileBenchmark {
    /** The record shape: {@code users} or {@code 1kb}. */
    @Param({Records.USERS, Records.KILOBYTE})
    public String shape;

    private List<Map<String, Object>> records;
    private Path folder;
    private Path json;
    private Path jsonLines;
    private FallbackHandler handler;

    /**
     * How many records of a shape make a big file: 1,000,000 users or 100,000 of 1 KB.
     *
     * @param shape the shape
     * @return the count
     */
    public static int countFor(String shape) {
        return Records.USERS.equals(shape) ? 1_000_000 : 100_000;
    }

    /** Makes the records, and the files the reads read. */
    @Setup(Level.Trial)
    public void setUp() {
        records = Records.of(shape, countFor(shape));
        folder = BenchFiles.newFolder();
        handler = FallbackHandler.builder().durability(Durability.SYNC).backups(1).build();
        json = folder.resolve("read.json");
        jsonLines = folder.resolve("read.jsonl");
        WriteBenchmark.ok(handler.writeJson(records, json));
        WriteBenchmark.ok(handler.writeJsonLines(records, jsonLines));
    }

    /** Removes the files. */
    @TearDown(Level.Trial)
    public void tearDown() {
        BenchFiles.delete(folder);
    }

    /** {@return a safe, durable JSON write} */
    @Benchmark
    public WriteResult safeWriteJson() {
        return WriteBenchmark.ok(handler.writeJson(records, folder.resolve("safe.json")));
    }

    /**
     * Plain Jackson {@code writeValue} on one thread, not forced.
     *
     * @throws IOException if writing fails
     */
    @Benchmark
    public void plainWriteJson() throws IOException {
        Plain.writeJson(records, folder.resolve("plain.json"));
    }

    /** {@return a safe, durable JSON Lines write} */
    @Benchmark
    public WriteResult safeWriteJsonLines() {
        return WriteBenchmark.ok(handler.writeJsonLines(records, folder.resolve("safe.jsonl")));
    }

    /**
     * Plain Jackson {@code SequenceWriter} on one thread, not forced.
     *
     * @throws IOException if writing fails
     */
    @Benchmark
    public void plainWriteJsonLines() throws IOException {
        Plain.writeJsonLines(records, folder.resolve("plain.jsonl"));
    }

    /** {@return a safe, durable CSV write} */
    @Benchmark
    public WriteResult safeWriteCsv() {
        return WriteBenchmark.ok(handler.writeCsv(records, folder.resolve("safe.csv")));
    }

    /**
     * Plain FastCSV on one thread, not forced.
     *
     * @throws IOException if writing fails
     */
    @Benchmark
    public void plainWriteCsv() throws IOException {
        Plain.writeCsv(records, folder.resolve("plain.csv"));
    }

    /** {@return the safe JSON read} */
    @Benchmark
    public ReadResult<Object> safeReadJson() {
        return ReadBenchmark.intact(handler.readJson(json));
    }

    /**
     * {@return plain Jackson {@code readValue} on one thread}
     *
     * @throws IOException if reading fails
     */
    @Benchmark
    public Object plainReadJson() throws IOException {
        return Plain.readJson(json);
    }

    /** {@return the safe JSON Lines read} */
    @Benchmark
    public ReadResult<List<Object>> safeReadJsonLines() {
        return ReadBenchmark.intact(handler.readJsonLines(jsonLines));
    }

    /**
     * {@return plain Jackson {@code MappingIterator} on one thread}
     *
     * @throws IOException if reading fails
     */
    @Benchmark
    public Object plainReadJsonLines() throws IOException {
        return Plain.readJsonLines(jsonLines);
    }
}

package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MappingIterator;

/**
 * Reads of 100 MB files (100,000 records of 1 KB): the safe read, which parses large files on
 * two threads, against the same strict parse on one thread. The control measures what the
 * machine gives right now: plain Jackson parsing the two halves of the file's bytes on one
 * thread, then on two; on a shared machine it bounds what any parallel read can reach.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class ParallelReadBenchmark {
    /** Records per file: 100,000 of about 1 KB. */
    public static final int RECORDS = 100_000;

    private Path folder;
    private Path json;
    private Path jsonLines;
    private byte[] lines;
    private int middle;
    private FallbackHandler handler;
    private JavaType object;
    private ExecutorService pool;

    /**
     * Writes the two files and keeps the JSON Lines bytes for the control.
     *
     * @throws IOException if writing fails
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        folder = BenchFiles.newFolder();
        handler = FallbackHandler.builder().build();
        object = handler.mapper().constructType(Object.class);
        json = folder.resolve("big.json");
        jsonLines = folder.resolve("big.jsonl");
        var records = Records.kilobyte(RECORDS);
        WriteBenchmark.ok(handler.writeJson(records, json));
        WriteBenchmark.ok(handler.writeJsonLines(records, jsonLines));
        lines = Files.readAllBytes(jsonLines);
        middle = lines.length / 2;
        while (lines[middle - 1] != '\n') {
            middle++;
        }
        pool = Executors.newFixedThreadPool(2);
    }

    /** Removes the files and stops the pool. */
    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
        BenchFiles.delete(folder);
    }

    /** {@return the safe read of the JSON Lines file} */
    @Benchmark
    public ReadResult<List<Object>> parallelJsonLines() {
        return ReadBenchmark.intact(handler.readJsonLines(jsonLines));
    }

    /**
     * {@return the strict JSON Lines parse on the calling thread, as the library does it for
     * smaller files}
     *
     * @throws IOException if reading fails
     */
    @Benchmark
    public List<Object> sequentialJsonLines() throws IOException {
        try (InputStream in = Files.newInputStream(jsonLines);
                MappingIterator<Object> values = handler.mapper().readerFor(object).readValues(in)) {
            return values.readAll(new ArrayList<>());
        }
    }

    /** {@return the safe read of the JSON array file} */
    @Benchmark
    public ReadResult<Object> parallelJson() {
        return ReadBenchmark.intact(handler.readJson(json));
    }

    /**
     * {@return the strict JSON parse on the calling thread, as the library does it for smaller
     * files}
     *
     * @throws IOException if reading fails
     */
    @Benchmark
    public Object sequentialJson() throws IOException {
        try (InputStream in = Files.newInputStream(json)) {
            return handler.mapper().readValue(in, object);
        }
    }

    /** {@return both halves parsed by plain Jackson, one after the other} */
    @Benchmark
    public List<Object> controlOneThread() {
        List<Object> all = parse(0, middle);
        all.addAll(parse(middle, lines.length));
        return all;
    }

    /**
     * {@return both halves parsed by plain Jackson at once, on two threads}
     *
     * @throws InterruptedException if interrupted
     * @throws ExecutionException if a parse fails
     */
    @Benchmark
    public List<Object> controlTwoThreads() throws InterruptedException, ExecutionException {
        Future<List<Object>> second = pool.submit(() -> parse(middle, lines.length));
        List<Object> all = parse(0, middle);
        all.addAll(second.get());
        return all;
    }

    private List<Object> parse(int from, int to) {
        try (MappingIterator<Object> values = Plain.MAPPER.readerFor(Object.class).readValues(lines, from, to - from)) {
            return values.readAll(new ArrayList<>());
        }
    }
}

package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.Source;
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
 * Whole-file reads of an intact file (in the page cache): the safe read (strict parse, stats,
 * a result saying where the data came from) next to plain Jackson / FastCSV reading the same
 * file into {@code List<Map>}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ReadBenchmark {
    /** The record shape: {@code users} or {@code 1kb}. */
    @Param({Records.USERS, Records.KILOBYTE})
    public String shape;

    private Path folder;
    private Path json;
    private Path jsonLines;
    private Path csv;
    private FallbackHandler handler;

    /**
     * Writes the three files once.
     *
     * @throws IOException if writing fails
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        List<Map<String, Object>> records = Records.of(shape, Records.countFor(shape));
        folder = BenchFiles.newFolder();
        handler = FallbackHandler.builder().build();
        json = folder.resolve("records.json");
        jsonLines = folder.resolve("records.jsonl");
        csv = folder.resolve("records.csv");
        WriteBenchmark.ok(handler.writeJson(records, json));
        WriteBenchmark.ok(handler.writeJsonLines(records, jsonLines));
        WriteBenchmark.ok(handler.writeCsv(records, csv));
    }

    /** Removes the files. */
    @TearDown(Level.Trial)
    public void tearDown() {
        BenchFiles.delete(folder);
    }

    /** {@return a safe JSON read} */
    @Benchmark
    public ReadResult<Object> safeJson() {
        return intact(handler.readJson(json));
    }

    /**
     * {@return a plain Jackson {@code readValue}}
     *
     * @throws IOException if reading fails
     */
    @Benchmark
    public Object plainJson() throws IOException {
        return Plain.readJson(json);
    }

    /** {@return a safe JSON Lines read} */
    @Benchmark
    public ReadResult<List<Object>> safeJsonLines() {
        return intact(handler.readJsonLines(jsonLines));
    }

    /**
     * {@return a plain Jackson {@code MappingIterator} read}
     *
     * @throws IOException if reading fails
     */
    @Benchmark
    public Object plainJsonLines() throws IOException {
        return Plain.readJsonLines(jsonLines);
    }

    /** {@return a safe CSV read} */
    @Benchmark
    public ReadResult<List<Map<String, String>>> safeCsv() {
        return intact(handler.readCsv(csv));
    }

    /**
     * {@return a plain FastCSV read}
     *
     * @throws IOException if reading fails
     */
    @Benchmark
    public Object plainCsv() throws IOException {
        return Plain.readCsv(csv);
    }

    static <T> ReadResult<T> intact(ReadResult<T> result) {
        if (result.source() != Source.PRIMARY) {
            throw new IllegalStateException("the safe read did not read the intact file: " + result);
        }
        return result;
    }
}

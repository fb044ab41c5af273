package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * JSON Lines appends from 1, 2, 4 and 8 threads of one JVM: {@code hydra*} calls
 * {@link FallbackHandler#appendJsonLines(Iterable, Path)} with {@code recordsPerCall} records
 * (process locking on, as the default handler has it), {@code logback*} appends the same number
 * of events one by one through Logback's prudent mode (see {@link LogbackPrudent}). Both are
 * process-safe. Logback never forces the file, so compare it with {@code durability=NONE}.
 * Scores are calls per second; events per second = score × {@code recordsPerCall}. The log file
 * starts empty at every iteration. For two processes see {@link AppendProcesses}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AppendBenchmark {
    /** Whether hydra-fallbacks forces every append. */
    @Param({"NONE", "SYNC"})
    public Durability durability;

    /** Records per append call (Logback: events per benchmark operation). */
    @Param({"1", "64"})
    public int recordsPerCall;

    private Path dir;
    private Path file;
    private FallbackHandler handler;
    private List<Map<String, Object>> records;
    private LogbackPrudent logback;

    /** Makes the records, the handler and a folder for the log files. */
    @Setup
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("append-benchmark");
        handler = FallbackHandler.builder().durability(durability).build();
        records = Records.users(recordsPerCall);
    }

    /** Starts every iteration with an empty log file and a fresh Logback appender. */
    @Setup(Level.Iteration)
    public void newFile() throws IOException {
        file = dir.resolve("log.jsonl");
        Files.deleteIfExists(file);
        logback = new LogbackPrudent(dir.resolve("logback.jsonl"));
    }

    /** Stops the Logback appender and removes the log files. */
    @TearDown(Level.Iteration)
    public void removeFiles() throws IOException {
        logback.close();
        Files.deleteIfExists(dir.resolve("logback.jsonl"));
        Files.deleteIfExists(file);
    }

    /** Removes the folder. */
    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path leftover : files.toList()) {
                Files.deleteIfExists(leftover);
            }
        }
        Files.deleteIfExists(dir);
    }

    private boolean hydra() {
        return handler.appendJsonLines(records, file).ok();
    }

    private int logback() {
        for (Map<String, Object> record : records) {
            logback.append(record);
        }
        return records.size();
    }

    /** @return whether the append landed */
    @Benchmark
    @Threads(1)
    public boolean hydra1() {
        return hydra();
    }

    /** @return whether the append landed */
    @Benchmark
    @Threads(2)
    public boolean hydra2() {
        return hydra();
    }

    /** @return whether the append landed */
    @Benchmark
    @Threads(4)
    public boolean hydra4() {
        return hydra();
    }

    /** @return whether the append landed */
    @Benchmark
    @Threads(8)
    public boolean hydra8() {
        return hydra();
    }

    /** @return the events appended */
    @Benchmark
    @Threads(1)
    public int logback1() {
        return logback();
    }

    /** @return the events appended */
    @Benchmark
    @Threads(2)
    public int logback2() {
        return logback();
    }

    /** @return the events appended */
    @Benchmark
    @Threads(4)
    public int logback4() {
        return logback();
    }

    /** @return the events appended */
    @Benchmark
    @Threads(8)
    public int logback8() {
        return logback();
    }
}

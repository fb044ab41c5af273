package io.hydralogger.fallbacks.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * One log event per call from 1, 4 and 8 threads, through four process-safe file loggers (see
 * {@link BenchLogger}): hydra-fallbacks' Logback appender, synchronous and asynchronous, Logback's
 * prudent {@code FileAppender} and Log4j2's {@code FileAppender} with {@code locking="true"}.
 * Scores are events per second (all threads together). The log file starts empty at every
 * iteration. For two processes see {@link AppendProcesses}; for how fast the asynchronous mode
 * takes events while its queue has room see {@link AsyncAcceptBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoggingBenchmark {
    static {
        // the library's own logging goes to slf4j-simple, not to the Logback set up here
        System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    }

    /** Which logger. */
    @Param({"hydra", "hydra-async", "logback-prudent", "log4j2-locking", "hydra-batch", "hydra-async-batch"})
    public String logger;

    private Path dir;
    private BenchLogger bench;
    private final AtomicInteger threads = new AtomicInteger();

    /** Starts every iteration with an empty folder and a fresh logger. */
    @Setup(Level.Iteration)
    public void newFile() {
        dir = BenchFiles.newFolder();
        bench = BenchLogger.create(logger, dir.resolve("log.jsonl"));
    }

    /** Stops the logger (the asynchronous one writes its queue) and removes the files. */
    @TearDown(Level.Iteration)
    public void removeFile() {
        bench.close();
        BenchFiles.delete(dir);
    }

    /** Each benchmark thread's MDC and counter. */
    @State(Scope.Thread)
    public static class Caller {
        int i;
        boolean entered;
    }

    private void log(Caller caller) {
        if (!caller.entered) {
            bench.enter("u-" + threads.incrementAndGet());
            caller.entered = true;
        }
        bench.log(caller.i++);
    }

    /** @param caller this thread's state */
    @Benchmark
    @Threads(1)
    public void threads1(Caller caller) {
        log(caller);
    }

    /** @param caller this thread's state */
    @Benchmark
    @Threads(4)
    public void threads4(Caller caller) {
        log(caller);
    }

    /** @param caller this thread's state */
    @Benchmark
    @Threads(8)
    public void threads8(Caller caller) {
        log(caller);
    }
}

package io.hydralogger.fallbacks.benchmarks;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast hydra-fallbacks' asynchronous Logback appender takes events from one thread while its
 * queue has room: each shot logs {@value #EVENTS} events into a fresh appender whose queue holds
 * them all, so the thread never waits for the writer; events per second = {@value #EVENTS} ÷ the
 * score (seconds per shot). What it writes per second, sustained, is
 * {@link LoggingBenchmark}'s {@code hydra-async} (there the queue is full and the caller waits).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, batchSize = AsyncAcceptBenchmark.EVENTS)
@Measurement(iterations = 5, batchSize = AsyncAcceptBenchmark.EVENTS)
public class AsyncAcceptBenchmark {
    /** Events per shot. */
    static final int EVENTS = 200_000;

    static {
        System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
    }

    private Path dir;
    private io.hydralogger.fallbacks.logback.JsonLinesAppender appender;
    private ch.qos.logback.classic.Logger logger;
    private int i;

    /** A fresh appender with a queue that holds a whole shot. */
    @Setup(Level.Iteration)
    public void newAppender() {
        dir = BenchFiles.newFolder();
        ch.qos.logback.classic.LoggerContext context = new ch.qos.logback.classic.LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        appender = new io.hydralogger.fallbacks.logback.JsonLinesAppender();
        appender.setContext(context);
        appender.setName("hydra-async");
        appender.setFile(dir.resolve("log.jsonl").toString());
        appender.setAsync(true);
        appender.setQueueSize(EVENTS + 1);
        appender.start();
        logger = context.getLogger("bench.Checkout");
        logger.setAdditive(false);
        logger.addAppender(appender);
        context.getMDCAdapter().put("user.id", "u-1");
    }

    /** Lets the writer write the shot, then removes the files. */
    @TearDown(Level.Iteration)
    public void stop() {
        appender.stop();
        BenchFiles.delete(dir);
    }

    /** Logs one event (JMH calls this {@value #EVENTS} times per shot). */
    @Benchmark
    public void accept() {
        logger.info("user {} logged in from {}", i++, "10.0.0.1");
    }
}

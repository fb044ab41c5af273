package io.hydralogger.fallbacks.appender;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A JSON Lines log file that logging frameworks' appenders write events to: one record per
 * event, one line per record, through the library's append. This is what the Logback and Log4j2
 * appenders share; they only turn their events into records ({@link EcsRecord}) and pass the
 * reports on to their status channel.
 *
 * <p>What it promises:
 * <ul>
 *   <li><b>Whole lines, safe between threads and processes</b>: every write is an append of whole
 *       lines under the file's in-JVM lock and OS lock ({@code .<name>.lock}), so several JVMs can
 *       log to one file; a torn last line left by a writer that died is repaired before the next
 *       append (completed, or kept as {@code <name>.torn-<stamp>} and cut off), never glued onto.
 *   <li><b>Nothing lost</b>: an event the file cannot take (disk full, no permission, folder gone)
 *       goes to a JSON Lines fallback file, and the failure is reported through the
 *       {@link StatusListener}; no method throws into the application for I/O.
 *   <li><b>Durability</b> as configured ({@link LogDurability}).
 *   <li><b>Asynchronous mode</b>: {@link #append} queues and returns; one writer thread writes the
 *       queue in batches. {@link #stop()} and the JVM's shutdown (a shutdown hook) write what is
 *       queued, so a clean exit loses nothing; a process killed outright loses what was still
 *       queued. The events must be ready to be read by another thread (formatted, context copied:
 *       the adapters do that).
 *   <li><b>Rotation</b> by size and by time, safe with several processes appending
 *       ({@code Rotator}), with a bounded number of rotated files kept.
 * </ul>
 *
 * <p>Thread-safe. Stopping is final: events appended after {@link #stop()} are written at once,
 * synchronously, so that none is lost while an application shuts down.
 *
 * @param <E> the logging framework's event type
 */
public final class LogFile<E> {
    private final LogFileConfig config;
    private final Function<? super E, Map<String, Object>> converter;
    private final StatusListener status;
    private final RecordSink sink;
    private final AsyncWriter<E> async;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private LogFile(LogFileConfig config, Function<? super E, Map<String, Object>> converter, StatusListener status,
            Clock clock) {
        this.config = config;
        this.converter = converter;
        this.status = status;
        this.sink = new RecordSink(config, clock, status);
        this.async = config.async() ? new AsyncWriter<>(config.file().getFileName().toString(), config.queueSize(),
                config.whenQueueFull(), converter, sink, status) : null;
        this.shutdownHook = new Thread(this::stop, "hydra-appender-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Opens a log file for events. Nothing is written until the first event (which also repairs
     * a torn last line left by a writer that died).
     *
     * @param config how to write
     * @param converter turns an event into its record (see {@link EcsRecord}); called on the
     *     writer thread in asynchronous mode
     * @param status where failures are reported
     * @param <E> the event type
     * @return the open log file
     * @throws NullPointerException if an argument is null
     */
    public static <E> LogFile<E> open(LogFileConfig config, Function<? super E, Map<String, Object>> converter,
            StatusListener status) {
        return open(config, converter, status, Clock.systemUTC());
    }

    /**
     * Opens a log file with a clock of one's own for the retry interval (tests). Rotation by time
     * always reads the system clock, the one the file system stamps files with.
     *
     * @param config how to write
     * @param converter turns an event into its record
     * @param status where failures are reported
     * @param clock measures the retry interval
     * @param <E> the event type
     * @return the open log file
     */
    public static <E> LogFile<E> open(LogFileConfig config, Function<? super E, Map<String, Object>> converter,
            StatusListener status, Clock clock) {
        Objects.requireNonNull(config, "config must not be null");
        Objects.requireNonNull(converter, "converter must not be null");
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(clock, "clock must not be null");
        return new LogFile<>(config, converter, status, clock);
    }

    /**
     * Writes an event (synchronous mode, or after stop) or queues it (asynchronous mode). Never
     * throws for I/O or for the event's content.
     *
     * @param event the event
     */
    public void append(E event) {
        if (async != null) {
            async.offer(event);
        } else {
            sink.write(List.of(record(converter, event, status)));
        }
    }

    /**
     * Writes what is queued (waiting at most the configured stop timeout), forces what the
     * durability setting has not forced yet, and removes the shutdown hook. Idempotent.
     */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (async != null) {
            async.stop(config.stopTimeout());
        }
        sink.flush();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs (or ran) stop as well
            }
        }
    }

    /** {@return the configuration} */
    public LogFileConfig config() {
        return config;
    }

    /** {@return the events written to the log file since open} */
    public long written() {
        return sink.written();
    }

    /** {@return the events that went to a fallback file because the log file refused them} */
    public long fellBack() {
        return sink.fellBack();
    }

    /** {@return the events lost: dropped from a full queue, or taken by no file} */
    public long lost() {
        return sink.lost() + (async == null ? 0 : async.dropped());
    }

    /** Converts an event, turning a converter's failure into a record that says so. */
    static <E> Map<String, Object> record(Function<? super E, Map<String, Object>> converter, E event,
            StatusListener status) {
        try {
            return converter.apply(event);
        } catch (RuntimeException e) {
            status.error("could not turn an event into a record (" + e + "); writing a record that says so", e);
            long now = System.currentTimeMillis();
            return EcsRecord.of(now / 1000, (int) (now % 1000) * 1_000_000, "ERROR",
                    "an event could not be turned into a record: " + e).error(e)
                    .toMap();
        }
    }
}

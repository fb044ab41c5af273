package io.hydralogger.fallbacks.appender;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The asynchronous mode of a {@link LogFile}: a bounded queue of events and one writer thread
 * ({@code hydra-appender-<file name>}, a daemon) that drains it in batches of up to
 * {@value #MAX_BATCH} events, converts them to records and writes each batch with one append.
 *
 * <p>When the queue is full, the {@link QueueFullPolicy} decides: wait for room, or drop and
 * count. {@link #stop(Duration)} lets the writer write everything queued, then writes whatever
 * came in while it finished itself; an event offered after that is written at once by the thread
 * that offers it, so no event is stranded in the queue. Thread-safe.
 */
final class AsyncWriter<E> {
    /** The most events one append writes. */
    static final int MAX_BATCH = 1024;
    private static final long DROP_REPORT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** Wakes an idle writer at stop; not an event. */
    private static final Object WAKE = new Object();

    private final BlockingQueue<Object> queue;
    private final QueueFullPolicy whenFull;
    private final Function<? super E, Map<String, Object>> converter;
    private final RecordSink sink;
    private final StatusListener status;
    private final Thread writer;
    private final LongAdder dropped = new LongAdder();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private volatile boolean stopped;
    /** Drops reported so far and when; touched by the writer thread, and by stop after it ended. */
    private long droppedReported;
    private long lastDropReport;

    AsyncWriter(String name, int capacity, QueueFullPolicy whenFull, Function<? super E, Map<String, Object>> converter,
            RecordSink sink, StatusListener status) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.whenFull = whenFull;
        this.converter = converter;
        this.sink = sink;
        this.status = status;
        this.writer = new Thread(this::drain, "hydra-appender-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues an event (or, after stop, writes it at once).
     *
     * @param event the event, ready for another thread (its message formatted, its context copied)
     */
    void offer(E event) {
        if (stopped) {
            sink.write(List.of(LogFile.record(converter, event, status)));
            return;
        }
        if (whenFull == QueueFullPolicy.DROP || Thread.currentThread() == writer) {
            if (!queue.offer(event)) {
                dropped.increment();
            }
        } else {
            putUninterruptibly(event);
        }
        if (stopped) {
            // stop may have written the queue's last events before this one came in
            writeQueued();
        }
    }

    private void putUninterruptibly(Object event) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(event);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The writer thread: takes batches until stopped and the queue is empty. */
    private void drain() {
        List<Object> batch = new ArrayList<>(MAX_BATCH);
        while (!(stopped && queue.isEmpty())) {
            try {
                Object first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                // nobody interrupts this thread on purpose (an interrupt would close the file
                // channel mid-write); go on until stopped
            } catch (RuntimeException | Error e) {
                status.error("the writer of the log file failed on a batch of " + batch.size() + " events: " + e, e);
            } finally {
                batch.clear();
            }
            reportDrops(false);
        }
    }

    private void write(List<Object> batch) {
        List<Map<String, Object>> records = new ArrayList<>(batch.size());
        for (Object event : batch) {
            if (event != WAKE) {
                @SuppressWarnings("unchecked")
                E typed = (E) event;
                records.add(LogFile.record(converter, typed, status));
            }
        }
        if (!records.isEmpty()) {
            sink.write(records);
        }
    }

    /** Writes what is in the queue now, from the calling thread. */
    private void writeQueued() {
        List<Object> batch = new ArrayList<>();
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private synchronized void reportDrops(boolean atStop) {
        long total = dropped.sum();
        long now = System.nanoTime();
        if (total > droppedReported && (atStop || droppedReported == 0 || now - lastDropReport >= DROP_REPORT_NANOS)) {
            status.error((total - droppedReported) + " events were dropped because the queue was full (" + total
                    + " since start)", null);
            droppedReported = total;
            lastDropReport = now;
        }
    }

    /** {@return events dropped because the queue was full} */
    long dropped() {
        return dropped.sum();
    }

    /**
     * Lets the writer write everything queued, waiting at most {@code timeout}; then writes what
     * it left. Safe to call more than once and from several threads (the first call does the work,
     * the others wait for the writer as well).
     *
     * @param timeout how long to wait for the writer
     * @return whether the queue was written within the time
     */
    boolean stop(Duration timeout) {
        stopped = true;
        if (stopRequested.compareAndSet(false, true)) {
            queue.offer(WAKE);
        }
        try {
            writer.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            status.error("the writer of the log file did not finish within " + timeout + "; " + queue.size()
                    + " events are still queued", null);
            return false;
        }
        writeQueued();
        reportDrops(true);
        return true;
    }
}

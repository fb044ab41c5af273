package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.internal.fs.PathLocks;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What handlers share: the table of the files they lock, the caches (how the sanitiser takes each
 * class apart; the corruption reports of files read), and the threads (async calls, parsing a
 * large file in parallel, deleting large dropped backups). The facade keeps the default runtime
 * ({@link Fallbacks#runtime()}), which every handler uses unless its builder is given another.
 *
 * <p>Handlers that may write the same files must share a runtime: its lock table is what keeps
 * their threads apart (the OS lock on {@code .<name>.lock} belongs to the whole JVM, so it cannot).
 * A runtime of your own ({@link #create()}) is for isolation: tests, or a component with its own
 * files and threads; close it when its handlers are done. Thread-safe.
 *
 * <p>Threads, all daemons and made only when needed: {@value #ASYNC_THREADS} threads
 * {@code hydra-fallbacks-io-N} for async calls, with a queue of {@value #ASYNC_QUEUE} calls beyond
 * which the caller runs the call itself (back-pressure instead of unbounded memory; file I/O
 * blocks, so not the common pool); {@code hydra-fallbacks-parse-N} for the chunks of large files
 * (parsed or serialised) and the forces ahead of large durable writes;
 * one {@code hydra-fallbacks-delete-1} for dropped backups of 8 MiB or more; one
 * {@code hydra-fallbacks-lease} that ends the OS-lock leases of appends (see the lock table).
 */
public final class FallbackRuntime implements AutoCloseable {
    /** Threads of the async pool. */
    public static final int ASYNC_THREADS = 4;
    /** Calls the async pool queues before callers run their calls themselves. */
    public static final int ASYNC_QUEUE = 1024;

    final PathLocks locks = new PathLocks();
    final Sanitizer sanitizer = new Sanitizer();
    final ReportCache reports = new ReportCache();
    final ExecutorService async = new ThreadPoolExecutor(ASYNC_THREADS, ASYNC_THREADS, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(ASYNC_QUEUE), daemons("hydra-fallbacks-io-"),
            new ThreadPoolExecutor.CallerRunsPolicy());
    final ExecutorService parsing = Executors.newCachedThreadPool(daemons("hydra-fallbacks-parse-"));
    final ExecutorService deleter = Executors.newSingleThreadExecutor(daemons("hydra-fallbacks-delete-"));
    /** Whether the one line said without SLF4J (see {@code FallbackSink}) was said. */
    final AtomicBoolean saidWithoutSlf4j = new AtomicBoolean();

    private FallbackRuntime() {
    }

    /**
     * Makes a runtime of its own: an empty lock table, empty caches, no threads yet.
     *
     * @return the runtime; close it when its handlers are done
     */
    public static FallbackRuntime create() {
        return new FallbackRuntime();
    }

    /**
     * Empties the caches (the sanitiser's per-class cache, the corruption reports) and closes the
     * files kept open for the next append of recently appended files.
     */
    public void clearCaches() {
        sanitizer.clearCache();
        reports.clear();
        locks.closeIdle();
    }

    /**
     * Shuts the threads down (calls already queued still run; a large dropped backup not yet
     * deleted is swept by the next write of its file), closes the files kept open between
     * appends and empties the caches. The handlers of a closed runtime must not be used again.
     */
    @Override
    public void close() {
        async.shutdown();
        parsing.shutdown();
        deleter.shutdown();
        locks.close();
        clearCaches();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

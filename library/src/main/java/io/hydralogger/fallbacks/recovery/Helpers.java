package io.hydralogger.fallbacks.recovery;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The helper threads of one inspection or salvage of a large file: made for it and shut down
 * after it (a salvage reader's when it is closed; threads that wait a second for work end even if
 * it is not), so nothing stays behind between calls. Holds no state.
 */
final class Helpers {
    /** At most this many threads work on one file, however many cores there are. */
    static final int MAX_THREADS = 4;

    private Helpers() {
    }

    /** {@return how many threads may work on one file: the cores, at most {@value #MAX_THREADS}} */
    static int threads() {
        return Math.min(Runtime.getRuntime().availableProcessors(), MAX_THREADS);
    }

    /**
     * Makes the pool of one call.
     *
     * @param threads its threads
     * @return daemon threads {@code hydra-fallbacks-scan-N}; shut it down after use
     */
    static ExecutorService pool(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "hydra-fallbacks-scan-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}

package io.hydralogger.fallbacks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor of the async calls: {@value #THREADS} daemon threads
 * {@code hydra-fallbacks-io-N} (file I/O blocks, so not the common pool) and a queue of
 * {@value #QUEUE} calls; when it is full, the caller runs the call itself.
 */
final class DefaultPool {
    static final int THREADS = 4;
    static final int QUEUE = 1024;
    /** Made on first use. */
    static final ExecutorService EXECUTOR = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), new Factory(), new ThreadPoolExecutor.CallerRunsPolicy());

    private DefaultPool() {
    }

    private static final class Factory implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "hydra-fallbacks-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

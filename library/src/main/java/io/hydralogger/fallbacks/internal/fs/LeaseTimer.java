package io.hydralogger.fallbacks.internal.fs;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The one daemon thread of a lock table ({@code hydra-fallbacks-lease}) that ends the OS-lock
 * leases of appends once idle (see {@link ProcessLock}): made at its first use, stopped for good by
 * {@link #close()}, so that it belongs to the table's runtime and not to the JVM. Thread-safe.
 */
final class LeaseTimer {
    private @Nullable ScheduledThreadPoolExecutor timer;
    private boolean closed;

    /** {@return whether the timer was stopped: no lease should be granted any more} */
    synchronized boolean closed() {
        return closed;
    }

    /**
     * Runs a task after a delay.
     *
     * @param task the task
     * @param delayNanos the delay in nanoseconds
     * @return false when the timer is stopped and the task will not run
     */
    boolean schedule(Runnable task, long delayNanos) {
        ScheduledThreadPoolExecutor running;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (timer == null) {
                ScheduledThreadPoolExecutor made = new ScheduledThreadPoolExecutor(1, runnable -> {
                    Thread thread = new Thread(runnable, "hydra-fallbacks-lease");
                    thread.setDaemon(true);
                    return thread;
                });
                made.setRemoveOnCancelPolicy(true);
                timer = made;
            }
            running = timer;
        }
        try {
            running.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Stops the thread; tasks not yet run are dropped. */
    void close() {
        ScheduledThreadPoolExecutor running;
        synchronized (this) {
            closed = true;
            running = timer;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }
}

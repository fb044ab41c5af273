package io.hydralogger.fallbacks.internal.fs;

import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** One caller's wait for the lock of a file: its limit, and where its waiting time is counted. */
final class LockWait {
    private final Path target;
    private final long timeoutNanos;
    private final long start = System.nanoTime();
    final LongConsumer onWait;

    /**
     * Starts the wait's clock.
     *
     * @param target the file
     * @param timeoutNanos the longest wait; negative for no limit
     * @param onWait given the nanoseconds waited when the lock was not free at once
     */
    LockWait(Path target, long timeoutNanos, LongConsumer onWait) {
        this.target = target;
        this.timeoutNanos = timeoutNanos;
        this.onWait = onWait;
    }

    /** {@return whether the wait has no limit} */
    boolean unlimited() {
        return timeoutNanos < 0;
    }

    /** {@return the nanoseconds left before the limit (zero or less when it has passed)} */
    long remaining() {
        return timeoutNanos - (System.nanoTime() - start);
    }

    /** {@return the exception of a wait that reached its limit} */
    LockTimeoutException timedOut() {
        return new LockTimeoutException(target, timeoutNanos);
    }

    /** {@return the exception of a wait that was interrupted, the interrupt status set again} */
    InterruptedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new InterruptedIOException("interrupted while waiting for the lock of " + target);
    }
}

package io.hydralogger.fallbacks.internal.fs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The lock of a file was not free within the time a caller was willing to wait. */
public final class LockTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    LockTimeoutException(Path target, long timeoutNanos) {
        super("the lock of " + target + " was not free within " + Duration.ofNanos(timeoutNanos)
                + " (another thread or process is writing it)");
    }
}

package io.hydralogger.fallbacks.internal.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for a helper thread's result and rethrows its failure as the caller would have thrown it. */
public final class Futures {
    private Futures() {
    }

    /**
     * Waits for a result: an {@link UncheckedIOException} of the task comes back as its
     * {@link IOException}, runtime exceptions and errors as themselves, anything else wrapped.
     *
     * @param <T> the result's type
     * @param future the work handed out
     * @param task what the work does, for messages ("serialising in parallel")
     * @return the result
     * @throws IOException if the task failed with one, or anything checked; interrupted: an
     *     {@link InterruptedIOException}, with the thread's interrupt flag set again
     */
    public static <T> T await(Future<T> future, String task) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + task);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(task + " failed", cause);
        }
    }
}

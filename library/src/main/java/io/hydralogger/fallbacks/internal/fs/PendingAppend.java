package io.hydralogger.fallbacks.internal.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.jspecify.annotations.Nullable;

/**
 * The encoded lines of one append call, waiting to be written by whichever thread holds the
 * file's lock (see {@link PathLocks#append}). Made by the caller, completed once by the writer
 * of its group; the completion is published through the file's lock.
 */
public final class PendingAppend {
    private final byte[] lines;
    private final int length;
    private volatile boolean done;
    private @Nullable Throwable failure;

    /**
     * Wraps encoded lines.
     *
     * @param lines the bytes: whole lines, each ending with a newline
     * @param length how many of the bytes to append
     */
    public PendingAppend(byte[] lines, int length) {
        this.lines = lines;
        this.length = length;
    }

    /** {@return the lines, as a buffer over the caller's bytes} */
    public ByteBuffer buffer() {
        return ByteBuffer.wrap(lines, 0, length);
    }

    /** {@return how many bytes this append adds} */
    public int length() {
        return length;
    }

    boolean isDone() {
        return done;
    }

    void complete(@Nullable Throwable error) {
        failure = error;
        done = true;
    }

    /** Throws the failure of the group that held these lines, if it failed. */
    void rethrow() throws IOException {
        if (failure == null) {
            return;
        }
        if (failure instanceof IOException io) {
            throw new IOException(io.getMessage(), io);
        }
        throw new IOException("the group of appends holding these lines failed: " + failure, failure);
    }
}

package io.hydralogger.fallbacks.internal.codec;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * What a whole-file write may use besides its own thread: threads that serialise chunks of
 * records while the writing thread writes the chunks before them, and a way to force what is
 * already written while the rest is still being made (so that little is left to force at the
 * commit). A write of {@link #SWITCH_BYTES} or less never uses them: it is written on the calling
 * thread exactly as without them. Immutable.
 *
 * @param executor runs the chunks' serialisation; must not be a pool whose threads may all be
 *     busy waiting for this write (an unbounded pool of daemon threads suits)
 * @param threads how many chunks are serialised at once (the cores); below 2 the write stays on
 *     the calling thread
 * @param forceAhead called on the writing thread each time {@code forceStep} more bytes were
 *     written; {@link ForceAhead#NONE} when the write is not durable
 * @param switchBytes the bytes written on the calling thread before others help
 *     ({@link #SWITCH_BYTES})
 * @param chunkBytes about how many bytes one chunk holds ({@link #CHUNK_BYTES})
 * @param forceStep the bytes between two forces ahead ({@link #FORCE_STEP})
 */
public record WriteThreads(Executor executor, int threads, ForceAhead forceAhead, long switchBytes, int chunkBytes,
        long forceStep) {
    /**
     * A write switches to several threads once it has written this many bytes (1 MiB) on the
     * calling thread and more records remain; a smaller write costs nothing extra.
     */
    public static final long SWITCH_BYTES = 1L << 20;
    /** The bytes written between two forces ahead (8 MiB). */
    public static final long FORCE_STEP = 8L << 20;
    /** About what one chunk holds (1 MiB): ample work per hand-over, little memory. */
    public static final int CHUNK_BYTES = 1 << 20;
    /** At most this many chunks are serialised at once, however many cores there are. */
    public static final int MAX_THREADS = 4;
    /** Stay on the calling thread. */
    public static final WriteThreads NONE = new WriteThreads(Runnable::run, 1, ForceAhead.NONE, SWITCH_BYTES,
            CHUNK_BYTES, FORCE_STEP);

    /**
     * Checks the parts.
     *
     * @param executor see the record
     * @param threads see the record
     * @param forceAhead see the record
     * @param switchBytes see the record
     * @param chunkBytes see the record
     * @param forceStep see the record
     */
    public WriteThreads {
        Objects.requireNonNull(executor, "executor must not be null");
        Objects.requireNonNull(forceAhead, "forceAhead must not be null");
        if (switchBytes < 0 || chunkBytes < 1 || forceStep < 1) {
            throw new IllegalArgumentException("sizes must be positive");
        }
        threads = Math.max(1, Math.min(threads, MAX_THREADS));
    }

    /**
     * The threads of this machine: its cores, at most {@value #MAX_THREADS}.
     *
     * @param executor runs the chunks' serialisation
     * @param forceAhead forces what is written so far; {@link ForceAhead#NONE} when not durable
     * @return the write threads
     */
    public static WriteThreads of(Executor executor, ForceAhead forceAhead) {
        return new WriteThreads(executor, Runtime.getRuntime().availableProcessors(), forceAhead, SWITCH_BYTES,
                CHUNK_BYTES, FORCE_STEP);
    }

    /** {@return whether a large write may use other threads} */
    boolean parallel() {
        return threads >= 2;
    }

    /** Forces the bytes written so far, typically on another thread; see {@link WriteThreads}. */
    @FunctionalInterface
    public interface ForceAhead {
        /** Forces nothing: for writes that are not durable. */
        ForceAhead NONE = () -> { };

        /**
         * Starts forcing what was written so far (or fails with the failure of an earlier one).
         *
         * @throws IOException if an earlier force failed; the write must then fail
         */
        void force() throws IOException;
    }
}

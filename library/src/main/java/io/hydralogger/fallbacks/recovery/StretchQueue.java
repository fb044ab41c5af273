package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.internal.concurrent.Futures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The stretches of a file between cuts, each worked on by a thread of an executor, handed back
 * in file order; at most threads + 1 are in flight, so at most that many stretches' bytes and
 * records are in memory. Closing it stops the stretches not yet begun and waits for the others,
 * so no thread touches the file after. Not thread-safe (one reader).
 */
final class StretchQueue implements AutoCloseable {
    /** The work on one stretch. */
    @FunctionalInterface
    interface Work {
        /**
         * Works on the stretch that starts after the cut {@code from} (or at it, for line cuts:
         * the work knows its cuts) and ends at {@code to}.
         *
         * @param from the cut before
         * @param to the cut after
         * @param first whether it is the first stretch
         * @param last whether it ends the file
         * @return what it held, or null when the stretches cannot tell the whole (an array's
         *     stretch that is not plainly intact)
         * @throws IOException if the file cannot be read
         */
        @Nullable Part run(long from, long to, boolean first, boolean last) throws IOException;
    }

    /**
     * What one stretch held.
     *
     * @param records its records in order, or null when only counted
     * @param finds what it found
     * @param lineBreaks how many line breaks it holds, for the line numbers after it
     */
    record Part(@Nullable List<Object> records, Engine.Finds finds, long lineBreaks) {
    }

    private final List<Long> cuts;
    private final int threads;
    private final Executor executor;
    private final Work work;
    private final ArrayDeque<CompletableFuture<Part>> inFlight = new ArrayDeque<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private int submitted;
    private int taken;

    StretchQueue(List<Long> cuts, int threads, Executor executor, Work work) {
        this.cuts = cuts;
        this.threads = threads;
        this.executor = executor;
        this.work = work;
    }

    /** {@return where the stretches handed back so far end: the first cut before the first is taken} */
    long reached() {
        return cuts.get(taken);
    }

    /** {@return whether a stretch is left} */
    boolean hasNext() {
        return taken < cuts.size() - 1;
    }

    /**
     * The next stretch's part, waiting for it.
     *
     * @return the part (null: see {@link Work#run})
     * @throws IOException if the file cannot be read, or the thread is interrupted
     */
    Part next() throws IOException {
        int stretches = cuts.size() - 1;
        while (submitted < stretches && inFlight.size() <= threads) {
            long from = cuts.get(submitted);
            long to = cuts.get(submitted + 1);
            boolean first = submitted == 0;
            boolean last = submitted == stretches - 1;
            inFlight.add(CompletableFuture.supplyAsync(() -> {
                if (stop.get()) {
                    return null;
                }
                try {
                    return work.run(from, to, first, last);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, executor));
            submitted++;
        }
        taken++;
        return await(inFlight.poll());
    }

    @Override
    public void close() {
        stop.set(true);
        for (CompletableFuture<Part> future : inFlight) {
            future.handle((done, failure) -> null).join();
        }
        inFlight.clear();
    }

    private static Part await(CompletableFuture<Part> future) throws IOException {
        return Futures.await(future, "reading a file on several threads");
    }
}

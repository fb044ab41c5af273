package io.hydralogger.fallbacks.internal.codec;

import io.hydralogger.fallbacks.internal.concurrent.Futures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Serialises records in chunks on several threads and writes the chunks in order. The calling
 * thread takes records from the source, hands a chunk of them at a time to the executor and
 * writes each chunk's bytes as soon as it is ready (chunks are written in the order of their
 * records, whatever order they finish in). At most {@code threads + 1} chunks are in flight, so
 * memory stays bounded (that many buffers of about {@link WriteThreads#chunkBytes()}, reused), and
 * the caller never runs more than that ahead of the file. It tells the {@link WriteProgress} of
 * every chunk written, which forces ahead when due and tells the {@link HandedOut} records that
 * they are written.
 *
 * <p>If anything fails (the source, a chunk, a write), the chunks still in flight are told to
 * stop and awaited, so no thread touches the records after {@link #run} has returned, and the
 * first failure is thrown.
 */
final class ChunkPipeline {
    /** The most records in one chunk, however small they are. */
    private static final int MAX_RECORDS = 1 << 16;

    private ChunkPipeline() {
    }

    /** Serialises one chunk of records into a buffer; runs on a thread of the executor. */
    @FunctionalInterface
    interface Encoder<C extends Chunk> {
        C encode(List<Object> records, ChunkBuffer buffer) throws IOException;
    }

    /** Writes one serialised chunk; runs on the calling thread, for each chunk in order. */
    @FunctionalInterface
    interface Sink<C extends Chunk> {
        void write(C chunk) throws IOException;
    }

    /** What an encoder makes: the buffer it filled (reused once written) and its record count. */
    interface Chunk {
        /** {@return the buffer holding the chunk's bytes} */
        ChunkBuffer buffer();

        /** {@return how many records the chunk holds} */
        int records();
    }

    /**
     * How many records make a chunk of about {@code chunkBytes}, from the size of the records
     * written so far.
     *
     * @param chunkBytes the bytes a chunk should hold
     * @param records records written so far (at least 1)
     * @param bytes the bytes they took
     * @return records per chunk
     */
    static int recordsPerChunk(int chunkBytes, long records, long bytes) {
        long perChunk = bytes <= 0 ? MAX_RECORDS : chunkBytes * Math.max(records, 1) / bytes;
        return (int) Math.max(1, Math.min(perChunk, MAX_RECORDS));
    }

    /**
     * Writes the rest of the records.
     *
     * @param records the records not yet written
     * @param perChunk how many records make a chunk
     * @param threads the executor and how many chunks at once
     * @param progress told of every chunk written (it forces ahead when due)
     * @param encoder serialises a chunk (on the executor)
     * @param sink writes a chunk (on this thread), through the stream {@code progress} counts
     * @param <C> the chunk type
     * @return the number of records written
     * @throws IOException if a write, a force ahead or a chunk's serialisation failed, or the
     *     thread was interrupted
     */
    static <C extends Chunk> long run(Iterator<?> records, int perChunk, WriteThreads threads,
            WriteProgress progress, Encoder<C> encoder, Sink<C> sink) throws IOException {
        int window = threads.threads() + 1;
        ArrayDeque<CompletableFuture<C>> inFlight = new ArrayDeque<>(window);
        ConcurrentLinkedQueue<ChunkBuffer> free = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        int capacity = threads.chunkBytes() + threads.chunkBytes() / 4;
        long count = 0;
        try {
            while (true) {
                while (inFlight.size() < window && records.hasNext()) {
                    List<Object> batch = new ArrayList<>(perChunk);
                    while (batch.size() < perChunk && records.hasNext()) {
                        batch.add(records.next());
                    }
                    inFlight.add(CompletableFuture.supplyAsync(() -> encode(encoder, batch, free, capacity, stop),
                            threads.executor()));
                }
                CompletableFuture<C> oldest = inFlight.poll();
                if (oldest == null) {
                    return count;
                }
                C chunk = await(oldest);
                sink.write(chunk);
                count += chunk.records();
                chunk.buffer().reset();
                free.add(chunk.buffer());
                progress.wroteChunk(chunk.records());
            }
        } catch (IOException | RuntimeException | Error e) {
            stop.set(true);
            for (CompletableFuture<C> future : inFlight) {
                future.handle((chunk, failure) -> null).join();
            }
            throw e;
        }
    }

    private static <C extends Chunk> C encode(Encoder<C> encoder, List<Object> batch,
            ConcurrentLinkedQueue<ChunkBuffer> free, int capacity, AtomicBoolean stop) {
        if (stop.get()) {
            throw new CancellationException("the write failed");
        }
        ChunkBuffer buffer = free.poll();
        try {
            return encoder.encode(batch, buffer != null ? buffer : new ChunkBuffer(capacity));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <C> C await(CompletableFuture<C> future) throws IOException {
        return Futures.await(future, "serialising in parallel");
    }
}

package io.hydralogger.fallbacks.internal.codec;

import java.io.IOException;

/**
 * Follows a write as it goes: asks for a force ahead every {@link WriteThreads#forceStep()} bytes,
 * and decides when the part written on the calling thread ends and the rest goes on with more
 * threads: once it has written {@link WriteThreads#switchBytes()} and may use two threads or
 * more. Never for a source that handed out the same object twice in a row: such a source may be
 * an iterator that reuses one mutable object for every record, which only a write that serialises
 * each record before taking the next writes correctly (records taken ahead for other threads
 * would all show the last state). Not thread-safe.
 */
final class WriteProgress {
    private final WriteThreads threads;
    private final ShieldedOutputStream counted;
    private long chunkBytes;
    private long lastForce;
    private Object previous;
    private boolean reused;

    WriteProgress(WriteThreads threads, ShieldedOutputStream counted) {
        this.threads = threads;
        this.counted = counted;
    }

    /**
     * Notes a record taken from the source by the calling thread.
     *
     * @param record the record
     */
    void saw(Object record) {
        if (record == previous && record != null && !(record instanceof String || record instanceof Number
                || record instanceof Boolean || record instanceof Character || record instanceof Enum<?>)) {
            reused = true;
        }
        previous = record;
    }

    /**
     * Called before each record written on the calling thread: forces ahead when due, and says
     * whether to write the rest on several threads.
     *
     * @param records the records written so far
     * @return true to switch
     * @throws IOException if a force ahead failed
     */
    boolean switchNow(long records) throws IOException {
        forceIfDue();
        return records > 0 && threads.parallel() && !reused && counted.count() >= threads.switchBytes();
    }

    /**
     * {@return how many records make a chunk, from the size of those written so far}
     *
     * @param records the records written so far
     */
    int recordsPerChunk(long records) {
        return ChunkPipeline.recordsPerChunk(threads.chunkBytes(), records, counted.count());
    }

    /**
     * Notes a chunk written after the switch, and forces ahead when due.
     *
     * @param bytes the chunk's size
     * @throws IOException if a force ahead failed
     */
    void wroteChunk(long bytes) throws IOException {
        chunkBytes += bytes;
        forceIfDue();
    }

    private void forceIfDue() throws IOException {
        long written = counted.count() + chunkBytes;
        if (written - lastForce >= threads.forceStep()) {
            lastForce = written;
            threads.forceAhead().force();
        }
    }
}

package io.hydralogger.fallbacks.internal.codec;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

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
    private final HandedOut handedOut;
    private long records;
    private long lastForce;
    private @Nullable Object previous;
    private boolean reused;

    /**
     * Follows one write.
     *
     * @param threads what else the write may use
     * @param counted every byte of the write goes through it, from the first
     * @param handedOut told where each record ends ({@link HandedOut#NONE}: nobody is)
     */
    WriteProgress(WriteThreads threads, ShieldedOutputStream counted, HandedOut handedOut) {
        this.threads = threads;
        this.counted = counted;
        this.handedOut = handedOut;
    }

    /**
     * Notes a record written on the calling thread through a JSON generator, for a source whose
     * records are kept until written: its bytes end after those the generator holds.
     *
     * @param written the records written so far, this one included
     * @param generator the generator it went through
     */
    void wrote(long written, JsonGenerator generator) {
        records = written;
        if (handedOut.keeps()) {
            int buffered = generator.streamWriteOutputBuffered();
            if (buffered < 0) {
                generator.flush();
                buffered = 0;
            }
            handedOut.confirm(written, counted.count() + buffered);
        }
    }

    /**
     * Notes a row written on the calling thread through a CSV writer, for a source whose records
     * are kept until written (the writer is flushed to tell where the row ends).
     *
     * @param written the records written so far, this one included
     * @param csv the writer it went through
     * @throws IOException if flushing the writer fails
     */
    void wrote(long written, CsvWriter csv) throws IOException {
        records = written;
        if (handedOut.keeps()) {
            csv.flush();
            handedOut.confirm(written, counted.count());
        }
    }

    /**
     * Notes that every record so far is written and its bytes went through the counted stream
     * (after the rewrite of a CSV file under a wider header, in a new file).
     *
     * @param written the records written
     * @param bytes the bytes the output holds now
     */
    void rewritten(long written, long bytes) {
        records = written;
        handedOut.confirm(written, bytes);
    }

    /**
     * Notes a record taken from the source by the calling thread.
     *
     * @param record the record
     */
    void saw(@Nullable Object record) {
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
        this.records = records;
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
     * Notes a chunk written after the switch (through the counted stream), and forces ahead
     * when due.
     *
     * @param chunkRecords how many records the chunk holds
     * @throws IOException if a force ahead failed
     */
    void wroteChunk(int chunkRecords) throws IOException {
        records += chunkRecords;
        handedOut.confirm(records, counted.count());
        forceIfDue();
    }

    private void forceIfDue() throws IOException {
        long written = counted.count();
        if (written - lastForce >= threads.forceStep()) {
            lastForce = written;
            threads.forceAhead().force();
        }
    }
}

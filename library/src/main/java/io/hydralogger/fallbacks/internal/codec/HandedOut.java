package io.hydralogger.fallbacks.internal.codec;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records a single-pass source (an {@code Iterator} or a {@code Stream}) hands to a
 * whole-file write, kept until the write has written them: a write that fails can then put every
 * record the source handed out into its fallback file, exactly once, without holding them all.
 *
 * <p>A write gives it to the codecs as its records (or as its JSON document: it is an iterator
 * over the source). As they write, the codecs tell it, after each record or chunk of records,
 * that the first so many records are complete in the first so many bytes of the output
 * ({@link #confirm}); it then forgets them. A record handed out is thus either confirmed, and
 * its bytes are in the output (the pending file keeps every byte it was given, see
 * {@code PendingFile.written(long)}), or still held here. After a failure,
 * {@link #confirmed(WrittenRecords.Bytes, JsonMapper)} reads the confirmed records back from those bytes and
 * {@link #rest()} gives the others: the records handed out but not confirmed, then those the
 * source still holds. Costs nothing when the write succeeds but a queue of the few records
 * between two confirmations. Not thread-safe: the writing thread alone uses it.
 */
public final class HandedOut implements Iterator<Object> {
    /** No source to keep records of: what the codecs see for every other kind of records. */
    static final HandedOut NONE = new HandedOut(Collections.emptyIterator());
    /** Stands for a null record in the queue (which takes no null). */
    private static final Object NULL = new Object();

    private final Iterator<?> source;
    private final ArrayDeque<Object> unconfirmed = new ArrayDeque<>();
    private long confirmedRecords;
    private long confirmedBytes;
    private WrittenRecords.Layout layout = WrittenRecords.Layout.JSON_LINES;
    private char delimiter = ',';
    private Supplier<List<String>> columns = List::of;

    private HandedOut(Iterator<?> source) {
        this.source = source;
    }

    /**
     * Keeps the records {@code source} hands out to a write.
     *
     * @param source a single-pass source
     * @return the records of the source, to be written
     */
    public static HandedOut of(Iterator<?> source) {
        return new HandedOut(source);
    }

    /** {@return the records' keeper when a write's records are one, else {@link #NONE}} */
    static HandedOut in(@Nullable Object records) {
        return records instanceof HandedOut handedOut ? handedOut : NONE;
    }

    /** {@return whether the records are kept (false for {@link #NONE})} */
    boolean keeps() {
        return this != NONE;
    }

    @Override
    public boolean hasNext() {
        return source.hasNext();
    }

    @Override
    public Object next() {
        Object record = source.next();
        if (this != NONE) {
            unconfirmed.add(record == null ? NULL : record);
        }
        return record;
    }

    /** The output is a JSON array of the records (one document). */
    void writtenAsJsonArray() {
        if (!keeps()) {
            return;
        }
        layout = WrittenRecords.Layout.JSON_ARRAY;
    }

    /** The output is JSON Lines, one record per line. */
    void writtenAsJsonLines() {
        if (!keeps()) {
            return;
        }
        layout = WrittenRecords.Layout.JSON_LINES;
    }

    /**
     * The output is CSV: a header line, then a row per record.
     *
     * @param separator the field separator
     * @param header the columns so far, in order: field i of any row written is column i
     */
    void writtenAsCsv(char separator, Supplier<List<String>> header) {
        if (!keeps()) {
            return;
        }
        layout = WrittenRecords.Layout.CSV;
        delimiter = separator;
        columns = header;
    }

    /**
     * Notes that the first {@code records} records handed out are complete in the first
     * {@code bytes} bytes of the output, and forgets them.
     *
     * @param records how many records are written, counted from the first
     * @param bytes the bytes of the output they take, from its start
     */
    void confirm(long records, long bytes) {
        if (!keeps()) {
            return;
        }
        while (confirmedRecords < records) {
            unconfirmed.poll();
            confirmedRecords++;
        }
        confirmedBytes = bytes;
    }

    /** {@return how many records were confirmed} */
    public long confirmedRecords() {
        return confirmedRecords;
    }

    /**
     * The confirmed records, to be read back from the bytes the failed write had written.
     *
     * @param written opens those bytes, from the first
     * @param mapper writes the records as JSON lines
     * @return what copies them
     */
    public WrittenRecords confirmed(WrittenRecords.Bytes written, JsonMapper mapper) {
        return new WrittenRecords(layout, confirmedRecords, confirmedBytes, delimiter, columns.get(), mapper, written);
    }

    /**
     * The records not confirmed: those handed out to the failed write and not written, in the
     * order they were handed out, then those the source still holds. Iterates the source
     * directly, keeping nothing.
     *
     * @return the records
     */
    public Iterator<Object> rest() {
        Iterator<Object> taken = List.copyOf(unconfirmed).iterator();
        unconfirmed.clear();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return taken.hasNext() || source.hasNext();
            }

            @Override
            public @Nullable Object next() {
                if (taken.hasNext()) {
                    Object record = taken.next();
                    return record == NULL ? null : record;
                }
                if (!source.hasNext()) {
                    throw new NoSuchElementException();
                }
                return source.next();
            }
        };
    }
}

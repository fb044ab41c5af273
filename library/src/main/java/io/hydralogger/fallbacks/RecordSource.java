package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.internal.codec.HandedOut;
import java.util.Iterator;
import java.util.stream.BaseStream;
import org.jspecify.annotations.Nullable;

/**
 * The data handed to a write, seen as records: it can be iterated for the write and, if the
 * write fails, once more for the fallback file. An {@code Iterable} or array is iterated afresh.
 * An {@code Iterator} or {@code Stream} can be consumed only once: its records go to the write
 * through a {@link HandedOut}, which keeps each record it handed out until the write has
 * written it, so that the fallback file gets them all (see {@link #handedOut()}). A stream is
 * closed with the source.
 */
final class RecordSource implements AutoCloseable {
    private final @Nullable Object data;
    private final @Nullable HandedOut singlePass;
    private final @Nullable BaseStream<?, ?> stream;

    private RecordSource(@Nullable Object data, @Nullable Iterator<?> singlePass, @Nullable BaseStream<?, ?> stream) {
        this.data = data;
        this.singlePass = singlePass == null ? null : HandedOut.of(singlePass);
        this.stream = stream;
    }

    /**
     * Wraps any value given to a write.
     *
     * @param data the value: records in an iterable, iterator, stream or array, or one value
     * @return the source
     */
    static RecordSource of(@Nullable Object data) {
        if (data instanceof BaseStream<?, ?> s) {
            return new RecordSource(null, s.iterator(), s);
        }
        if (data instanceof Iterator<?> it) {
            return new RecordSource(null, it, null);
        }
        return new RecordSource(data, null, null);
    }

    /** {@return the value to write as one JSON document (a single-pass source as its iterator)} */
    @Nullable Object document() {
        return singlePass != null ? singlePass : data;
    }

    /**
     * The records for a write of records: the elements of an iterable, iterator, stream or
     * array; any other value (a map, a bean, null) is one record.
     *
     * @return the records
     */
    Iterator<?> records() {
        if (singlePass != null) {
            return singlePass;
        }
        if (data instanceof Iterable<?> iterable && !(data instanceof java.nio.file.Path)) {
            return iterable.iterator();
        }
        if (data != null && data.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(data);
            return java.util.stream.IntStream.range(0, length)
                    .mapToObj(i -> java.lang.reflect.Array.get(data, i)).iterator();
        }
        return java.util.Collections.singletonList(data).iterator();
    }

    /**
     * {@return the records a single-pass source handed to the write, and those it still holds;
     * null for a source that can be iterated again}
     */
    @Nullable HandedOut handedOut() {
        return singlePass;
    }

    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}

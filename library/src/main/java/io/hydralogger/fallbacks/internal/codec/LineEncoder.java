package io.hydralogger.fallbacks.internal.codec;

import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes the records of one append as JSON lines, sanitised, into a buffer it keeps: the same
 * bytes as {@link Codecs#writeJsonLines}, without a new generator, walker and buffer for every
 * call (for a logger appending one record per call, making those was most of the encoding).
 * Not thread-safe: one per thread. After an exception its state is unknown: drop it.
 */
public final class LineEncoder {
    /** A buffer grown past this is not kept for the next call. */
    private static final int KEEP_AT_MOST = 1 << 20;

    private final Buffer buffer = new Buffer();
    private final JsonGenerator generator;
    private final Consumer<Object> sanitizer;
    private boolean busy;

    /**
     * Creates an encoder.
     *
     * @param mapper the mapper whose settings the lines are written with
     * @param shapes the sanitiser (with its per-class cache) that takes the records apart
     */
    public LineEncoder(JsonMapper mapper, Sanitizer shapes) {
        this.generator = mapper.writer().withRootValueSeparator("").createGenerator(buffer);
        this.sanitizer = shapes.sanitizerTo(new GeneratorSink(generator));
    }

    /**
     * Encodes records, one line each.
     *
     * @param records the records
     * @return how many were encoded
     */
    public long encode(Iterator<?> records) {
        busy = true;
        try {
            buffer.reset();
            long count = 0;
            while (records.hasNext()) {
                sanitizer.accept(records.next());
                generator.writeRaw('\n');
                count++;
            }
            generator.flush();
            return count;
        } finally {
            busy = false;
        }
    }

    /** {@return whether {@link #encode} is running (a record's own code appending on the same thread)} */
    public boolean busy() {
        return busy;
    }

    /**
     * The bytes the last {@link #encode} made, not copied: valid until the next {@code encode}.
     *
     * @return the encoder's buffer; its first {@link #size()} bytes are the lines
     */
    public byte[] buffer() {
        return buffer.array();
    }

    /** {@return how many bytes the last {@link #encode} made} */
    public int size() {
        return buffer.size();
    }

    /** {@return whether this encoder's buffer is small enough to be kept for the next call} */
    public boolean reusable() {
        return buffer.array().length <= KEEP_AT_MOST;
    }

    /** A byte buffer whose array can be read without a copy. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(512);
        }

        byte[] array() {
            return buf;
        }
    }
}

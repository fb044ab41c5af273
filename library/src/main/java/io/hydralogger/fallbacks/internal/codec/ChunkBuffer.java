package io.hydralogger.fallbacks.internal.codec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that one chunk of records is serialised into, then written out and
 * reused for a later chunk. Unsynchronised: one thread at a time (the pipeline hands it over).
 */
final class ChunkBuffer extends OutputStream {
    private byte[] bytes;
    private int size;

    ChunkBuffer(int capacity) {
        bytes = new byte[Math.max(capacity, 256)];
    }

    @Override
    public void write(int b) {
        if (size == bytes.length) {
            grow(size + 1);
        }
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        if (length > bytes.length - size) {
            grow(size + length);
        }
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    private void grow(int needed) {
        bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length + (bytes.length >> 1)));
    }

    /** {@return the bytes written so far} */
    int size() {
        return size;
    }

    /** {@return the array holding the bytes; valid up to {@link #size()}} */
    byte[] bytes() {
        return bytes;
    }

    /**
     * Writes a range of the buffer.
     *
     * @param out where to
     * @param from the first byte
     * @param to the end (exclusive)
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out, int from, int to) throws IOException {
        out.write(bytes, from, to - from);
    }

    /** Empties the buffer for the next chunk, keeping its memory. */
    void reset() {
        size = 0;
    }
}

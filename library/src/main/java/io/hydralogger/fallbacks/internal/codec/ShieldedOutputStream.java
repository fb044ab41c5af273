package io.hydralogger.fallbacks.internal.codec;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Shields a stream from the {@code close()} of the library writing into it (Jackson and FastCSV
 * close what they are given; the file must stay open for the commit) and counts the bytes that
 * went through, which tells a write when it is large enough to use more threads.
 */
final class ShieldedOutputStream extends OutputStream {
    private final OutputStream out;
    private long count;

    ShieldedOutputStream(OutputStream out) {
        this.out = out;
    }

    /** {@return the bytes written through this stream so far} */
    long count() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        count += length;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}

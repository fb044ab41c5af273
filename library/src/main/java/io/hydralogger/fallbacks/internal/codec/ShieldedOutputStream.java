package io.hydralogger.fallbacks.internal.codec;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Shields a stream from the {@code close()} of the library writing into it (Jackson and FastCSV
 * close what they are given; the file must stay open for the commit): closing only flushes, and
 * a flush is not passed on. Counts the bytes that went through, which tells a write when it is
 * large enough to use more threads, and where in the file a record ends.
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

    /**
     * Passes nothing on: the writer of the file flushes it when it must (the commit), and a
     * library flushing after each record (to tell where a record ends) must not turn into a
     * system call per record.
     */
    @Override
    public void flush() {
        // see above
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}

package io.hydralogger.fallbacks.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A buffered stream into a file channel that counts bytes and never closes the channel: the
 * pending file still has to force and close it. {@link #close()} only flushes, so that a
 * library that closes the stream it was given (Jackson does) cannot break the protocol.
 */
final class ChannelOutputStream extends OutputStream {
    private static final int BUFFER_SIZE = 128 * 1024;

    private final FileChannel channel;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int buffered;
    private long written;

    ChannelOutputStream(FileChannel channel) {
        this.channel = channel;
    }

    long bytesWritten() {
        return written + buffered;
    }

    @Override
    public void write(int b) throws IOException {
        if (buffered == buffer.length) {
            drain();
        }
        buffer[buffered++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - buffered) {
            drain();
            if (length >= buffer.length) {
                writeFully(ByteBuffer.wrap(bytes, offset, length));
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, buffered, length);
        buffered += length;
    }

    @Override
    public void flush() throws IOException {
        drain();
    }

    @Override
    public void close() throws IOException {
        drain();
    }

    private void drain() throws IOException {
        if (buffered > 0) {
            int length = buffered;
            buffered = 0;
            writeFully(ByteBuffer.wrap(buffer, 0, length));
        }
    }

    private void writeFully(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            written += channel.write(bytes);
        }
    }
}

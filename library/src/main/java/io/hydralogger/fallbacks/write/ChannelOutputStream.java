package io.hydralogger.fallbacks.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.jspecify.annotations.Nullable;

/**
 * A buffered stream into a file channel that counts bytes and never closes the channel: the
 * pending file still has to force and close it. {@link #close()} only flushes, so that a
 * library that closes the stream it was given (Jackson does) cannot break the protocol.
 *
 * <p>It never loses a byte it was given: once a write to the channel fails (a full disk), the
 * bytes the file did not take, and every byte given after them, are kept in memory and every
 * write throws again. So the file's first {@link #inFile()} bytes followed by {@link #notInFile()}
 * are exactly the bytes given, and a writer that failed can read back what it had written.
 */
final class ChannelOutputStream extends OutputStream {
    private static final int BUFFER_SIZE = 128 * 1024;

    private final FileChannel channel;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int buffered;
    private long written;
    private @Nullable IOException failure;
    private final ByteArrayOutputStream refused = new ByteArrayOutputStream(0);

    ChannelOutputStream(FileChannel channel) {
        this.channel = channel;
    }

    long bytesWritten() {
        return written + buffered + refused.size();
    }

    /** {@return how many bytes the channel took: the file's first bytes are those given first} */
    long inFile() {
        return written;
    }

    /**
     * {@return the bytes given after those in the file: those still buffered or, once a write to
     * the file failed, those it refused and every byte given since (the buffer is then empty)}
     */
    byte[] notInFile() {
        byte[] kept = refused.toByteArray();
        byte[] all = new byte[buffered + kept.length];
        System.arraycopy(buffer, 0, all, 0, buffered);
        System.arraycopy(kept, 0, all, buffered, kept.length);
        return all;
    }

    @Override
    public void write(int b) throws IOException {
        if (failure == null && buffered < buffer.length) {
            buffer[buffered++] = (byte) b;
            return;
        }
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (failure != null) {
            refused.write(bytes, offset, length);
            throw new IOException("an earlier write failed: " + failure.getMessage(), failure);
        }
        if (length > buffer.length - buffered) {
            try {
                drain();
            } catch (IOException e) {
                refused.write(bytes, offset, length);
                throw e;
            }
            if (length >= buffer.length) {
                writeFully(bytes, offset, length);
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
        if (failure != null) {
            throw new IOException("an earlier write failed: " + failure.getMessage(), failure);
        }
        if (buffered > 0) {
            int length = buffered;
            buffered = 0;
            writeFully(buffer, 0, length);
        }
    }

    /** Writes bytes to the channel; those it does not take are kept, and the stream fails for good. */
    private void writeFully(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer source = ByteBuffer.wrap(bytes, offset, length);
        try {
            while (source.hasRemaining()) {
                written += channel.write(source);
            }
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e);
            refused.write(bytes, source.position(), source.remaining());
            throw e;
        }
    }
}

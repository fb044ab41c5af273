package io.hydralogger.fallbacks.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/** A channel of a {@link RecordingFileSystem}: records, maybe fails, then delegates. */
final class RecordingChannel extends FileChannel {
    private final RecordingFileSystem fs;
    private final Path path;
    private final int handle;
    private final FileChannel delegate;
    private final boolean directory;
    private final boolean append;

    RecordingChannel(RecordingFileSystem fs, Path path, int handle, FileChannel delegate, boolean directory,
            boolean append, boolean truncated) {
        this.fs = fs;
        this.path = path;
        this.handle = handle;
        this.delegate = delegate;
        this.directory = directory;
        this.append = append;
        if (truncated) {
            fs.note(OpKind.TRUNCATE, path, handle, 0);
        }
    }

    private static byte[] peek(ByteBuffer source) {
        ByteBuffer copy = source.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }

    private long writePosition() throws IOException {
        return append ? delegate.size() : delegate.position();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        fs.record(OpKind.READ, path, null, handle, delegate.position(), new byte[0]);
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        fs.record(OpKind.READ, path, null, handle, delegate.position(), new byte[0]);
        return delegate.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return fs.perform(OpKind.WRITE, path, null, handle, writePosition(), peek(src), () -> delegate.write(src));
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long written = 0;
        for (int i = offset; i < offset + length; i++) {
            written += write(srcs[i]);
        }
        return written;
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (size < delegate.size()) {
            fs.perform(OpKind.TRUNCATE, path, null, handle, size, new byte[0], () -> delegate.truncate(size));
        } else {
            delegate.truncate(size);
        }
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        fs.perform(directory ? OpKind.FORCE_DIRECTORY : OpKind.FORCE, path, null, handle, 0, new byte[0], () -> {
            delegate.force(metaData);
            return null;
        });
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        fs.record(OpKind.READ, path, null, handle, position, new byte[0]);
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, 1 << 16));
        long done = 0;
        while (done < count) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), count - done));
            int n = src.read(buffer);
            if (n <= 0) {
                break;
            }
            buffer.flip();
            done += write(buffer, position + done);
        }
        return done;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        fs.record(OpKind.READ, path, null, handle, position, new byte[0]);
        return delegate.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        return fs.perform(OpKind.WRITE, path, null, handle, position, peek(src), () -> delegate.write(src, position));
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("mapped files would bypass the recording");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        fs.record(OpKind.LOCK, path, null, handle, position, new byte[0]);
        return new DelegatedLock(this, delegate.lock(position, size, shared));
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        fs.record(OpKind.LOCK, path, null, handle, position, new byte[0]);
        FileLock lock = delegate.tryLock(position, size, shared);
        return lock == null ? null : new DelegatedLock(this, lock);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        try {
            fs.record(OpKind.CLOSE, path, null, handle, 0, new byte[0]);
        } finally {
            delegate.close();
            fs.closed(handle);
        }
    }

    /** A lock of the real channel, reported as a lock of this one. */
    private static final class DelegatedLock extends FileLock {
        private final FileLock lock;

        DelegatedLock(FileChannel channel, FileLock lock) {
            super(channel, lock.position(), lock.size(), lock.isShared());
            this.lock = lock;
        }

        @Override
        public boolean isValid() {
            return lock.isValid();
        }

        @Override
        public void release() throws IOException {
            lock.release();
        }
    }
}

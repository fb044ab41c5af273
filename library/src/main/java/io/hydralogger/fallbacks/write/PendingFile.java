package io.hydralogger.fallbacks.write;

import io.hydralogger.fallbacks.internal.fs.FileNames;
import io.hydralogger.fallbacks.internal.fs.Folders;
import io.hydralogger.fallbacks.internal.fs.TempFiles;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One whole-file write in progress: a temp file beside the target that becomes the target only
 * on {@link #commit()}. Made by {@link AtomicWriter#begin(Path)}.
 *
 * <p>A small state machine: <em>open</em> (write into {@link #stream()}) → {@link #commit()}:
 * flushed, forced (when durable), backup kept, renamed over the target, folder forced →
 * <em>committed</em>. Anything else ends in {@link #close()}, which removes the temp file and
 * leaves the target untouched; close is idempotent and a no-op after a commit, so the usual
 * shape is try-with-resources around the writing and the commit. A failed {@code force} is
 * never retried: the pending file is then failed for good, since the kernel may have dropped
 * the dirty pages and a second {@code fsync} could report a success that is not one.
 *
 * <p>Not thread-safe: one thread writes and commits. (Only a {@linkplain #forceAhead(Executor)
 * force ahead} runs on another thread, and it touches nothing but the file.)
 */
public final class PendingFile implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(PendingFile.class);

    private enum State { OPEN, COMMITTED, FAILED, CLOSED }

    private final Path target;
    private Path temp;
    private FileChannel channel;
    private ChannelOutputStream stream;
    private final Durability durability;
    private final BackupManager backups;
    private State state = State.OPEN;
    /** The force ahead in flight or finished but not yet looked at, if any. */
    private @Nullable CompletableFuture<Void> forcing;

    PendingFile(Path target, Path temp, FileChannel channel, Durability durability, BackupManager backups) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = new ChannelOutputStream(channel);
        this.durability = durability;
        this.backups = backups;
    }

    /** {@return the file this write will replace (symbolic links already followed)} */
    public Path target() {
        return target;
    }

    /** {@return the temp file being written, named {@code .<name>.<random>.tmp} beside the target} */
    public Path tempFile() {
        return temp;
    }

    /**
     * The stream into the temp file, buffered. Closing it only flushes it; the channel stays
     * open until the commit.
     *
     * @return the stream
     */
    public OutputStream stream() {
        return stream;
    }

    /** {@return the bytes written so far, buffered ones included} */
    public long bytesWritten() {
        return stream.bytesWritten();
    }

    /**
     * Reads back the first bytes written into {@link #stream()}, for a writer that failed and
     * must keep what it had written: those in the temp file, then those not in it (still
     * buffered, or refused by the file after a write to it failed, a full disk: the stream keeps
     * them in memory). Valid until {@link #close()}, whatever the state; the caller closes the
     * stream it gets.
     *
     * @param length how many bytes, from the first (fewer if fewer were written)
     * @return the bytes, in the order they were written
     * @throws IOException if the temp file cannot be opened
     */
    public InputStream written(long length) throws IOException {
        long inFile = Math.min(length, stream.inFile());
        byte[] notInFile = stream.notInFile();
        int after = (int) Math.min(notInFile.length, length - inFile);
        return new SequenceInputStream(new BoundedInputStream(Files.newInputStream(temp), inFile),
                new ByteArrayInputStream(notInFile, 0, after));
    }

    /**
     * Starts forcing the bytes written so far to stable storage on another thread while the
     * writer goes on, so that the {@link #commit()} has little left to force (the force of a
     * file of 100 MB written at once can take a good part of a second). Does nothing when the
     * writes are not durable, or while an earlier force ahead still runs. The commit still
     * forces the whole file; a force ahead only moves most of that work earlier.
     *
     * @param executor runs the force (it waits on the disk, not on a core)
     * @throws IOException if an earlier force ahead failed: the pending file is then failed for
     *     good (a failed force is never retried)
     * @throws IllegalStateException if the pending file is not open
     */
    public void forceAhead(Executor executor) throws IOException {
        requireOpen();
        if (durability == Durability.NONE || (forcing != null && !forcing.isDone())) {
            return;
        }
        awaitForceAhead();
        stream.flush();
        FileChannel forced = channel;
        forcing = CompletableFuture.runAsync(() -> {
            try {
                forced.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, executor);
    }

    /** Waits for the force ahead, if any; its failure fails the pending file for good. */
    private void awaitForceAhead() throws IOException {
        if (forcing == null) {
            return;
        }
        try {
            forcing.join();
        } catch (CompletionException e) {
            state = State.FAILED;
            Throwable cause = e.getCause() instanceof UncheckedIOException unchecked ? unchecked.getCause()
                    : e.getCause();
            throw new IOException("force of " + temp + " failed (not retried): " + cause, cause);
        } finally {
            forcing = null;
        }
    }

    /** Lets the force ahead, if any, end, whatever its outcome: no thread touches the file after. */
    private void awaitForceAheadQuietly() {
        if (forcing != null) {
            forcing.handle((done, failure) -> null).join();
            forcing = null;
        }
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("pending file is " + state.name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + temp);
        }
    }

    /**
     * Replaces the content written so far by a transformation of it, in a fresh temp file: for
     * a writer that learns only at the end what must come first (a CSV header that grew).
     *
     * @param rewriter reads the old content and writes the new
     * @throws IOException if reading or writing fails; the pending file is then failed
     * @throws IllegalStateException if the pending file is not open
     */
    public void rewrite(ContentRewriter rewriter) throws IOException {
        requireOpen();
        awaitForceAhead();
        stream.flush();
        Path oldTemp = temp;
        FileChannel oldChannel = channel;
        ChannelOutputStream oldStream = stream;
        Path newTemp = FileNames.newTemp(target);
        FileChannel newChannel = TempFiles.createLike(target, newTemp);
        temp = newTemp;
        channel = newChannel;
        stream = new ChannelOutputStream(newChannel);
        try (InputStream in = Files.newInputStream(oldTemp)) {
            rewriter.rewrite(in, stream);
        } catch (IOException | RuntimeException e) {
            // the old content stays the temp file, so that what was written can still be read back
            state = State.FAILED;
            closeQuietly(newChannel);
            try {
                Files.deleteIfExists(newTemp);
            } catch (IOException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            temp = oldTemp;
            channel = oldChannel;
            stream = oldStream;
            throw e;
        }
        closeQuietly(oldChannel);
        Files.deleteIfExists(oldTemp);
    }

    private void closeQuietly(FileChannel open) {
        try {
            open.close();
        } catch (IOException e) {
            LOG.debug("closing {} failed: {}", temp, e.toString());
        }
    }

    /** Transforms the content of a pending file; see {@link #rewrite(ContentRewriter)}. */
    @FunctionalInterface
    public interface ContentRewriter {
        /**
         * Writes the new content.
         *
         * @param oldContent the content written so far
         * @param newContent where the new content goes
         * @throws IOException if reading or writing fails
         */
        void rewrite(InputStream oldContent, OutputStream newContent) throws IOException;
    }

    /**
     * Makes the written content the target: flush, {@code force} (when durable), keep the
     * current target as a backup (when it exists and backups are on), rename atomically over the
     * target, {@code force} the folder (when durable). The target is never missing at any moment.
     * A backup that cannot be kept is logged and the write goes on.
     *
     * @return the backup that was kept, if any
     * @throws DurabilityUnknownException if forcing the folder fails after the rename: the target
     *     holds the new data, but whether the rename survives a power loss is not known
     * @throws IOException if any step before the rename fails (the target is untouched and the
     *     temp file is removed by {@link #close()})
     * @throws IllegalStateException if the pending file was already committed, failed or closed
     */
    public Optional<Path> commit() throws IOException {
        requireOpen();
        state = State.FAILED;
        stream.flush();
        if (forcing != null && forcing.isDone()) {
            awaitForceAhead();
        }
        if (durability != Durability.NONE) {
            try {
                // a force ahead still running goes on beside this one: both must succeed, and
                // the commit waits for it below (a finished one that failed was seen above, so
                // this force never follows a failure it knows of)
                channel.force(true);
            } catch (IOException e) {
                awaitForceAheadQuietly();
                throw new IOException("force of " + temp + " failed (not retried): " + e.getMessage(), e);
            }
        }
        awaitForceAhead();
        channel.close();
        Optional<Path> backup = keepBackup();
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        state = State.COMMITTED;
        if (durability == Durability.SYNC) {
            try {
                Folders.force(Folders.parentOf(target));
            } catch (IOException e) {
                throw new DurabilityUnknownException(target, backup, e);
            }
        }
        return backup;
    }

    private Optional<Path> keepBackup() {
        if (backups.isEnabled() && Files.exists(target)) {
            try {
                return Optional.of(backups.backup(target));
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not keep a backup of {} (the write goes on): {}", target, e.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * Ends the write. Before a commit (or after a failed one) the temp file is removed and the
     * target stays as it was; after a commit this does nothing. Idempotent, never throws.
     */
    @Override
    public void close() {
        if (state == State.COMMITTED || state == State.CLOSED) {
            state = State.CLOSED;
            return;
        }
        state = State.CLOSED;
        awaitForceAheadQuietly();
        closeQuietly(channel);
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("could not remove temp file {}: {}", temp, e.toString());
        }
    }

    @Override
    public String toString() {
        return "PendingFile[" + Objects.toString(temp) + " -> " + target + ", " + state + "]";
    }
}

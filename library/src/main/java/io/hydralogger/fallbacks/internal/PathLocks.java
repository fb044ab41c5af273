package io.hydralogger.fallbacks.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the writers of each file: an in-JVM lock per path, plus (when asked) an OS lock
 * on the sidecar {@code .<name>.lock} for the writers of other processes. Both are needed: a
 * Java file lock belongs to the whole JVM, so it cannot keep two threads apart.
 *
 * <p>The table holds an entry only while some thread holds or waits for that path's lock, so
 * it never grows without bound; {@link #size()} is the number of live locks. Lock files stay
 * on disk (removing them would race with a process about to lock them); they hold no data and
 * are opened without following a link planted at their name. Thread-safe.
 */
public final class PathLocks {
    private final ConcurrentHashMap<Path, Entry> table = new ConcurrentHashMap<>();

    /** An acquired lock; closing it releases both levels. */
    public interface Held extends AutoCloseable {
        /** Releases the lock. Never throws. */
        @Override
        void close();
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    /**
     * Takes the exclusive lock of a file, waiting as long as it takes.
     *
     * @param target the resolved, absolute path of the file
     * @param processLock whether to take the OS lock on the sidecar file as well
     * @param onWait called once when the lock is not free at once (for statistics)
     * @return the held lock
     * @throws IOException if the lock file cannot be opened or locked
     */
    public Held lock(Path target, boolean processLock, Runnable onWait) throws IOException {
        Entry entry = table.compute(target, (path, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
        if (!entry.lock.tryLock()) {
            onWait.run();
            entry.lock.lock();
        }
        if (!processLock) {
            return () -> release(target, entry, null, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile(target), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                onWait.run();
                fileLock = channel.lock();
            }
            FileChannel held = channel;
            FileLock heldLock = fileLock;
            return () -> release(target, entry, held, heldLock);
        } catch (IOException | RuntimeException e) {
            release(target, entry, channel, null);
            throw e;
        }
    }

    /**
     * The sidecar lock file of a target.
     *
     * @param target the file
     * @return {@code .<name>.lock} beside it
     */
    public static Path lockFile(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".lock");
    }

    /** {@return the number of paths whose lock is held or waited for now} */
    public int size() {
        return table.size();
    }

    private void release(Path target, Entry entry, FileChannel channel, FileLock fileLock) {
        try {
            if (fileLock != null) {
                fileLock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing the channel releases the OS lock in any case
        } finally {
            entry.lock.unlock();
            table.computeIfPresent(target, (path, e) -> --e.users == 0 ? null : e);
        }
    }
}

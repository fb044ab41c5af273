package io.hydralogger.fallbacks.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Serialises the writers of each file: an in-JVM lock per path, plus (when asked) an OS lock
 * on the sidecar {@code .<name>.lock} for the writers of other processes. Both are needed: a
 * Java file lock belongs to the whole JVM, so it cannot keep two threads apart.
 *
 * <p>Keys are the real (resolved, absolute) paths the callers pass. The table holds an entry
 * only while some thread holds or waits for that path's lock, so it never grows without bound;
 * {@link #size()} is the number of live locks. Lock files stay on disk (removing them would
 * race with a process about to lock them); they hold no data and are opened without following
 * a link planted at their name.
 *
 * <p>The locks are not re-entrant: a thread that asks again for a lock it holds (an update
 * function that writes its own file) gets an {@link IllegalStateException} at once, instead of
 * a deadlock. Appends can be {@linkplain #append(Path, boolean, LongConsumer, PendingAppend,
 * GroupWriter) grouped}: threads that queue up for one file hand their lines to whichever of
 * them gets the lock first, which writes them all with one write and one {@code force}.
 * Thread-safe.
 */
public final class PathLocks {
    private final ConcurrentHashMap<Path, Entry> table = new ConcurrentHashMap<>();

    /** An acquired lock; closing it releases both levels. */
    public interface Held extends AutoCloseable {
        /** Releases the lock. Never throws. */
        @Override
        void close();
    }

    /** Writes a group of appends under the lock; see {@link #append}. */
    @FunctionalInterface
    public interface GroupWriter {
        /**
         * Writes the lines of every append of the group, in order, as one unit.
         *
         * @param group the appends, the caller's own among them
         * @throws IOException if the group could not be written (then none of it is in the file)
         */
        void write(List<PendingAppend> group) throws IOException;
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        final ConcurrentLinkedQueue<PendingAppend> appends = new ConcurrentLinkedQueue<>();
        int users;
    }

    /**
     * Takes the exclusive lock of a file, waiting as long as it takes.
     *
     * @param target the resolved, absolute path of the file
     * @param processLock whether to take the OS lock on the sidecar file as well
     * @param onWait given the nanoseconds waited, when the lock was not free at once (for statistics)
     * @return the held lock
     * @throws IOException if the lock file cannot be opened or locked
     * @throws IllegalStateException if this thread already holds the lock of this file
     */
    public Held lock(Path target, boolean processLock, LongConsumer onWait) throws IOException {
        Entry entry = enter(target);
        lockInJvm(entry, onWait);
        return lockProcess(target, entry, processLock, onWait);
    }

    /**
     * Appends lines to a file under its lock, grouped with the appends of other threads that
     * wait for the same lock: the first to get it writes the queued lines of all (its own and
     * theirs) through {@code writer}, and each caller returns when its own lines are written or
     * have failed. The caller encodes its lines before, so no lock is held while serialising.
     *
     * @param target the resolved, absolute path of the file
     * @param processLock whether to take the OS lock on the sidecar file as well
     * @param onWait given the nanoseconds waited, when the lock was not free at once
     * @param append the caller's lines
     * @param writer writes a group of appends
     * @throws IOException if the lock could not be taken or the group holding these lines failed
     * @throws IllegalStateException if this thread already holds the lock of this file
     */
    public void append(Path target, boolean processLock, LongConsumer onWait, PendingAppend append,
            GroupWriter writer) throws IOException {
        Entry entry = enter(target);
        entry.appends.add(append);
        lockInJvm(entry, onWait);
        if (append.isDone()) {
            release(target, entry, null, null);
            append.rethrow();
            return;
        }
        List<PendingAppend> group = new ArrayList<>();
        try (Held held = lockProcess(target, entry, processLock, onWait)) {
            for (PendingAppend next; (next = entry.appends.poll()) != null;) {
                group.add(next);
            }
            writer.write(group);
            group.forEach(a -> a.complete(null));
        } catch (IOException | RuntimeException | Error e) {
            group.forEach(a -> a.complete(e));
            // the caller's append may not be in this group if the lock could not be taken
            entry.appends.remove(append);
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

    private Entry enter(Path target) {
        Entry current = table.get(target);
        if (current != null && current.lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("this thread already holds the lock of " + target
                    + ": a call made while writing or updating that file (for example from inside an update"
                    + " function) must not write the same file");
        }
        return table.compute(target, (path, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
    }

    private static void lockInJvm(Entry entry, LongConsumer onWait) {
        if (!entry.lock.tryLock()) {
            long start = System.nanoTime();
            entry.lock.lock();
            onWait.accept(System.nanoTime() - start);
        }
    }

    private Held lockProcess(Path target, Entry entry, boolean processLock, LongConsumer onWait)
            throws IOException {
        if (!processLock) {
            return () -> release(target, entry, null, null);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile(target), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
            FileLock fileLock = channel.tryLock();
            if (fileLock == null) {
                long start = System.nanoTime();
                fileLock = waitForLock(channel);
                onWait.accept(System.nanoTime() - start);
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
     * Waits for the OS lock. POSIX record locks belong to a whole process, so the kernel's
     * deadlock detection can refuse a wait ({@code EDEADLK}, "Resource deadlock avoided") when two
     * processes each hold one file's lock in one thread and wait for the other's in another
     * thread: no real deadlock, since the waits are by different threads. Then this polls with
     * {@code tryLock}, which never reports a deadlock, pausing 1 to 8 ms between tries.
     */
    private static FileLock waitForLock(FileChannel channel) throws IOException {
        try {
            return channel.lock();
        } catch (IOException refused) {
            for (long pause = 1;; pause = Math.min(pause * 2, 8)) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return lock;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    IOException interrupted = new java.io.InterruptedIOException("interrupted while waiting for the lock");
                    interrupted.addSuppressed(refused);
                    throw interrupted;
                }
            }
        }
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

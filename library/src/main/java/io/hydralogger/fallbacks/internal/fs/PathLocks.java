package io.hydralogger.fallbacks.internal.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Serialises the writers of each file: an in-JVM lock per path, plus (when asked) an OS lock
 * on the sidecar {@code .<name>.lock} for the writers of other processes. Both are needed: a
 * Java file lock belongs to the whole JVM, so it cannot keep two threads apart.
 *
 * <p>Keys are the real (resolved, absolute) paths the callers pass. An entry lives while some
 * thread holds or waits for its lock; then it is dropped and its lock file closed, unless it has
 * an {@linkplain Held#attachment() attachment} (an open append channel): such an entry stays
 * <em>idle</em> with its lock file and attachment open, so that a file appended to again and
 * again is not reopened for every call. At most
 * {@value #MAX_IDLE} entries stay idle: the oldest are closed and dropped, so the table never
 * grows without bound; {@link #size()} counts only live locks. One lock file has one channel in
 * this JVM at a time (closing another channel of the same file would drop the process's locks
 * on it). Lock files stay on disk (removing them would race with a process about to lock them);
 * they hold no data and are opened without following a link planted at their name. An idle
 * lock file that was deleted or replaced meanwhile is noticed (its file key changed) and opened
 * afresh before it is trusted.
 *
 * <p>The locks are not re-entrant: a thread that asks again for a lock it holds (an update
 * function that writes its own file) gets an {@link IllegalStateException} at once, instead of
 * a deadlock. Appends can be {@linkplain #append grouped}: threads that queue up for one file
 * hand their lines to whichever of them gets the lock first, which writes them all with one
 * write and one {@code force}. Thread-safe.
 */
public final class PathLocks {
    /** Idle entries kept, with their open files, before the oldest are closed. */
    public static final int MAX_IDLE = 64;

    private final ConcurrentHashMap<Path, Entry> table = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Path> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger live = new AtomicInteger();

    /** An acquired lock; closing it releases both levels. */
    public interface Held extends AutoCloseable {
        /**
         * An object kept with this file's lock across holds while the file's entry lives (an
         * open channel, say), or null. Touch it only while holding the lock.
         *
         * @return the attachment, or null
         */
        AutoCloseable attachment();

        /**
         * Replaces the attachment; it is closed when the entry is dropped.
         *
         * @param attachment the new attachment, or null
         */
        void attach(AutoCloseable attachment);

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
         * @param held the lock, for its attachment
         * @throws IOException if the group could not be written (then none of it is in the file)
         */
        void write(List<PendingAppend> group, Held held) throws IOException;
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        final ConcurrentLinkedQueue<PendingAppend> appends = new ConcurrentLinkedQueue<>();
        /** Holders and waiters; changed only inside the table's compute functions. */
        int users;
        /** Whether the path is in the idle queue; changed only inside the table's compute functions. */
        boolean queued;
        /** The lock file's channel and its file key; guarded by {@link #lock}. */
        FileChannel lockChannel;
        Object lockKey;
        AutoCloseable attachment;

        void closeFiles() {
            closeQuietly(attachment);
            closeQuietly(lockChannel);
            attachment = null;
            lockChannel = null;
        }
    }

    /**
     * Takes the exclusive lock of a file. The wait can be interrupted, and limited.
     *
     * @param target the resolved, absolute path of the file
     * @param processLock whether to take the OS lock on the sidecar file as well
     * @param timeoutNanos the longest wait for both locks together; negative for no limit
     * @param onWait given the nanoseconds waited, when the lock was not free at once (for statistics)
     * @return the held lock
     * @throws LockTimeoutException if the lock was not free within the timeout
     * @throws InterruptedIOException if the thread was interrupted while waiting (its interrupt
     *     status is set again)
     * @throws IOException if the lock file cannot be opened or locked
     * @throws IllegalStateException if this thread already holds the lock of this file
     */
    public Held lock(Path target, boolean processLock, long timeoutNanos, LongConsumer onWait) throws IOException {
        LockWait wait = new LockWait(target, timeoutNanos, onWait);
        Entry entry = enter(target);
        try {
            lockInJvm(entry, wait);
        } catch (IOException e) {
            leave(target);
            throw e;
        }
        return lockProcess(target, entry, processLock, wait);
    }

    /**
     * Appends lines to a file under its lock, grouped with the appends of other threads that
     * wait for the same lock: the first to get it writes the queued lines of all (its own and
     * theirs) through {@code writer}, and each caller returns when its own lines are written or
     * have failed. The caller encodes its lines before, so no lock is held while serialising.
     *
     * @param target the resolved, absolute path of the file
     * @param processLock whether to take the OS lock on the sidecar file as well
     * @param timeoutNanos the longest wait for both locks together; negative for no limit
     * @param onWait given the nanoseconds waited, when the lock was not free at once
     * @param append the caller's lines
     * @param writer writes a group of appends
     * @throws IOException if the lock could not be taken (timed out, interrupted) or the group
     *     holding these lines failed; either way the lines are not in the file
     * @throws IllegalStateException if this thread already holds the lock of this file
     */
    public void append(Path target, boolean processLock, long timeoutNanos, LongConsumer onWait,
            PendingAppend append, GroupWriter writer) throws IOException {
        LockWait wait = new LockWait(target, timeoutNanos, onWait);
        Entry entry = enter(target);
        entry.appends.add(append);
        try {
            lockInJvm(entry, wait);
        } catch (IOException e) {
            if (entry.appends.remove(append)) {
                leave(target);
                throw e;
            }
            // the holder took these lines into its group and is writing them: wait for the outcome
            entry.lock.lock();
        }
        if (append.isDone()) {
            release(target, entry, null);
            append.rethrow();
            return;
        }
        List<PendingAppend> group = new ArrayList<>();
        try (Held held = lockProcess(target, entry, processLock, wait)) {
            for (PendingAppend next; (next = entry.appends.poll()) != null;) {
                group.add(next);
            }
            writer.write(group, held);
            group.forEach(a -> a.complete(null));
        } catch (IOException | RuntimeException | Error e) {
            group.forEach(a -> a.complete(e));
            // the caller's append is not in a group if the lock could not be taken
            entry.appends.remove(append);
            throw e;
        }
    }

    /** {@return the number of paths whose lock is held or waited for now} */
    public int size() {
        return live.get();
    }

    /** {@return the entries in the table, live and idle (at most live + {@value #MAX_IDLE})} */
    public int entries() {
        return table.size();
    }

    /** Closes and drops every idle entry, releasing their open files. */
    public void closeIdle() {
        for (Path path; (path = idle.poll()) != null;) {
            evict(path);
        }
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
            if (e.users++ == 0) {
                live.incrementAndGet();
            }
            return e;
        });
    }

    private static void lockInJvm(Entry entry, LockWait wait) throws IOException {
        if (entry.lock.tryLock()) {
            return;
        }
        long start = System.nanoTime();
        try {
            if (wait.unlimited()) {
                entry.lock.lockInterruptibly();
            } else if (!entry.lock.tryLock(wait.remaining(), TimeUnit.NANOSECONDS)) {
                throw wait.timedOut();
            }
        } catch (InterruptedException e) {
            throw wait.interrupted();
        }
        wait.onWait.accept(System.nanoTime() - start);
    }

    private Held lockProcess(Path target, Entry entry, boolean processLock, LockWait wait) throws IOException {
        FileLock fileLock = null;
        try {
            if (processLock) {
                fileLock = lockFileOf(target, entry, wait);
            }
        } catch (IOException | RuntimeException e) {
            entry.closeFiles();
            release(target, entry, null);
            throw e;
        }
        return new HeldLock(target, entry, fileLock);
    }

    /** Locks the entry's lock file, (re)opening it when it is not open or not current. */
    private static FileLock lockFileOf(Path target, Entry entry, LockWait wait) throws IOException {
        Path file = FileNames.lockFile(target);
        while (true) {
            if (entry.lockChannel == null || !entry.lockChannel.isOpen()) {
                entry.lockChannel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
                entry.lockKey = fileKey(file);
            }
            FileLock fileLock = entry.lockChannel.tryLock();
            if (fileLock == null) {
                long start = System.nanoTime();
                fileLock = wait.unlimited() ? waitForLock(entry.lockChannel, wait) : pollForLock(entry.lockChannel, wait);
                wait.onWait.accept(System.nanoTime() - start);
            }
            if (Objects.equals(fileKey(file), entry.lockKey) && entry.lockKey != null) {
                return fileLock;
            }
            // the lock file was deleted or replaced while we had it open: others lock the new one
            fileLock.release();
            closeQuietly(entry.lockChannel);
            entry.lockChannel = null;
        }
    }

    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * Waits for the OS lock. POSIX record locks belong to a whole process, so the kernel's
     * deadlock detection can refuse a wait ({@code EDEADLK}, "Resource deadlock avoided") when two
     * processes each hold one file's lock in one thread and wait for the other's in another
     * thread: no real deadlock, since the waits are by different threads. Then this polls with
     * {@code tryLock}, which never reports a deadlock, pausing 1 to 8 ms between tries. An
     * interrupt ends the wait ({@code FileLockInterruptionException}, which closes the channel).
     */
    private static FileLock waitForLock(FileChannel channel, LockWait wait) throws IOException {
        try {
            return channel.lock();
        } catch (FileLockInterruptionException e) {
            throw e;
        } catch (IOException refused) {
            try {
                return pollForLock(channel, wait);
            } catch (IOException e) {
                e.addSuppressed(refused);
                throw e;
            }
        }
    }

    /** Tries the OS lock until it is free, pausing 1 to 8 ms between tries, within the wait's limit. */
    private static FileLock pollForLock(FileChannel channel, LockWait wait) throws IOException {
        for (long pause = 1;; pause = Math.min(pause * 2, 8)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
            if (!wait.unlimited() && wait.remaining() <= 0) {
                throw wait.timedOut();
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                throw wait.interrupted();
            }
        }
    }

    private void release(Path target, Entry entry, FileLock fileLock) {
        try {
            if (fileLock != null && fileLock.isValid()) {
                fileLock.release();
            }
        } catch (IOException e) {
            // the channel is broken: close it, which releases the OS lock in any case
            entry.closeFiles();
        } finally {
            entry.lock.unlock();
            leave(target);
        }
    }

    /**
     * Counts a holder or waiter out of the path's entry: when it was the last, the entry is dropped
     * with its files, or kept idle when it has an attachment (the oldest idle ones are evicted).
     */
    private void leave(Path target) {
        boolean[] nowIdle = new boolean[1];
        table.computeIfPresent(target, (path, e) -> {
            if (--e.users > 0) {
                return e;
            }
            live.decrementAndGet();
            if (e.attachment == null) {
                e.closeFiles();
                return null;
            }
            nowIdle[0] = !e.queued;
            e.queued = true;
            return e;
        });
        if (nowIdle[0]) {
            idle.add(target);
            while (idle.size() > MAX_IDLE) {
                Path oldest = idle.poll();
                if (oldest != null) {
                    evict(oldest);
                }
            }
        }
    }

    /**
     * Takes a path off the idle queue: drops its entry if no one holds or waits for it, closing
     * its files; an entry in use goes back on the queue when it is idle again.
     */
    private void evict(Path path) {
        table.computeIfPresent(path, (p, e) -> {
            e.queued = false;
            if (e.users > 0) {
                return e;
            }
            e.closeFiles();
            return null;
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // nothing was written through it that is not already on its way or reported
        }
    }

    /** A hold of both lock levels. */
    private final class HeldLock implements Held {
        private final Path target;
        private final Entry entry;
        private final FileLock fileLock;
        private boolean released;

        HeldLock(Path target, Entry entry, FileLock fileLock) {
            this.target = target;
            this.entry = entry;
            this.fileLock = fileLock;
        }

        @Override
        public AutoCloseable attachment() {
            return entry.attachment;
        }

        @Override
        public void attach(AutoCloseable attachment) {
            entry.attachment = attachment;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                release(target, entry, fileLock);
            }
        }
    }
}

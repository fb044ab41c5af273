package io.hydralogger.fallbacks.internal.fs;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The OS side of one file's lock: the lock file {@code .<name>.lock}, the OS lock on its first
 * byte, and the <em>lease</em> that keeps that lock across consecutive appends.
 *
 * <p><b>Lease.</b> Taking and releasing an OS lock costs two system calls and a look at the lock
 * file; for a logger that appends one line per call, that is most of the call. So after an append,
 * the OS lock is kept (leased) instead of released: the next append of this JVM, by any thread,
 * finds it held and writes at once, and since no other process can have written meanwhile, it
 * needs no look at the file either. A lease ends when this JVM has not appended for
 * {@value #IDLE_MICROS} µs (a timer releases it; an acquisition after that time never trusts it,
 * even when the timer has not run yet), at the first hold that is not an append (a
 * whole-file write, an update), and, when appends go on, after {@value #MAX_HOLD_MICROS} µs, when
 * it is handed over: so another process waits a few milliseconds at most.
 *
 * <p><b>Handing over.</b> Waiting for an OS lock is not fair: the process that releases it can
 * take it again before a waiting process wakes up. So a process that finds the lock taken first
 * announces that it waits, with a shared lock on the second byte, and drops that announcement once
 * it has the lock; and a process whose lease reached its maximum, after releasing the lock, waits
 * for an exclusive lock on the second byte, that is, until every process that announced itself
 * before has had its turn. Locks on the first byte and on the second do not overlap, and the whole
 * lock file of earlier versions (a lock on all of it) still excludes both.
 *
 * <p>Not thread-safe: every method is called with the file's in-JVM lock held (the lease timer
 * included).
 */
final class ProcessLock {
    /** How long this JVM keeps the OS lock while it appends without pause. */
    static final long MAX_HOLD_MICROS = 2_000;
    /** How long this JVM keeps the OS lock after its last append. */
    static final long IDLE_MICROS = 1_000;
    private static final long MAX_HOLD_NANOS = MAX_HOLD_MICROS * 1_000;
    private static final long IDLE_NANOS = IDLE_MICROS * 1_000;
    private static final long APPEND_BYTE = 0;
    private static final long WAITING_BYTE = 1;

    private final Path lockFile;
    private @Nullable FileChannel channel;
    private @Nullable Object key;
    private @Nullable FileLock held;
    private long heldSince;
    private long lastUse;
    private boolean leased;

    ProcessLock(Path target) {
        this.lockFile = FileNames.lockFile(target);
    }

    /**
     * Takes the OS lock, or keeps the leased one.
     *
     * @param onWait given the nanoseconds waited, when the lock was not free at once
     * @return whether the lock was kept from a lease: no other process can have written since
     *     this JVM's last append
     * @throws IOException if the lock file cannot be opened or locked
     */
    boolean acquire(LongConsumer onWait) throws IOException {
        if (held != null && held.isValid()) {
            long now = System.nanoTime();
            // a lease idle past its time has ended, whether or not the timer has run yet (under load it may not)
            boolean live = leased && now - lastUse < IDLE_NANOS;
            if (live && now - heldSince < MAX_HOLD_NANOS) {
                return true;
            }
            boolean handOver = live;
            releaseHeld();
            if (handOver) {
                letWaitersGoFirst();
            }
        }
        lockAppendByte(onWait);
        heldSince = System.nanoTime();
        return false;
    }

    /**
     * Ends a hold.
     *
     * @param lease whether to keep the OS lock as a lease (after an append that succeeded)
     * @return whether a lease is now held (the caller makes sure its timer runs)
     */
    boolean release(boolean lease) {
        if (held == null) {
            return false;
        }
        if (lease && held.isValid()) {
            leased = true;
            lastUse = System.nanoTime();
            return true;
        }
        releaseHeld();
        return false;
    }

    /**
     * Ends the lease if it has been idle long enough (the timer).
     *
     * @return the nanoseconds until the lease is to be looked at again, or -1 when there is none
     */
    long expire() {
        if (!leased || held == null) {
            return -1;
        }
        long idleFor = System.nanoTime() - lastUse;
        if (idleFor < IDLE_NANOS) {
            return IDLE_NANOS - idleFor;
        }
        releaseHeld();
        return -1;
    }

    /** Closes the lock file, which releases every OS lock this JVM has on it. */
    void close() {
        held = null;
        leased = false;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the process's locks on it are gone with the descriptor in any case
            }
            channel = null;
        }
    }

    private void releaseHeld() {
        FileLock lock = held;
        held = null;
        leased = false;
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // a broken channel: closing it releases the lock in any case
            close();
        }
    }

    /** Locks the first byte of the lock file, (re)opening it when it is not open or not current. */
    private void lockAppendByte(LongConsumer onWait) throws IOException {
        while (true) {
            if (channel == null || !channel.isOpen()) {
                channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                key = fileKey(lockFile);
            }
            FileLock lock = tryLock(APPEND_BYTE, false);
            if (lock == null) {
                long start = System.nanoTime();
                lock = waitAnnounced();
                onWait.accept(System.nanoTime() - start);
            }
            if (key != null && Objects.equals(fileKey(lockFile), key)) {
                held = lock;
                return;
            }
            // the lock file was deleted or replaced while we had it open: others lock the new one
            lock.release();
            close();
        }
    }

    /** Waits for the first byte with a shared lock on the second held meanwhile: "I am waiting". */
    private FileLock waitAnnounced() throws IOException {
        FileLock announcement = waitFor(WAITING_BYTE, true);
        try {
            return waitFor(APPEND_BYTE, false);
        } finally {
            if (announcement.isValid()) {
                announcement.release();
            }
        }
    }

    /** After a lease reached its maximum: waits until the processes that wait have had their turn. */
    private void letWaitersGoFirst() throws IOException {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        FileLock turn = waitFor(WAITING_BYTE, false);
        turn.release();
    }

    /**
     * Waits for a lock on one byte. POSIX record locks belong to a whole process, so the kernel's
     * deadlock detection can refuse a wait ({@code EDEADLK}) when two processes each hold one
     * file's lock in one thread and wait for the other's in another thread: no real deadlock,
     * since the waits are by different threads. Then, and when this JVM holds the byte through
     * another channel, this polls with {@code tryLock}, pausing 1 to 8 ms between tries.
     */
    private FileLock waitFor(long position, boolean shared) throws IOException {
        Exception refused;
        try {
            return open().lock(position, 1, shared);
        } catch (IOException | OverlappingFileLockException e) {
            refused = e;
        }
        for (long pause = 1;; pause = Math.min(pause * 2, 8)) {
            FileLock lock = tryLock(position, shared);
            if (lock != null) {
                return lock;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                IOException interrupted = new InterruptedIOException("interrupted while waiting for the lock");
                interrupted.addSuppressed(refused);
                throw interrupted;
            }
        }
    }

    /**
     * Tries to lock one byte; null when it is taken, by another process or by this JVM through
     * another channel (the same file reached by another path, a hard link say: the JVM refuses
     * overlapping locks of its own, and that lock is released within a lease's idle time).
     */
    private FileChannel open() {
        FileChannel open = channel;
        if (open == null) {
            throw new IllegalStateException("the lock file " + lockFile + " is not open");
        }
        return open;
    }

    private @Nullable FileLock tryLock(long position, boolean shared) throws IOException {
        try {
            return open().tryLock(position, 1, shared);
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static @Nullable Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}

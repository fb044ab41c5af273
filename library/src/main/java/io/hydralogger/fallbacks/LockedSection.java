package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.internal.fs.Folders;
import io.hydralogger.fallbacks.internal.fs.Links;
import io.hydralogger.fallbacks.internal.fs.PathLocks;
import io.hydralogger.fallbacks.internal.fs.PendingAppend;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one way every operation that changes a file takes its lock: follow links to the real
 * file (a folder fails here, before any lock), make its folder when the handler is set to, take
 * the in-JVM lock and (with process locking) the OS lock on {@code .<name>.lock}, run the
 * section, release. A failure before the
 * section runs is handed to the caller's failure handler; an {@link IllegalStateException} (this
 * thread holds the lock already) propagates.
 */
final class LockedSection {
    /**
     * How long an append reuses a path's resolution (links followed, folder made) before it looks
     * again: as long as a lease of the OS lock lasts at most.
     */
    private static final long RESOLUTION_NANOS = 2_000_000;
    /** Resolutions kept; the table is emptied when it holds more. */
    private static final int MAX_RESOLUTIONS = 256;

    private final Context context;
    /** The appends' resolved paths, reused for {@link #RESOLUTION_NANOS}: no {@code lstat}/{@code stat} per call. */
    private final ConcurrentHashMap<Path, Resolution> resolutions = new ConcurrentHashMap<>();

    /** A path's real file, and until when (System.nanoTime) it may be reused. */
    private record Resolution(Path target, long until) {
    }

    LockedSection(Context context) {
        this.context = context;
    }

    /** The work done under the lock. */
    @FunctionalInterface
    interface Section<R> {
        /**
         * Runs under the lock.
         *
         * @param target the real file (links followed)
         * @return the result
         */
        R run(Path target);
    }

    /** What to return when the lock could not be taken. */
    @FunctionalInterface
    interface Failed<R> {
        /**
         * Makes the result of a section that never ran.
         *
         * @param cause why (already unwrapped)
         * @return the result
         */
        R failed(Exception cause);
    }

    /**
     * Runs a section under the lock of a file.
     *
     * @param path the file as given
     * @param createParents whether to make its missing folders (when the handler makes them)
     * @param section the work
     * @param failed the result when the lock cannot be taken
     * @param <R> the result type
     * @return the section's result, or the failure's
     * @throws IllegalStateException if this thread holds the file's lock already
     */
    <R> R run(Path path, boolean createParents, Section<R> section, Failed<R> failed) {
        Path target;
        PathLocks.Held held;
        try {
            target = resolve(path, createParents);
            held = context.runtime.locks.lock(target, context.processLocking, context.lockTimeoutNanos,
                    context.stats::lockWaited);
        } catch (IllegalStateException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return failed.failed(Failures.unwrap(e));
        }
        try (held) {
            return section.run(target);
        }
    }

    /**
     * Appends under the lock of a file, grouped with the appends of other threads (see
     * {@link PathLocks#append}).
     *
     * @param path the file as given
     * @param append the encoded lines
     * @param writer writes a group of appends
     * @throws IOException if the lock could not be taken or the group failed
     * @throws IllegalStateException if this thread holds the file's lock already
     */
    void append(Path path, PendingAppend append, GroupWriter writer) throws IOException {
        Path target = resolveForAppend(path);
        context.runtime.locks.append(target, context.processLocking, context.lockTimeoutNanos,
                context.stats::lockWaited, append,
                (group, held) -> writer.write(target, group, held));
    }

    /** Writes a group of appends to the real file. */
    @FunctionalInterface
    interface GroupWriter {
        /**
         * Writes the group.
         *
         * @param target the real file
         * @param group the appends
         * @param held the lock, for its attachment
         * @throws IOException if the group could not be written
         */
        void write(Path target, java.util.List<PendingAppend> group, PathLocks.Held held) throws IOException;
    }

    /**
     * The real file of an append: resolved afresh at most every {@link #RESOLUTION_NANOS}, so that
     * a logger appending one line per call does not look at the links and the folder every time.
     * A link changed meanwhile is followed within that time.
     */
    private Path resolveForAppend(Path path) throws IOException {
        long now = System.nanoTime();
        Resolution known = resolutions.get(path);
        if (known != null && now - known.until < 0) {
            return known.target;
        }
        Path target = resolve(path, true);
        if (resolutions.size() >= MAX_RESOLUTIONS) {
            resolutions.clear();
        }
        resolutions.put(path, new Resolution(target, now + RESOLUTION_NANOS));
        return target;
    }

    /**
     * Forgets an append's resolution (after a failure: its folder may be gone).
     *
     * @param path the file as given
     */
    void forget(Path path) {
        resolutions.remove(path);
    }

    /**
     * Follows links to the real file and makes its folder when that is asked for. A folder is
     * refused before its lock is taken: no operation can change it, and its lock file would be a
     * stray {@code .<folder>.lock} beside it.
     */
    private Path resolve(Path path, boolean createParents) throws IOException {
        Path target = Links.resolveTarget(path);
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "a folder, not a file");
        }
        if (createParents && context.createParents) {
            Folders.create(Folders.parentOf(target), context.sync().folders());
        }
        return target;
    }
}

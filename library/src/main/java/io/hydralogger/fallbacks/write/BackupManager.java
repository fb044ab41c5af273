package io.hydralogger.fallbacks.write;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the previous versions of a file as backups, beside it: {@code <name>.bak} is the
 * newest, older generations are {@code <name>.bak.1}, {@code <name>.bak.2}, … up to the
 * configured count.
 *
 * <p>A backup is a <em>hard link</em> to the version being replaced, made just before the new
 * version is renamed over it: no byte is copied and the target is never missing, not even for a
 * moment. Only where the file system has no hard links is the file copied instead. Rotating the
 * generations renames backup files; a symbolic link planted at a backup name is renamed or
 * removed, never followed. The generation that falls off the end is deleted, a large one
 * (8 MiB or more) on a background thread after being renamed to a temp-file name
 * ({@code .<name>.<random>.tmp}), so that freeing it does not slow the write. A backup has the inode, and so the permissions, of the version it
 * keeps, so it is never readable by more users than that version was.
 *
 * <p>Immutable and thread-safe; rotations of one target must be serialised by the caller.
 */
public final class BackupManager {
    /** Dropped backups of at least this size (8 MiB) are deleted off the writer's path. */
    static final long DEFERRED_DELETE_BYTES = 8L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(BackupManager.class);
    private static final BackupManager NONE = new BackupManager(0);

    private final int generations;

    private BackupManager(int generations) {
        this.generations = generations;
    }

    /** {@return a policy that keeps no backups} */
    public static BackupManager none() {
        return NONE;
    }

    /**
     * A policy that keeps {@code count} generations beside the file.
     *
     * @param count how many previous versions to keep; 0 for none
     * @return the policy
     * @throws IllegalArgumentException if count is negative
     */
    public static BackupManager generations(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("backup count must not be negative: " + count);
        }
        return count == 0 ? NONE : new BackupManager(count);
    }

    /** {@return how many generations this policy keeps} */
    public int generations() {
        return generations;
    }

    /** {@return whether this policy keeps any backup} */
    public boolean isEnabled() {
        return generations > 0;
    }

    /**
     * The name of one backup generation of {@code target}.
     *
     * @param target the file
     * @param generation 0 for the newest ({@code <name>.bak}), n for {@code <name>.bak.n}
     * @return the path of that backup
     */
    public static Path backupPath(Path target, int generation) {
        String name = target.getFileName() + ".bak" + (generation == 0 ? "" : "." + generation);
        return target.resolveSibling(name);
    }

    /**
     * Keeps the current version of {@code target} as the newest backup, shifting the older
     * generations and dropping the oldest.
     *
     * @param target an existing file
     * @return the newest backup
     * @throws IOException if the backup cannot be made
     * @throws IllegalStateException if this policy keeps no backups
     */
    public Path backup(Path target) throws IOException {
        if (!isEnabled()) {
            throw new IllegalStateException("this policy keeps no backups");
        }
        retire(target, backupPath(target, generations - 1));
        for (int generation = generations - 1; generation > 0; generation--) {
            Path older = backupPath(target, generation - 1);
            if (Files.exists(older, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(older, backupPath(target, generation), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Path newest = backupPath(target, 0);
        Files.deleteIfExists(newest);
        try {
            Files.createLink(newest, target);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof java.nio.file.FileAlreadyExistsException) {
                throw (FileSystemException) e;
            }
            Files.copy(target, newest, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
        return newest;
    }

    /**
     * Drops the oldest generation. A large file (at least {@value #DEFERRED_DELETE_BYTES} bytes)
     * is renamed to a temp-file name beside the target and deleted on a background thread: freeing
     * a large file's blocks and cached pages takes tens of milliseconds (about 50 ms for 100 MB on
     * ext4), which need not be the writer's. If the process dies first, the next write of the
     * target sweeps it like any stale temp file. Small files are deleted at once.
     */
    private static void retire(Path target, Path oldest) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(oldest, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isRegularFile() || attributes.size() < DEFERRED_DELETE_BYTES) {
            Files.deleteIfExists(oldest);
            return;
        }
        Path tomb = AtomicWriter.newTempPath(target);
        Files.move(oldest, tomb, StandardCopyOption.ATOMIC_MOVE);
        Deleter.EXECUTOR.execute(() -> {
            try {
                Files.deleteIfExists(tomb);
            } catch (IOException e) {
                LOG.warn("could not delete the dropped backup {} (the next write sweeps it): {}", tomb,
                        e.toString());
            }
        });
    }

    /** The background thread that deletes dropped large backups, made on first use. */
    private static final class Deleter {
        static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "hydra-fallbacks-delete");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Lists the backups of {@code target} that exist, newest first.
     *
     * @param target the file
     * @return the backup files, newest first; empty when there are none
     */
    public List<Path> list(Path target) {
        List<Path> found = new ArrayList<>();
        int limit = Math.max(generations, 1);
        for (int generation = 0; generation < limit || Files.exists(backupPath(target, generation),
                LinkOption.NOFOLLOW_LINKS); generation++) {
            Path backup = backupPath(target, generation);
            if (Files.isRegularFile(backup, LinkOption.NOFOLLOW_LINKS)) {
                found.add(backup);
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return "BackupManager[generations=" + generations + "]";
    }
}

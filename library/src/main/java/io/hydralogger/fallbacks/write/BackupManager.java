package io.hydralogger.fallbacks.write;

import io.hydralogger.fallbacks.internal.fs.FileNames;
import io.hydralogger.fallbacks.internal.fs.Folders;
import io.hydralogger.fallbacks.internal.fs.Links;
import io.hydralogger.fallbacks.internal.fs.TempFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
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
 * (8 MiB or more) by the {@linkplain #withDeleter deleter} after being renamed to a temp-file name
 * ({@code .<name>.<random>.tmp}), so that freeing it does not slow the write. A backup has the inode, and so the permissions, of the version it
 * keeps, so it is never readable by more users than that version was.
 *
 * <p>With {@link #inFolder(Path, int)} backups go to a folder of their own instead, named
 * {@code <name>.<UTC timestamp>.bak} (linked where the folder is on the same file system as the
 * file, copied otherwise); the newest {@code count} are kept.
 *
 * <p>{@link #restore(Path, Path)} puts a backup back atomically, keeping the version it replaces
 * as {@code <name>.corrupt-<timestamp>}; {@link #prune(Path, int, Duration)} deletes old backups.
 *
 * <p>Immutable and thread-safe; rotations, restores and prunes of one target must be serialised
 * by the caller (the {@code FallbackHandler} holds the target's lock).
 */
public final class BackupManager {
    private static final BackupManager NONE = new BackupManager(0, null, Clock.systemUTC(), Runnable::run);
    private static final Logger LOG = LoggerFactory.getLogger(BackupManager.class);

    private final int generations;
    private final @Nullable Path folder;
    private final Clock clock;
    private final Executor deleter;

    private BackupManager(int generations, @Nullable Path folder, Clock clock, Executor deleter) {
        this.generations = generations;
        this.folder = folder;
        this.clock = clock;
        this.deleter = deleter;
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
        return count == 0 ? NONE : new BackupManager(count, null, Clock.systemUTC(), Runnable::run);
    }

    /**
     * A policy that keeps the newest {@code count} backups in a folder of their own, named
     * {@code <name>.<UTC timestamp>.bak}. The folder is created when needed. Files of the same
     * name in different folders share the backup folder, so give such files folders of their own.
     *
     * @param folder the backup folder
     * @param count how many backups of each file to keep (at least 1)
     * @return the policy
     * @throws IllegalArgumentException if count is not positive
     */
    public static BackupManager inFolder(Path folder, int count) {
        Objects.requireNonNull(folder, "folder must not be null");
        if (count <= 0) {
            throw new IllegalArgumentException("backup count must be positive: " + count);
        }
        return new BackupManager(count, folder.toAbsolutePath(), Clock.systemUTC(), Runnable::run);
    }

    /**
     * This policy with another clock for the timestamps in names (for tests).
     *
     * @param clock the clock
     * @return the policy
     */
    public BackupManager withClock(Clock clock) {
        return new BackupManager(generations, folder, Objects.requireNonNull(clock, "clock must not be null"),
                deleter);
    }

    /**
     * This policy with dropped large generations deleted on another thread. By default they are
     * deleted on the writing thread; a handler gives its runtime's {@code hydra-fallbacks-delete}
     * thread, so that freeing a large file (tens of milliseconds) is not the writer's wait.
     *
     * @param executor runs the deletions
     * @return the policy
     */
    public BackupManager withDeleter(Executor executor) {
        return new BackupManager(generations, folder, clock,
                Objects.requireNonNull(executor, "executor must not be null"));
    }

    /** {@return the backup folder, when backups are kept in one} */
    public java.util.Optional<Path> folder() {
        return java.util.Optional.ofNullable(folder);
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
        Path in = folder;
        if (in != null) {
            return backupToFolder(in, target);
        }
        retire(target, FileNames.backup(target, generations - 1));
        for (int generation = generations - 1; generation > 0; generation--) {
            Path older = FileNames.backup(target, generation - 1);
            if (Files.exists(older, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(older, FileNames.backup(target, generation), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Path newest = FileNames.backup(target, 0);
        Files.deleteIfExists(newest);
        Links.linkOrCopy(target, newest);
        return newest;
    }

    private Path backupToFolder(Path folder, Path target) throws IOException {
        Files.createDirectories(folder);
        String stamp = FileNames.timestamp(clock);
        Path backup = null;
        for (int attempt = 0; backup == null; attempt++) {
            Path candidate = FileNames.folderBackup(folder, target, stamp, attempt);
            try {
                Links.linkOrCopy(target, candidate);
                backup = candidate;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
        prune(target, generations, null);
        return backup;
    }

    /**
     * Puts a backup back in place of {@code target}, atomically: the backup is copied to a temp
     * file beside the target, forced, and renamed over it; the folder is then forced. The
     * version it replaces, when there is one, is kept as {@code <name>.corrupt-<timestamp>}.
     * The backup itself stays. This is the raw step: it does not look at what either file holds.
     * {@code FallbackHandler.restore(path, backup, format, force)} does, under the file's lock,
     * and refuses a backup that holds fewer records than a salvage finds in the file (never
     * worse); use that one unless you have checked the backup yourself.
     *
     * @param target the file
     * @param backup the backup to restore (one of {@link #list(Path)})
     * @return the name the replaced version is kept under, if there was one
     * @throws IOException if the backup cannot be restored; the target is then untouched
     */
    public java.util.Optional<Path> restore(Path target, Path backup) throws IOException {
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(backup, "backup must not be null");
        Path real = Links.resolveTarget(target);
        Path temp = FileNames.newTemp(real);
        try {
            try (FileChannel out = TempFiles.createLike(real, temp);
                    FileChannel in = FileChannel.open(backup, StandardOpenOption.READ)) {
                long size = in.size();
                for (long done = 0; done < size;) {
                    done += in.transferTo(done, size - done, out);
                }
                out.force(true);
            }
            java.util.Optional<Path> kept = Files.exists(real, LinkOption.NOFOLLOW_LINKS)
                    ? java.util.Optional.of(Links.keepAsCorrupt(real, clock)) : java.util.Optional.empty();
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE);
            Folders.force(Folders.parentOf(real));
            return kept;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Deletes old backups of {@code target}: all but the newest {@code keep}, and those last
     * modified longer than {@code maxAge} ago.
     *
     * @param target the file
     * @param keep how many of the newest backups to keep at most
     * @param maxAge the age beyond which backups are deleted; null for no age limit
     * @return the backups deleted
     * @throws IOException if a backup cannot be deleted
     * @throws IllegalArgumentException if keep is negative
     */
    public List<Path> prune(Path target, int keep, @Nullable Duration maxAge) throws IOException {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
        List<Path> deleted = new ArrayList<>();
        List<Path> all = list(target);
        Instant oldest = maxAge == null ? null : clock.instant().minus(maxAge);
        for (int i = 0; i < all.size(); i++) {
            Path backup = all.get(i);
            boolean tooOld = oldest != null
                    && Files.getLastModifiedTime(backup, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(oldest);
            if ((i >= keep || tooOld) && Files.deleteIfExists(backup)) {
                deleted.add(backup);
            }
        }
        return deleted;
    }

    /**
     * Drops the oldest generation. A large file (at least
     * {@value io.hydralogger.fallbacks.internal.fs.TempFiles#DEFERRED_DELETE_BYTES} bytes) is renamed to a temp-file name beside the target and deleted by the deleter (see
     * {@link #withDeleter}): freeing a large file's blocks and cached pages takes tens of
     * milliseconds (about 50 ms for 100 MB on ext4), which need not be the writer's. If the
     * process dies first, the next write of the target sweeps it like any stale temp file. Small
     * files are deleted at once.
     */
    private void retire(Path target, Path oldest) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(oldest, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        }
        if (!attributes.isRegularFile() || attributes.size() < TempFiles.DEFERRED_DELETE_BYTES) {
            Files.deleteIfExists(oldest);
            return;
        }
        Path tomb = FileNames.newTemp(target);
        Files.move(oldest, tomb, StandardCopyOption.ATOMIC_MOVE);
        deleter.execute(() -> {
            try {
                Files.deleteIfExists(tomb);
            } catch (IOException e) {
                LOG.warn("could not delete the dropped backup {} (the next write sweeps it): {}", tomb,
                        e.toString());
            }
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
        Path in = folder;
        if (in != null) {
            listFolder(in, target, found);
            return found;
        }
        int limit = Math.max(generations, 1);
        for (int generation = 0; generation < limit || Files.exists(FileNames.backup(target, generation),
                LinkOption.NOFOLLOW_LINKS); generation++) {
            Path backup = FileNames.backup(target, generation);
            if (Files.isRegularFile(backup, LinkOption.NOFOLLOW_LINKS)) {
                found.add(backup);
            }
        }
        return found;
    }

    private void listFolder(Path folder, Path target, List<Path> found) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> FileNames.isFolderBackup(entry.getFileName().toString(), target))) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            // an unreadable folder holds no backup we could use
        }
        found.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
    }

    @Override
    public String toString() {
        return "BackupManager[generations=" + generations + (folder == null ? "" : ", folder=" + folder) + "]";
    }
}

package io.hydralogger.fallbacks.write;

import io.hydralogger.fallbacks.Durability;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes whole files atomically and durably: the protocol of every whole-file write.
 *
 * <ol>
 *   <li>{@link #begin(Path)} follows symbolic links to the real target (the link stays, the
 *       file it points to is replaced), creates missing parent folders when configured, and
 *       creates a new temp file {@code .<name>.<random>.tmp} in the target's folder, exclusively
 *       ({@code CREATE_NEW}: never through an existing file or link), with the permissions of
 *       the file it replaces (a new file gets the process's default).
 *   <li>The caller streams the content into {@link PendingFile#stream()}.
 *   <li>{@link PendingFile#commit()} forces the data (when {@link Durability#SYNC}), keeps the
 *       current target as a backup by hard link (see {@link BackupManager}), renames the temp
 *       file over the target with {@code ATOMIC_MOVE}, then forces the folder.
 *   <li>On failure {@link PendingFile#close()} removes the temp file; the target is untouched.
 * </ol>
 *
 * <p>A reader at any moment sees the old complete file or the new complete file. After a crash
 * or power loss the target is the old or the new version (with {@code SYNC}; with
 * {@link Durability#NONE} a power loss may also lose a completed write, but never tears one).
 * Limits, stated plainly: the guarantees need a file system whose rename is atomic and whose
 * {@code fsync} is honest (local POSIX file systems; not every network file system, nor disks
 * that acknowledge writes they only cached). On Windows folders cannot be forced, so a rename
 * may not survive a power loss there.
 *
 * <p>Immutable and thread-safe; serialising writers of one target is the caller's business
 * (the {@code FallbackHandler} holds the target's lock).
 */
public final class AtomicWriter {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicWriter.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SYMLINK_HOPS = 40;

    private final Durability durability;
    private final BackupManager backups;
    private final boolean createParents;

    private AtomicWriter(Builder builder) {
        this.durability = builder.durability;
        this.backups = builder.backups;
        this.createParents = builder.createParents;
    }

    /** {@return a builder with the defaults: durable, one backup generation, parents created} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return how durable this writer's writes are} */
    public Durability durability() {
        return durability;
    }

    /** {@return the backup policy of this writer} */
    public BackupManager backups() {
        return backups;
    }

    /**
     * Starts a whole-file write of {@code target}.
     *
     * @param target the file to replace or create
     * @return the pending write; the caller must close it (try-with-resources)
     * @throws IOException if the target is a folder, its folder is missing (and not to be
     *     created) or not writable, or the temp file cannot be created
     */
    public PendingFile begin(Path target) throws IOException {
        Objects.requireNonNull(target, "target must not be null");
        Path real = resolveTarget(target);
        if (Files.isDirectory(real)) {
            throw new FileSystemException(real.toString(), null, "the target is a folder");
        }
        Path folder = real.getParent();
        if (createParents) {
            createDirectories(folder, durability);
        }
        Path temp = newTempPath(real);
        FileChannel channel = createTemp(real, temp);
        return new PendingFile(real, temp, channel, durability, backups);
    }

    /**
     * Follows symbolic links from {@code target} to the file a write must replace. A link whose
     * destination does not exist yet resolves to that destination.
     *
     * @param target the path as given
     * @return the absolute path of the real file
     * @throws IOException if a link cannot be read or there are more than 40 hops
     */
    public static Path resolveTarget(Path target) throws IOException {
        Path current = target.toAbsolutePath().normalize();
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_SYMLINK_HOPS) {
                throw new FileSystemException(target.toString(), null, "too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(current);
            current = current.getParent().resolve(link).normalize();
        }
        return current;
    }

    /**
     * Removes the temp files that writers of {@code target} left behind when they died. Only
     * call this while holding the target's exclusive lock, or a live writer's temp file could
     * be removed under it.
     *
     * @param target the (resolved) target
     * @return how many temp files were removed
     */
    public static int removeStaleTempFiles(Path target) {
        Path folder = target.toAbsolutePath().getParent();
        String prefix = "." + target.getFileName() + ".";
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> isTempName(entry.getFileName().toString(), prefix))) {
            for (Path entry : entries) {
                if (Files.deleteIfExists(entry)) {
                    removed++;
                    LOG.info("removed the temp file {} left by a writer that died", entry);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not sweep temp files of {}: {}", target, e.toString());
        }
        return removed;
    }

    /**
     * Creates a folder and its missing parents. With {@link Durability#SYNC} the parent of each
     * new level is forced after the level is made, so that the new folders survive a power loss
     * (the last level is forced by the write that puts a file in it).
     *
     * @param folder the folder
     * @param durability whether to force the new levels' parents
     * @throws IOException if a level cannot be created (for example a parent is a file)
     */
    public static void createDirectories(Path folder, Durability durability) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Deque<Path> missing = new ArrayDeque<>();
        for (Path level = absolute; level != null && !Files.exists(level); level = level.getParent()) {
            missing.push(level);
        }
        for (Path level : missing) {
            try {
                Files.createDirectory(level);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(level)) {
                    throw e;
                }
                continue;
            }
            if (durability == Durability.SYNC) {
                forceDirectory(level.getParent());
            }
        }
    }

    /**
     * Forces a folder so that a rename, creation or link in it survives a power loss. Where
     * folders cannot be opened (Windows) this does nothing.
     *
     * @param folder the folder
     * @throws IOException if the force itself fails
     */
    public static void forceDirectory(Path folder) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(folder, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot open folder {} to force it: {}", folder, e.toString());
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    private static boolean isTempName(String name, String prefix) {
        if (!name.startsWith(prefix) || !name.endsWith(".tmp")) {
            return false;
        }
        String random = name.substring(prefix.length(), name.length() - ".tmp".length());
        return !random.isEmpty() && random.chars().allMatch(c -> Character.isLetterOrDigit(c));
    }

    static Path newTempPath(Path target) {
        return target.resolveSibling("." + target.getFileName() + "."
                + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
    }

    /**
     * Creates the temp file exclusively. When the target exists on a POSIX file system the temp
     * file gets exactly its permissions (and, where the process may, its owner and group), so
     * it is never readable by more users than the file it replaces.
     */
    static FileChannel createTemp(Path target, Path temp) throws IOException {
        PosixFileAttributes existing = posixAttributes(target);
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (existing == null) {
            return FileChannel.open(temp, options);
        }
        Set<PosixFilePermission> permissions = existing.permissions();
        FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(permissions);
        FileChannel channel = FileChannel.open(temp, options, attribute);
        try {
            Files.setPosixFilePermissions(temp, permissions);
            copyOwnership(existing, temp);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temp);
            throw e;
        }
        return channel;
    }

    private static PosixFileAttributes posixAttributes(Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return view.readAttributes();
    }

    private static void copyOwnership(PosixFileAttributes existing, Path temp) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
            PosixFileAttributes created = view.readAttributes();
            UserPrincipal owner = existing.owner();
            GroupPrincipal group = existing.group();
            if (!created.group().equals(group)) {
                view.setGroup(group);
            }
            if (!created.owner().equals(owner)) {
                view.setOwner(owner);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("kept the writer's ownership for {}: {}", temp, e.toString());
        }
    }

    /** Builds an {@link AtomicWriter}. Not thread-safe; the writer it builds is immutable. */
    public static final class Builder {
        private Durability durability = Durability.SYNC;
        private BackupManager backups = BackupManager.generations(1);
        private boolean createParents = true;

        private Builder() {
        }

        /**
         * Sets whether writes are forced to stable storage. Default {@link Durability#SYNC}.
         *
         * @param durability the durability
         * @return this builder
         */
        public Builder durability(Durability durability) {
            this.durability = Objects.requireNonNull(durability, "durability must not be null");
            return this;
        }

        /**
         * Sets how backups are kept. Default: one generation, {@code <name>.bak}.
         *
         * @param backups the backup policy; {@link BackupManager#none()} for no backups
         * @return this builder
         */
        public Builder backups(BackupManager backups) {
            this.backups = Objects.requireNonNull(backups, "backups must not be null");
            return this;
        }

        /**
         * Sets whether missing parent folders are created. Default true.
         *
         * @param createParents whether to create them
         * @return this builder
         */
        public Builder createParentDirectories(boolean createParents) {
            this.createParents = createParents;
            return this;
        }

        /** {@return the writer} */
        public AtomicWriter build() {
            return new AtomicWriter(this);
        }
    }
}

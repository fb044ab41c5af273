package io.hydralogger.fallbacks.write;

import io.hydralogger.fallbacks.internal.fs.FileNames;
import io.hydralogger.fallbacks.internal.fs.Folders;
import io.hydralogger.fallbacks.internal.fs.Links;
import io.hydralogger.fallbacks.internal.fs.TempFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

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
 *   <li>{@link PendingFile#commit()} forces the data (unless {@link Durability#NONE}), keeps the
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
        Path real = Links.resolveTarget(target);
        if (Files.isDirectory(real)) {
            throw new FileSystemException(real.toString(), null, "the target is a folder");
        }
        Path folder = Folders.parentOf(real);
        if (createParents) {
            Folders.create(folder, durability == Durability.SYNC);
        }
        Path temp = FileNames.newTemp(real);
        FileChannel channel = TempFiles.createLike(real, temp);
        return new PendingFile(real, temp, channel, durability, backups);
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

package io.hydralogger.fallbacks.internal.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files made beside a target that must never be readable by more users than the target is:
 * temp files of whole-file writes, evidence files of torn lines, restores.
 */
public final class TempFiles {
    /**
     * Files this large (8 MiB) are deleted on another thread: freeing a large file's blocks and
     * cached pages takes tens of milliseconds (about 50 ms for 100 MB on ext4).
     */
    public static final long DEFERRED_DELETE_BYTES = 8L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(TempFiles.class);

    private TempFiles() {
    }

    /**
     * Creates a file exclusively ({@code CREATE_NEW}: never through an existing file or link).
     * When the target exists on a POSIX file system the new file gets exactly its permissions
     * (and, where the process may, its owner and group), so it is never readable by more users
     * than the file it stands beside; otherwise it gets the process's default.
     *
     * @param target the file whose permissions to copy
     * @param file the file to create
     * @return the new file, open for writing
     * @throws java.nio.file.FileAlreadyExistsException if the name is taken
     * @throws IOException if the file cannot be created
     */
    public static FileChannel createLike(Path target, Path file) throws IOException {
        PosixFileAttributes existing = posixAttributes(target);
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (existing == null) {
            return FileChannel.open(file, options);
        }
        Set<PosixFilePermission> permissions = existing.permissions();
        FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(permissions);
        FileChannel channel = FileChannel.open(file, options, attribute);
        try {
            Files.setPosixFilePermissions(file, permissions);
            copyOwnership(existing, file);
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(file);
            throw e;
        }
        return channel;
    }

    /**
     * Removes the temp files that writers of {@code target} left behind when they died (and
     * large dropped backups that the deleter has not yet deleted: they carry temp-file names).
     * A file of {@link #DEFERRED_DELETE_BYTES} or more is handed to the deleter instead of being
     * deleted here: freeing its blocks takes tens of milliseconds that need not be the writer's.
     * Only call this while holding the target's exclusive lock, or a live writer's temp file
     * could be removed under it.
     *
     * @param target the (resolved) target
     * @param deleter deletes large files on another thread
     * @return how many temp files were removed or handed to the deleter
     */
    public static int removeStale(Path target, Executor deleter) {
        Path folder = target.toAbsolutePath().getParent();
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                entry -> FileNames.isTemp(entry.getFileName().toString(), target))) {
            for (Path entry : entries) {
                if (large(entry)) {
                    deleter.execute(() -> deleteQuietly(entry));
                    removed++;
                    LOG.info("removing the temp file {} (left by a writer that died, or a dropped backup)", entry);
                } else if (Files.deleteIfExists(entry)) {
                    removed++;
                    LOG.info("removed the temp file {} left by a writer that died", entry);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not sweep temp files of {}: {}", target, e.toString());
        }
        return removed;
    }

    private static boolean large(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return attributes.isRegularFile() && attributes.size() >= DEFERRED_DELETE_BYTES;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not delete the temp file {} (the next write sweeps it): {}", file, e.toString());
        }
    }

    private static @Nullable PosixFileAttributes posixAttributes(Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return view.readAttributes();
    }

    private static void copyOwnership(PosixFileAttributes existing, Path file) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
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
            LOG.debug("kept the writer's ownership for {}: {}", file, e.toString());
        }
    }
}

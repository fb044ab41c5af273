package io.hydralogger.fallbacks.internal.fs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/** Symbolic links followed by hand, and hard links that keep a file under a second name. */
public final class Links {
    private static final int MAX_SYMLINK_HOPS = 40;
    private static final int MAX_NAME_TRIES = 100;

    private Links() {
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
            current = Folders.parentOf(current).resolve(link).normalize();
        }
        return current;
    }

    /**
     * Keeps {@code file} under a second name: a hard link where the file system allows it,
     * else a copy. Never replaces an existing file at that name.
     *
     * @param file the file
     * @param name the new name
     * @throws FileAlreadyExistsException if the name is taken
     * @throws IOException if neither works
     */
    public static void linkOrCopy(Path file, Path name) throws IOException {
        try {
            Files.createLink(name, file);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileAlreadyExistsException exists) {
                throw exists;
            }
            Files.copy(file, name, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
    }

    /**
     * Keeps the current version of a file as {@code <name>.corrupt-<UTC timestamp>} beside it,
     * by hard link (a copy where links are not possible): evidence that is never destroyed.
     *
     * @param file the file
     * @param clock the clock for the timestamp
     * @return the name it is kept under
     * @throws IOException if it cannot be kept
     */
    public static Path keepAsCorrupt(Path file, Clock clock) throws IOException {
        String stamp = FileNames.timestamp(clock);
        for (int attempt = 0;; attempt++) {
            Path kept = FileNames.corrupt(file, stamp, attempt);
            try {
                linkOrCopy(file, kept);
                return kept;
            } catch (FileAlreadyExistsException e) {
                if (attempt > MAX_NAME_TRIES) {
                    throw e;
                }
            }
        }
    }
}

package io.hydralogger.fallbacks;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * Decides, under a file's lock, whether the file is to be rotated and under which name, for
 * {@link FallbackHandler#rotate(Path, RotationRule)}: a log appended to by several threads or
 * processes is renamed while its lock is held, so no append of any process is in progress; every
 * appender notices the rename at its next append (the file it holds open is no longer the one at
 * the path) and creates a new file. An empty or missing file is never rotated, nor renamed over an
 * existing file ({@link java.nio.file.FileAlreadyExistsException}). With durability
 * {@code SYNC} the file is forced before the rename and its folder after it.
 */
@FunctionalInterface
public interface RotationRule {
    /**
     * The name a file is to be renamed to now, or null to leave it.
     *
     * @param file the real file (links followed)
     * @param size its size in bytes (greater than 0)
     * @param lastModified when it was last written
     * @return the new name (a file that does not exist, in the same folder), or null
     * @throws java.io.UncheckedIOException if the rule cannot look at what it needs (the folder's
     *     other files, say)
     */
    Path rotatedName(Path file, long size, FileTime lastModified);
}

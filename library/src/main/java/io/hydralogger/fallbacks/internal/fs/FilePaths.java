package io.hydralogger.fallbacks.internal.fs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The check every public call makes of the path it is given: a path that names no file is a
 * programming error and throws at once, never a run-time failure with a fallback file somewhere
 * unexpected. The empty path ({@code ""}, {@code Path.of("")}) is the working folder to the file
 * system: a write to it would fail as a write to a folder does and put its fallback file into the
 * working folder's <em>parent</em>, under a hidden name.
 */
public final class FilePaths {
    private FilePaths() {
    }

    /**
     * Checks a path given to a public call.
     *
     * @param path the path
     * @return the same path
     * @throws NullPointerException if the path is null
     * @throws IllegalArgumentException if the path is empty
     */
    public static Path check(Path path) {
        Objects.requireNonNull(path, "path must not be null");
        if (path.toString().isEmpty()) {
            throw new IllegalArgumentException("the empty path names no file");
        }
        return path;
    }

    /**
     * Turns a path string given to a public call into a path.
     *
     * @param path the path string
     * @return the path
     * @throws NullPointerException if the string is null
     * @throws IllegalArgumentException if the string is empty or not a path on this file system
     *     (an {@link java.nio.file.InvalidPathException}, such as for a NUL character)
     */
    public static Path of(String path) {
        Objects.requireNonNull(path, "path must not be null");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("the empty string names no file");
        }
        return Path.of(path);
    }
}

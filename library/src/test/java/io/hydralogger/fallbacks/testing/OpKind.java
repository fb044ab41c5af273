package io.hydralogger.fallbacks.testing;

/** The kinds of file-system operation a {@link RecordingFileSystem} records. */
public enum OpKind {
    /** A file opened that existed already. */
    OPEN,
    /** A file created by opening it ({@code CREATE_NEW}, or {@code CREATE} of a missing file). */
    CREATE,
    /** Bytes read from a channel. */
    READ,
    /** Bytes written to a channel. */
    WRITE,
    /** A channel truncated. */
    TRUNCATE,
    /** A file's data forced to stable storage. */
    FORCE,
    /** A folder forced to stable storage (its entries: creations, renames, links, deletions). */
    FORCE_DIRECTORY,
    /** A channel closed. */
    CLOSE,
    /** A file or folder renamed. */
    RENAME,
    /** A hard link made. */
    LINK,
    /** A file or folder deleted. */
    DELETE,
    /** A folder created. */
    CREATE_DIRECTORY,
    /** A file copied. */
    COPY,
    /** A symbolic link made. */
    SYMLINK,
    /** An attribute (permissions, owner, group, times) set. */
    SET_ATTRIBUTE,
    /** A file lock taken. */
    LOCK,
    /** A folder listed. */
    LIST;

    /** {@return whether this kind changes the content of a file or folder} */
    public boolean mutates() {
        return switch (this) {
            case OPEN, READ, CLOSE, LOCK, LIST -> false;
            default -> true;
        };
    }
}

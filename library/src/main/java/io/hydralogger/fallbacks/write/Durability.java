package io.hydralogger.fallbacks.write;

/** Whether a write waits until its data is on stable storage. */
public enum Durability {
    /**
     * The default: the temp file is forced before the rename and the folder after it, and an
     * append is forced before it returns. A completed write survives a power loss.
     */
    SYNC,
    /**
     * The named opt-in for platforms and file systems that cannot force a folder (Windows, some
     * network file systems): files are forced as with {@link #SYNC}, folders are not. A completed
     * write's data is on stable storage, but after a power loss the file's name may still point to
     * the previous version (or, for a new file, be missing). With {@code SYNC}, a folder that
     * cannot be forced is an error instead.
     */
    SYNC_FILES_ONLY,
    /**
     * No {@code force}: writes stay atomic (a reader or a crash of the process sees the old or the
     * new file), but a power loss or kernel crash may lose a write that had completed.
     */
    NONE
}

package io.hydralogger.fallbacks.write;

/** Whether a write waits until its data is on stable storage. */
public enum Durability {
    /**
     * The default: the temp file is forced before the rename and the folder after it, and an
     * append is forced before it returns. A completed write survives a power loss.
     */
    SYNC,
    /**
     * No {@code force}: writes stay atomic (a reader or a crash of the process sees the old or the
     * new file), but a power loss or kernel crash may lose a write that had completed.
     */
    NONE
}

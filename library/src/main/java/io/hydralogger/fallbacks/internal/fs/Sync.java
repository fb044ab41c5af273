package io.hydralogger.fallbacks.internal.fs;

/** What a write forces to stable storage: nothing, the files, or the files and their folders. */
public enum Sync {
    /** Nothing is forced. */
    NONE,
    /** Files are forced; folders are not (for platforms that cannot force a folder). */
    FILES,
    /** Files and the folders whose names changed are forced; a folder that cannot be forced is an error. */
    FILES_AND_FOLDERS;

    /** {@return whether files are forced} */
    public boolean files() {
        return this != NONE;
    }

    /** {@return whether folders are forced} */
    public boolean folders() {
        return this == FILES_AND_FOLDERS;
    }
}

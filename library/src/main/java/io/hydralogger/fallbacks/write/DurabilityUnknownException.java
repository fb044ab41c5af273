package io.hydralogger.fallbacks.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by {@link PendingFile#commit()} when the new version was renamed over the target but
 * the folder could not be forced afterwards: the target holds the new data (a reader sees it), but
 * whether the rename survives a power loss is not known. Nothing is to be rolled back or written
 * elsewhere; a handler reports such a write as done with its durability unknown.
 */
public final class DurabilityUnknownException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path target;
    private final transient Optional<Path> backup;

    DurabilityUnknownException(Path target, Optional<Path> backup, IOException cause) {
        super("the new version of " + target + " is in place, but its folder could not be forced: "
                + cause.getMessage(), cause);
        this.target = Objects.requireNonNull(target, "target must not be null");
        this.backup = Objects.requireNonNull(backup, "backup must not be null");
    }

    /** {@return the file that holds the new version} */
    public Path target() {
        return target;
    }

    /** {@return the backup of the previous version that was kept, if any} */
    public Optional<Path> backup() {
        return backup;
    }
}

package io.hydralogger.fallbacks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a write did.
 *
 * @param ok whether the data landed in the target
 * @param path the target as given
 * @param format the format written
 * @param bytes bytes written to the target (0 when the write failed)
 * @param records records written: top-level array elements, lines or rows (1 for a single JSON value)
 * @param backup the backup of the previous version, when one was kept
 * @param fallback the fallback file holding the records, when the write failed
 * @param error why the write failed, when it did
 * @param elapsed how long the write took
 */
public record WriteResult(boolean ok, Path path, Format format, long bytes, long records, Optional<Path> backup,
        Optional<Path> fallback, Optional<Throwable> error, Duration elapsed) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if any reference component is null
     */
    public WriteResult {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(backup, "backup must not be null");
        Objects.requireNonNull(fallback, "fallback must not be null");
        Objects.requireNonNull(error, "error must not be null");
        Objects.requireNonNull(elapsed, "elapsed must not be null");
    }
}

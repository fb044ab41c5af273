package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
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
 * @param durabilityUnknown true when the data landed (the target holds it, so the write is ok and
 *     no fallback file was written) but the folder could not be forced after the rename: whether
 *     the write survives a power loss is not known (the reason is logged)
 */
public record WriteResult(boolean ok, Path path, Format format, long bytes, long records, Optional<Path> backup,
        Optional<Path> fallback, Optional<Throwable> error, Duration elapsed, boolean durabilityUnknown) {

    /**
     * Checks the components.
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
     * @param durabilityUnknown true when the data landed (the target holds it, so the write is ok and
     *     no fallback file was written) but the folder could not be forced after the rename: whether
     *     the write survives a power loss is not known (the reason is logged)
     * @throws NullPointerException if any reference component is null
     * @throws IllegalArgumentException if {@code ok} and an error disagree (a result is ok exactly
     *     when it has no error), or a result with a fallback file claims to be ok
     */
    public WriteResult {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(backup, "backup must not be null");
        Objects.requireNonNull(fallback, "fallback must not be null");
        Objects.requireNonNull(error, "error must not be null");
        Objects.requireNonNull(elapsed, "elapsed must not be null");
        if (ok == error.isPresent()) {
            throw new IllegalArgumentException("a write result is ok exactly when it has no error: ok=" + ok
                    + ", error=" + error);
        }
        if (durabilityUnknown && !ok) {
            throw new IllegalArgumentException("only a write that landed can have an unknown durability");
        }
        if (ok && fallback.isPresent()) {
            throw new IllegalArgumentException("a write whose records went to a fallback file is not ok: "
                    + fallback.get());
        }
    }

    /** A write or append that landed. */
    static WriteResult written(Path path, Format format, long bytes, long records, Optional<Path> backup,
            long nanos) {
        return new WriteResult(true, path, format, bytes, records, backup, Optional.empty(), Optional.empty(),
                Duration.ofNanos(nanos), false);
    }

    /** A write that landed, whose folder could not be forced after the rename. */
    static WriteResult writtenDurabilityUnknown(Path path, Format format, long bytes, long records,
            Optional<Path> backup, long nanos) {
        return new WriteResult(true, path, format, bytes, records, backup, Optional.empty(), Optional.empty(),
                Duration.ofNanos(nanos), true);
    }

    /** A write, append or update that did not land; its records are in {@code fallback} when present. */
    static WriteResult failed(Path path, Format format, Optional<Path> fallback, Throwable error, long nanos) {
        return new WriteResult(false, path, format, 0, 0, Optional.empty(), fallback, Optional.of(error),
                Duration.ofNanos(nanos), false);
    }
}

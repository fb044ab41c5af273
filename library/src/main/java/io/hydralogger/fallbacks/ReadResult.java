package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a read produced and where it came from.
 *
 * @param data the data read; null when {@link #source()} is {@link Source#NONE} (and for a JSON
 *     file that holds just {@code null})
 * @param path the file asked for
 * @param format the format it was read as
 * @param source where the data came from
 * @param sourcePath the file the data came from (the path itself, a backup or a fallback file);
 *     empty when nothing was read
 * @param report the problems found in the file asked for, when it was inspected and damaged
 * @param recordsSkipped records that had to be skipped
 * @param error why nothing (or not the file itself) could be read, when that happened
 * @param <T> the type of the data
 */
public record ReadResult<T>(@Nullable T data, Path path, Format format, Source source, Optional<Path> sourcePath,
        Optional<CorruptionReport> report, long recordsSkipped, Optional<Throwable> error) {

    /**
     * Checks the components.
     *
     * @param data the data read, or null
     * @param path the file asked for
     * @param format the format it was read as
     * @param source where the data came from
     * @param sourcePath the file the data came from
     * @param report the problems found in the file asked for
     * @param recordsSkipped records that had to be skipped
     * @param error why nothing (or not the file itself) could be read
     * @throws NullPointerException if any component but data is null
     */
    public ReadResult {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(source, "source must not be null");
        Objects.requireNonNull(sourcePath, "sourcePath must not be null");
        Objects.requireNonNull(report, "report must not be null");
        Objects.requireNonNull(error, "error must not be null");
    }

    /** {@return whether data was produced, from any source} */
    public boolean ok() {
        return source != Source.NONE;
    }

    /** {@return the data, or empty when nothing was read or the data is a JSON null} */
    public Optional<T> value() {
        return Optional.ofNullable(data);
    }
}

package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an inspection found in a file.
 *
 * @param path the file
 * @param format the format it was read as
 * @param problems every problem found, in file order; empty when the file is intact
 * @param validRecords records that are intact
 * @param skippedRecords records (or lines, rows, stretches of bytes) that had to be skipped
 */
public record CorruptionReport(Path path, Format format, List<Problem> problems, long validRecords,
        long skippedRecords) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException if path, format or problems is null
     */
    public CorruptionReport {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        problems = List.copyOf(problems);
    }

    /** {@return whether no problem was found} */
    public boolean intact() {
        return problems.isEmpty();
    }
}

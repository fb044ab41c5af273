package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Format;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What an inspection found in a file.
 *
 * @param path the file
 * @param format the format it was read as
 * @param problems every problem found, in file order; empty when the file is intact
 * @param validRecords records that are intact
 * @param skippedRecords damaged stretches that had to be skipped: a line of JSON Lines, a row
 *     (or the line a broken quote opened on) of CSV, a run of bytes of JSON. The name is kept
 *     from earlier versions; {@link #damagedStretches()} says the same in words that fit
 * @param lostRecords how many records the damaged stretches held, when that can be counted
 *     (JSON Lines and CSV: one per skipped line or row), or -1 when it cannot (a damaged run of
 *     a JSON array may have held any number of elements; a damaged CSV header hides the rows)
 * @param notes what looks wrong without being damage, one line each: a CSV header that seems to
 *     use another delimiter than the one asked for
 */
public record CorruptionReport(Path path, Format format, List<Problem> problems, long validRecords,
        long skippedRecords, long lostRecords, List<String> notes) {

    /**
     * Checks and copies the components.
     *
     * @param path the file
     * @param format the format it was read as
     * @param problems every problem found, in file order; empty when the file is intact
     * @param validRecords records that are intact
     * @param skippedRecords records (or lines, rows, stretches of bytes) that had to be skipped
     * @param lostRecords records known to be lost, or -1 when that cannot be told
     * @param notes what looks wrong without being damage, one line each
     * @throws NullPointerException if path, format, problems or notes is null
     */
    public CorruptionReport {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /**
     * A report without notes.
     *
     * @param path the file
     * @param format the format it was read as
     * @param problems every problem found
     * @param validRecords records that are intact
     * @param skippedRecords damaged stretches skipped
     * @param lostRecords the records they held, or -1 when not countable
     */
    public CorruptionReport(Path path, Format format, List<Problem> problems, long validRecords, long skippedRecords,
            long lostRecords) {
        this(path, format, problems, validRecords, skippedRecords, lostRecords, List.of());
    }

    /**
     * A report whose damaged stretches held one record each (or nothing was skipped).
     *
     * @param path the file
     * @param format the format it was read as
     * @param problems every problem found
     * @param validRecords records that are intact
     * @param skippedRecords damaged stretches skipped, one record each
     */
    public CorruptionReport(Path path, Format format, List<Problem> problems, long validRecords, long skippedRecords) {
        this(path, format, problems, validRecords, skippedRecords, skippedRecords, List.of());
    }

    /** {@return whether no problem was found} */
    public boolean intact() {
        return problems.isEmpty();
    }

    /** {@return the damaged stretches skipped (the same as {@link #skippedRecords()})} */
    public long damagedStretches() {
        return skippedRecords;
    }

    /** {@return how many records the damaged stretches held, or empty when that cannot be counted} */
    public OptionalLong recordsLost() {
        return lostRecords < 0 ? OptionalLong.empty() : OptionalLong.of(lostRecords);
    }
}

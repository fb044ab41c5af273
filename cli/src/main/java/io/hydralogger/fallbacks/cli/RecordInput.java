package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.recovery.Problem;
import io.hydralogger.fallbacks.recovery.SalvageReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The records of an input file, salvaged in one streaming pass and constant memory (see
 * {@link DataRecovery}): an intact file gives all its records, a damaged one every record that
 * survived, and {@link #report()} says what was skipped and why. Single-pass; close it.
 */
final class RecordInput implements Iterator<Object>, AutoCloseable {
    private final Path file;
    private final SalvageReader reader;
    private final Progress.Tracked records;

    private RecordInput(Path file, SalvageReader reader, Progress progress) {
        this.file = file;
        this.reader = reader;
        this.records = progress.track(reader, reader::bytesRead);
    }

    /**
     * Opens a file.
     *
     * @param file the file
     * @param format its format
     * @param dialect the delimiter and charset of a CSV or TSV file
     * @param progress told the bytes and records read
     * @return the records
     * @throws IOException if the file cannot be opened
     */
    static RecordInput open(Path file, Format format, Dialect dialect, Progress progress) throws IOException {
        return new RecordInput(file, DataRecovery.open(file, format, DataRecovery.mapperFor(ReadLimits.DEFAULTS),
                ReadLimits.DEFAULTS, dialect), progress);
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public Object next() {
        return records.next();
    }

    /** {@return how many records were handed out} */
    long count() {
        return records.count();
    }

    /** {@return the problems found so far: all of them once the records are consumed} */
    CorruptionReport report() {
        return reader.report();
    }

    /**
     * Fails with exit code 1 when the file was damaged (its records consumed).
     *
     * @param done what was done with the salvaged records, for the message ("printed")
     * @throws CliException if the input is damaged
     */
    void failIfDamaged(String done) {
        CorruptionReport report = report();
        if (report.intact()) {
            return;
        }
        List<Problem> problems = report.problems();
        Problem first = problems.get(0);
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "";
        throw new CliException(Main.CORRUPTED, file + " is damaged: " + first.kind().label()
                + (first.line() > 0 ? " at line " + first.line() : "") + ": " + Errors.firstLine(first.message())
                + more + "; " + done + " the " + count() + " records salvaged; " + Reports.damage(report));
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}

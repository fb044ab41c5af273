package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link FallbackHandler#repair(Path, Format)} did.
 *
 * @param path the file
 * @param format its format
 * @param ok whether the file is now intact (it was, or it was rewritten from what was salvaged)
 * @param repaired whether the file was rewritten
 * @param report the problems found in the file before the repair
 * @param recordsKept the records the file holds now
 * @param damagedCopy where the damaged original is kept ({@code <name>.corrupt-<timestamp>})
 * @param fallbackFile where the salvaged records went when the rewrite itself failed
 * @param error why the repair failed, when it did
 */
public record RepairResult(Path path, Format format, boolean ok, boolean repaired, CorruptionReport report,
        long recordsKept, Optional<Path> damagedCopy, Optional<Path> fallbackFile, Optional<Throwable> error) {
    /**
     * Checks the components.
     *
     * @param path the file
     * @param format its format
     * @param ok whether the file is now intact (it was, or it was rewritten from what was salvaged)
     * @param repaired whether the file was rewritten
     * @param report the problems found in the file before the repair
     * @param recordsKept the records the file holds now
     * @param damagedCopy where the damaged original is kept ({@code <name>.corrupt-<timestamp>})
     * @param fallbackFile where the salvaged records went when the rewrite itself failed
     * @param error why the repair failed, when it did
     * @throws NullPointerException if any component is null
     * @throws IllegalArgumentException if {@code ok} and an error disagree (a result is ok exactly
     *     when it has no error), a repaired file is not ok, or a result with a fallback file is ok
     */
    public RepairResult {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(report, "report must not be null");
        Objects.requireNonNull(damagedCopy, "damagedCopy must not be null");
        Objects.requireNonNull(fallbackFile, "fallbackFile must not be null");
        Objects.requireNonNull(error, "error must not be null");
        if (ok == error.isPresent()) {
            throw new IllegalArgumentException("a repair result is ok exactly when it has no error: ok=" + ok
                    + ", error=" + error);
        }
        if (repaired && !ok || ok && fallbackFile.isPresent()) {
            throw new IllegalArgumentException("inconsistent repair result: ok=" + ok + ", repaired=" + repaired
                    + ", fallbackFile=" + fallbackFile);
        }
    }

    /** A file found intact, left alone. */
    static RepairResult intact(Path path, Format format, CorruptionReport report) {
        return new RepairResult(path, format, true, false, report, report.validRecords(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** A repair that could not be done; the file is untouched. */
    static RepairResult failed(Path path, Format format, CorruptionReport report, Throwable error) {
        return new RepairResult(path, format, false, false, report, 0, Optional.empty(), Optional.empty(),
                Optional.of(error));
    }

    /** A damaged file kept as {@code damagedCopy} and rewritten from its salvage by {@code rewrite}. */
    static RepairResult rewritten(Path path, Format format, CorruptionReport report, Path damagedCopy,
            WriteResult rewrite) {
        return new RepairResult(path, format, rewrite.ok(), rewrite.ok(), report, rewrite.records(),
                Optional.of(damagedCopy), rewrite.fallback(), rewrite.error());
    }
}

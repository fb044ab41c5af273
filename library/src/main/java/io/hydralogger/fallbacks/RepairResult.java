package io.hydralogger.fallbacks;

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
     * @throws NullPointerException if any component is null
     */
    public RepairResult {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(report, "report must not be null");
        Objects.requireNonNull(damagedCopy, "damagedCopy must not be null");
        Objects.requireNonNull(fallbackFile, "fallbackFile must not be null");
        Objects.requireNonNull(error, "error must not be null");
    }
}

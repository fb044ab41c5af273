package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.Folders;
import io.hydralogger.fallbacks.internal.fs.Links;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import io.hydralogger.fallbacks.recovery.SalvageReader;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repair in place: under the file's lock, inspect it; leave an intact file alone; keep a
 * damaged one as {@code <name>.corrupt-<timestamp>} (a hard link) and rewrite it atomically from
 * what its salvage gives.
 */
final class Repair {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);

    private final Context context;
    private final WholeFileWrite write;

    Repair(Context context, WholeFileWrite write) {
        this.context = context;
        this.write = write;
    }

    RepairResult repair(Path path, Format format) {
        long start = System.nanoTime();
        CorruptionReport before = CorruptionDetector.inspect(path, format, context.readLimits);
        return context.locks.run(path, false, target -> repairLocked(path, target, format, start),
                cause -> RepairResult.failed(path, format, before, cause));
    }

    private RepairResult repairLocked(Path path, Path target, Format format, long start) {
        CorruptionReport report = CorruptionDetector.inspect(target, format, context.readLimits);
        try {
            if (report.intact()) {
                return RepairResult.intact(path, format, report);
            }
            ProblemKind first = report.problems().get(0).kind();
            if (first == ProblemKind.MISSING || first == ProblemKind.UNREADABLE) {
                return RepairResult.failed(path, format, report, new IOException(report.problems().get(0).message()));
            }
            Path damaged = Links.keepAsCorrupt(target, context.clock);
            if (context.sync()) {
                // the evidence's name must be on disk before the rename replaces the damaged file
                Folders.force(target.getParent());
            }
            context.stats.corruptionDetected(report.validRecords(), report.skippedRecords());
            try (SalvageReader reader = DataRecovery.open(damaged, format, context.mapper, context.readLimits)) {
                boolean any = reader.hasNext();
                Object document = format == Format.JSON && any && reader.singleValue() ? reader.next() : reader;
                WriteResult written;
                try (RecordSource source = RecordSource.of(document)) {
                    written = write.writeLocked(path, target, format, source, start);
                }
                LOG.warn("repaired {}: kept {} records, skipped {}; the damaged original is {}", path,
                        written.records(), report.skippedRecords(), damaged);
                return RepairResult.rewritten(path, format, report, damaged, written);
            }
        } catch (IOException | RuntimeException e) {
            return RepairResult.failed(path, format, report, Failures.unwrap(e));
        }
    }
}

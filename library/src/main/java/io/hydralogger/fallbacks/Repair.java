package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.Folders;
import io.hydralogger.fallbacks.internal.fs.Links;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import io.hydralogger.fallbacks.recovery.SalvageReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repair in place: under the file's lock, inspect it; leave an intact file alone; refuse,
 * unless forced, when the salvage would keep no record of a non-empty file (the rewrite would
 * make it worse); otherwise keep the damaged file as {@code <name>.corrupt-<timestamp>} (a hard
 * link) and rewrite it atomically from what its salvage gives.
 */
final class Repair {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);

    private final Context context;
    private final WholeFileWrite write;

    Repair(Context context, WholeFileWrite write) {
        this.context = context;
        this.write = write;
    }

    RepairResult repair(Path path, Format format, boolean force) {
        long start = System.nanoTime();
        CorruptionReport before = context.inspect(path, format);
        if (!before.intact() && before.problems().get(0).kind() == ProblemKind.MISSING) {
            // nothing to repair, and no lock file to leave beside a file that does not exist
            return RepairResult.failed(path, format, before, new IOException(before.problems().get(0).message()));
        }
        return context.locks.run(path, false, target -> repairLocked(path, target, format, force, start),
                cause -> RepairResult.failed(path, format, before, cause));
    }

    private RepairResult repairLocked(Path path, Path target, Format format, boolean force, long start) {
        CorruptionReport report = context.inspect(target, format);
        try {
            if (report.intact()) {
                return RepairResult.intact(path, format, report);
            }
            ProblemKind first = report.problems().get(0).kind();
            if (first == ProblemKind.MISSING || first == ProblemKind.UNREADABLE) {
                return RepairResult.failed(path, format, report, new IOException(report.problems().get(0).message()));
            }
            long size = Files.size(target);
            if (report.validRecords() == 0 && size > 0 && !force) {
                LOG.info("did not repair {}: no record can be salvaged from its {} bytes, and a rewrite would keep"
                        + " none; the file is untouched", path, size);
                return RepairResult.failed(path, format, report, new RefusedException("no record can be salvaged"
                        + " from the " + size + " bytes of " + path + ": a repair would keep none, so the file is left"
                        + " as it is (force the repair to replace it with an empty file; the original is kept)"));
            }
            Path damaged = Links.keepAsCorrupt(target, context.clock);
            if (context.sync().folders()) {
                // the evidence's name must be on disk before the rename replaces the damaged file
                Folders.force(Folders.parentOf(target));
            }
            context.stats.corruptionDetected(report.validRecords(), report.skippedRecords());
            try (SalvageReader reader = context.salvage(damaged, format)) {
                boolean any = reader.hasNext();
                Object document = format == Format.JSON && any && reader.singleValue() ? reader.next() : reader;
                WriteResult written;
                try (RecordSource source = RecordSource.of(document)) {
                    written = write.writeLocked(path, target, format, source, start);
                }
                LOG.info("Detected corruption in {} ({} at line {}: {}); repaired it: kept {} records, skipped {};"
                        + " the damaged original is {}", path, report.problems().get(0).kind().label(),
                        report.problems().get(0).line(), report.problems().get(0).message(), written.records(),
                        report.skippedRecords(), damaged);
                return RepairResult.rewritten(path, format, report, damaged, written);
            }
        } catch (IOException | RuntimeException e) {
            return RepairResult.failed(path, format, report, Failures.unwrap(e));
        }
    }
}

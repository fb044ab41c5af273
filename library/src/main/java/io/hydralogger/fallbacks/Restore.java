package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guarded restore of a backup: under the file's lock, compare what a salvage finds in the
 * file and in the backup, and put the backup in place only when it holds at least as many
 * records (or when forced), through {@link io.hydralogger.fallbacks.write.BackupManager#restore}.
 */
final class Restore {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);

    private final Context context;

    Restore(Context context) {
        this.context = context;
    }

    /** What the locked section did: where the replaced version went, or why nothing was done. */
    private record Outcome(Optional<Path> replaced, @Nullable IOException failure) {
    }

    Optional<Path> restore(Path path, Path backup, Format format, boolean force) throws IOException {
        Outcome outcome = context.locks.run(path, false, target -> restoreLocked(path, target, backup, format, force),
                cause -> new Outcome(Optional.empty(), cause instanceof IOException io ? io : new IOException(cause)));
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.replaced();
    }

    private Outcome restoreLocked(Path path, Path target, Path backup, Format format, boolean force) {
        try {
            long now = Files.exists(target) ? context.inspect(target, format).validRecords() : 0;
            long kept = context.inspect(backup, format).validRecords();
            if (!force && kept < now) {
                return new Outcome(Optional.empty(), new RefusedException("the backup " + backup + " holds " + kept
                        + " records, a salvage of " + path + " finds " + now + ": not restored (force it to)"));
            }
            Optional<Path> replaced = context.backups.restore(target, backup);
            context.stats.backupRestored();
            LOG.info("Restored from backup {}: {} holds its {} records{}", backup, path, kept,
                    replaced.map(p -> "; the version it replaced is kept as " + p).orElse(""));
            return new Outcome(replaced, null);
        } catch (IOException e) {
            return new Outcome(Optional.empty(), e);
        }
    }
}

package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.Folders;
import io.hydralogger.fallbacks.internal.fs.Links;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-modify-write: under the file's lock, read it with the handler's own read (so the
 * recovery policy applies; a missing file is null), apply the function, and write the result
 * atomically without taking the lock again. If the current data cannot be read at all, the
 * function is not called and the file is left alone. An update never makes a file worse: when
 * the file is damaged, the function must get at least the records a salvage finds in it (else the
 * update is refused with a {@link RefusedException}), and the damaged original is kept as
 * {@code <name>.corrupt-<timestamp>} before it is replaced.
 */
final class Update {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);

    private final Context context;
    private final RecoveringRead read;
    private final WholeFileWrite write;

    Update(Context context, RecoveringRead read, WholeFileWrite write) {
        this.context = context;
        this.read = read;
        this.write = write;
    }

    WriteResult update(Path path, Format format, UnaryOperator<Object> function) {
        long start = System.nanoTime();
        return context.locks.run(path, true, target -> {
            Object current = null;
            if (Files.exists(target)) {
                ReadResult<?> now = read.any(target, format);
                if (!now.ok()) {
                    Throwable cause = now.error().orElseGet(() -> new IOException("nothing could be read"));
                    return failed(path, format, cause, start);
                }
                current = now.data();
                if (now.source() != Source.PRIMARY) {
                    Optional<Throwable> refused = keepDamaged(path, target, format, now);
                    if (refused.isPresent()) {
                        return failed(path, format, refused.get(), start);
                    }
                }
            }
            Object next = function.apply(current);
            try (RecordSource source = RecordSource.of(format != Format.JSON && next == null ? List.of() : next)) {
                return write.writeLocked(path, target, format, source, start);
            }
        }, cause -> failed(path, format, cause, start));
    }

    /**
     * Before a damaged file is replaced by an update: refuses when the data the function would
     * get holds fewer records than a salvage finds in the file (a backup preferred by the policy,
     * say), since the update would then make the file worse; otherwise keeps the damaged file as
     * {@code <name>.corrupt-<timestamp>} (a hard link), as a repair does.
     *
     * @return the refusal, or empty when the update may go on
     */
    private Optional<Throwable> keepDamaged(Path path, Path target, Format format, ReadResult<?> now) {
        long salvageable = context.inspect(target, format).validRecords();
        long given = now.data() instanceof Collection<?> records ? records.size() : now.data() == null ? 0 : 1;
        if (given < salvageable) {
            return Optional.of(new RefusedException("the update of " + path + " would start from " + given
                    + " records (" + now.source().label() + ") while a salvage finds " + salvageable
                    + " in the file: the file is untouched (repair it first, then update)"));
        }
        try {
            Path damaged = Links.keepAsCorrupt(target, context.clock);
            if (context.sync().folders()) {
                Folders.force(Folders.parentOf(target));
            }
            LOG.warn("Updated the damaged {}: its original is kept as {}", path, damaged);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e);
        }
    }

    private WriteResult failed(Path path, Format format, Throwable cause, long start) {
        LOG.warn("Failed to update {} ({}); the file is untouched (the new data was never made)", path,
                Failures.describe(cause));
        long nanos = System.nanoTime() - start;
        context.stats.writeFailed(nanos);
        return WriteResult.failed(path, format, Optional.empty(), cause, nanos);
    }
}

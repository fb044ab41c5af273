package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-modify-write: under the file's lock, read it with the handler's own read (so the
 * recovery policy applies; a missing file is null), apply the function, and write the result
 * atomically without taking the lock again. If the current data cannot be read at all, the
 * function is not called and the file is left alone.
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
            }
            Object next = function.apply(current);
            try (RecordSource source = RecordSource.of(format != Format.JSON && next == null ? List.of() : next)) {
                return write.writeLocked(path, target, format, source, start);
            }
        }, cause -> failed(path, format, cause, start));
    }

    private WriteResult failed(Path path, Format format, Throwable cause, long start) {
        LOG.warn("update of {} failed before the new data existed ({}); the file is untouched", path,
                Failures.describe(cause));
        long nanos = System.nanoTime() - start;
        context.stats.writeFailed(nanos);
        return WriteResult.failed(path, format, java.util.Optional.empty(), cause, nanos);
    }
}

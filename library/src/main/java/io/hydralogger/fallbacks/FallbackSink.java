package io.hydralogger.fallbacks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the records of a failed write or append go: a JSON Lines fallback file (see
 * {@link io.hydralogger.fallbacks.internal.fs.FallbackFiles}), with the log line that says
 * where, or the error line when no fallback file could take them.
 */
final class FallbackSink {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);

    private final Context context;

    FallbackSink(Context context) {
        this.context = context;
    }

    /**
     * Keeps the records of a failed operation in a fallback file. If that fails too, the failure
     * is added to {@code cause} as a suppressed exception.
     *
     * @param path the file the operation was for
     * @param records the records to keep
     * @param cause why the operation failed
     * @param operation what failed, for the log: {@code "write of"}, {@code "append to"}
     * @param state what became of the file, for the log
     * @param note added to the log line (empty, or why some records may be missing)
     * @return the fallback file, or empty when none could be written
     */
    Optional<Path> keep(Path path, Iterator<?> records, Exception cause, String operation, String state,
            String note) {
        try {
            Path file = context.fallbackFiles.write(path, records, context.mapper);
            context.stats.fallbackWritten();
            LOG.warn("{} {} failed ({}); {} and the records are in {}{}", operation, path,
                    Failures.describe(cause), state, file, note);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error("{} {} failed ({}) and no fallback file could take its records: {}", operation, path,
                    Failures.describe(cause), Failures.describe(e));
            return Optional.empty();
        }
    }
}

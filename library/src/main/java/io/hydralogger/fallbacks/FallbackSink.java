package io.hydralogger.fallbacks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Where the records of a failed write or append go: a JSON Lines fallback file (see
 * {@link io.hydralogger.fallbacks.internal.fs.FallbackFiles}), with the log line that says
 * where, or the error line when no fallback file could take them.
 *
 * <p>The library logs through SLF4J only; without an SLF4J provider on the class path its lines go
 * nowhere, and a write that moved the records elsewhere would be silent. So the first fallback
 * of a JVM in which SLF4J has no provider is also said once through {@link System.Logger} (by
 * default {@code java.util.logging}, on stderr), with the dependency that brings the lines back.
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
     * @param operation what failed, for the log line {@code Failed to <operation> <path>}:
     *     {@code "write"}, {@code "append to"}
     * @param state what became of the file, for the log
     * @param note added to the log line (empty, or why some records may be missing)
     * @return the fallback file, or empty when none could be written
     */
    Optional<Path> keep(Path path, Iterator<?> records, Exception cause, String operation, String state,
            String note) {
        try {
            Path file = context.fallbackFiles.write(path, records, context.mapper);
            context.stats.fallbackWritten();
            LOG.warn("Failed to {} {} ({}); {} and the records are in {}{}", operation, path,
                    Failures.describe(cause), state, file, note);
            sayWithoutSlf4j("Failed to " + operation + " " + path + " (" + Failures.describe(cause) + "); " + state
                    + " and the records are in " + file + note);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error("Failed to {} {} ({}) and no fallback file could take its records: {}", operation, path,
                    Failures.describe(cause), Failures.describe(e));
            sayWithoutSlf4j("Failed to " + operation + " " + path + " (" + Failures.describe(cause)
                    + ") and no fallback file could take its records: " + Failures.describe(e));
            return Optional.empty();
        }
    }

    /**
     * Says the line through {@link System.Logger} when SLF4J has no provider, once per runtime (for
     * the facade's users, once per JVM).
     */
    private void sayWithoutSlf4j(String line) {
        if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory
                && context.runtime.saidWithoutSlf4j.compareAndSet(false, true)) {
            System.getLogger("io.hydralogger.fallbacks").log(System.Logger.Level.WARNING, "hydra-fallbacks: " + line
                    + ". SLF4J has no provider here, so the library's log lines (which name every fallback file)"
                    + " are dropped and this is the only one said; add a provider to see them, such as"
                    + " org.slf4j:slf4j-simple, or check WriteResult.fallback()");
        }
    }
}

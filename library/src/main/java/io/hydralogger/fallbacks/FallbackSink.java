package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.internal.codec.WrittenRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Where the records of a failed write or append go: a JSON Lines fallback file (see
 * {@link io.hydralogger.fallbacks.internal.fs.FallbackFiles}), with the log line that says
 * where, or the error line when no fallback file could take them. The records' own source may
 * fail (an iterator that throws): the fallback file then keeps the records before that failure,
 * and the log line says so.
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
     * @return the fallback file, or empty when none could be written
     */
    Optional<Path> keep(Path path, Iterator<?> records, Exception cause, String operation, String state) {
        return keep(path, WrittenRecords.NONE, records, cause, operation, state);
    }

    /**
     * Keeps the records of a failed write in a fallback file: first those it had already
     * written (read back from its bytes), then the others.
     *
     * @param path the file the operation was for
     * @param written the records the failed write had written
     * @param records the other records to keep
     * @param cause why the operation failed
     * @param operation what failed, for the log line {@code Failed to <operation> <path>}:
     *     {@code "write"}, {@code "append to"}
     * @param state what became of the file, for the log
     * @return the fallback file, or empty when none could be written
     */
    Optional<Path> keep(Path path, WrittenRecords written, Iterator<?> records, Exception cause, String operation,
            String state) {
        UntilFailure kept = new UntilFailure(records);
        try {
            Path file = context.fallbackFiles.write(path, written, kept, context.mapper);
            context.stats.fallbackWritten();
            String note = note(written, kept, cause);
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

    /** What the log line adds: how the records of a single-pass source got there, and what is not there. */
    private static String note(WrittenRecords written, UntilFailure kept, Exception cause) {
        List<String> notes = new ArrayList<>();
        if (written.records() > 0) {
            notes.add("the first " + written.copied() + " of them were read back from the temp file");
            if (written.readFailure() != null) {
                cause.addSuppressed(written.readFailure());
                notes.add((written.records() - written.copied()) + " more were in the temp file and could not be"
                        + " read back, so they are lost (" + Failures.describe(written.readFailure()) + ")");
            }
        }
        if (kept.failure != null) {
            cause.addSuppressed(kept.failure);
            notes.add("their source failed after giving the fallback file " + kept.count + " more ("
                    + Failures.describe(kept.failure) + ")");
        }
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    /**
     * The records, up to the first failure of their source: that failure ends them (and is
     * kept) instead of failing the fallback file, whose records before it are worth keeping.
     * Takes each record from the source one step ahead, so that the failure of any step is met
     * in {@link #hasNext()}.
     */
    private static final class UntilFailure implements Iterator<Object> {
        private final Iterator<?> records;
        private @Nullable Object next;
        private boolean ready;
        private @Nullable RuntimeException failure;
        private long count;

        UntilFailure(Iterator<?> records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            if (ready) {
                return true;
            }
            if (failure != null) {
                return false;
            }
            try {
                if (!records.hasNext()) {
                    return false;
                }
                next = records.next();
            } catch (RuntimeException e) {
                failure = e;
                return false;
            }
            ready = true;
            count++;
            return true;
        }

        @Override
        public @Nullable Object next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ready = false;
            Object record = next;
            next = null;
            return record;
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

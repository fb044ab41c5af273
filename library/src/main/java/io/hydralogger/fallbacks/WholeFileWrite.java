package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.codec.Codecs;
import io.hydralogger.fallbacks.internal.codec.HandedOut;
import io.hydralogger.fallbacks.internal.codec.WriteThreads;
import io.hydralogger.fallbacks.internal.codec.WrittenRecords;
import io.hydralogger.fallbacks.internal.fs.TempFiles;
import io.hydralogger.fallbacks.write.DurabilityUnknownException;
import io.hydralogger.fallbacks.write.PendingFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole-file write: under the target's lock, sweep temp files of dead writers, stream the
 * records into a {@link PendingFile}, commit it (forced, backup kept, renamed, folder forced);
 * on any failure the target is untouched and the records go to the fallback sink.
 */
final class WholeFileWrite {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);

    private final Context context;

    WholeFileWrite(Context context) {
        this.context = context;
    }

    /** Writes the content of one whole-file write into the pending file; returns the records. */
    @FunctionalInterface
    interface Body {
        long write(RecordSource source, PendingFile pending) throws IOException;
    }

    /**
     * Writes records in a format, replacing the file: for {@link Format#JSON} one document (an
     * iterable, iterator, stream or array as a JSON array).
     */
    WriteResult write(Path path, Format format, RecordSource source) {
        return write(path, format, source, bodyOf(format, -1));
    }

    /** Writes one JSON document with an indent (-1 for compact output). */
    WriteResult writeJson(Path path, RecordSource source, int indent) {
        return write(path, Format.JSON, source, bodyOf(Format.JSON, indent));
    }

    private WriteResult write(Path path, Format format, RecordSource source, Body body) {
        long start = System.nanoTime();
        try (source) {
            return context.locks.run(path, true,
                    target -> writeLocked(path, target, format, source, body, start),
                    cause -> fallBack(path, format, source, null, cause, start));
        }
    }

    /**
     * The whole-file write proper, for a caller that holds the target's lock (a write, an
     * update, a repair).
     */
    WriteResult writeLocked(Path path, Path target, Format format, RecordSource source, long start) {
        return writeLocked(path, target, format, source, bodyOf(format, -1), start);
    }

    private WriteResult writeLocked(Path path, Path target, Format format, RecordSource source, Body body,
            long start) {
        PendingFile pending;
        try {
            pending = begin(target);
        } catch (IOException | RuntimeException e) {
            return fallBack(path, format, source, null, Failures.unwrap(e), start);
        }
        try (pending) {
            try {
                return commit(path, format, source, body, pending, start);
            } catch (IOException | RuntimeException e) {
                // before the pending file is closed (and its temp file removed): the fallback reads it back
                return fallBack(path, format, source, pending, Failures.unwrap(e), start);
            }
        }
    }

    private WriteResult commit(Path path, Format format, RecordSource source, Body body, PendingFile pending,
            long start) throws IOException {
        long records = body.write(source, pending);
        long bytes = pending.bytesWritten();
        Optional<Path> backup;
        try {
            backup = pending.commit();
        } catch (DurabilityUnknownException e) {
            long nanos = System.nanoTime() - start;
            context.stats.writeSucceeded(records, bytes, nanos);
            LOG.warn("wrote {}, but its durability is not known: {}", path, Failures.describe(e));
            return WriteResult.writtenDurabilityUnknown(path, format, bytes, records, e.backup(), nanos);
        }
        long nanos = System.nanoTime() - start;
        context.stats.writeSucceeded(records, bytes, nanos);
        if (backup.isPresent()) {
            LOG.debug("Created backup {} of {}", backup.get(), path);
        }
        return WriteResult.written(path, format, bytes, records, backup, nanos);
    }

    /**
     * Writes the body of a whole-file write in {@code format}: a JSON document, or records as
     * JSON Lines, CSV or TSV.
     */
    private Body bodyOf(Format format, int indent) {
        switch (format) {
            case JSON:
                return (source, pending) -> Codecs.writeJson(context.mapper, context.runtime.sanitizer, source.document(),
                        indent, pending.stream(), threads(pending));
            case CSV:
            case TSV:
                return (source, pending) -> Codecs.writeCsv(context.runtime.sanitizer, source.records(),
                        context.neutralizeFormulas, context.dialect.forFormat(format).delimiter(), pending.stream(),
                        transform -> pending.rewrite(transform::apply), threads(pending));
            default:
                return (source, pending) -> Codecs.writeJsonLines(context.mapper, context.runtime.sanitizer,
                        source.records(), pending.stream(), threads(pending));
        }
    }

    /**
     * What a large write may use: the helper threads to serialise chunks of records on, and
     * forces ahead of the pending file on them when the write is durable.
     */
    private WriteThreads threads(PendingFile pending) {
        Executor helpers = context.helpers;
        return WriteThreads.of(helpers,
                context.sync().files() ? () -> pending.forceAhead(helpers) : WriteThreads.ForceAhead.NONE);
    }

    /** Starts the write, first sweeping temp files of dead writers when that is safe. */
    private PendingFile begin(Path target) throws IOException {
        if (context.processLocking) {
            TempFiles.removeStale(target, context.runtime.deleter);
        }
        return context.writer.begin(target);
    }

    /**
     * Puts the records of a failed write into a fallback file: those of a source that can be
     * iterated again anew; those of a single-pass source as it handed them out, the ones already
     * written read back from the pending file (when there is one), then the others.
     */
    private WriteResult fallBack(Path path, Format format, RecordSource source, @Nullable PendingFile pending, Exception cause,
            long start) {
        HandedOut handedOut = source.handedOut();
        Optional<Path> fallbackFile = handedOut == null
                ? context.fallbacks.keep(path, source.records(), cause, "write", "the target is untouched")
                : context.fallbacks.keep(path, pending == null ? WrittenRecords.NONE
                        : handedOut.confirmed(pending::written, context.mapper), handedOut.rest(), cause, "write",
                        "the target is untouched");
        long nanos = System.nanoTime() - start;
        context.stats.writeFailed(nanos);
        return WriteResult.failed(path, format, fallbackFile, cause, nanos);
    }
}

package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.SalvageReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;

/**
 * The records of a file as the handler's recovery policy finds them, streamed in constant memory
 * (see {@link FallbackHandler#recover(Path, Format)}): from the file itself when intact, salvaged
 * from it, from a backup or from a fallback file. Must be closed. Not thread-safe.
 */
public final class RecoveredRecords implements Iterator<Object>, Closeable {
    private final Path path;
    private final Format format;
    private final Source source;
    private final Optional<Path> sourcePath;
    private final CorruptionReport report;
    private final SalvageReader reader;
    private final Iterator<Object> records;

    RecoveredRecords(Path path, Format format, Source source, Optional<Path> sourcePath, CorruptionReport report,
            SalvageReader reader) {
        this.path = Objects.requireNonNull(path, "path must not be null");
        this.format = format;
        this.source = source;
        this.sourcePath = sourcePath;
        this.report = report;
        this.reader = reader;
        this.records = reader != null ? reader : Collections.emptyIterator();
    }

    /** {@return the file asked for} */
    public Path path() {
        return path;
    }

    /** {@return the format of the file asked for} */
    public Format format() {
        return format;
    }

    /** {@return where the records come from; {@link Source#NONE} when there are none to be had} */
    public Source source() {
        return source;
    }

    /** {@return the file the records come from (the file itself, a backup or a fallback file)} */
    public Optional<Path> sourcePath() {
        return sourcePath;
    }

    /** {@return the problems found in the file asked for (empty problems when it is intact)} */
    public CorruptionReport report() {
        return report;
    }

    /**
     * {@return whether the source holds one JSON value that is not an array: its one record is
     * then the whole document} Known once the first record has been asked for.
     */
    public boolean singleValue() {
        return reader != null && reader.singleValue();
    }

    /**
     * {@return how many bytes of {@link #sourcePath()} have been read so far, read-ahead included
     * (0 when there is no source)} For progress shown to a user.
     */
    public long bytesRead() {
        return reader == null ? 0 : reader.bytesRead();
    }

    /** {@return the problems of the source as read so far (complete when the records are consumed)} */
    public Optional<CorruptionReport> sourceReport() {
        return reader == null ? Optional.empty() : Optional.of(reader.report());
    }

    /**
     * {@inheritDoc}
     *
     * @throws UncheckedIOException if the source cannot be read
     */
    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    /**
     * {@inheritDoc}
     *
     * @throws UncheckedIOException if the source cannot be read
     */
    @Override
    public Object next() {
        return records.next();
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}

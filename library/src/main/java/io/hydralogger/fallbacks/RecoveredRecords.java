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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
    private final @Nullable SalvageReader reader;
    private final Iterator<Object> records;
    private final boolean single;

    RecoveredRecords(Path path, Format format, Source source, Optional<Path> sourcePath, CorruptionReport report,
            @Nullable SalvageReader reader) {
        this.path = Objects.requireNonNull(path, "path must not be null");
        this.format = format;
        this.source = source;
        this.sourcePath = sourcePath;
        this.report = report;
        this.reader = reader;
        this.records = reader != null ? reader : Collections.emptyIterator();
        this.single = false;
    }

    private RecoveredRecords(Path path, Format format, Source source, CorruptionReport report, List<Object> records,
            boolean single) {
        this.path = path;
        this.format = format;
        this.source = source;
        this.sourcePath = Optional.of(path);
        this.report = report;
        this.reader = null;
        this.records = records.iterator();
        this.single = single;
    }

    /**
     * The records of the file itself, already read (by a salvage, whose report is {@code report}).
     *
     * @param path the file
     * @param format its format
     * @param source {@link Source#PRIMARY} or {@link Source#SALVAGED}
     * @param report the file's report
     * @param records its records
     * @param single whether it holds one JSON value that is not an array
     * @return the records
     */
    static RecoveredRecords read(Path path, Format format, Source source, CorruptionReport report,
            List<Object> records, boolean single) {
        return new RecoveredRecords(path, format, source, report, records, single);
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
        return reader != null ? reader.singleValue() : single;
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
        if (reader == null) {
            return source == Source.NONE ? Optional.empty() : Optional.of(report);
        }
        return Optional.of(reader.report());
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

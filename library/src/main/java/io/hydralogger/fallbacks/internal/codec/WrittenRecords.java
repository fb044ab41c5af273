package io.hydralogger.fallbacks.internal.codec;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records a failed whole-file write had already written (see {@link HandedOut}), read back
 * from its bytes and copied into a fallback file as JSON lines: JSON Lines as written, the
 * elements of a JSON array one per line, CSV rows as objects of column name to text (as a CSV
 * read returns them). Each record is copied only once it was read whole, so a failure to read
 * the bytes back never leaves a part of a record in the fallback file: the records from there on
 * are then lost, and {@link #readFailure()} says why. Not thread-safe.
 */
public final class WrittenRecords {
    /** No records were written. */
    public static final WrittenRecords NONE = new WrittenRecords(Layout.JSON_LINES, 0, 0, ',', List.of(),
            JsonMapper.shared(), length -> InputStream.nullInputStream());

    /** Reads the written bytes back: the write was bound by the mapper's write limits, not by its read limits. */
    private static final JsonFactory UNLIMITED = JsonFactory.builder().streamReadConstraints(StreamReadConstraints
            .builder().maxNestingDepth(Integer.MAX_VALUE).maxStringLength(Integer.MAX_VALUE)
            .maxNumberLength(Integer.MAX_VALUE).maxNameLength(Integer.MAX_VALUE).maxDocumentLength(-1)
            .maxTokenCount(-1).build()).build();

    /** How the records lie in the bytes. */
    enum Layout { JSON_ARRAY, JSON_LINES, CSV }

    /** Opens the bytes the write had written, from the first. */
    @FunctionalInterface
    public interface Bytes {
        /**
         * Opens them.
         *
         * @param length how many, from the first
         * @return the bytes (fewer if fewer were written)
         * @throws IOException if they cannot be opened
         */
        InputStream open(long length) throws IOException;
    }

    private final Layout layout;
    private final long records;
    private final long bytes;
    private final char delimiter;
    private final List<String> columns;
    private final JsonMapper mapper;
    private final Bytes source;
    private long copied;
    private @Nullable Exception readFailure;

    WrittenRecords(Layout layout, long records, long bytes, char delimiter, List<String> columns, JsonMapper mapper,
            Bytes source) {
        this.layout = layout;
        this.records = records;
        this.bytes = bytes;
        this.delimiter = delimiter;
        this.columns = List.copyOf(columns);
        this.mapper = mapper;
        this.source = source;
    }

    /** {@return how many records the write had written} */
    public long records() {
        return records;
    }

    /** {@return how many records the last {@link #copyTo} copied} */
    public long copied() {
        return copied;
    }

    /** {@return why the last {@link #copyTo} could not read back every record, or null when it could} */
    public @Nullable Exception readFailure() {
        return readFailure;
    }

    /**
     * Copies the records to {@code out}, one JSON line each. May be called again (a second
     * fallback file); each call reads the bytes anew.
     *
     * @param out where the lines go
     * @throws IOException if writing to {@code out} fails (a failure to read the records back
     *     is not thrown but kept: see {@link #readFailure()})
     */
    public void copyTo(OutputStream out) throws IOException {
        copied = 0;
        readFailure = null;
        if (records == 0) {
            return;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (RecordReader reader = open(line)) {
            while (copied < records && reader.next()) {
                line.writeTo(out);
                line.reset();
                copied++;
            }
            if (copied < records) {
                readFailure = new IOException("the written bytes end after " + copied + " of the " + records
                        + " records written");
            }
        } catch (ReadFailure e) {
            readFailure = (Exception) e.getCause();
        }
    }

    private RecordReader open(ByteArrayOutputStream line) throws ReadFailure {
        try {
            InputStream in = source.open(bytes);
            return switch (layout) {
                case JSON_LINES -> new LineReader(in, line);
                case JSON_ARRAY -> new ElementReader(in, line, mapper);
                case CSV -> new RowReader(in, line, mapper, delimiter, columns);
            };
        } catch (IOException | RuntimeException e) {
            throw new ReadFailure(e);
        }
    }

    /** A failure to read the written bytes back, told apart from one to write the copy. */
    private static final class ReadFailure extends IOException {
        private static final long serialVersionUID = 1L;

        ReadFailure(Exception cause) {
            super(cause);
        }
    }

    /** Reads one record at a time into the line buffer, as one JSON line. */
    private abstract static class RecordReader implements Closeable {
        final InputStream in;

        RecordReader(InputStream in) {
            this.in = in;
        }

        /** {@return whether a record is in the line buffer; false at the end of the bytes} */
        final boolean next() throws ReadFailure {
            try {
                return read();
            } catch (IOException | RuntimeException e) {
                throw new ReadFailure(e);
            }
        }

        abstract boolean read() throws IOException;

        /** Closes the bytes; a failure to close what was read is no failure of the copy. */
        @Override
        public void close() {
            closeQuietly(in);
        }

        static void closeQuietly(Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException e) {
                // everything needed was read
            }
        }
    }

    /** Reads records that are made into JSON lines by a generator. */
    private abstract static class JsonLineReader extends RecordReader {
        final JsonGenerator generator;
        private final Closeable reader;

        JsonLineReader(InputStream in, ByteArrayOutputStream line, JsonMapper mapper, Closeable reader) {
            super(in);
            this.generator = mapper.writer().withRootValueSeparator("").createGenerator(line);
            this.reader = reader;
        }

        /** Ends the record the generator wrote: its line is complete in the buffer. */
        final boolean endLine() {
            generator.writeRaw('\n');
            generator.flush();
            return true;
        }

        @Override
        public final void close() {
            closeQuietly(reader);
            super.close();
        }
    }

    /** JSON Lines: the lines as written, each only once its line break was read. */
    private static final class LineReader extends RecordReader {
        private final ByteArrayOutputStream line;

        LineReader(InputStream in, ByteArrayOutputStream line) {
            super(new BufferedInputStream(in, 64 * 1024));
            this.line = line;
        }

        @Override
        boolean read() throws IOException {
            for (int b = in.read(); b >= 0; b = in.read()) {
                line.write(b);
                if (b == '\n') {
                    return true;
                }
            }
            line.reset();
            return false;
        }
    }

    /** A JSON array: its elements, each made a compact line, numbers as written. */
    private static final class ElementReader extends JsonLineReader {
        private final JsonParser parser;
        private boolean started;

        ElementReader(InputStream in, ByteArrayOutputStream line, JsonMapper mapper) {
            this(in, line, mapper, UNLIMITED.createParser(ObjectReadContext.empty(), in));
        }

        private ElementReader(InputStream in, ByteArrayOutputStream line, JsonMapper mapper, JsonParser parser) {
            super(in, line, mapper, parser::close);
            this.parser = parser;
        }

        @Override
        boolean read() {
            if (!started) {
                started = true;
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new IllegalStateException("the written bytes do not start a JSON array");
                }
            }
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return false;
            }
            generator.copyCurrentStructureExact(parser);
            return endLine();
        }
    }

    /** CSV: the rows after the header, each an object of column name to text. */
    private static final class RowReader extends JsonLineReader {
        private final Iterator<CsvRecord> rows;
        private final List<String> columns;
        private boolean started;

        RowReader(InputStream in, ByteArrayOutputStream line, JsonMapper mapper, char delimiter,
                List<String> columns) {
            this(in, line, mapper, CsvWrite.rowReader(in, delimiter), columns);
        }

        private RowReader(InputStream in, ByteArrayOutputStream line, JsonMapper mapper, CsvReader<CsvRecord> reader,
                List<String> columns) {
            super(in, line, mapper, reader);
            this.rows = reader.iterator();
            this.columns = columns;
        }

        @Override
        boolean read() {
            if (!started) {
                started = true;
                if (rows.hasNext()) {
                    rows.next();
                }
            }
            if (!rows.hasNext()) {
                return false;
            }
            CsvRecord row = rows.next();
            generator.writeStartObject();
            for (int i = 0; i < row.getFieldCount() && i < columns.size(); i++) {
                generator.writeName(columns.get(i));
                generator.writeString(row.getField(i));
            }
            generator.writeEndObject();
            return endLine();
        }
    }
}

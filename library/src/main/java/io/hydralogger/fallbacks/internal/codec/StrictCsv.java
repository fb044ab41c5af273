package io.hydralogger.fallbacks.internal.codec;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.hydralogger.fallbacks.format.ReadRules;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of a CSV text with a header row, read strictly by the {@link ReadRules} with FastCSV:
 * a UTF-8 byte order mark is skipped; LF, CRLF and CR are line breaks; quoted fields keep their
 * bytes; every row must have the header's number of fields, its quotes closed (also the last
 * row, which needs no line break of its own); bytes that are not UTF-8 and NUL bytes are
 * damage. Damage is thrown when it is reached: a {@link CsvParseException}, or an
 * {@link UncheckedIOException} for the text itself. A header name given twice keeps its first
 * column (as salvage does). Not thread-safe.
 */
final class StrictCsv implements Iterator<Map<String, String>>, AutoCloseable {
    private final CheckedText text;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> rows;
    private List<String> header;

    /**
     * Reads CSV text.
     *
     * @param in the bytes, UTF-8 (closed with this)
     * @param delimiter the field separator
     */
    StrictCsv(InputStream in, char delimiter) {
        this.text = new CheckedText(in);
        this.csv = CsvReader.builder().fieldSeparator(delimiter).allowUnclosedQuote(false).ofCsvRecord(text);
        this.rows = csv.iterator();
    }

    @Override
    public boolean hasNext() {
        if (header == null) {
            if (!rows.hasNext()) {
                return false;
            }
            header = rows.next().getFields();
        }
        return rows.hasNext();
    }

    @Override
    public Map<String, String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CsvRecord row = rows.next();
        if (!ReadRules.isCompleteCsvRow(true, row.getFieldCount(), header.size())) {
            throw new CsvParseException("the row at line " + row.getStartingLineNumber() + " has "
                    + row.getFieldCount() + " fields, the header " + header.size());
        }
        Map<String, String> fields = new LinkedHashMap<>(header.size() * 4 / 3 + 1);
        for (int i = 0; i < header.size(); i++) {
            fields.putIfAbsent(header.get(i), row.getField(i));
        }
        return fields;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** The characters of the CSV text, decoded strictly, without a byte order mark, watched for NUL. */
    private static final class CheckedText extends Reader {
        private final Reader in;
        private boolean started;
        private long position;

        CheckedText(InputStream bytes) {
            this.in = new InputStreamReader(bytes, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
            if (read > 0 && !started) {
                started = true;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, read - 1);
                    read--;
                    if (read == 0) {
                        return read(buffer, offset, length);
                    }
                }
            }
            for (int i = offset; i < offset + read; i++) {
                if (buffer[i] == 0) {
                    throw new CharConversionException("a NUL byte in the CSV text (character " + (position + i - offset)
                            + ")");
                }
            }
            position += Math.max(read, 0);
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

package io.hydralogger.fallbacks.internal.codec;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.ReadRules;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a CSV or TSV text with a header row, read strictly by the {@link ReadRules} with
 * FastCSV: a byte order mark is skipped and names the charset (UTF-8, UTF-16), else the
 * dialect's charset; LF, CRLF and CR are line breaks; quoted fields keep their
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
    private @Nullable List<String> header;

    /**
     * Reads CSV text.
     *
     * @param in the bytes (closed with this)
     * @param dialect the field separator, and the charset of text without a byte order mark
     */
    StrictCsv(InputStream in, Dialect dialect) {
        this.text = new CheckedText(in, dialect.charset());
        this.csv = CsvReader.builder().fieldSeparator(dialect.delimiter()).allowUnclosedQuote(false)
                .ofCsvRecord(text);
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
        List<String> names = Objects.requireNonNull(header, "the header is read by hasNext()");
        if (!ReadRules.isCompleteCsvRow(true, row.getFieldCount(), names.size())) {
            throw new CsvParseException("the row at line " + row.getStartingLineNumber() + " has "
                    + row.getFieldCount() + " fields, the header " + names.size());
        }
        Map<String, String> fields = new LinkedHashMap<>(names.size() * 4 / 3 + 1);
        for (int i = 0; i < names.size(); i++) {
            fields.putIfAbsent(names.get(i), row.getField(i));
        }
        return fields;
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }

    /** The characters of the CSV text, decoded strictly, without its byte order mark, watched for NUL. */
    private static final class CheckedText extends Reader {
        private final Reader in;
        private long position;

        /** Reads a byte order mark, if any, which names the charset; else the given one. */
        CheckedText(InputStream bytes, Charset charset) {
            InputStream buffered = new BufferedInputStream(bytes, 64 * 1024);
            Charset chosen = charset;
            try {
                buffered.mark(3);
                byte[] head = buffered.readNBytes(3);
                buffered.reset();
                Optional<Charset> bom = ReadRules.bomCharset(head, head.length);
                if (bom.isPresent()) {
                    chosen = bom.get();
                    buffered.skipNBytes(ReadRules.bomLength(chosen));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.in = new InputStreamReader(buffered, chosen.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int read = in.read(buffer, offset, length);
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

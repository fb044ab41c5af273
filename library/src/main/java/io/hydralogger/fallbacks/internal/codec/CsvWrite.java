package io.hydralogger.fallbacks.internal.codec;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategy;
import io.hydralogger.fallbacks.internal.sanitize.CsvFlattener;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes records as CSV with a header that is the union of all records' columns in first-seen
 * order, in one pass over the records: the header of the first record is written at once, and
 * only if a later record brings a new column is the file rewritten once with the full header
 * (earlier rows padded with empty cells). Past {@link WriteThreads#SWITCH_BYTES} the rows are
 * made on several threads, each chunk with its own flattener: a chunk whose columns are exactly
 * the header's so far (the usual case: records of one shape) is written as it was made; any
 * other is read back and laid out under the header so far, as one flattener would have laid it.
 */
final class CsvWrite {
    private final Sanitizer sanitizer;
    private final boolean neutralizeFormulas;
    private final char delimiter;
    private final List<String> columns = new ArrayList<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();

    private CsvWrite(Sanitizer sanitizer, boolean neutralizeFormulas, char delimiter) {
        this.sanitizer = sanitizer;
        this.neutralizeFormulas = neutralizeFormulas;
        this.delimiter = delimiter;
    }

    /**
     * Writes the records; see the class comment.
     *
     * @param records the records
     * @param neutralizeFormulas whether to defuse spreadsheet formulas in text cells
     * @param delimiter the field separator (a comma for CSV, a tab for TSV)
     * @param out where the bytes go (not closed)
     * @param rewrite replaces what was written to {@code out} so far, when the header grew
     * @param threads what else the write may use
     * @param sanitizer takes the records apart
     * @return the number of records written
     * @throws IOException if writing fails
     */
    static long write(Iterator<?> records, boolean neutralizeFormulas, char delimiter, OutputStream out,
            Codecs.Rewrite rewrite, WriteThreads threads, Sanitizer sanitizer) throws IOException {
        return new CsvWrite(sanitizer, neutralizeFormulas, delimiter).writeAll(records, out, rewrite, threads);
    }

    private long writeAll(Iterator<?> records, OutputStream out, Codecs.Rewrite rewrite, WriteThreads threads)
            throws IOException {
        CsvFlattener flattener = new CsvFlattener(sanitizer, neutralizeFormulas);
        LoneEmptyFieldQuoting quoting = new LoneEmptyFieldQuoting();
        ShieldedOutputStream counted = new ShieldedOutputStream(out);
        HandedOut handedOut = HandedOut.in(records);
        // columns are only ever added: field i of any row written so far is column i of the latest list
        handedOut.writtenAsCsv(delimiter, () -> columns.size() >= flattener.width() ? columns : flattener.columns());
        WriteProgress progress = new WriteProgress(threads, counted, handedOut);
        long count = 0;
        int headerWidth = -1;
        try (CsvWriter csv = csvWriter(counted, quoting)) {
            while (records.hasNext() && !progress.switchNow(count)) {
                Object record = records.next();
                progress.saw(record);
                flattener.flatten(record);
                if (headerWidth < 0) {
                    quoting.width(flattener.width());
                    csv.writeRecord(flattener.columns().stream().map(CsvWrite::csvText).toList());
                    headerWidth = flattener.width();
                }
                writeRow(csv, flattener, quoting);
                count++;
                progress.wrote(count, csv);
            }
        }
        flattener.columns().forEach(this::indexOf);
        if (records.hasNext()) {
            count += ChunkPipeline.run(records, progress.recordsPerChunk(count), threads, progress, this::encode,
                    chunk -> place(chunk, counted));
        }
        if (headerWidth >= 0 && columns.size() > headerWidth) {
            List<String> header = columns.stream().map(CsvWrite::csvText).toList();
            long[] length = new long[1];
            rewrite.rewrite((in, padded) -> length[0] = padRows(in, padded, header));
            progress.rewritten(count, length[0]);
        }
        return count;
    }

    /**
     * {@return the text as a CSV cell can carry it: a NUL becomes U+FFFD (the reading rules take a
     * NUL in CSV text for damage, so a cell holding one would make the file unreadable)}
     */
    private static String csvText(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    /** Writes the flattener's current row, as wide as the columns known so far. */
    private static void writeRow(CsvWriter csv, CsvFlattener flattener, LoneEmptyFieldQuoting quoting) {
        int width = flattener.width();
        quoting.width(width);
        CsvWriter.CsvWriterRecord row = csv.writeRecord();
        String[] cells = flattener.row();
        for (int i = 0; i < width; i++) {
            String cell = cells[i];
            row.writeField(cell == null ? "" : csvText(cell));
        }
        row.endRecord();
    }

    /** One chunk's rows, made with a flattener of its own; see the class comment. */
    private record Chunk(ChunkBuffer buffer, int records, List<String> columns, int firstWidth)
            implements ChunkPipeline.Chunk {
    }

    private Chunk encode(List<Object> records, ChunkBuffer buffer) {
        CsvFlattener flattener = new CsvFlattener(sanitizer, neutralizeFormulas);
        LoneEmptyFieldQuoting quoting = new LoneEmptyFieldQuoting();
        int firstWidth = -1;
        try (CsvWriter csv = csvWriter(buffer, quoting)) {
            for (Object record : records) {
                flattener.flatten(record);
                if (firstWidth < 0) {
                    firstWidth = flattener.width();
                }
                writeRow(csv, flattener, quoting);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Chunk(buffer, records.size(), List.copyOf(flattener.columns()), firstWidth);
    }

    /**
     * Writes a chunk under the header so far: as it is when its columns are the header's and
     * every row has all of them; otherwise row by row, each cell moved to its column's place
     * and the row as wide as the columns known after it (new columns join the header in the
     * order the chunk met them, which is the order one flattener would have met them).
     */
    private void place(Chunk chunk, OutputStream out) throws IOException {
        if (chunk.columns().equals(columns) && chunk.firstWidth() == columns.size()) {
            chunk.buffer().writeTo(out, 0, chunk.buffer().size());
            return;
        }
        List<String> local = chunk.columns();
        LoneEmptyFieldQuoting quoting = new LoneEmptyFieldQuoting();
        try (CsvReader<CsvRecord> rows = rowReader(new ByteArrayInputStream(chunk.buffer().bytes(), 0,
                chunk.buffer().size()), delimiter);
                CsvWriter csv = csvWriter(new ShieldedOutputStream(out), quoting)) {
            String[] cells = new String[0];
            for (CsvRecord row : rows) {
                int fields = Math.min(row.getFieldCount(), local.size());
                int[] places = new int[fields];
                for (int i = 0; i < fields; i++) {
                    places[i] = indexOf(local.get(i));
                }
                int width = columns.size();
                cells = cells.length >= width ? cells : new String[Math.max(width, cells.length * 2)];
                Arrays.fill(cells, 0, width, "");
                for (int i = 0; i < fields; i++) {
                    cells[places[i]] = row.getField(i);
                }
                quoting.width(width);
                CsvWriter.CsvWriterRecord line = csv.writeRecord();
                for (int i = 0; i < width; i++) {
                    line.writeField(cells[i]);
                }
                line.endRecord();
            }
        }
    }

    /** The place of a column in the header, adding it at the end when it is new. */
    private int indexOf(String column) {
        Integer index = columnIndex.get(column);
        if (index == null) {
            index = columns.size();
            columnIndex.put(column, index);
            columns.add(column);
        }
        return index;
    }

    /**
     * Copies CSV rows under a wider header, padding every row to its width. Empty lines are
     * rows here (a header or row of no columns), so they are read, not skipped.
     */
    private long padRows(InputStream in, OutputStream out, List<String> header) throws IOException {
        int width = header.size();
        LoneEmptyFieldQuoting quoting = new LoneEmptyFieldQuoting();
        quoting.width(width);
        ShieldedOutputStream counted = new ShieldedOutputStream(out);
        try (CsvReader<CsvRecord> reader = rowReader(in, delimiter); CsvWriter csv = csvWriter(counted, quoting)) {
            Iterator<CsvRecord> rows = reader.iterator();
            if (rows.hasNext()) {
                rows.next();
            }
            csv.writeRecord(header);
            String[] cells = new String[width];
            while (rows.hasNext()) {
                CsvRecord row = rows.next();
                Arrays.fill(cells, "");
                for (int i = 0; i < row.getFieldCount() && i < width; i++) {
                    cells[i] = row.getField(i);
                }
                csv.writeRecord(cells);
            }
        }
        return counted.count();
    }

    /**
     * Reads back rows this class wrote: empty lines are rows, no field count is enforced, and a
     * field may be as long as a row written can make it.
     *
     * @param in the rows, UTF-8
     * @param delimiter the field separator they were written with
     * @return the reader
     */
    static CsvReader<CsvRecord> rowReader(InputStream in, char delimiter) {
        return CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(false)
                .missingFieldStrategy(FieldMismatchStrategy.IGNORE).extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                .maxBufferSize(Integer.MAX_VALUE - 8).ofCsvRecord(in, StandardCharsets.UTF_8);
    }

    private CsvWriter csvWriter(OutputStream out, QuoteStrategy quoting) {
        return CsvWriter.builder().fieldSeparator(delimiter).lineDelimiter(LineDelimiter.LF).quoteStrategy(quoting)
                .build(out, StandardCharsets.UTF_8);
    }

    /**
     * Quotes an empty field when it is the only field of its row ({@code ""}): unquoted, the row
     * would be an empty line, which CSV readers skip, and the record would be lost. Other fields
     * are quoted only where CSV requires it.
     */
    private static final class LoneEmptyFieldQuoting implements QuoteStrategy {
        private boolean lone;

        /** Sets the width of the rows written next. */
        void width(int width) {
            lone = width == 1;
        }

        @Override
        public boolean quoteEmpty(int lineNo, int fieldIdx) {
            return lone;
        }
    }
}

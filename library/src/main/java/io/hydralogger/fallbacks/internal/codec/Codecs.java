package io.hydralogger.fallbacks.internal.codec;

import de.siegmar.fastcsv.reader.CsvParseException;
import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams records into and out of the three formats. Writing goes through the sanitiser
 * straight into a Jackson generator or a FastCSV writer, never through an intermediate copy;
 * reading here is strict (the first damage is an exception). Internal: not part of the API.
 */
public final class Codecs {
    private Codecs() {
    }

    /**
     * Writes any value as one JSON document; an iterable, iterator, stream or array becomes a
     * JSON array streamed element by element. Past {@link WriteThreads#SWITCH_BYTES} the
     * elements of such an array are serialised on several threads (the same bytes).
     *
     * @param mapper the mapper whose factory makes the generator
     * @param sanitizer takes the value apart
     * @param data the value
     * @param indent spaces per level, or -1 for compact output
     * @param out where the bytes go (not closed)
     * @param threads what else the write may use ({@link WriteThreads#NONE}: only this thread)
     * @return the number of top-level array elements, or 1 for any other value
     * @throws IOException if writing fails
     */
    public static long writeJson(JsonMapper mapper, Sanitizer sanitizer, @Nullable Object data, int indent, OutputStream out,
            WriteThreads threads) throws IOException {
        return JsonWrite.document(mapper, data, indent, out, threads, sanitizer);
    }

    /**
     * Writes records as JSON Lines on this thread: one compact JSON value and a newline per
     * record.
     *
     * @param mapper the mapper whose factory makes the generator
     * @param sanitizer takes the records apart
     * @param records the records
     * @param out where the bytes go (not closed)
     * @return the number of records written
     */
    public static long writeJsonLines(JsonMapper mapper, Sanitizer sanitizer, Iterator<?> records, OutputStream out) {
        try {
            return JsonWrite.lines(mapper, records, out, WriteThreads.NONE, sanitizer);
        } catch (IOException e) {
            // on one thread every byte goes through the generator, which reports I/O unchecked
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes records as JSON Lines: one compact JSON value and a newline per record. Past
     * {@link WriteThreads#SWITCH_BYTES} the records are serialised on several threads (the same
     * bytes).
     *
     * @param mapper the mapper whose factory makes the generator
     * @param sanitizer takes the records apart
     * @param records the records
     * @param out where the bytes go (not closed)
     * @param threads what else the write may use
     * @return the number of records written
     * @throws IOException if writing fails
     */
    public static long writeJsonLines(JsonMapper mapper, Sanitizer sanitizer, Iterator<?> records, OutputStream out,
            WriteThreads threads) throws IOException {
        return JsonWrite.lines(mapper, records, out, threads, sanitizer);
    }

    /**
     * Writes records as CSV with a header that is the union of all records' columns in
     * first-seen order, in one pass over the records: the header of the first record is written
     * at once, and only if a later record brings a new column is the file rewritten once with the
     * full header (earlier rows padded with empty cells). Past {@link WriteThreads#SWITCH_BYTES}
     * the rows are made on several threads (the same bytes).
     *
     * @param sanitizer takes the records apart
     * @param records the records
     * @param neutralizeFormulas whether to defuse spreadsheet formulas in text cells
     * @param delimiter the field separator (a comma for CSV, a tab for TSV)
     * @param out where the bytes go (not closed)
     * @param rewrite replaces what was written to {@code out} so far, when the header grew
     * @param threads what else the write may use
     * @return the number of records written
     * @throws IOException if writing fails
     */
    public static long writeCsv(Sanitizer sanitizer, Iterator<?> records, boolean neutralizeFormulas, char delimiter,
            OutputStream out, Rewrite rewrite, WriteThreads threads) throws IOException {
        return CsvWrite.write(records, neutralizeFormulas, delimiter, out, rewrite, threads, sanitizer);
    }

    /** Replaces the content written so far by a transformation of it (a CSV header that grew). */
    @FunctionalInterface
    public interface Rewrite {
        /**
         * Rewrites the content.
         *
         * @param transform reads the old content and writes the new
         * @throws IOException if reading or writing fails
         */
        void rewrite(Transform transform) throws IOException;
    }

    /** Turns old content into new; see {@link Rewrite}. */
    @FunctionalInterface
    public interface Transform {
        /**
         * Writes the new content.
         *
         * @param oldContent the content written so far
         * @param newContent where the new content goes
         * @throws IOException if reading or writing fails
         */
        void apply(InputStream oldContent, OutputStream newContent) throws IOException;
    }

    /**
     * Reads one JSON document into the given type. A file of {@link ParallelReader#THRESHOLD}
     * bytes or more whose root is an array is parsed on several threads (same result).
     *
     * @param mapper the mapper
     * @param path the file
     * @param type the type to bind to
     * @param pool the threads that help parse a large file
     * @param <T> the result type
     * @return the value (null for a document that is just {@code null})
     * @throws IOException if the file cannot be opened
     * @throws tools.jackson.core.JacksonException if the content is not valid JSON of that type
     */
    @SuppressWarnings("unchecked")
    public static <T> T readJson(JsonMapper mapper, Path path, JavaType type, ExecutorService pool) throws IOException {
        if (ParallelReader.worthIt(mapper, Files.size(path))) {
            Optional<Object> parsed = ParallelReader.readJsonArray(mapper, path, type, ParallelReader.defaultChunks(),
                    pool);
            if (parsed.isPresent()) {
                return (T) parsed.get();
            }
        }
        try (InputStream in = Files.newInputStream(path)) {
            return mapper.readValue(in, type);
        }
    }

    /**
     * Reads a JSON Lines file whole, strictly. A file of {@link ParallelReader#THRESHOLD} bytes
     * or more is parsed on several threads (same records, same order).
     *
     * @param mapper the mapper
     * @param path the file
     * @param type the type of each line's value
     * @param pool the threads that help parse a large file
     * @param <T> the record type
     * @return the records
     * @throws IOException if the file cannot be opened
     * @throws tools.jackson.core.JacksonException at the first invalid line
     */
    public static <T> List<T> readJsonLines(JsonMapper mapper, Path path, JavaType type, ExecutorService pool)
            throws IOException {
        if (ParallelReader.worthIt(mapper, Files.size(path))) {
            Optional<List<T>> parsed = ParallelReader.readJsonLines(mapper, path, type,
                    ParallelReader.defaultChunks(), pool);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        try (InputStream in = Files.newInputStream(path); StrictJsonLines<T> values = jsonLines(mapper, in, type)) {
            return values.readAll(new ArrayList<>());
        }
    }

    /**
     * Streams the records of a JSON document, strictly: the elements of a top-level array one
     * by one, or the document itself when it is not an array. The stream must be closed; it
     * closes {@code in}.
     *
     * @param mapper the mapper
     * @param in the bytes, UTF-8
     * @return the records, read as the stream is consumed; damage surfaces as a
     *     {@link tools.jackson.core.JacksonException} when it is reached
     */
    public static Stream<Object> streamJson(JsonMapper mapper, InputStream in) {
        return streamValues(in, () -> new StrictJsonRecords(mapper, mapper.createParser(in)));
    }

    /**
     * Streams a JSON Lines file, strictly by the {@link io.hydralogger.fallbacks.format.ReadRules}:
     * one record per line (a line holding an array is one record). The stream must be closed; it
     * closes {@code in}.
     *
     * @param mapper the mapper
     * @param in the bytes, UTF-8
     * @return the records, read as the stream is consumed; damage surfaces as a
     *     {@link tools.jackson.core.JacksonException} when it is reached
     */
    public static Stream<Object> streamJsonLines(JsonMapper mapper, InputStream in) {
        return streamValues(in, () -> jsonLines(mapper, in, mapper.constructType(Object.class)));
    }

    private static <I extends Iterator<Object> & AutoCloseable> Stream<Object> streamValues(InputStream in,
            Supplier<I> open) {
        try {
            I values = open.get();
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(values, Spliterator.ORDERED), false)
                    .onClose(() -> closeUnchecked(values))
                    .onClose(() -> closeUnchecked(in));
        } catch (RuntimeException e) {
            closeUnchecked(in);
            throw e;
        }
    }

    /**
     * Streams the rows of a CSV file with a header row, strictly by the
     * {@link io.hydralogger.fallbacks.format.ReadRules} (see {@link StrictCsv}): damage is a
     * {@link CsvParseException} or an {@link UncheckedIOException} when it is reached. The stream
     * must be closed; it closes {@code in}.
     *
     * @param in the bytes
     * @param dialect the delimiter, and the charset of text without a byte order mark
     * @return one map per row, column name to text, in header order
     */
    public static Stream<Object> streamCsv(InputStream in, Dialect dialect) {
        return streamValues(in, () -> new StrictCsvObjects(new StrictCsv(in, dialect)));
    }

    /**
     * Reads a CSV file with a header row, strictly by the
     * {@link io.hydralogger.fallbacks.format.ReadRules} (see {@link StrictCsv}).
     *
     * @param path the file
     * @param dialect the delimiter, and the charset of text without a byte order mark
     * @return one map per row, column name to text, in header order
     * @throws IOException if the file cannot be read or its text is damaged (not in its charset, NUL bytes)
     * @throws CsvParseException on malformed CSV
     */
    public static List<Map<String, String>> readCsv(Path path, Dialect dialect) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path); StrictCsv csv = new StrictCsv(in, dialect)) {
            csv.forEachRemaining(rows::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return rows;
    }

    /**
     * Iterates the values of a JSON Lines stream strictly (see {@link StrictJsonLines}). The
     * parser is handed over before it reads a token: given the stream itself, Jackson would take
     * an array on the first line for a wrapper and return its elements as the records.
     */
    static <T> StrictJsonLines<T> jsonLines(JsonMapper mapper, InputStream in, JavaType type) {
        return new StrictJsonLines<>(mapper.createParser(in),
                mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
    }

    /** The rows of a {@link StrictCsv} as plain objects, for a stream of records. */
    private record StrictCsvObjects(StrictCsv csv) implements Iterator<Object>, AutoCloseable {
        @Override
        public boolean hasNext() {
            return csv.hasNext();
        }

        @Override
        public Object next() {
            return csv.next();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    /** Closes from a stream's close handler, which cannot throw checked exceptions. */
    private static void closeUnchecked(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.format.ReadRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

/**
 * Salvages every valid record of a damaged file, in one streaming pass and constant memory,
 * and never invents one: what it returns was written as a whole. The rules per format:
 *
 * <ul>
 *   <li><b>JSON</b>: a top-level array keeps every complete element before the damage, then
 *       resynchronises at the next element (an object or array right after a comma) and keeps
 *       the intact elements after it (garbage, a zeroed block or bytes that are not UTF-8 in the
 *       middle); junk after a complete array is reported and ignored; a {@code .json} file that
 *       holds one value per line is read as JSON Lines. A single top-level value that is not an
 *       array is intact or lost.
 *   <li><b>JSON Lines</b>: a line that is not one JSON value is skipped; blank lines and CRLF are
 *       not damage; a last line without a line break is kept when it is a complete value (but
 *       not a number, which may have lost digits).
 *   <li><b>CSV</b>: rows with the wrong number of fields, NUL bytes or bytes that are not UTF-8
 *       are skipped; after broken quoting only the line where the quote opened is dropped; a
 *       quoted field keeps its bytes exactly (a CRLF inside stays CRLF).
 * </ul>
 *
 * <p>What counts as intact, as a line break and as a complete last line is decided by
 * {@link ReadRules}, the same rules the strict reads and the appends follow.
 *
 * <p>Read limits (nesting depth, string and number length, file size) make a hostile file a
 * reported problem ({@code too_deep}, {@code too_long}), never a crash: no
 * {@code StackOverflowError} or {@code OutOfMemoryError} escapes. Thread-safe (no state).
 */
public final class DataRecovery {
    /** Progress that nobody watches. */
    static final LongConsumer NO_PROGRESS = bytes -> { };
    /** How many records a scan counts between two reports of its progress. */
    static final int PROGRESS_EVERY = 1024;
    private static final JsonMapper DEFAULT_MAPPER = mapperFor(ReadLimits.DEFAULTS);

    private DataRecovery() {
    }

    /**
     * A plain JSON mapper whose parser enforces the given limits. Its buffers are not recycled:
     * where the parser notices a value past a limit depends on its buffer's size, and a report
     * must say the same of a file in every JVM and after any earlier read (a recycled buffer grows).
     *
     * @param limits the limits
     * @return the mapper
     */
    public static JsonMapper mapperFor(ReadLimits limits) {
        Objects.requireNonNull(limits, "limits must not be null");
        if (limits.equals(ReadLimits.DEFAULTS) && DEFAULT_MAPPER != null) {
            return DEFAULT_MAPPER;
        }
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(limits.toConstraints())
                .recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build()).build();
    }

    /**
     * Opens a file for salvage with the default limits.
     *
     * @param path the file
     * @param format its format
     * @return the salvaged records, read as they are consumed; must be closed
     * @throws IOException if the file cannot be opened
     */
    public static SalvageReader open(Path path, Format format) throws IOException {
        return open(path, format, DEFAULT_MAPPER, ReadLimits.DEFAULTS);
    }

    /**
     * Opens a file for salvage.
     *
     * @param path the file
     * @param format its format
     * @param mapper the mapper that parses JSON (its factory's constraints apply)
     * @param limits the limits (the file size limit and the longest line kept in memory)
     * @return the salvaged records, read as they are consumed; must be closed
     * @throws IOException if the file cannot be opened
     */
    public static SalvageReader open(Path path, Format format, JsonMapper mapper, ReadLimits limits)
            throws IOException {
        return reader(path, format, mapper, limits, Dialect.of(format), true);
    }

    /**
     * Opens a file for salvage; a CSV or TSV file in the given dialect (delimiter, and charset
     * when the file has no byte order mark).
     *
     * @param path the file
     * @param format its format
     * @param mapper the mapper that parses JSON (its factory's constraints apply)
     * @param limits the limits (the file size limit and the longest line kept in memory)
     * @param dialect the delimiter and charset of CSV and TSV files (a TSV file is always tab-separated)
     * @return the salvaged records, read as they are consumed; must be closed
     * @throws IOException if the file cannot be opened
     */
    public static SalvageReader open(Path path, Format format, JsonMapper mapper, ReadLimits limits, Dialect dialect)
            throws IOException {
        return reader(path, format, mapper, limits, dialect, true);
    }

    /**
     * What {@link #recover(Path, Format)} salvaged.
     *
     * @param records the salvaged records, in file order
     * @param report the problems found
     */
    public record Recovered(List<Object> records, CorruptionReport report) {
        /**
         * Copies the records.
         *
         * @param records the salvaged records, in file order
         * @param report the problems found
         * @throws NullPointerException if report is null
         */
        public Recovered {
            records = java.util.Collections.unmodifiableList(new ArrayList<>(records));
            Objects.requireNonNull(report, "report must not be null");
        }
    }

    /**
     * Salvages a whole file into memory, with the default limits.
     *
     * @param path the file
     * @param format its format
     * @return the records and the report
     * @throws IOException if the file cannot be read
     */
    public static Recovered recover(Path path, Format format) throws IOException {
        List<Object> records = new ArrayList<>();
        try (SalvageReader reader = open(path, format)) {
            reader.forEachRemaining(records::add);
            return new Recovered(records, reader.report());
        }
    }

    /**
     * Validates a file without building its records: the report of a salvage.
     *
     * @param path the file
     * @param format its format
     * @param mapper the mapper that parses JSON
     * @param limits the limits
     * @param dialect the dialect of CSV and TSV files
     * @return the report
     * @throws IOException if the file cannot be read
     */
    static CorruptionReport scan(Path path, Format format, JsonMapper mapper, ReadLimits limits, Dialect dialect)
            throws IOException {
        return scan(path, format, mapper, limits, dialect, NO_PROGRESS);
    }

    /**
     * Validates a file without building its records, telling how far it got.
     *
     * @param path the file
     * @param format its format
     * @param mapper the mapper that parses JSON
     * @param limits the limits
     * @param dialect the dialect of CSV and TSV files
     * @param progress told now and then, on the calling thread, how many bytes were read so far
     * @return the report
     * @throws IOException if the file cannot be read
     */
    static CorruptionReport scan(Path path, Format format, JsonMapper mapper, ReadLimits limits, Dialect dialect,
            LongConsumer progress) throws IOException {
        long size = Files.size(path);
        int threads = Helpers.threads();
        if (ParallelScan.worthIt(format, size, mapper, limits, threads)) {
            ExecutorService pool = Helpers.pool(threads);
            try {
                return ParallelScan.scan(path, format, mapper, limits, pool, threads, ParallelScan.CHUNK_BYTES,
                        progress);
            } finally {
                pool.shutdown();
            }
        }
        try (SalvageReader reader = reader(path, format, mapper, limits, dialect, false)) {
            long records = 0;
            while (reader.hasNext()) {
                reader.next();
                if (++records % PROGRESS_EVERY == 0) {
                    progress.accept(reader.bytesRead());
                }
            }
            progress.accept(reader.bytesRead());
            return reader.report();
        }
    }

    private static SalvageReader reader(Path path, Format format, JsonMapper mapper, ReadLimits limits,
            Dialect dialect, boolean values) throws IOException {
        Objects.requireNonNull(dialect, "dialect must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(mapper, "mapper must not be null");
        Objects.requireNonNull(limits, "limits must not be null");
        FileBytes file = FileBytes.open(path);
        try {
            Engine engine;
            if (limits.maxDocumentBytes() > 0 && file.size() > limits.maxDocumentBytes()) {
                engine = new Oversized(path, format, file.size(), limits.maxDocumentBytes());
            } else {
                if (format == Format.JSON || format == Format.JSON_LINES) {
                    file = FileBytes.asUtf8(file);
                }
                engine = switch (format) {
                    case JSON -> new JsonEngine(path, file, mapper, limits, values);
                    case JSON_LINES -> values ? linesEngine(path, file, mapper, limits)
                            : new JsonLinesEngine(path, file, mapper, limits, false);
                    case CSV, TSV -> new CsvEngine(path, format, file, limits, dialect.forFormat(format), values);
                };
            }
            return new SalvageReader(engine, file);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /**
     * The salvage engine of a JSON Lines file: on several threads when the file is large (see
     * {@link ParallelLinesEngine}), the records and report being the same.
     */
    private static Engine linesEngine(Path path, FileBytes file, JsonMapper mapper, ReadLimits limits)
            throws IOException {
        int threads = Helpers.threads();
        if (ParallelScan.worthIt(Format.JSON_LINES, file.size(), mapper, limits, threads)) {
            long begin = file.contentStart();
            List<Long> cuts = ParallelScan.utf8(file, begin)
                    ? StretchCuts.lines(file, begin, ParallelLinesEngine.CHUNK_BYTES) : null;
            if (cuts != null) {
                return new ParallelLinesEngine(path, file, mapper, limits, cuts, threads, Helpers.pool(threads));
            }
        }
        return new JsonLinesEngine(path, file, mapper, limits, true);
    }

    /** A file over the size limit: reported, not read. */
    private static final class Oversized extends Engine {
        Oversized(Path path, Format format, long size, long limit) {
            super(path, format, false);
            problem(ProblemKind.TOO_LONG, 0, 1, "the file has " + size + " bytes, more than the limit of "
                    + limit + ": not read");
            skipped(1);
            lostUncountable();
        }

        @Override
        @Nullable Object advance() {
            return END;
        }

        @Override
        public void close() {
            // nothing was opened
        }
    }
}

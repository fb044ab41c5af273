package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.internal.Codecs;
import io.hydralogger.fallbacks.internal.FallbackFiles;
import io.hydralogger.fallbacks.internal.PathLocks;
import io.hydralogger.fallbacks.internal.PendingAppend;
import io.hydralogger.fallbacks.internal.RecordSource;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.recovery.Problem;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import io.hydralogger.fallbacks.recovery.ReadRules;
import io.hydralogger.fallbacks.recovery.SalvageReader;
import io.hydralogger.fallbacks.stats.FallbackStats;
import io.hydralogger.fallbacks.write.AtomicWriter;
import io.hydralogger.fallbacks.write.BackupManager;
import io.hydralogger.fallbacks.write.LineAppender;
import io.hydralogger.fallbacks.write.PendingFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes JSON, JSON Lines and CSV files safely: the configurable core behind the
 * {@link Fallbacks} facade. Build one with {@link #builder()}; it is immutable and thread-safe,
 * and meant to be shared.
 *
 * <p><b>Writes</b> replace the whole file atomically and durably (see {@link AtomicWriter}),
 * keep the previous version as a backup, and stream the records from any {@code Iterable},
 * {@code Iterator} or {@code Stream} through the sanitiser (see
 * {@link io.hydralogger.fallbacks.sanitize.DataSanitizer}) without copying them first. Writers
 * of one file are serialised, across threads by an in-JVM lock and across processes by an OS
 * lock on the sidecar {@code .<name>.lock}. A write that cannot land leaves the target untouched
 * and puts its records in a JSON Lines fallback file; the result names it. For an
 * {@code Iterable} or array every record reaches the fallback file; an {@code Iterator} or
 * {@code Stream} can be consumed only once, so there the fallback file holds the records not
 * yet consumed when the write failed, and the result's error says how many had been.
 *
 * <p><b>Reads</b> take no lock (whole-file writes are atomic renames) and never throw for I/O
 * or data problems: the result says what was read and from where.
 *
 * <p><b>Async</b> methods run the same synchronous calls on the handler's executor (by default
 * a shared pool of {@value #DEFAULT_POOL_THREADS} daemon threads named
 * {@code hydra-fallbacks-io-N}, not the common pool, since file I/O blocks; its queue holds
 * {@value #DEFAULT_POOL_QUEUE} calls, and when it is full the calling thread runs the call
 * itself, which slows a producer down instead of piling up memory); their futures complete
 * with the results of the synchronous calls, and exceptionally only for programming errors.
 */
public final class FallbackHandler {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);
    /** Threads of the default async pool. */
    public static final int DEFAULT_POOL_THREADS = 4;
    /** Calls the default async pool queues before callers run their calls themselves. */
    public static final int DEFAULT_POOL_QUEUE = 1024;

    private static final PathLocks LOCKS = new PathLocks();

    private final Durability durability;
    private final BackupManager backups;
    private final boolean createParents;
    private final RecoveryPolicy recoveryPolicy;
    private final boolean processLocking;
    private final JsonMapper mapper;
    private final Executor executor;
    private final ReadLimits readLimits;
    private final boolean neutralizeFormulas;
    private final AtomicWriter writer;
    private final LineAppender appender;
    private final FallbackFiles fallbacks;
    private final FallbackStats stats = new FallbackStats();
    private final Clock clock;

    private FallbackHandler(Builder builder) {
        this.durability = builder.durability;
        this.backups = builder.backups;
        this.createParents = builder.createParents;
        this.recoveryPolicy = builder.recoveryPolicy;
        this.processLocking = builder.processLocking;
        this.readLimits = builder.readLimits;
        this.mapper = builder.mapper != null ? builder.mapper : defaultMapper(readLimits);
        this.executor = builder.executor != null ? builder.executor : DefaultPool.EXECUTOR;
        this.neutralizeFormulas = builder.neutralizeFormulas;
        this.writer = AtomicWriter.builder().durability(durability).backups(backups)
                .createParentDirectories(createParents).build();
        this.fallbacks = new FallbackFiles(builder.fallbackFolder, builder.clock, durability);
        this.clock = builder.clock;
        this.appender = new LineAppender(durability, builder.clock, this::isCompleteValue);
    }

    /** {@return a builder with the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the statistics of this handler} */
    public FallbackStats stats() {
        return stats;
    }

    /** {@return the number of files whose write lock is held or waited for now, in this JVM} */
    public static int liveLockCount() {
        return LOCKS.size();
    }

    /**
     * Closes the files kept open between appends: the lock files and append channels of the last
     * {@value PathLocks#MAX_IDLE} files written, which stay open so that a file appended to again
     * and again is not reopened each time. Files in use are not affected.
     */
    public static void closeIdleFiles() {
        LOCKS.closeIdle();
    }

    /** {@return the recovery policy of this handler's reads} */
    public RecoveryPolicy recoveryPolicy() {
        return recoveryPolicy;
    }

    /** {@return the JSON mapper this handler reads and writes with} */
    public JsonMapper mapper() {
        return mapper;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Writes any value as one compact JSON document. An iterable, iterator, stream or array is
     * written as a JSON array, streamed element by element.
     *
     * @param data the value, may be null
     * @param path the file
     * @return what happened
     * @throws NullPointerException if path is null
     */
    public WriteResult writeJson(Object data, Path path) {
        return writeJsonDocument(data, path, -1);
    }

    /**
     * Writes any value as one JSON document, indented.
     *
     * @param data the value, may be null
     * @param path the file
     * @param indent spaces per nesting level (0 puts every element on its own line, unindented)
     * @return what happened
     * @throws NullPointerException if path is null
     * @throws IllegalArgumentException if indent is negative
     */
    public WriteResult writeJson(Object data, Path path, int indent) {
        if (indent < 0) {
            throw new IllegalArgumentException("indent must not be negative: " + indent);
        }
        return writeJsonDocument(data, path, indent);
    }

    private WriteResult writeJsonDocument(Object data, Path path, int indent) {
        Objects.requireNonNull(path, "path must not be null");
        return write(path, Format.JSON, RecordSource.of(data),
                (source, pending) -> Codecs.writeJson(mapper, source.document(), indent, pending.stream()));
    }

    /**
     * Writes records as JSON Lines, replacing the file.
     *
     * @param records the records
     * @param path the file
     * @return what happened
     * @throws NullPointerException if records or path is null
     */
    public WriteResult writeJsonLines(Iterable<?> records, Path path) {
        return writeRecords(Format.JSON_LINES, records, path);
    }

    /**
     * Writes records as JSON Lines from a single-pass iterator, replacing the file.
     *
     * @param records the records
     * @param path the file
     * @return what happened
     * @throws NullPointerException if records or path is null
     */
    public WriteResult writeJsonLines(Iterator<?> records, Path path) {
        return writeRecords(Format.JSON_LINES, records, path);
    }

    /**
     * Writes records as JSON Lines from a stream (closed afterwards), replacing the file.
     *
     * @param records the records
     * @param path the file
     * @return what happened
     * @throws NullPointerException if records or path is null
     */
    public WriteResult writeJsonLines(Stream<?> records, Path path) {
        return writeRecords(Format.JSON_LINES, records, path);
    }

    /**
     * Writes records as CSV (see {@link io.hydralogger.fallbacks.sanitize.CsvFlattener} for
     * how records become rows), replacing the file.
     *
     * @param records the records
     * @param path the file
     * @return what happened
     * @throws NullPointerException if records or path is null
     */
    public WriteResult writeCsv(Iterable<?> records, Path path) {
        return writeRecords(Format.CSV, records, path);
    }

    /**
     * Writes records as CSV from a single-pass iterator, replacing the file.
     *
     * @param records the records
     * @param path the file
     * @return what happened
     * @throws NullPointerException if records or path is null
     */
    public WriteResult writeCsv(Iterator<?> records, Path path) {
        return writeRecords(Format.CSV, records, path);
    }

    /**
     * Writes records as CSV from a stream (closed afterwards), replacing the file.
     *
     * @param records the records
     * @param path the file
     * @return what happened
     * @throws NullPointerException if records or path is null
     */
    public WriteResult writeCsv(Stream<?> records, Path path) {
        return writeRecords(Format.CSV, records, path);
    }

    /**
     * Writes records in the given format, replacing the file. For {@link Format#JSON} the
     * records are written as one JSON array.
     *
     * @param records an iterable, iterator, stream or array of records
     * @param path the file
     * @param format the format
     * @return what happened
     * @throws NullPointerException if any argument is null
     */
    public WriteResult write(Object records, Path path, Format format) {
        Objects.requireNonNull(format, "format must not be null");
        return format == Format.JSON ? writeJson(Objects.requireNonNull(records, "records must not be null"), path)
                : writeRecords(format, records, path);
    }

    private WriteResult writeRecords(Format format, Object records, Path path) {
        Objects.requireNonNull(records, "records must not be null");
        Objects.requireNonNull(path, "path must not be null");
        return write(path, format, RecordSource.of(records), bodyOf(format));
    }

    /** Writes the content of one whole-file write into the pending file; returns the records. */
    @FunctionalInterface
    private interface Body {
        long write(RecordSource source, PendingFile pending) throws IOException;
    }

    private WriteResult write(Path path, Format format, RecordSource source, Body body) {
        long start = System.nanoTime();
        try (source) {
            Path target;
            PathLocks.Held held;
            try {
                target = resolveForWrite(path);
                held = LOCKS.lock(target, processLocking, stats::lockWaited);
            } catch (IllegalStateException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                return fallBack(path, format, source, unwrap(e), start);
            }
            try (held) {
                return writeLocked(path, target, format, source, body, start);
            }
        }
    }

    /** The whole-file write proper; the caller holds the target's lock. */
    private WriteResult writeLocked(Path path, Path target, Format format, RecordSource source, Body body,
            long start) {
        try (PendingFile pending = begin(target)) {
            long records = body.write(source, pending);
            long bytes = pending.bytesWritten();
            Optional<Path> backup = pending.commit();
            long nanos = System.nanoTime() - start;
            stats.writeSucceeded(records, bytes, nanos);
            return new WriteResult(true, path, format, bytes, records, backup, Optional.empty(),
                    Optional.empty(), Duration.ofNanos(nanos));
        } catch (IOException | RuntimeException e) {
            return fallBack(path, format, source, unwrap(e), start);
        }
    }

    /** Follows links to the real file and makes its folder when that is asked for. */
    private Path resolveForWrite(Path path) throws IOException {
        Path target = AtomicWriter.resolveTarget(path);
        if (createParents) {
            AtomicWriter.createDirectories(target.getParent(), durability);
        }
        return target;
    }

    /**
     * Writes the body of a whole-file write of {@code data} in {@code format}: a JSON document,
     * or records as JSON Lines or CSV.
     */
    private Body bodyOf(Format format) {
        switch (format) {
            case JSON:
                return (source, pending) -> Codecs.writeJson(mapper, source.document(), -1, pending.stream());
            case CSV:
                return (source, pending) -> Codecs.writeCsv(source.records(), neutralizeFormulas, pending);
            default:
                return (source, pending) -> Codecs.writeJsonLines(mapper, source.records(), pending.stream());
        }
    }

    /** Starts the write, first sweeping temp files of dead writers when that is safe. */
    private PendingFile begin(Path target) throws IOException {
        if (processLocking) {
            AtomicWriter.removeStaleTempFiles(target);
        }
        return writer.begin(target);
    }

    private WriteResult fallBack(Path path, Format format, RecordSource source, Exception cause, long start) {
        Optional<Path> fallbackFile = Optional.empty();
        Exception error = cause;
        try {
            Path file = fallbacks.write(path, source.records(), mapper);
            fallbackFile = Optional.of(file);
            stats.fallbackWritten();
            LOG.warn("write of {} failed ({}); the target is untouched and the records are in {}{}", path,
                    describe(cause), file, source.replayable() ? ""
                            : " (a single-pass source: records it had already handed to the failed write are"
                            + " in no file)");
        } catch (IOException | RuntimeException e) {
            error.addSuppressed(e);
            LOG.error("write of {} failed ({}) and no fallback file could take its records: {}", path,
                    describe(cause), describe(e));
        }
        long nanos = System.nanoTime() - start;
        stats.writeFailed(nanos);
        return new WriteResult(false, path, format, 0, 0, Optional.empty(), fallbackFile, Optional.of(error),
                Duration.ofNanos(nanos));
    }

    // ---------------------------------------------------------------- appends and updates

    /**
     * Appends records to a JSON Lines file, one line each, creating the file when missing. The
     * lines of one call are encoded first (no lock is held while serialising), then written as
     * one unit at the end of the file under the file's lock (see {@link LineAppender}: a torn
     * last line left by a writer that died is repaired first, never glued onto); with
     * {@link Durability#SYNC} they are forced before the call returns. Threads appending to one
     * file at once share one write and one {@code force}. If the append fails, the file ends
     * where it ended before and the records go to a fallback file, as for a failed write.
     *
     * @param records the records
     * @param path the file
     * @return what happened ({@link WriteResult#backup()} is always empty: appends keep no backup)
     * @throws NullPointerException if records or path is null
     * @throws IllegalStateException if this thread holds the file's lock already (from an update function)
     */
    public WriteResult appendJsonLines(Iterable<?> records, Path path) {
        Objects.requireNonNull(records, "records must not be null");
        Objects.requireNonNull(path, "path must not be null");
        long start = System.nanoTime();
        Encoded lines = new Encoded();
        long count = Codecs.writeJsonLines(mapper, records.iterator(), lines);
        if (count == 0) {
            return new WriteResult(true, path, Format.JSON_LINES, 0, 0, Optional.empty(), Optional.empty(),
                    Optional.empty(), Duration.ofNanos(System.nanoTime() - start));
        }
        PendingAppend append = new PendingAppend(lines.bytes(), lines.size());
        try {
            Path target = resolveForWrite(path);
            LOCKS.append(target, processLocking, stats::lockWaited, append, (group, held) -> appendGroup(target, group, held));
        } catch (IllegalStateException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            Exception cause = unwrap(e);
            Optional<Path> fallbackFile = appendFallBack(path, records, cause);
            long nanos = System.nanoTime() - start;
            stats.appendFailed(nanos);
            return new WriteResult(false, path, Format.JSON_LINES, 0, 0, Optional.empty(), fallbackFile,
                    Optional.of(cause), Duration.ofNanos(nanos));
        }
        long nanos = System.nanoTime() - start;
        stats.appended(count, append.length(), nanos);
        return new WriteResult(true, path, Format.JSON_LINES, append.length(), count, Optional.empty(),
                Optional.empty(), Optional.empty(), Duration.ofNanos(nanos));
    }

    /**
     * Writes a group of appends through the file kept open with the lock, opening it afresh when
     * there is none yet or the path names another file now. A file that failed is closed.
     */
    private void appendGroup(Path target, List<PendingAppend> group, PathLocks.Held held) throws IOException {
        LineAppender.OpenFile file = held.attachment() instanceof LineAppender.OpenFile open && open.isCurrent()
                ? open : null;
        if (file == null) {
            closeQuietly(held.attachment());
            held.attach(null);
            file = LineAppender.open(target);
            held.attach(file);
        }
        try {
            appender.append(file, group.stream().map(PendingAppend::buffer).toList());
        } catch (IOException | RuntimeException e) {
            held.attach(null);
            closeQuietly(file);
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed: {}", closeable, e.toString());
            }
        }
    }

    private Optional<Path> appendFallBack(Path path, Iterable<?> records, Exception cause) {
        try {
            Path file = fallbacks.write(path, records.iterator(), mapper);
            stats.fallbackWritten();
            LOG.warn("append to {} failed ({}); the file ends as before and the records are in {}", path,
                    describe(cause), file);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error("append to {} failed ({}) and no fallback file could take its records: {}", path,
                    describe(cause), describe(e));
            return Optional.empty();
        }
    }

    /**
     * Whether the last line of a file, found without its line break, is a whole record whose line
     * break alone was lost: the {@link ReadRules} that salvage and the strict read use too.
     */
    private boolean isCompleteValue(InputStream line) {
        return ReadRules.isCompleteJsonLine(mapper, line);
    }

    /** The lines of one append, encoded in memory. */
    private static final class Encoded extends java.io.ByteArrayOutputStream {
        Encoded() {
            super(256);
        }

        byte[] bytes() {
            return buf;
        }
    }

    /**
     * Reads, changes and writes a file as one step under its exclusive lock (in-JVM and, with
     * process locking, across processes), so that no update of another thread or process is lost
     * in between. The format is taken from the file's extension ({@link Format#of(Path)}).
     *
     * @param path the file
     * @param function gets the current data (null when there is no file) and returns the new data
     * @return what happened; see {@link #update(Path, Format, UnaryOperator)}
     * @throws NullPointerException if an argument is null
     */
    public WriteResult update(Path path, UnaryOperator<Object> function) {
        return update(path, Format.of(Objects.requireNonNull(path, "path must not be null")), function);
    }

    /**
     * Reads, changes and writes a file as one step under its exclusive lock. The function gets
     * the current data as a read of this handler gives it (for {@link Format#JSON} any value, for
     * {@link Format#JSON_LINES} a {@code List<Object>}, for {@link Format#CSV} a
     * {@code List<Map<String, String>>}; salvaged or from a backup as the recovery policy says;
     * null when the file does not exist) and returns the new data, which is written atomically
     * like any write (records as lines or rows; for JSON one document). If the current data cannot
     * be read at all, the file is left alone, the function is not called and the result is a
     * failure. The function runs while the lock is held: it must be quick, and it must not write
     * the same file (that throws {@link IllegalStateException}). An exception thrown by the
     * function propagates to the caller, and the file is untouched.
     *
     * @param path the file
     * @param format the format of the file
     * @param function gets the current data and returns the new data
     * @return what happened; a failed write of the new data puts it in a fallback file
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if this thread already holds the file's lock
     */
    public WriteResult update(Path path, Format format, UnaryOperator<Object> function) {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(function, "function must not be null");
        long start = System.nanoTime();
        Path target;
        PathLocks.Held held;
        try {
            target = resolveForWrite(path);
            held = LOCKS.lock(target, processLocking, stats::lockWaited);
        } catch (IllegalStateException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return updateFailed(path, format, unwrap(e), start);
        }
        try (held) {
            Object current = null;
            if (Files.exists(target)) {
                ReadResult<?> read = readForUpdate(target, format);
                if (!read.ok()) {
                    Throwable cause = read.error().orElseGet(() -> new IOException("nothing could be read"));
                    return updateFailed(path, format, cause, start);
                }
                current = read.data();
            }
            Object next = function.apply(current);
            RecordSource source = RecordSource.of(format != Format.JSON && next == null ? List.of() : next);
            try (source) {
                return writeLocked(path, target, format, source, bodyOf(format), start);
            }
        }
    }

    private ReadResult<?> readForUpdate(Path target, Format format) {
        switch (format) {
            case JSON:
                return readJson(target);
            case CSV:
                return readCsv(target);
            default:
                return readJsonLines(target);
        }
    }

    private WriteResult updateFailed(Path path, Format format, Throwable cause, long start) {
        LOG.warn("update of {} failed before the new data existed ({}); the file is untouched", path,
                describe(cause));
        long nanos = System.nanoTime() - start;
        stats.writeFailed(nanos);
        return new WriteResult(false, path, format, 0, 0, Optional.empty(), Optional.empty(), Optional.of(cause),
                Duration.ofNanos(nanos));
    }

    // ---------------------------------------------------------------- reads

    /**
     * Reads a JSON file into plain Java values: {@code List}, {@code Map}, {@code String},
     * numbers, {@code Boolean} or null.
     *
     * @param path the file
     * @return what was read
     * @throws NullPointerException if path is null
     */
    public ReadResult<Object> readJson(Path path) {
        return readJson(path, mapper.constructType(Object.class));
    }

    /**
     * Reads a JSON file into a type: a record, a POJO, a collection of them.
     *
     * @param path the file
     * @param type the type
     * @param <T> the type
     * @return what was read
     * @throws NullPointerException if an argument is null
     */
    public <T> ReadResult<T> readJson(Path path, Class<T> type) {
        return readJson(path, mapper.constructType(Objects.requireNonNull(type, "type must not be null")));
    }

    /**
     * Reads a JSON file into a generic type, such as {@code List<User>}.
     *
     * @param path the file
     * @param type the type
     * @param <T> the type
     * @return what was read
     * @throws NullPointerException if an argument is null
     */
    public <T> ReadResult<T> readJson(Path path, TypeReference<T> type) {
        return readJson(path, mapper.constructType(Objects.requireNonNull(type, "type must not be null")));
    }

    private <T> ReadResult<T> readJson(Path path, JavaType type) {
        return read(path, Format.JSON, p -> Codecs.<T>readJson(mapper, p, type), FallbackHandler::countOf,
                (records, single) -> convert(single ? records.get(0) : records, type));
    }

    /**
     * Reads a JSON Lines file into plain Java values, one per line.
     *
     * @param path the file
     * @return what was read
     * @throws NullPointerException if path is null
     */
    public ReadResult<List<Object>> readJsonLines(Path path) {
        return readJsonLines(path, Object.class);
    }

    /**
     * Reads a JSON Lines file into a type, one value per line.
     *
     * @param path the file
     * @param type the type of each line
     * @param <T> the type
     * @return what was read
     * @throws NullPointerException if an argument is null
     */
    public <T> ReadResult<List<T>> readJsonLines(Path path, Class<T> type) {
        JavaType javaType = mapper.constructType(Objects.requireNonNull(type, "type must not be null"));
        return read(path, Format.JSON_LINES, p -> Codecs.<T>readJsonLines(mapper, p, javaType), List::size,
                (records, single) -> {
                    List<T> typed = new ArrayList<>(records.size());
                    for (Object record : records) {
                        typed.add(convert(record, javaType));
                    }
                    return typed;
                });
    }

    /**
     * Reads a CSV file with a header row into one map per row.
     *
     * @param path the file
     * @return what was read
     * @throws NullPointerException if path is null
     */
    public ReadResult<List<Map<String, String>>> readCsv(Path path) {
        return read(path, Format.CSV, Codecs::readCsv, List::size, FallbackHandler::csvRows);
    }

    /**
     * Streams the records of a JSON Lines file, one per line, in constant memory. The stream
     * must be closed; a problem met while it is consumed is thrown as an
     * {@link UncheckedIOException} or a {@link JacksonException}.
     *
     * @param path the file
     * @return the records
     * @throws IOException if the file cannot be opened
     * @throws NullPointerException if path is null
     */
    public Stream<Object> streamJsonLines(Path path) throws IOException {
        return stream(path, Format.JSON_LINES);
    }

    /**
     * Streams the records of a file in constant memory, strictly: the elements of a JSON array
     * (or a JSON document that is not an array, as one record), the lines of JSON Lines, the
     * rows of a CSV file as maps of column name to text. The stream must be closed. Damage is
     * thrown when the stream reaches it, as an {@link UncheckedIOException}, a
     * {@link JacksonException} or FastCSV's {@code CsvParseException}; the records before it
     * have been delivered.
     *
     * @param path the file
     * @param format its format
     * @return the records
     * @throws IOException if the file cannot be opened
     * @throws NullPointerException if an argument is null
     */
    public Stream<Object> stream(Path path, Format format) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        return stream(Files.newInputStream(path), format);
    }

    /**
     * Streams the records read from any input (a socket, standard input, a counted or
     * decompressed stream), like {@link #stream(Path, Format)}. Closing the stream closes
     * {@code in}.
     *
     * @param in the bytes, UTF-8
     * @param format their format
     * @return the records
     * @throws NullPointerException if an argument is null
     */
    public Stream<Object> stream(InputStream in, Format format) {
        Objects.requireNonNull(in, "in must not be null");
        Objects.requireNonNull(format, "format must not be null");
        return switch (format) {
            case JSON -> Codecs.streamJson(mapper, in);
            case JSON_LINES -> Codecs.streamJsonLines(mapper, in);
            case CSV -> Codecs.streamCsv(in);
        };
    }

    /** Reads a file; throws for any problem. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(Path path) throws IOException;
    }

    /** Counts the records of what was read. */
    @FunctionalInterface
    private interface Counter<T> {
        long count(T data);
    }

    /** Turns the records a recovery found into the data of a read. */
    @FunctionalInterface
    private interface Shaper<T> {
        T shape(List<Object> records, boolean singleValue);
    }

    /**
     * A read: first strictly (the fast path), and when that fails, by the recovery policy:
     * salvage, backups newest first, fallback files.
     */
    private <T> ReadResult<T> read(Path path, Format format, Reader<T> reader, Counter<? super T> counter,
            Shaper<T> shaper) {
        Objects.requireNonNull(path, "path must not be null");
        long start = System.nanoTime();
        Exception cause = null;
        try {
            T data = reader.read(path);
            stats.readSucceeded(data == null ? 0 : counter.count(data), Files.size(path), System.nanoTime() - start);
            return new ReadResult<>(data, path, format, Source.PRIMARY, Optional.of(path), Optional.empty(), 0,
                    Optional.empty());
        } catch (IOException | RuntimeException e) {
            cause = unwrap(e);
        }
        if (recoveryPolicy != RecoveryPolicy.STRICT) {
            try (RecoveredRecords recovered = recover(path, format)) {
                if (recovered.source() != Source.NONE) {
                    List<Object> records = new ArrayList<>();
                    recovered.forEachRemaining(records::add);
                    boolean single = recovered.singleValue() || recovered.source() == Source.FALLBACK
                            && format == Format.JSON && records.size() == 1;
                    T data = shaper.shape(records, single);
                    long skipped = recovered.source() == Source.SALVAGED ? recovered.report().skippedRecords() : 0;
                    Path from = recovered.sourcePath().orElse(path);
                    stats.readSucceeded(records.size(), Files.size(from), System.nanoTime() - start);
                    if (recovered.source() != Source.PRIMARY) {
                        LOG.warn("{} could not be read as it is ({}); read {} records from {} ({})", path,
                                describe(cause), records.size(), from, recovered.source().label());
                    }
                    Optional<CorruptionReport> report = recovered.report().intact() ? Optional.empty()
                            : Optional.of(recovered.report());
                    return new ReadResult<>(data, path, format, recovered.source(), recovered.sourcePath(), report,
                            skipped, Optional.ofNullable(cause));
                }
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        stats.readFailed(System.nanoTime() - start);
        LOG.warn("could not read {}: {}", path, describe(cause));
        CorruptionReport report = cause instanceof NoSuchFileException ? reportOf(path, format, cause)
                : CorruptionDetector.inspect(path, format, readLimits);
        return new ReadResult<>(null, path, format, Source.NONE, Optional.empty(), Optional.of(report), 0,
                Optional.of(cause));
    }

    /**
     * Opens the records of a file as this handler's recovery policy finds them, streamed in
     * constant memory: the file itself when intact; when it is damaged or missing, by the
     * policy: {@link RecoveryPolicy#SALVAGE_THEN_BACKUP} salvages the file and, when nothing can
     * be salvaged, takes the newest intact backup, then the newest fallback file with records;
     * {@link RecoveryPolicy#BACKUP_THEN_SALVAGE} tries the backups first; {@link RecoveryPolicy#STRICT}
     * gives no records ({@link Source#NONE}). Deciding reads the file once without building
     * anything (see {@link CorruptionDetector}); the records are then read as they are consumed.
     *
     * @param path the file
     * @param format its format
     * @return the records; must be closed
     * @throws IOException if the chosen source cannot be opened
     * @throws NullPointerException if an argument is null
     */
    public RecoveredRecords recover(Path path, Format format) throws IOException {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        CorruptionReport report = CorruptionDetector.inspect(path, format, readLimits);
        if (report.intact()) {
            return open(path, format, Source.PRIMARY, path, format, report);
        }
        boolean missing = report.problems().get(0).kind() == ProblemKind.MISSING;
        if (!missing) {
            stats.corruptionDetected(report.validRecords(), report.skippedRecords());
        }
        if (recoveryPolicy == RecoveryPolicy.STRICT) {
            return new RecoveredRecords(path, format, Source.NONE, Optional.empty(), report, null);
        }
        boolean salvageable = !missing && report.validRecords() > 0;
        if (salvageable && recoveryPolicy == RecoveryPolicy.SALVAGE_THEN_BACKUP) {
            return open(path, format, Source.SALVAGED, path, format, report);
        }
        Path target = AtomicWriter.resolveTarget(path);
        for (Path backup : backups.list(target)) {
            if (CorruptionDetector.inspect(backup, format, readLimits).intact()) {
                stats.backupRestored();
                return open(path, format, Source.BACKUP, backup, format, report);
            }
        }
        if (salvageable) {
            return open(path, format, Source.SALVAGED, path, format, report);
        }
        for (Path fallback : fallbacks.list(path)) {
            if (CorruptionDetector.inspect(fallback, Format.JSON_LINES, readLimits).validRecords() > 0) {
                return open(path, format, Source.FALLBACK, fallback, Format.JSON_LINES, report);
            }
        }
        return new RecoveredRecords(path, format, Source.NONE, Optional.empty(), report, null);
    }

    private RecoveredRecords open(Path path, Format format, Source source, Path from, Format fromFormat,
            CorruptionReport report) throws IOException {
        SalvageReader reader = DataRecovery.open(from, fromFormat, mapper, readLimits);
        return new RecoveredRecords(path, format, source, Optional.of(from), report, reader);
    }

    /**
     * Repairs a damaged file in place, under the file's lock: keeps the damaged original as
     * {@code <name>.corrupt-<timestamp>} beside it (a hard link: no byte is copied, and the
     * evidence is never destroyed), then rewrites the file atomically from the records salvaged
     * from it (a JSON file of one value that cannot be salvaged becomes an empty array). An
     * intact file is left alone. If the rewrite fails, the records go to a fallback file.
     *
     * @param path the file
     * @param format its format
     * @return what was done
     * @throws NullPointerException if an argument is null
     * @throws IllegalStateException if this thread holds the file's lock already
     */
    public RepairResult repair(Path path, Format format) {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        long start = System.nanoTime();
        CorruptionReport report = CorruptionDetector.inspect(path, format, readLimits);
        Path target;
        PathLocks.Held held;
        try {
            target = AtomicWriter.resolveTarget(path);
            held = LOCKS.lock(target, processLocking, stats::lockWaited);
        } catch (IllegalStateException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            return new RepairResult(path, format, false, false, report, 0, Optional.empty(), Optional.empty(),
                    Optional.of(unwrap(e)));
        }
        try (held) {
            report = CorruptionDetector.inspect(target, format, readLimits);
            if (report.intact()) {
                return new RepairResult(path, format, true, false, report, report.validRecords(), Optional.empty(),
                        Optional.empty(), Optional.empty());
            }
            ProblemKind first = report.problems().get(0).kind();
            if (first == ProblemKind.MISSING || first == ProblemKind.UNREADABLE) {
                return new RepairResult(path, format, false, false, report, 0, Optional.empty(), Optional.empty(),
                        Optional.of(new IOException(report.problems().get(0).message())));
            }
            Path damaged = BackupManager.keepAsCorrupt(target, clock);
            if (durability == Durability.SYNC) {
                // the evidence's name must be on disk before the rename replaces the damaged file
                AtomicWriter.forceDirectory(target.getParent());
            }
            stats.corruptionDetected(report.validRecords(), report.skippedRecords());
            try (SalvageReader reader = DataRecovery.open(damaged, format, mapper, readLimits)) {
                boolean any = reader.hasNext();
                Object document = format == Format.JSON && any && reader.singleValue() ? reader.next() : reader;
                WriteResult written;
                try (RecordSource source = RecordSource.of(document)) {
                    written = writeLocked(path, target, format, source, bodyOf(format), start);
                }
                LOG.warn("repaired {}: kept {} records, skipped {}; the damaged original is {}", path,
                        written.records(), report.skippedRecords(), damaged);
                return new RepairResult(path, format, written.ok(), written.ok(), report, written.records(),
                        Optional.of(damaged), written.fallback(), written.error());
            }
        } catch (IOException | RuntimeException e) {
            return new RepairResult(path, format, false, false, report, 0, Optional.empty(), Optional.empty(),
                    Optional.of(unwrap(e)));
        }
    }

    /** Binds a plain value (maps, lists, scalars) to a type; plain {@code Object} keeps it as it is. */
    @SuppressWarnings("unchecked")
    private <T> T convert(Object value, JavaType type) {
        if (type.getRawClass() == Object.class || value == null) {
            return (T) value;
        }
        return mapper.convertValue(value, type);
    }

    /** The records of a CSV salvage are maps of column name to text. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> csvRows(List<Object> records, boolean single) {
        List<Map<String, String>> rows = new ArrayList<>(records.size());
        for (Object record : records) {
            rows.add((Map<String, String>) record);
        }
        return rows;
    }

    private static long countOf(Object data) {
        return data instanceof Collection<?> c ? c.size() : 1;
    }

    private static CorruptionReport reportOf(Path path, Format format, Exception cause) {
        ProblemKind kind = cause instanceof NoSuchFileException ? ProblemKind.MISSING
                : cause instanceof IOException ? ProblemKind.UNREADABLE : ProblemKind.INVALID_SYNTAX;
        long offset = -1;
        long line = -1;
        if (cause instanceof JacksonException jackson && jackson.getLocation() != null) {
            TokenStreamLocation location = jackson.getLocation();
            offset = location.getByteOffset();
            line = location.getLineNr();
        }
        return new CorruptionReport(path, format, List.of(new Problem(kind, offset, line, describe(cause))), 0, 0);
    }

    // ---------------------------------------------------------------- async

    /**
     * {@link #writeJson(Object, Path)} on this handler's executor.
     *
     * @param data the value
     * @param path the file
     * @return the result, when done
     */
    public CompletableFuture<WriteResult> writeJsonAsync(Object data, Path path) {
        return async(() -> writeJson(data, path));
    }

    /**
     * {@link #writeJsonLines(Iterable, Path)} on this handler's executor.
     *
     * @param records the records
     * @param path the file
     * @return the result, when done
     */
    public CompletableFuture<WriteResult> writeJsonLinesAsync(Iterable<?> records, Path path) {
        return async(() -> writeJsonLines(records, path));
    }

    /**
     * {@link #writeCsv(Iterable, Path)} on this handler's executor.
     *
     * @param records the records
     * @param path the file
     * @return the result, when done
     */
    public CompletableFuture<WriteResult> writeCsvAsync(Iterable<?> records, Path path) {
        return async(() -> writeCsv(records, path));
    }

    /**
     * {@link #readJson(Path)} on this handler's executor.
     *
     * @param path the file
     * @return the result, when done
     */
    public CompletableFuture<ReadResult<Object>> readJsonAsync(Path path) {
        return async(() -> readJson(path));
    }

    /**
     * {@link #readJsonLines(Path)} on this handler's executor.
     *
     * @param path the file
     * @return the result, when done
     */
    public CompletableFuture<ReadResult<List<Object>>> readJsonLinesAsync(Path path) {
        return async(() -> readJsonLines(path));
    }

    /**
     * {@link #readCsv(Path)} on this handler's executor.
     *
     * @param path the file
     * @return the result, when done
     */
    public CompletableFuture<ReadResult<List<Map<String, String>>>> readCsvAsync(Path path) {
        return async(() -> readCsv(path));
    }

    /**
     * {@link #appendJsonLines(Iterable, Path)} on this handler's executor.
     *
     * @param records the records
     * @param path the file
     * @return the result, when done
     */
    public CompletableFuture<WriteResult> appendJsonLinesAsync(Iterable<?> records, Path path) {
        return async(() -> appendJsonLines(records, path));
    }

    /**
     * {@link #update(Path, Format, UnaryOperator)} on this handler's executor.
     *
     * @param path the file
     * @param format the format of the file
     * @param function gets the current data and returns the new data
     * @return the result, when done; exceptionally if the function threw
     */
    public CompletableFuture<WriteResult> updateAsync(Path path, Format format, UnaryOperator<Object> function) {
        return async(() -> update(path, format, function));
    }

    private <R> CompletableFuture<R> async(Supplier<R> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    // ---------------------------------------------------------------- helpers

    private static Exception unwrap(Exception e) {
        if (e instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        if (e instanceof JacksonException && e.getCause() instanceof IOException io) {
            return io;
        }
        return e;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (message == null) {
            return type;
        }
        int newline = message.indexOf('\n');
        return type + ": " + (newline < 0 ? message : message.substring(0, newline));
    }

    private static JsonMapper defaultMapper(ReadLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits.toConstraints())
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
        return JsonMapper.builder(factory).build();
    }

    /** The default async executor, made on first use. */
    private static final class DefaultPool {
        static final ExecutorService EXECUTOR = new ThreadPoolExecutor(DEFAULT_POOL_THREADS, DEFAULT_POOL_THREADS,
                0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(DEFAULT_POOL_QUEUE), new Factory(),
                new ThreadPoolExecutor.CallerRunsPolicy());

        private static final class Factory implements java.util.concurrent.ThreadFactory {
            private final AtomicInteger count = new AtomicInteger();

            @Override
            public Thread newThread(Runnable task) {
                Thread thread = new Thread(task, "hydra-fallbacks-io-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            }
        }
    }

    /** Builds a {@link FallbackHandler}. Not thread-safe; the handler it builds is immutable. */
    public static final class Builder {
        private Durability durability = Durability.SYNC;
        private BackupManager backups = BackupManager.generations(1);
        private boolean createParents = true;
        private Path fallbackFolder = FallbackFiles.defaultFolder();
        private RecoveryPolicy recoveryPolicy = RecoveryPolicy.SALVAGE_THEN_BACKUP;
        private boolean processLocking = true;
        private JsonMapper mapper;
        private Executor executor;
        private ReadLimits readLimits = ReadLimits.DEFAULTS;
        private boolean neutralizeFormulas;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * Sets whether writes wait for stable storage. Default {@link Durability#SYNC}.
         *
         * @param durability the durability
         * @return this builder
         */
        public Builder durability(Durability durability) {
            this.durability = Objects.requireNonNull(durability, "durability must not be null");
            return this;
        }

        /**
         * Sets how many previous versions are kept beside each file. Default 1 ({@code .bak}).
         *
         * @param generations how many; 0 for no backups
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder backups(int generations) {
            return backups(BackupManager.generations(generations));
        }

        /**
         * Sets the backup policy.
         *
         * @param backups the policy
         * @return this builder
         */
        public Builder backups(BackupManager backups) {
            this.backups = Objects.requireNonNull(backups, "backups must not be null");
            return this;
        }

        /**
         * Sets whether missing parent folders of a target are created. Default true.
         *
         * @param create whether to create them
         * @return this builder
         */
        public Builder createParentDirectories(boolean create) {
            this.createParents = create;
            return this;
        }

        /**
         * Sets the folder for fallback files of targets whose own folder cannot be written.
         * Default {@code <java.io.tmpdir>/hydra-fallbacks}, kept private to its user.
         *
         * @param folder the folder
         * @return this builder
         */
        public Builder fallbackFolder(Path folder) {
            this.fallbackFolder = Objects.requireNonNull(folder, "folder must not be null");
            return this;
        }

        /**
         * Sets what reads do with missing or damaged files. Default
         * {@link RecoveryPolicy#SALVAGE_THEN_BACKUP}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder recoveryPolicy(RecoveryPolicy policy) {
            this.recoveryPolicy = Objects.requireNonNull(policy, "policy must not be null");
            return this;
        }

        /**
         * Sets whether writers of other processes are kept apart by an OS lock on the sidecar
         * {@code .<name>.lock}. Default true. Without it, threads of this JVM are still kept
         * apart, and temp files of dead writers are not swept (one could be a live writer's).
         *
         * @param enabled whether to lock across processes
         * @return this builder
         */
        public Builder processLocking(boolean enabled) {
            this.processLocking = enabled;
            return this;
        }

        /**
         * Sets the Jackson mapper for reading and writing. Default: a plain mapper whose parser
         * enforces the {@link #readLimits(ReadLimits) read limits}. A mapper of your own brings
         * its own limits (its factory's {@code StreamReadConstraints}).
         *
         * @param mapper the mapper
         * @return this builder
         */
        public Builder mapper(JsonMapper mapper) {
            this.mapper = Objects.requireNonNull(mapper, "mapper must not be null");
            return this;
        }

        /**
         * Sets the executor of the async methods. Default: a shared pool of
         * {@value FallbackHandler#DEFAULT_POOL_THREADS} daemon threads with a bounded queue.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor must not be null");
            return this;
        }

        /**
         * Sets the limits that guard reads against hostile files. Default {@link ReadLimits#DEFAULTS}.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder readLimits(ReadLimits limits) {
            this.readLimits = Objects.requireNonNull(limits, "limits must not be null");
            return this;
        }

        /**
         * Sets whether CSV text cells that a spreadsheet would run as a formula get a leading
         * apostrophe. Default false (the data is written as given).
         *
         * @param enabled whether to neutralise
         * @return this builder
         */
        public Builder neutralizeCsvFormulas(boolean enabled) {
            this.neutralizeFormulas = enabled;
            return this;
        }

        /**
         * Sets the clock for the timestamps in fallback file names. Default UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /** {@return the handler} */
        public FallbackHandler build() {
            return new FallbackHandler(this);
        }
    }
}

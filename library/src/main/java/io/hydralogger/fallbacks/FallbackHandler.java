package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.codec.Codecs;
import io.hydralogger.fallbacks.internal.fs.FilePaths;
import io.hydralogger.fallbacks.internal.fs.PathLocks;
import io.hydralogger.fallbacks.recovery.CorruptFileException;
import io.hydralogger.fallbacks.stats.FallbackStats;
import io.hydralogger.fallbacks.write.AtomicWriter;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes JSON, JSON Lines and CSV files safely: the configurable core behind the
 * {@link Fallbacks} facade. Build one with {@link #builder()}; it is immutable and thread-safe,
 * and meant to be shared. Every method throws {@link NullPointerException} for a null argument
 * unless its documentation allows null, and {@link IllegalArgumentException} for the empty path
 * ({@code Path.of("")}, which names no file).
 *
 * <p><b>Writes</b> replace the whole file atomically and durably (see {@link AtomicWriter}), keep
 * the previous version as a backup, and stream the records through the sanitiser without
 * copying them. Writers of one file are serialised across threads and processes (an OS lock on
 * {@code .<name>.lock}). A write that cannot land leaves the target untouched and puts its
 * records in a JSON Lines fallback file named by the result (from an {@code Iterator} or
 * {@code Stream}, which can be consumed once, the records not yet consumed).
 *
 * <p><b>Reads</b> take no lock (whole-file writes are atomic renames) and never throw for I/O
 * or data problems: the result says what was read and from where.
 *
 * <p><b>Async</b>: {@link #async} runs any call on the handler's executor (by default its
 * runtime's pool, see {@link FallbackRuntime}). A handler holds no threads of its own: the locks,
 * caches and threads belong to its {@link FallbackRuntime}, by default the facade's.
 *
 * <p>Each operation is a class of its own in this package (package-private):
 * {@code WholeFileWrite}, {@code Append}, {@code Update}, {@code RecoveringRead}, {@code Repair},
 * over the shared {@code LockedSection} and {@code FallbackSink}; this class configures them.
 */
public final class FallbackHandler implements AutoCloseable {
    private final Context context;
    private final Executor executor;
    private final WholeFileWrite writes;
    private final Append appends;
    private final RecoveringRead reads;
    private final Update updates;
    private final Repair repairs;

    FallbackHandler(FallbackHandlerBuilder builder) {
        this.context = new Context(builder);
        this.executor = builder.executor != null ? builder.executor : context.runtime.async;
        this.writes = new WholeFileWrite(context);
        this.appends = new Append(context);
        this.reads = new RecoveringRead(context);
        this.updates = new Update(context, reads, writes);
        this.repairs = new Repair(context, writes);
    }

    /** {@return a builder with the defaults} */
    public static FallbackHandlerBuilder builder() {
        return new FallbackHandlerBuilder();
    }

    /** {@return the statistics of this handler} */
    public FallbackStats stats() {
        return context.stats;
    }

    /**
     * Closes the files kept open between appends: the lock files and append channels of the last
     * {@value PathLocks#MAX_IDLE} files appended to, which stay open so that a file appended to
     * again and again is not reopened each time (they are its runtime's, shared with the handlers
     * of the same runtime). Files in use are not affected, and the handler stays usable: the next
     * append opens its file again. The runtime's threads are not stopped (close the runtime for that).
     */
    @Override
    public void close() {
        context.runtime.locks.closeIdle();
    }

    /** {@return the recovery policy of this handler's reads} */
    public RecoveryPolicy recoveryPolicy() {
        return context.recoveryPolicy;
    }
    /** {@return the JSON mapper this handler reads and writes with} */
    public JsonMapper mapper() {
        return context.mapper;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Writes any value as one compact JSON document; an iterable, iterator, stream or array
     * becomes a JSON array, streamed element by element.
     *
     * @param data the value, may be null
     * @param path the file
     * @return what happened
     */
    public WriteResult writeJson(Object data, Path path) {
        return writes.writeJson(FilePaths.check(path), RecordSource.of(data), -1);
    }

    /**
     * Writes any value as one JSON document, indented.
     *
     * @param data the value, may be null
     * @param path the file
     * @param indent spaces per nesting level (0 puts every element on its own line, unindented)
     * @return what happened
     * @throws IllegalArgumentException if indent is negative
     */
    public WriteResult writeJson(Object data, Path path, int indent) {
        if (indent < 0) {
            throw new IllegalArgumentException("indent must not be negative: " + indent);
        }
        return writes.writeJson(FilePaths.check(path), RecordSource.of(data), indent);
    }

    /**
     * Writes records as JSON Lines, replacing the file.
     *
     * @param records the records
     * @param path the file
     * @return what happened
     */
    public WriteResult writeJsonLines(Iterable<?> records, Path path) {
        return write(records, path, Format.JSON_LINES);
    }

    /**
     * Writes records as CSV (nested values flattened to dotted columns, see
     * {@link io.hydralogger.fallbacks.sanitize.DataSanitizer}), replacing the file.
     *
     * @param records the records
     * @param path the file
     * @return what happened
     */
    public WriteResult writeCsv(Iterable<?> records, Path path) {
        return write(records, path, Format.CSV);
    }

    /**
     * Writes records in the given format, replacing the file; for {@link Format#JSON} as one
     * JSON array. Records from an {@code Iterator} or {@code Stream} (closed afterwards) are
     * streamed without being collected first.
     *
     * @param records an iterable, iterator, stream or array of records
     * @param path the file
     * @param format the format
     * @return what happened
     */
    public WriteResult write(Object records, Path path, Format format) {
        Objects.requireNonNull(records, "records must not be null");
        FilePaths.check(path);
        Objects.requireNonNull(format, "format must not be null");
        return writes.write(path, format, RecordSource.of(records));
    }

    // ---------------------------------------------------------------- appends and updates

    /**
     * Appends records to a JSON Lines file, one line each, as one unit at the end of the file
     * under its lock, creating it when missing; a torn last line left by a writer that died is
     * repaired first, never glued onto; the lines are forced unless {@link Durability#NONE}.
     * Threads appending to one file at once share one write and one {@code force}. A failed
     * append leaves the file as it ended and puts the records in a fallback file.
     *
     * @param records the records
     * @param path the file
     * @return what happened ({@link WriteResult#backup()} is always empty: appends keep no backup)
     * @throws IllegalStateException if this thread holds the file's lock already (from an update function)
     */
    public WriteResult appendJsonLines(Iterable<?> records, Path path) {
        Objects.requireNonNull(records, "records must not be null");
        return appends.append(records, FilePaths.check(path));
    }

    /**
     * Rotates a file under its lock, as {@link RotationRule} describes.
     * @param path the file
     * @param rule whether the file is due, and its new name
     * @return the new name of the rotated file, or empty when it was not due
     * @throws IOException if the lock cannot be taken or the file cannot be renamed (it is left as it was)
     */
    public Optional<Path> rotate(Path path, RotationRule rule) throws IOException {
        return appends.rotate(FilePaths.check(path), Objects.requireNonNull(rule, "rule"));
    }

    /**
     * {@link #update(Path, Format, UnaryOperator)} in the format of the file's extension
     * ({@link Format#of(Path)}).
     *
     * @param path the file
     * @param function gets the current data (null when there is no file) and returns the new data
     * @return what happened
     */
    public WriteResult update(Path path, UnaryOperator<Object> function) {
        return update(path, Format.of(FilePaths.check(path)), function);
    }

    /**
     * Reads, changes and writes a file as one step under its exclusive lock (across threads and
     * processes), so that no other update is lost. The function gets the data as a read of this
     * handler gives it ({@code null} when there is no file) and returns the new data, written
     * atomically like any write. If nothing can be read, the function is not called and the
     * file is left alone. The function runs under the lock: it must be quick and must not write
     * the same file. An exception it throws propagates and leaves the file untouched. An update
     * never makes a file worse: when the file is damaged and the data read holds fewer records
     * than a salvage finds (a backup the policy preferred), it fails with a
     * {@link RefusedException}; otherwise the damaged original is kept as {@code <name>.corrupt-<stamp>}.
     *
     * @param path the file
     * @param format the format of the file
     * @param function gets the current data and returns the new data
     * @return what happened; a failed write of the new data puts it in a fallback file
     * @throws IllegalStateException if this thread already holds the file's lock
     */
    public WriteResult update(Path path, Format format, UnaryOperator<Object> function) {
        FilePaths.check(path);
        Objects.requireNonNull(format, "format must not be null");
        return updates.update(path, format, Objects.requireNonNull(function, "function must not be null"));
    }

    // ---------------------------------------------------------------- reads

    /**
     * Reads a JSON file into plain Java values (lists, maps, strings, numbers, booleans, null).
     *
     * @param path the file
     * @return what was read
     */
    public ReadResult<Object> readJson(Path path) {
        return readJson(path, Object.class);
    }

    /**
     * Reads a JSON file into a type: a record, a POJO, a collection of them.
     *
     * @param path the file
     * @param type the type
     * @param <T> the type
     * @return what was read
     */
    public <T> ReadResult<T> readJson(Path path, Class<T> type) {
        Objects.requireNonNull(type, "type must not be null");
        return reads.json(FilePaths.check(path), context.mapper.constructType(type));
    }

    /**
     * Reads a JSON file into a generic type, such as {@code List<User>}.
     *
     * @param path the file
     * @param type the type
     * @param <T> the type
     * @return what was read
     */
    public <T> ReadResult<T> readJson(Path path, TypeReference<T> type) {
        Objects.requireNonNull(type, "type must not be null");
        return reads.json(FilePaths.check(path), context.mapper.constructType(type));
    }

    /**
     * Reads a JSON Lines file into plain Java values, one per line.
     *
     * @param path the file
     * @return what was read
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
     */
    public <T> ReadResult<List<T>> readJsonLines(Path path, Class<T> type) {
        Objects.requireNonNull(type, "type must not be null");
        return reads.jsonLines(FilePaths.check(path),
                context.mapper.constructType(type));
    }

    /**
     * Reads a CSV file with a header row into one map per row.
     *
     * @param path the file
     * @return what was read
     */
    public ReadResult<List<Map<String, String>>> readCsv(Path path) {
        return reads.csv(FilePaths.check(path), Format.CSV);
    }

    /**
     * Reads a TSV file (tab-separated, quoted as CSV is) with a header row into one map per row.
     *
     * @param path the file
     * @return what was read
     */
    public ReadResult<List<Map<String, String>>> readTsv(Path path) {
        return reads.csv(FilePaths.check(path), Format.TSV);
    }


    /**
     * Streams the records of a file in constant memory, strictly: the elements of a JSON array
     * (a document that is not an array is one record), the lines of JSON Lines, the rows of CSV
     * as maps. The stream must be closed. Damage is thrown when the stream reaches it, after the
     * records before it, as a {@link CorruptFileException} (the file, the kind, byte offset and
     * line); an I/O error as an {@link UncheckedIOException}.
     *
     * @param path the file
     * @param format its format
     * @return the records
     * @throws IOException if the file cannot be opened
     */
    public Stream<Object> stream(Path path, Format format) throws IOException {
        FilePaths.check(path);
        Objects.requireNonNull(format, "format must not be null");
        return StrictStream.of(codecStream(Files.newInputStream(path), format), path,
                damaged -> context.inspect(damaged, format).problems().stream().findFirst());
    }

    /**
     * Streams the records read from any input (a socket, standard input, a decompressed
     * stream), like {@link #stream(Path, Format)}. Closing the stream closes {@code in}.
     *
     * @param in the bytes, UTF-8
     * @param format their format
     * @return the records
     */
    public Stream<Object> stream(InputStream in, Format format) {
        Objects.requireNonNull(in, "in must not be null");
        return StrictStream.of(codecStream(in, Objects.requireNonNull(format, "format must not be null")), null,
                damaged -> java.util.Optional.empty());
    }

    private Stream<Object> codecStream(InputStream in, Format format) {
        return switch (format) {
            case JSON -> Codecs.streamJson(context.mapper, in);
            case JSON_LINES -> Codecs.streamJsonLines(context.mapper, in);
            case CSV, TSV -> Codecs.streamCsv(in, context.dialect.forFormat(format));
        };
    }

    /**
     * Opens the records of a file as this handler's {@link RecoveryPolicy} finds them (the file
     * itself when intact; else salvaged, from a backup or from a fallback file), streamed in
     * constant memory. Deciding reads the file once without building anything; the records are
     * then read as they are consumed.
     *
     * @param path the file
     * @param format its format
     * @return the records; must be closed
     * @throws IOException if the chosen source cannot be opened
     */
    public RecoveredRecords recover(Path path, Format format) throws IOException {
        FilePaths.check(path);
        return reads.recover(path, Objects.requireNonNull(format, "format must not be null"));
    }

    /**
     * Repairs a damaged file in place, under its lock: keeps the damaged original as
     * {@code <name>.corrupt-<timestamp>} (a hard link: evidence is never destroyed) and rewrites
     * the file atomically from what salvage gives. An intact file is left alone. When no record
     * can be salvaged from a non-empty file, the file is left alone and the result fails with a
     * {@link RefusedException} ({@link #repair(Path, Format, boolean)} forces it).
     *
     * @param path the file
     * @param format its format
     * @return what was done
     * @throws IllegalStateException if this thread holds the file's lock already
     */
    public RepairResult repair(Path path, Format format) {
        return repair(path, format, false);
    }

    /**
     * {@link #repair(Path, Format)}, forced when {@code force}: a file from which no record can be
     * salvaged becomes an empty file of its format (the original is kept all the same).
     *
     * @param path the file
     * @param format its format
     * @param force whether to rewrite the file even when no record can be salvaged from it
     * @return what was done
     */
    public RepairResult repair(Path path, Format format, boolean force) {
        FilePaths.check(path);
        return repairs.repair(path, Objects.requireNonNull(format, "format must not be null"), force);
    }

    /**
     * Puts a backup back in place of a file (see {@link io.hydralogger.fallbacks.write.BackupManager#restore(Path, Path)}: the
     * replaced version is kept as {@code <name>.corrupt-<timestamp>}), under the file's lock, and
     * never makes the file worse: when the backup holds fewer records than a salvage finds in the
     * file now, nothing is done and a {@link RefusedException} is thrown, unless forced.
     *
     * @param path the file
     * @param backup the backup to restore
     * @param format the format of both
     * @param force whether to restore even a backup with fewer records
     * @return where the replaced version is kept (empty when there was no file)
     * @throws RefusedException if the backup holds fewer records and {@code force} is false
     * @throws IOException if the backup cannot be read or the file cannot be replaced
     * @throws IllegalStateException if this thread holds the file's lock already
     */
    public Optional<Path> restore(Path path, Path backup, Format format, boolean force) throws IOException {
        FilePaths.check(path);
        Objects.requireNonNull(backup, "backup must not be null");
        return new Restore(context).restore(path, backup, Objects.requireNonNull(format, "format must not be null"),
                force);
    }

    // ---------------------------------------------------------------- async

    /**
     * Runs a call of this handler on its executor, for example
     * {@code handler.async(h -> h.writeJson(data, path))}: the same synchronous core, wrapped in
     * a future.
     *
     * @param call the call, given this handler
     * @param <R> the result type
     * @return the call's result, when done; exceptionally only if the call threw (a programming
     *     error, or an update function's exception)
     */
    public <R> CompletableFuture<R> async(Function<? super FallbackHandler, ? extends R> call) {
        Objects.requireNonNull(call, "call must not be null");
        return CompletableFuture.supplyAsync(() -> call.apply(this), executor);
    }
}

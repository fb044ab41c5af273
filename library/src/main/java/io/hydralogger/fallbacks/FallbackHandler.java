package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.FilePaths;
import io.hydralogger.fallbacks.internal.fs.PathLocks;
import io.hydralogger.fallbacks.recovery.CorruptFileException;
import io.hydralogger.fallbacks.stats.FallbackStats;
import io.hydralogger.fallbacks.write.AtomicWriter;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * {@link Fallbacks} facade. Build one with {@link #builder()}; it is immutable and thread-safe, and
 * meant to be shared. Every method throws {@link NullPointerException} for a null argument unless
 * its documentation allows null, and {@link IllegalArgumentException} for the empty path
 * ({@code Path.of("")}, which names no file).
 *
 * <p><b>Writes</b> replace the whole file atomically and durably (see {@link AtomicWriter}), keep
 * the previous version as a backup, and stream the records through the sanitiser. Writers of one
 * file are serialised across threads and processes (an OS lock on {@code .<name>.lock}). A write
 * that cannot land leaves the target untouched and puts its records in a JSON Lines fallback file
 * named by the result (from an {@code Iterator} or {@code Stream}, those not yet consumed).
 * <b>Reads</b> take no lock (writes are atomic renames) and never throw for I/O or data problems:
 * the result says what was read and from where.
 *
 * <p>A handler holds no threads of its own: locks, caches and threads (the default executor of
 * {@link #async}) belong to its {@link FallbackRuntime}, by default the facade's.
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
     * Closes the lock files and append channels its runtime keeps open for recent appends; files in
     * use are not affected, the handler stays usable, and the runtime's threads keep running.
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

    /**
     * Writes any value as one compact JSON document (iterables, streams, arrays as JSON arrays).
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
     * {@link #write(Object, Path, Format)} as JSON Lines.
     *
     * @param records the records
     * @param path the file
     * @return what happened
     */
    public WriteResult writeJsonLines(Iterable<?> records, Path path) {
        return write(records, path, Format.JSON_LINES);
    }

    /**
     * {@link #write(Object, Path, Format)} as CSV (nested values flattened to dotted columns).
     *
     * @param records the records
     * @param path the file
     * @return what happened
     */
    public WriteResult writeCsv(Iterable<?> records, Path path) {
        return write(records, path, Format.CSV);
    }

    /**
     * Writes records in a format, replacing the file ({@link Format#JSON}: one array); those of an
     * {@code Iterator} or {@code Stream} (closed afterwards) are streamed, not collected first.
     *
     * @param records an iterable, iterator, stream or array of records
     * @param path the file
     * @param format the format
     * @return what happened
     */
    public WriteResult write(Object records, Path path, Format format) {
        Objects.requireNonNull(records, "records must not be null");
        return writes.write(FilePaths.check(path), formatOf(format), RecordSource.of(records));
    }

    /**
     * Appends records to a JSON Lines file as one unit under its lock, creating it when missing; a
     * torn last line left by a writer that died is repaired first; forced unless
     * {@link Durability#NONE}. A failed append leaves the file as it was and puts the records in a
     * fallback file. Threads appending at once share one write and one force.
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
     *
     * @param path the file
     * @param rule whether the file is due, and its new name
     * @return the new name of the rotated file, or empty when it was not due
     * @throws IOException if the lock cannot be taken or the file cannot be renamed (it is left as it was)
     */
    public Optional<Path> rotate(Path path, RotationRule rule) throws IOException {
        return appends.rotate(FilePaths.check(path), Objects.requireNonNull(rule, "rule"));
    }

    /**
     * {@link #update(Path, Format, UnaryOperator)} in the format named by the file's extension.
     *
     * @param path the file
     * @param function gets the current data (null when there is no file) and returns the new data
     * @return what happened
     */
    public WriteResult update(Path path, UnaryOperator<Object> function) {
        return update(path, Format.of(FilePaths.check(path)), function);
    }

    /**
     * Reads, changes and writes a file as one step under its lock (across threads and processes).
     * The function gets the data as this handler reads it ({@code null}: no file; not called when
     * nothing can be read) and returns the new data; it runs under the lock (quick, not writing the
     * same file), and an exception it throws propagates and leaves the file untouched. A damaged
     * original is kept as {@code <name>.corrupt-<stamp>}; never worse: {@link RefusedException}
     * when the data read holds fewer records than a salvage of the file finds.
     *
     * @param path the file
     * @param format the format of the file
     * @param function gets the current data and returns the new data
     * @return what happened; a failed write of the new data puts it in a fallback file
     * @throws IllegalStateException if this thread already holds the file's lock
     */
    public WriteResult update(Path path, Format format, UnaryOperator<Object> function) {
        return updates.update(FilePaths.check(path), formatOf(format),
                Objects.requireNonNull(function, "function must not be null"));
    }

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
        return reads.jsonLines(FilePaths.check(path), context.mapper.constructType(type));
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
     * Streams the records of a file in constant memory, strictly: the elements of a JSON array (any
     * other document is one record), the lines of JSON Lines, the rows of CSV as maps. Damage is
     * thrown when reached, as a {@link CorruptFileException} (file, kind, byte offset, line); an
     * I/O error as an {@link UncheckedIOException}. The stream must be closed.
     *
     * @param path the file
     * @param format its format
     * @return the records
     * @throws IOException if the file cannot be opened
     */
    public Stream<Object> stream(Path path, Format format) throws IOException {
        return StrictStream.open(context, FilePaths.check(path), formatOf(format));
    }

    /**
     * Streams the records of any input (socket, standard input...) like
     * {@link #stream(Path, Format)}; closing the stream closes {@code in}.
     *
     * @param in the bytes, UTF-8
     * @param format their format
     * @return the records
     */
    public Stream<Object> stream(InputStream in, Format format) {
        return StrictStream.of(context, Objects.requireNonNull(in, "in must not be null"), formatOf(format));
    }

    /**
     * Opens the records of a file as this handler's {@link RecoveryPolicy} finds them (the file
     * when intact; else salvaged, from a backup or from a fallback file), in constant memory: one
     * pass decides, then the records are read as they are consumed.
     *
     * @param path the file
     * @param format its format
     * @return the records; must be closed
     * @throws IOException if the chosen source cannot be opened
     */
    public RecoveredRecords recover(Path path, Format format) throws IOException {
        return reads.recover(FilePaths.check(path), formatOf(format));
    }

    /**
     * Repairs a damaged file in place under its lock: keeps the original as
     * {@code <name>.corrupt-<timestamp>} (a hard link) and rewrites the file atomically from what
     * salvage gives. An intact file, or one of which no record can be salvaged, is left alone (the
     * latter fails with a {@link RefusedException}; {@link #repair(Path, Format, boolean)} forces).
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
     * {@link #repair(Path, Format)}; when forced, a file of which no record can be salvaged becomes
     * an empty file of its format (the original is kept all the same).
     *
     * @param path the file
     * @param format its format
     * @param force whether to rewrite the file even when no record can be salvaged from it
     * @return what was done
     */
    public RepairResult repair(Path path, Format format, boolean force) {
        return repairs.repair(FilePaths.check(path), formatOf(format), force);
    }

    /**
     * Puts a backup back in place of a file under its lock, keeping the replaced version as
     * {@code <name>.corrupt-<timestamp>}; never worse: a backup with fewer records than a salvage
     * finds in the file now is refused unless forced.
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
        return new Restore(context).restore(FilePaths.check(path),
                Objects.requireNonNull(backup, "backup must not be null"), formatOf(format), force);
    }

    /**
     * Runs a call of this handler on its executor, for example
     * {@code handler.async(h -> h.writeJson(data, path))}.
     *
     * @param call the call, given this handler
     * @param <R> the result type
     * @return the call's result, when done; exceptionally only if the call threw (a programming
     * error, or an update function's exception)
     */
    public <R> CompletableFuture<R> async(Function<? super FallbackHandler, ? extends R> call) {
        Objects.requireNonNull(call, "call must not be null");
        return CompletableFuture.supplyAsync(() -> call.apply(this), executor);
    }

    private static Format formatOf(Format format) {
        return Objects.requireNonNull(format, "format must not be null");
    }
}

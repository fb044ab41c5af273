package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.FilePaths;
import io.hydralogger.fallbacks.stats.FallbackStats;
import io.hydralogger.fallbacks.stats.StatsSnapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * The one-call API, named after the original Python module ({@code safe_write_json} is
 * {@link #safeWriteJson(Object, Path)}, and so on), on a default {@link FallbackHandler}:
 * durable atomic writes, one backup generation, process locking, salvage then backup on reads.
 *
 * <p>By design this facade never throws for I/O or data problems: writes return {@code false}
 * (the records are then in a fallback file), reads return {@code null} when nothing at all could
 * be read, and the reason is logged through SLF4J (logger {@code io.hydralogger.fallbacks}).
 * Programming errors throw at once: a null path ({@link NullPointerException}), a negative
 * indent or a path string that is not a path ({@link IllegalArgumentException}). For results
 * that say what happened, use {@link FallbackHandler} directly. Thread-safe.
 *
 * <p>Every call has a twin taking the path as a string; the empty string names no file and
 * throws. The {@code asyncSafe*} twins of the calls run them on the default handler's executor
 * and return a {@link CompletableFuture} (declared in a package-private base class, so that this
 * file stays readable; call them as {@code Fallbacks.asyncSafeWriteJson(...)}).
 */
public final class Fallbacks extends AsyncFacade {

    private Fallbacks() {
    }

    /** {@return the default handler behind this facade} */
    public static FallbackHandler handler() {
        return Default.HANDLER;
    }

    /**
     * {@return the default runtime: the lock table, caches and threads that every handler uses
     * unless its builder is given another} It lives as long as the JVM (its threads are daemons).
     */
    public static FallbackRuntime runtime() {
        return Default.RUNTIME;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Writes any value as compact JSON, atomically; a collection becomes a JSON array.
     *
     * @param data the value, may be null
     * @param path the file
     * @return true if the file now holds the data; false if not (the data is then in a fallback file)
     */
    public static boolean safeWriteJson(Object data, Path path) {
        return handler().writeJson(data, path).ok();
    }

    /**
     * Writes any value as compact JSON, atomically.
     *
     * @param data the value, may be null
     * @param path the file name
     * @return true if the file now holds the data
     */
    public static boolean safeWriteJson(Object data, String path) {
        return safeWriteJson(data, toPath(path));
    }

    /**
     * Writes any value as indented JSON, atomically.
     *
     * @param data the value, may be null
     * @param path the file
     * @param indent spaces per level
     * @return true if the file now holds the data
     * @throws IllegalArgumentException if indent is negative
     */
    public static boolean safeWriteJson(Object data, Path path, int indent) {
        return handler().writeJson(data, path, indent).ok();
    }

    /**
     * Writes any value as indented JSON, atomically.
     *
     * @param data the value, may be null
     * @param path the file name
     * @param indent spaces per level
     * @return true if the file now holds the data
     * @throws IllegalArgumentException if indent is negative
     */
    public static boolean safeWriteJson(Object data, String path, int indent) {
        return safeWriteJson(data, toPath(path), indent);
    }

    /**
     * Writes records as JSON Lines, replacing the file atomically.
     *
     * @param records the records
     * @param path the file
     * @return true if the file now holds the records
     */
    public static boolean safeWriteJsonLines(Iterable<?> records, Path path) {
        return handler().writeJsonLines(Objects.requireNonNull(records, "records must not be null"), path).ok();
    }

    /**
     * Writes records as JSON Lines, replacing the file atomically.
     *
     * @param records the records
     * @param path the file name
     * @return true if the file now holds the records
     */
    public static boolean safeWriteJsonLines(Iterable<?> records, String path) {
        return safeWriteJsonLines(records, toPath(path));
    }

    /**
     * Writes records as CSV (nested maps flattened to dotted columns), replacing the file atomically.
     *
     * @param records the records
     * @param path the file
     * @return true if the file now holds the records
     */
    public static boolean safeWriteCsv(Iterable<?> records, Path path) {
        return handler().writeCsv(Objects.requireNonNull(records, "records must not be null"), path).ok();
    }

    /**
     * Writes records as CSV, replacing the file atomically.
     *
     * @param records the records
     * @param path the file name
     * @return true if the file now holds the records
     */
    public static boolean safeWriteCsv(Iterable<?> records, String path) {
        return safeWriteCsv(records, toPath(path));
    }

    // ---------------------------------------------------------------- appends and updates

    /**
     * Appends records to a JSON Lines file, one whole line each, creating it when missing. Safe
     * between threads and processes (see {@link FallbackHandler#appendJsonLines(Iterable, Path)}):
     * no line is torn or lost, a torn last line left by a writer that died is repaired first, and
     * the lines are forced to disk before this returns.
     *
     * @param records the records
     * @param path the file
     * @return true if the lines are in the file; false if not (the records are then in a fallback file)
     */
    public static boolean safeAppendJsonLines(Iterable<?> records, Path path) {
        return handler().appendJsonLines(records, path).ok();
    }

    /**
     * Appends records to a JSON Lines file, one whole line each.
     *
     * @param records the records
     * @param path the file name
     * @return true if the lines are in the file
     */
    public static boolean safeAppendJsonLines(Iterable<?> records, String path) {
        return safeAppendJsonLines(records, toPath(path));
    }

    /**
     * Reads, changes and writes a JSON file as one step under its lock, so that no update by
     * another thread or process is lost in between (a counter updated by many processes counts
     * every update). The function runs under the lock: keep it quick, and do not write the same
     * file from it (that throws {@link IllegalStateException}); an exception it throws propagates
     * and leaves the file untouched.
     *
     * @param path the file
     * @param function gets the current data ({@code List}, {@code Map}, scalar; null when there is
     *     no file) and returns the new data
     * @return true if the file now holds the new data; false if the current data could not be read
     *     (the file is then untouched) or the new data could not be written (it is then in a fallback file)
     */
    public static boolean safeUpdateJson(Path path, UnaryOperator<Object> function) {
        return handler().update(path, Format.JSON, function).ok();
    }

    /**
     * Reads, changes and writes a JSON file as one step under its lock.
     *
     * @param path the file name
     * @param function gets the current data and returns the new data
     * @return true if the file now holds the new data
     */
    public static boolean safeUpdateJson(String path, UnaryOperator<Object> function) {
        return safeUpdateJson(toPath(path), function);
    }

    // ---------------------------------------------------------------- reads

    /**
     * Reads a JSON file into plain Java values.
     *
     * @param path the file
     * @return a {@code List}, {@code Map}, {@code String}, number or {@code Boolean}; null when
     *     nothing could be read (or the file holds just {@code null})
     */
    public static @Nullable Object safeReadJson(Path path) {
        return handler().readJson(path).data();
    }

    /**
     * Reads a JSON file into plain Java values.
     *
     * @param path the file name
     * @return the value, or null when nothing could be read
     */
    public static @Nullable Object safeReadJson(String path) {
        return safeReadJson(toPath(path));
    }

    /**
     * Reads a JSON file into a type (a record, a POJO).
     *
     * @param path the file
     * @param type the type
     * @param <T> the type
     * @return the value, or null when nothing could be read
     */
    public static <T> @Nullable T safeReadJson(Path path, Class<T> type) {
        return handler().readJson(path, type).data();
    }

    /**
     * Reads a JSON file into a type (a record, a POJO).
     *
     * @param path the file name
     * @param type the type
     * @param <T> the type
     * @return the value, or null when nothing could be read
     */
    public static <T> @Nullable T safeReadJson(String path, Class<T> type) {
        return safeReadJson(toPath(path), type);
    }

    /**
     * Reads a JSON file into a generic type, such as {@code List<User>}.
     *
     * @param path the file
     * @param type the type
     * @param <T> the type
     * @return the value, or null when nothing could be read
     */
    public static <T> @Nullable T safeReadJson(Path path, TypeReference<T> type) {
        return handler().readJson(path, type).data();
    }

    /**
     * Reads a JSON file into a generic type.
     *
     * @param path the file name
     * @param type the type
     * @param <T> the type
     * @return the value, or null when nothing could be read
     */
    public static <T> @Nullable T safeReadJson(String path, TypeReference<T> type) {
        return safeReadJson(toPath(path), type);
    }

    /**
     * Reads a JSON Lines file, one value per line.
     *
     * @param path the file
     * @return the values, or null when nothing could be read
     */
    public static @Nullable List<Object> safeReadJsonLines(Path path) {
        return handler().readJsonLines(path).data();
    }

    /**
     * Reads a JSON Lines file, one value per line.
     *
     * @param path the file name
     * @return the values, or null when nothing could be read
     */
    public static @Nullable List<Object> safeReadJsonLines(String path) {
        return safeReadJsonLines(toPath(path));
    }

    /**
     * Reads a CSV file with a header row.
     *
     * @param path the file
     * @return one map per row (column to text, in header order), or null when nothing could be read
     */
    public static @Nullable List<Map<String, String>> safeReadCsv(Path path) {
        return handler().readCsv(path).data();
    }

    /**
     * Reads a CSV file with a header row.
     *
     * @param path the file name
     * @return one map per row, or null when nothing could be read
     */
    public static @Nullable List<Map<String, String>> safeReadCsv(String path) {
        return safeReadCsv(toPath(path));
    }

    // ---------------------------------------------------------------- statistics and caches

    /**
     * The statistics of the default handler under the original module's keys
     * ({@code sanitizer_cache_size}, {@code corruption_cache_size}, {@code file_locks_count}) and
     * more; what each key counts is in {@link FallbackStats#toMap()}.
     *
     * @return a new, ordered map
     */
    public static Map<String, Object> getPerformanceStats() {
        return handler().stats().toMap();
    }

    /** {@return a typed snapshot of the default handler's statistics} */
    public static StatsSnapshot stats() {
        return handler().stats().snapshot();
    }

    /** Sets the default handler's counters and latency summaries back to zero. */
    public static void resetStats() {
        handler().stats().reset();
    }

    /**
     * Empties the default runtime's caches (the sanitiser's per-class cache, the corruption
     * reports) and closes the files it keeps open for the next append of recently appended files.
     */
    public static void clearAllCaches() {
        runtime().clearCaches();
    }

    private static Path toPath(String path) {
        return FilePaths.of(path);
    }

    /** The default runtime and handler, made on first use: the only static state of the library. */
    private static final class Default {
        static final FallbackRuntime RUNTIME = FallbackRuntime.create();
        static final FallbackHandler HANDLER = FallbackHandler.builder().runtime(RUNTIME).build();
    }
}

package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.FilePaths;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The facade's async calls: each runs the {@link Fallbacks} call of the same name on the default
 * handler's executor. {@link Fallbacks} extends this class so that they are called as
 * {@code Fallbacks.asyncSafeWriteJson(...)} (Java finds a static method through a subclass); the
 * class is package-private and has no instances, its only purpose is to keep each file of the
 * facade a readable size. A path string is turned into a path inside the call, so that every
 * programming error (a null or empty path, a negative indent, null records) completes the future
 * exceptionally instead of throwing at the call; I/O and data problems complete it normally with
 * {@code false} or {@code null}, as the sync calls return them.
 */
abstract class AsyncFacade {
    AsyncFacade() {
    }

    /**
     * {@link Fallbacks#safeWriteJson(Object, Path)} on the default handler's executor.
     *
     * @param data the value
     * @param path the file
     * @return true when the file holds the data; completes exceptionally only for programming errors
     */
    public static CompletableFuture<Boolean> asyncSafeWriteJson(Object data, Path path) {
        return Fallbacks.handler().async(h -> h.writeJson(data, path)).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeWriteJson(Object, String)} on the default handler's executor.
     *
     * @param data the value
     * @param path the file name
     * @return true when the file holds the data
     */
    public static CompletableFuture<Boolean> asyncSafeWriteJson(Object data, String path) {
        return Fallbacks.handler().async(h -> h.writeJson(data, FilePaths.of(path))).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeWriteJson(Object, Path, int)} on the default handler's executor.
     *
     * @param data the value
     * @param path the file
     * @param indent spaces per level
     * @return true when the file holds the data; completes exceptionally if indent is negative
     */
    public static CompletableFuture<Boolean> asyncSafeWriteJson(Object data, Path path, int indent) {
        return Fallbacks.handler().async(h -> h.writeJson(data, path, indent)).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeWriteJson(Object, String, int)} on the default handler's executor.
     *
     * @param data the value
     * @param path the file name
     * @param indent spaces per level
     * @return true when the file holds the data
     */
    public static CompletableFuture<Boolean> asyncSafeWriteJson(Object data, String path, int indent) {
        return Fallbacks.handler().async(h -> h.writeJson(data, FilePaths.of(path), indent)).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeWriteJsonLines(Iterable, Path)} on the default handler's executor.
     *
     * @param records the records
     * @param path the file
     * @return true when the file holds the records
     */
    public static CompletableFuture<Boolean> asyncSafeWriteJsonLines(Iterable<?> records, Path path) {
        return Fallbacks.handler().async(h -> h.writeJsonLines(records, path)).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeWriteJsonLines(Iterable, String)} on the default handler's executor.
     *
     * @param records the records
     * @param path the file name
     * @return true when the file holds the records
     */
    public static CompletableFuture<Boolean> asyncSafeWriteJsonLines(Iterable<?> records, String path) {
        return Fallbacks.handler().async(h -> h.writeJsonLines(records, FilePaths.of(path))).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeWriteCsv(Iterable, Path)} on the default handler's executor.
     *
     * @param records the records
     * @param path the file
     * @return true when the file holds the records
     */
    public static CompletableFuture<Boolean> asyncSafeWriteCsv(Iterable<?> records, Path path) {
        return Fallbacks.handler().async(h -> h.writeCsv(records, path)).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeWriteCsv(Iterable, String)} on the default handler's executor.
     *
     * @param records the records
     * @param path the file name
     * @return true when the file holds the records
     */
    public static CompletableFuture<Boolean> asyncSafeWriteCsv(Iterable<?> records, String path) {
        return Fallbacks.handler().async(h -> h.writeCsv(records, FilePaths.of(path))).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeReadJson(Path)} on the default handler's executor.
     *
     * @param path the file
     * @return the value, or null when nothing could be read
     */
    public static CompletableFuture<Object> asyncSafeReadJson(Path path) {
        return Fallbacks.handler().async(h -> h.readJson(path)).thenApply(ReadResult::data);
    }

    /**
     * {@link Fallbacks#safeReadJson(String)} on the default handler's executor.
     *
     * @param path the file name
     * @return the value, or null when nothing could be read
     */
    public static CompletableFuture<Object> asyncSafeReadJson(String path) {
        return Fallbacks.handler().async(h -> h.readJson(FilePaths.of(path))).thenApply(ReadResult::data);
    }

    /**
     * {@link Fallbacks#safeReadJsonLines(Path)} on the default handler's executor.
     *
     * @param path the file
     * @return the values, or null when nothing could be read
     */
    public static CompletableFuture<List<Object>> asyncSafeReadJsonLines(Path path) {
        return Fallbacks.handler().async(h -> h.readJsonLines(path)).thenApply(ReadResult::data);
    }

    /**
     * {@link Fallbacks#safeReadJsonLines(String)} on the default handler's executor.
     *
     * @param path the file name
     * @return the values, or null when nothing could be read
     */
    public static CompletableFuture<List<Object>> asyncSafeReadJsonLines(String path) {
        return Fallbacks.handler().async(h -> h.readJsonLines(FilePaths.of(path))).thenApply(ReadResult::data);
    }

    /**
     * {@link Fallbacks#safeReadCsv(Path)} on the default handler's executor.
     *
     * @param path the file
     * @return the rows, or null when nothing could be read
     */
    public static CompletableFuture<List<Map<String, String>>> asyncSafeReadCsv(Path path) {
        return Fallbacks.handler().async(h -> h.readCsv(path)).thenApply(ReadResult::data);
    }

    /**
     * {@link Fallbacks#safeReadCsv(String)} on the default handler's executor.
     *
     * @param path the file name
     * @return the rows, or null when nothing could be read
     */
    public static CompletableFuture<List<Map<String, String>>> asyncSafeReadCsv(String path) {
        return Fallbacks.handler().async(h -> h.readCsv(FilePaths.of(path))).thenApply(ReadResult::data);
    }

    /**
     * {@link Fallbacks#safeAppendJsonLines(Iterable, Path)} on the default handler's executor.
     *
     * @param records the records
     * @param path the file
     * @return true when the lines are in the file
     */
    public static CompletableFuture<Boolean> asyncSafeAppendJsonLines(Iterable<?> records, Path path) {
        return Fallbacks.handler().async(h -> h.appendJsonLines(records, path)).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeAppendJsonLines(Iterable, String)} on the default handler's executor.
     *
     * @param records the records
     * @param path the file name
     * @return true when the lines are in the file
     */
    public static CompletableFuture<Boolean> asyncSafeAppendJsonLines(Iterable<?> records, String path) {
        return Fallbacks.handler().async(h -> h.appendJsonLines(records, FilePaths.of(path))).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeUpdateJson(Path, UnaryOperator)} on the default handler's executor.
     *
     * @param path the file
     * @param function gets the current data and returns the new data
     * @return true when the file holds the new data; exceptionally if the function threw
     */
    public static CompletableFuture<Boolean> asyncSafeUpdateJson(Path path, UnaryOperator<Object> function) {
        return Fallbacks.handler().async(h -> h.update(path, Format.JSON, function)).thenApply(WriteResult::ok);
    }

    /**
     * {@link Fallbacks#safeUpdateJson(String, UnaryOperator)} on the default handler's executor.
     *
     * @param path the file name
     * @param function gets the current data and returns the new data
     * @return true when the file holds the new data; exceptionally if the function threw
     */
    public static CompletableFuture<Boolean> asyncSafeUpdateJson(String path, UnaryOperator<Object> function) {
        return Fallbacks.handler().async(h -> h.update(FilePaths.of(path), Format.JSON, function)).thenApply(WriteResult::ok);
    }
}

package io.hydralogger.fallbacks.internal.sanitize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The sanitiser's entry for the rest of the library: walks any value into a {@link ValueSink}
 * by the rules of {@code DataSanitizer}, with its own bounded per-class cache of how to take a
 * class apart (a handler's runtime holds one; a one-shot call makes a fresh one). Thread-safe.
 */
public final class Sanitizer {
    /** How many classes the cache holds at most. */
    public static final int CACHE_SIZE = ShapeCache.MAX_ENTRIES;

    final ShapeCache shapes = new ShapeCache();

    /** Makes a sanitiser with an empty cache. */
    public Sanitizer() {
        // the cache fills as classes are met
    }

    /**
     * Streams a value into a sink as events, without building a copy.
     *
     * @param value any value, may be null
     * @param sink where the events go
     */
    public void sanitizeTo(@Nullable Object value, ValueSink sink) {
        new Walker(shapes, sink).walk(value);
    }

    /**
     * A reusable sanitiser into one sink: for many values in a row (the records of a JSON Lines
     * file), cheaper than {@link #sanitizeTo(Object, ValueSink)} per value, since it remembers
     * the classes it met. Not thread-safe.
     *
     * @param sink where the events go
     * @return a consumer that streams each value it is given into the sink
     */
    public Consumer<Object> sanitizerTo(ValueSink sink) {
        return new Walker(shapes, sink)::walk;
    }

    /**
     * The elements of a value that is written as an array of its elements, for a writer that
     * splits them among threads.
     *
     * @param root the value
     * @return its elements, or null when it is written otherwise (an object, a scalar, a
     *     primitive array)
     */
    public @Nullable RootElements elementsOf(@Nullable Object root) {
        return RootElements.of(shapes, root);
    }

    /**
     * A reusable sanitiser for elements of {@code root} (see {@link #elementsOf(Object)}): each
     * element gives the events the walk of the whole root gives for it. Not thread-safe.
     *
     * @param root the value the elements belong to
     * @param sink where the events go
     * @return a consumer that streams each element it is given into the sink
     */
    public Consumer<Object> elementSanitizerTo(Object root, ValueSink sink) {
        Walker walker = new Walker(shapes, sink);
        walker.enterRoot(root);
        return walker::walk;
    }

    /**
     * A plain copy of a value: maps, lists, strings, numbers, booleans and null.
     *
     * @param value any value, may be null
     * @return the copy; null only for a null (or empty Optional) value
     */
    public @Nullable Object toTree(@Nullable Object value) {
        TreeSink tree = new TreeSink();
        sanitizeTo(value, tree);
        return tree.result();
    }

    /**
     * Flattens one record into a CSV row (formulas are not neutralised).
     *
     * @param record any value, may be null
     * @return column name to cell text, in first-seen order; every cell is a string, a null value
     *     the empty string (as a file holds it)
     */
    public Map<String, String> toCsvRow(@Nullable Object record) {
        CsvFlattener flattener = new CsvFlattener(this, false);
        flattener.flatten(record);
        List<String> columns = flattener.columns();
        String[] cells = flattener.row();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), cells[i] == null ? "" : cells[i]);
        }
        return row;
    }

    /** {@return how many classes the per-class cache holds now} */
    public int cacheSize() {
        return shapes.size();
    }

    /**
     * {@return how many times the per-class cache had the shape of a class asked for} A walk (one
     * write, one thread's appends) remembers the last four classes it met itself: a value of one
     * of those is not asked for again and not counted.
     */
    public long cacheHits() {
        return shapes.hits();
    }

    /** {@return how many times a class was taken apart because the per-class cache did not have it} */
    public long cacheMisses() {
        return shapes.misses();
    }

    /**
     * Empties the per-class cache and sets its hit and miss counts to zero; the next value of each
     * class is taken apart anew.
     */
    public void clearCache() {
        shapes.clear();
    }
}

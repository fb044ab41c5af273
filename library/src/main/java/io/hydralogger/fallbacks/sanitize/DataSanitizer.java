package io.hydralogger.fallbacks.sanitize;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Makes any Java value writable, so that no write ever fails on data.
 *
 * <p>JSON rules: strings, booleans and numbers stay as they are, except NaN and the infinities,
 * which become the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"};
 * {@code byte[]} and {@code ByteBuffer} become Base64 text; collections, iterables, iterators,
 * streams and arrays become arrays; maps become objects with string keys (a non-string key is
 * sanitised to text, null becomes {@code "null"}); {@code Optional} becomes its value or null;
 * enums their name; {@code java.time} values, {@code Date} and {@code Calendar} ISO-8601 text;
 * UUID, URI, URL, Path, File, Locale (its language tag), Currency, Charset, TimeZone and Pattern
 * text; records become objects of their components, other classes of their public getters and
 * fields (JDK classes excepted); a {@code Throwable} becomes {@code {type, message, cause}}.
 * A value met again inside itself becomes the marker {@code "[circular reference: <class>]"},
 * nesting past 500 levels {@code "[nesting deeper than 500]"}; anything else becomes its
 * {@code toString()}, or {@code "[unrepresentable <class>: <exception>]"} if that throws.
 * Jackson annotations are not consulted: the sanitiser's rules alone decide the shape.
 *
 * <p>CSV rules: see {@link CsvFlattener}.
 *
 * <p>How to take a class apart is worked out once per class and kept in a bounded cache
 * ({@value ShapeCache#MAX_ENTRIES} classes) shared by every writer of this JVM;
 * {@link #clearCache()} empties it. All methods are thread-safe.
 */
public final class DataSanitizer {
    static final ShapeCache SHAPES = new ShapeCache();

    private DataSanitizer() {
    }

    /**
     * Returns a plain copy of a value that Jackson writes as the JSON rules above say: made of
     * {@code LinkedHashMap<String, Object>}, {@code ArrayList}, {@code String}, {@code Long},
     * {@code Double}, {@code BigInteger}, {@code BigDecimal}, {@code Boolean} and null.
     *
     * @param value any value, may be null
     * @return the sanitised copy; null only for a null (or empty Optional) value
     */
    public static Object sanitizeForJson(Object value) {
        TreeSink tree = new TreeSink();
        sanitizeTo(value, tree);
        return tree.result();
    }

    /**
     * Flattens one record into a CSV row: column name to cell text, as {@link CsvFlattener}
     * does for a whole file (formulas are not neutralised here).
     *
     * @param record any value, may be null
     * @return the columns in first-seen order; a null cell is an empty one
     */
    public static Map<String, String> sanitizeForCsv(Object record) {
        CsvFlattener flattener = new CsvFlattener(false);
        flattener.flatten(record);
        List<String> columns = flattener.columns();
        String[] cells = flattener.row();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i), cells[i]);
        }
        return row;
    }

    /**
     * Streams a value into a sink as events, by the JSON rules above, without building a copy.
     *
     * @param value any value, may be null
     * @param sink where the events go
     */
    public static void sanitizeTo(Object value, ValueSink sink) {
        new Walker(SHAPES, sink).walk(value);
    }

    /**
     * A reusable sanitiser into one sink: for many values in a row (the records of a JSON Lines
     * file), cheaper than {@link #sanitizeTo(Object, ValueSink)} per value, since it remembers
     * the classes it met. Not thread-safe.
     *
     * @param sink where the events go
     * @return a consumer that streams each value it is given into the sink, by the JSON rules
     */
    public static Consumer<Object> sanitizerTo(ValueSink sink) {
        return new Walker(SHAPES, sink)::walk;
    }

    /** {@return how many classes the per-class cache holds now} */
    public static int cacheSize() {
        return SHAPES.size();
    }

    /** Empties the per-class cache; the next value of each class is taken apart anew. */
    public static void clearCache() {
        SHAPES.clear();
    }
}

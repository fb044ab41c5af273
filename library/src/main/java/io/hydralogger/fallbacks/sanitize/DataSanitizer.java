package io.hydralogger.fallbacks.sanitize;

import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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
 * <p>CSV rules: nested maps and objects are flattened to dotted column names ({@code data.nested}),
 * lists and other structures become compact JSON text in one cell, numbers are written as Java
 * prints them, booleans {@code true}/{@code false}, and null is an empty cell. The header of a
 * file is the union of all records' columns in first-seen order.
 *
 * <p>How to take a class apart is worked out once per class and kept in a bounded cache (4,096
 * classes). The static methods are one-shot calls with a cache of their own for that one value;
 * for many values, make a sanitiser with {@link #create()}, which keeps its cache between calls
 * (the handlers' writes use their runtime's). Thread-safe.
 */
public final class DataSanitizer {
    private final Sanitizer sanitizer = new Sanitizer();

    private DataSanitizer() {
    }

    /**
     * Makes a sanitiser that remembers, between calls, how it took each class apart: for many
     * values of the same classes.
     *
     * @return the sanitiser, with an empty cache
     */
    public static DataSanitizer create() {
        return new DataSanitizer();
    }

    /**
     * Returns a plain copy of a value that Jackson writes as the JSON rules above say: made of
     * {@code LinkedHashMap<String, Object>}, {@code ArrayList}, {@code String}, {@code Long},
     * {@code Double}, {@code BigInteger}, {@code BigDecimal}, {@code Boolean} and null.
     *
     * @param value any value, may be null
     * @return the sanitised copy; null only for a null (or empty Optional) value
     */
    public static @Nullable Object sanitizeForJson(@Nullable Object value) {
        return new Sanitizer().toTree(value);
    }

    /**
     * Flattens one record into a CSV row: column name to cell text, as a CSV write does for a
     * whole file (formulas are not neutralised here). Every cell is a string, as in the original
     * module: a null value is the empty string, a list its JSON text, a scalar record the one
     * column {@code value}.
     *
     * @param record any value, may be null
     * @return the columns in first-seen order, never a null cell; a null record is a row of no
     *     columns (an empty map)
     */
    public static Map<String, String> sanitizeForCsv(@Nullable Object record) {
        return new Sanitizer().toCsvRow(record);
    }

    /**
     * {@link #sanitizeForJson(Object)} with this sanitiser's cache.
     *
     * @param value any value, may be null
     * @return the sanitised copy
     */
    public @Nullable Object toJson(@Nullable Object value) {
        return sanitizer.toTree(value);
    }

    /**
     * {@link #sanitizeForCsv(Object)} with this sanitiser's cache.
     *
     * @param record any value, may be null
     * @return the columns in first-seen order, never a null cell
     */
    public Map<String, String> toCsv(@Nullable Object record) {
        return sanitizer.toCsvRow(record);
    }

    /** {@return how many classes this sanitiser's cache holds now} */
    public int cacheSize() {
        return sanitizer.cacheSize();
    }

    /** Empties this sanitiser's cache; the next value of each class is taken apart anew. */
    public void clearCache() {
        sanitizer.clearCache();
    }
}

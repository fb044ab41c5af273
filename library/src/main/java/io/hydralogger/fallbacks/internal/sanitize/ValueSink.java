package io.hydralogger.fallbacks.internal.sanitize;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Receives a sanitised value as a stream of events, the way a JSON generator does: the
 * sanitiser ({@link Sanitizer#sanitizeTo(Object, ValueSink)}) takes any Java value apart
 * and calls these methods, so a writer can stream it without building an intermediate copy.
 *
 * <p>Every value is exactly one scalar call or a balanced begin/end pair; inside an object each
 * value is preceded by {@link #name(String)}. Implementations need not be thread-safe.
 */
public interface ValueSink {

    /** Starts an object (a JSON object; a map, record or bean in Java). */
    void beginObject();

    /**
     * Names the next value inside the current object.
     *
     * @param name the key, never null
     */
    void name(String name);

    /** Ends the current object. */
    void endObject();

    /** Starts an array (a collection, array, iterator or stream in Java). */
    void beginArray();

    /** Ends the current array. */
    void endArray();

    /**
     * A text value.
     *
     * @param value never null
     */
    void string(String value);

    /**
     * An integral number that fits a {@code long}.
     *
     * @param value the number
     */
    void number(long value);

    /**
     * A finite floating-point number (NaN and infinities arrive as strings).
     *
     * @param value the number
     */
    void number(double value);

    /**
     * A big integral number.
     *
     * @param value never null
     */
    void number(BigInteger value);

    /**
     * A big decimal number.
     *
     * @param value never null
     */
    void number(BigDecimal value);

    /**
     * A boolean value.
     *
     * @param value the value
     */
    void bool(boolean value);

    /** A null (also {@code Optional.empty()}). */
    void nullValue();
}

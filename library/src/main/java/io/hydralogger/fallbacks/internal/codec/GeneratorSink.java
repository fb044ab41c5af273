package io.hydralogger.fallbacks.internal.codec;

import io.hydralogger.fallbacks.internal.sanitize.ValueSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import tools.jackson.core.JsonGenerator;

/**
 * Writes sanitiser events to a Jackson generator, counting the elements of a top-level array
 * (the records of a JSON file).
 */
final class GeneratorSink implements ValueSink {
    private final JsonGenerator generator;
    private int depth;
    private boolean rootIsArray;
    private long topLevelElements;

    GeneratorSink(JsonGenerator generator) {
        this.generator = generator;
    }

    /** {@return the elements of the root array written, or 1 for any other root value} */
    long records() {
        return rootIsArray ? topLevelElements : 1;
    }

    private void valueDone() {
        if (depth == 1) {
            topLevelElements++;
        }
    }

    @Override
    public void beginObject() {
        generator.writeStartObject();
        depth++;
    }

    @Override
    public void name(String name) {
        generator.writeName(wellFormed(name));
    }

    @Override
    public void endObject() {
        generator.writeEndObject();
        depth--;
        valueDone();
    }

    @Override
    public void beginArray() {
        if (depth == 0) {
            rootIsArray = true;
        }
        generator.writeStartArray();
        depth++;
    }

    @Override
    public void endArray() {
        generator.writeEndArray();
        depth--;
        valueDone();
    }

    @Override
    public void string(String value) {
        generator.writeString(wellFormed(value));
        valueDone();
    }

    @Override
    public void number(long value) {
        generator.writeNumber(value);
        valueDone();
    }

    @Override
    public void number(double value) {
        generator.writeNumber(value);
        valueDone();
    }

    @Override
    public void number(BigInteger value) {
        generator.writeNumber(value);
        valueDone();
    }

    @Override
    public void number(BigDecimal value) {
        generator.writeNumber(value);
        valueDone();
    }

    @Override
    public void bool(boolean value) {
        generator.writeBoolean(value);
        valueDone();
    }

    @Override
    public void nullValue() {
        generator.writeNull();
        valueDone();
    }

    /**
     * The text with every lone surrogate replaced by U+FFFD. Jackson writes a lone surrogate as
     * an escape that no JSON parser accepts, so one such character would make the whole file
     * unreadable; UTF-8 cannot carry it anyway.
     */
    static String wellFormed(String text) {
        int length = text.length();
        StringBuilder fixed = null;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            boolean paired = Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                i++;
                continue;
            }
            if (fixed == null) {
                fixed = new StringBuilder(text);
            }
            fixed.setCharAt(i, '\uFFFD');
        }
        return fixed == null ? text : fixed.toString();
    }
}

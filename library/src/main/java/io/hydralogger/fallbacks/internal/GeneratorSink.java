package io.hydralogger.fallbacks.internal;

import io.hydralogger.fallbacks.sanitize.ValueSink;
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
        generator.writeName(name);
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
        generator.writeString(value);
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
}

package io.hydralogger.fallbacks.internal.sanitize;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds plain Java values (LinkedHashMap, ArrayList, String, Long, Double, ...) from events. */
final class TreeSink implements ValueSink {
    private final Deque<Object> containers = new ArrayDeque<>();
    private final Deque<String> names = new ArrayDeque<>();
    private @Nullable Object result;

    @Nullable Object result() {
        return result;
    }

    @Override
    public void beginObject() {
        containers.push(new LinkedHashMap<String, Object>());
    }

    @Override
    public void name(String name) {
        names.push(name);
    }

    @Override
    public void endObject() {
        add(containers.pop());
    }

    @Override
    public void beginArray() {
        containers.push(new ArrayList<>());
    }

    @Override
    public void endArray() {
        add(containers.pop());
    }

    @Override
    public void string(String value) {
        add(value);
    }

    @Override
    public void number(long value) {
        add(value);
    }

    @Override
    public void number(double value) {
        add(value);
    }

    @Override
    public void number(BigInteger value) {
        add(value);
    }

    @Override
    public void number(BigDecimal value) {
        add(value);
    }

    @Override
    public void bool(boolean value) {
        add(value);
    }

    @Override
    public void nullValue() {
        add(null);
    }

    @SuppressWarnings("unchecked")
    private void add(@Nullable Object value) {
        Object parent = containers.peek();
        if (parent == null) {
            result = value;
        } else if (parent instanceof Map) {
            ((Map<String, Object>) parent).put(names.pop(), value);
        } else {
            ((List<Object>) parent).add(value);
        }
    }
}

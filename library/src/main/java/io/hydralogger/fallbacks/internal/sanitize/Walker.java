package io.hydralogger.fallbacks.internal.sanitize;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.BaseStream;
import org.jspecify.annotations.Nullable;

/**
 * Takes one value apart into {@link ValueSink} events by the rules of {@code DataSanitizer}.
 * One walker serves one value at a time (not thread-safe); the shape cache it uses is shared.
 */
final class Walker {
    /** Nesting deeper than this becomes a marker string (Jackson refuses to write past 1000). */
    static final int MAX_DEPTH = 500;

    /** Marks the end of an iteration (a value no caller can hand in). */
    private static final Map.Entry<Object, Object> NO_MORE = Map.entry(Walker.class, Walker.class);

    /** How many recently seen classes a walker remembers before asking the shared cache. */
    private static final int RECENT = 4;

    private final ShapeCache cache;
    private final ValueSink sink;
    /**
     * The last classes met and their shapes, tried before the shared cache: records of one shape
     * meet the same few container classes over and over, and a look-up in the shared map was the
     * largest single cost of streaming them (a class's shape never changes, so these never go
     * stale; clearing the shared cache still takes effect for the next walker).
     */
    private final Class<?>[] recentTypes = new Class<?>[RECENT];
    private final Shape[] recentShapes = new Shape[RECENT];
    private int nextRecent;
    /** The containers on the path from the root to the current value, for cycle detection. */
    private Object[] path = new Object[16];
    private int depth;

    Walker(ShapeCache cache, ValueSink sink) {
        this.cache = cache;
        this.sink = sink;
    }

    /**
     * Makes this walker walk the elements of {@code root} as the walk of {@code root} itself
     * would: one level down, with the root on the path (an element that contains the root
     * becomes a circular-reference marker). For the chunks of a write on several threads.
     */
    void enterRoot(Object root) {
        path[depth++] = root;
    }

    /** {@return the element written in place of the rest when iterating a collection fails} */
    static String iterationFailed(RuntimeException e) {
        return "[iteration failed: " + e.getClass().getName() + "]";
    }

    void walk(@Nullable Object value) {
        if (value == null) {
            sink.nullValue();
            return;
        }
        Class<?> type = value.getClass();
        // the common final classes first, without a cache lookup
        if (type == String.class) {
            sink.string((String) value);
        } else if (type == Integer.class) {
            sink.number(((Integer) value).longValue());
        } else if (type == Long.class) {
            sink.number((Long) value);
        } else if (type == Double.class) {
            writeDouble((Double) value);
        } else if (type == Boolean.class) {
            sink.bool((Boolean) value);
        } else {
            walk(value, shapeOf(type));
        }
    }

    private Shape shapeOf(Class<?> type) {
        for (int i = 0; i < RECENT; i++) {
            if (recentTypes[i] == type) {
                return recentShapes[i];
            }
        }
        Shape shape = cache.shapeOf(type);
        recentTypes[nextRecent] = type;
        recentShapes[nextRecent] = shape;
        nextRecent = (nextRecent + 1) % RECENT;
        return shape;
    }

    private void walk(Object value, Shape shape) {
        switch (shape.kind) {
            case STRING, CHAR, TEXT -> sink.string(value.toString());
            case BOOLEAN -> sink.bool((Boolean) value);
            case INTEGRAL -> sink.number(((Number) value).longValue());
            case DOUBLE, FLOAT -> writeDouble(((Number) value).doubleValue());
            case BIG_INTEGER -> sink.number((BigInteger) value);
            case BIG_DECIMAL -> sink.number((BigDecimal) value);
            case OTHER_NUMBER -> writeDouble(((Number) value).doubleValue());
            case ENUM -> sink.string(((Enum<?>) value).name());
            case TEMPORAL -> sink.string(value.toString());
            case ZONED_DATE_TIME -> sink.string(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((ZonedDateTime) value));
            case DATE -> sink.string(java.time.Instant.ofEpochMilli(((Date) value).getTime()).toString());
            case CALENDAR -> sink.string(((Calendar) value).toInstant().toString());
            case LOCALE -> sink.string(((Locale) value).toLanguageTag());
            case CHARSET -> sink.string(((Charset) value).name());
            case BYTES -> sink.string(Base64.getEncoder().encodeToString((byte[]) value));
            case BYTE_BUFFER -> writeByteBuffer((ByteBuffer) value);
            case CHAR_ARRAY -> sink.string(new String((char[]) value));
            case OPTIONAL -> walk(((Optional<?>) value).orElse(null));
            case OPTIONAL_PRIMITIVE -> writeOptionalPrimitive(value);
            case MAP, ITERABLE, ITERATOR, STREAM, OBJECT_ARRAY, PRIMITIVE_ARRAY, THROWABLE, PROPERTIES ->
                    walkContainer(value, shape);
            default -> sink.string(safeToString(value));
        }
    }

    private void walkContainer(Object value, Shape shape) {
        for (int i = 0; i < depth; i++) {
            if (path[i] == value) {
                sink.string("[circular reference: " + value.getClass().getName() + "]");
                return;
            }
        }
        if (depth >= MAX_DEPTH) {
            sink.string("[nesting deeper than " + MAX_DEPTH + "]");
            return;
        }
        if (depth == path.length) {
            path = java.util.Arrays.copyOf(path, depth * 2);
        }
        path[depth++] = value;
        try {
            switch (shape.kind) {
                case MAP -> writeMap((Map<?, ?>) value);
                case ITERABLE -> writeIterator(((Iterable<?>) value).iterator());
                case ITERATOR -> writeIterator((Iterator<?>) value);
                case STREAM -> writeStream((BaseStream<?, ?>) value);
                case OBJECT_ARRAY -> writeObjectArray((Object[]) value);
                case PRIMITIVE_ARRAY -> writePrimitiveArray(value);
                case THROWABLE -> writeThrowable((Throwable) value);
                default -> writeProperties(value, shape);
            }
        } finally {
            path[--depth] = null;
        }
    }

    private void writeMap(Map<?, ?> map) {
        sink.beginObject();
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        for (Map.Entry<?, ?> entry = next(entries, true); entry != NO_MORE; entry = next(entries, true)) {
            sink.name(keyText(entry.getKey()));
            walk(entry.getValue());
        }
        sink.endObject();
    }

    private void writeIterator(Iterator<?> iterator) {
        sink.beginArray();
        for (Object element = next(iterator, false); element != NO_MORE; element = next(iterator, false)) {
            walk(element);
        }
        sink.endArray();
    }

    /**
     * The next element, or {@link #NO_MORE}. A collection that fails while being iterated (a
     * concurrent modification, a lazy source that throws) ends with a marker element instead of
     * failing the write; failures of the sink itself still propagate.
     */
    @SuppressWarnings("unchecked")
    private <T> T next(Iterator<T> iterator, boolean inObject) {
        try {
            return iterator.hasNext() ? iterator.next() : (T) NO_MORE;
        } catch (RuntimeException e) {
            if (inObject) {
                sink.name("[iteration failed]");
            }
            sink.string(iterationFailed(e));
            return (T) NO_MORE;
        }
    }

    private void writeStream(BaseStream<?, ?> stream) {
        try (stream) {
            writeIterator(stream.iterator());
        }
    }

    private void writeObjectArray(Object[] array) {
        sink.beginArray();
        for (Object element : array) {
            walk(element);
        }
        sink.endArray();
    }

    private void writePrimitiveArray(Object array) {
        sink.beginArray();
        int length = Array.getLength(array);
        if (array instanceof int[] ints) {
            for (int v : ints) {
                sink.number(v);
            }
        } else if (array instanceof long[] longs) {
            for (long v : longs) {
                sink.number(v);
            }
        } else if (array instanceof double[] doubles) {
            for (double v : doubles) {
                writeDouble(v);
            }
        } else {
            for (int i = 0; i < length; i++) {
                walk(Array.get(array, i));
            }
        }
        sink.endArray();
    }

    private void writeThrowable(Throwable throwable) {
        sink.beginObject();
        sink.name("type");
        sink.string(throwable.getClass().getName());
        sink.name("message");
        String message = safeMessage(throwable);
        if (message == null) {
            sink.nullValue();
        } else {
            sink.string(message);
        }
        Throwable cause = throwable.getCause();
        if (cause != null && cause != throwable) {
            sink.name("cause");
            walk(cause);
        }
        sink.endObject();
    }

    private void writeProperties(Object bean, Shape shape) {
        sink.beginObject();
        for (Shape.Property property : shape.properties) {
            sink.name(property.name());
            Object propertyValue;
            try {
                propertyValue = (Object) property.getter().invokeExact(bean);
            } catch (Throwable e) {
                sink.string("[unreadable: " + e.getClass().getName() + "]");
                continue;
            }
            walk(propertyValue);
        }
        sink.endObject();
    }

    private void writeDouble(double value) {
        if (Double.isFinite(value)) {
            sink.number(value);
        } else if (Double.isNaN(value)) {
            sink.string("NaN");
        } else {
            sink.string(value > 0 ? "Infinity" : "-Infinity");
        }
    }

    private void writeByteBuffer(ByteBuffer buffer) {
        ByteBuffer view = buffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        sink.string(Base64.getEncoder().encodeToString(bytes));
    }

    private void writeOptionalPrimitive(Object optional) {
        if (optional instanceof OptionalInt o) {
            if (o.isPresent()) {
                sink.number(o.getAsInt());
            } else {
                sink.nullValue();
            }
        } else if (optional instanceof OptionalDouble o) {
            if (o.isPresent()) {
                writeDouble(o.getAsDouble());
            } else {
                sink.nullValue();
            }
        } else {
            java.util.OptionalLong o = (java.util.OptionalLong) optional;
            if (o.isPresent()) {
                sink.number(o.getAsLong());
            } else {
                sink.nullValue();
            }
        }
    }

    private String keyText(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key == null) {
            return "null";
        }
        TreeSink scalar = new TreeSink();
        Walker keyWalker = new Walker(cache, scalar);
        keyWalker.walk(key);
        Object text = scalar.result();
        return text instanceof String s ? s : String.valueOf(text);
    }

    static String safeToString(Object value) {
        try {
            String text = value.toString();
            return text != null ? text : "[null toString: " + value.getClass().getName() + "]";
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            return "[unrepresentable " + value.getClass().getName() + ": " + e.getClass().getName() + "]";
        }
    }

    private static @Nullable String safeMessage(Throwable throwable) {
        try {
            return throwable.getMessage();
        } catch (RuntimeException e) {
            return "[unreadable message: " + e.getClass().getName() + "]";
        }
    }
}

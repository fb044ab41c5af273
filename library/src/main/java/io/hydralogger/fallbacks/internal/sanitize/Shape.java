package io.hydralogger.fallbacks.internal.sanitize;

import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * How the sanitiser takes apart one class: computed once per class by {@link ShapeCache} and
 * then reused, which is what makes repeated writes of same-shaped records fast.
 */
final class Shape {

    /** What a class is, as far as sanitising goes. */
    enum Kind {
        STRING, CHAR, BOOLEAN, INTEGRAL, DOUBLE, FLOAT, BIG_INTEGER, BIG_DECIMAL, OTHER_NUMBER,
        MAP, ITERABLE, ITERATOR, STREAM, OBJECT_ARRAY, PRIMITIVE_ARRAY, CHAR_ARRAY, BYTES,
        BYTE_BUFFER, OPTIONAL, OPTIONAL_PRIMITIVE, ENUM, TEMPORAL, ZONED_DATE_TIME, DATE, CALENDAR,
        LOCALE, CHARSET, TEXT, PROPERTIES, THROWABLE, OTHER
    }

    /**
     * One readable property of a record or bean.
     *
     * @param name the key it is written under
     * @param getter a handle of type {@code (Object)Object}
     */
    record Property(String name, MethodHandle getter) {
    }

    final Kind kind;
    final List<Property> properties;

    Shape(Kind kind) {
        this(kind, List.of());
    }

    Shape(Kind kind, List<Property> properties) {
        this.kind = kind;
        this.properties = properties;
    }
}

package io.hydralogger.fallbacks.internal.sanitize;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import java.util.stream.BaseStream;
import org.jspecify.annotations.Nullable;

/**
 * The bounded per-class cache of {@link Shape}s. Taking a class apart (reflection over record
 * components, getters and fields) is the expensive part of sanitising an unknown object; it is
 * done once per class. The cache holds at most {@link #MAX_ENTRIES} classes: when full it is
 * emptied and refilled, so a program that makes classes at run time cannot grow it without
 * bound. It counts its look-ups: hits (a class found) and misses (a class taken apart), since it
 * was made or last {@link #clear() cleared}. Thread-safe.
 */
final class ShapeCache {
    /** The most classes kept at once. */
    static final int MAX_ENTRIES = 4096;

    private static final MethodType GETTER_TYPE = MethodType.methodType(Object.class, Object.class);

    private final ConcurrentHashMap<Class<?>, Shape> shapes = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    Shape shapeOf(Class<?> type) {
        Shape shape = shapes.get(type);
        if (shape != null) {
            hits.increment();
        } else {
            misses.increment();
            shape = classify(type);
            if (shapes.size() >= MAX_ENTRIES) {
                shapes.clear();
            }
            shapes.put(type, shape);
        }
        return shape;
    }

    int size() {
        return shapes.size();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    /** Empties the cache and sets its hit and miss counts back to zero. */
    void clear() {
        shapes.clear();
        hits.reset();
        misses.reset();
    }

    static Shape classify(Class<?> type) {
        Shape.Kind simple = simpleKind(type);
        if (simple != null) {
            return new Shape(simple);
        }
        if (type.isRecord()) {
            List<Shape.Property> properties = recordProperties(type);
            return properties == null ? new Shape(Shape.Kind.OTHER) : new Shape(Shape.Kind.PROPERTIES, properties);
        }
        if (!isPlatformClass(type)) {
            List<Shape.Property> properties = beanProperties(type);
            if (!properties.isEmpty()) {
                return new Shape(Shape.Kind.PROPERTIES, properties);
            }
        }
        return new Shape(Shape.Kind.OTHER);
    }

    private static Shape.@Nullable Kind simpleKind(Class<?> type) {
        if (CharSequence.class.isAssignableFrom(type)) {
            return Shape.Kind.STRING;
        }
        if (type == Character.class) {
            return Shape.Kind.CHAR;
        }
        if (type == Boolean.class) {
            return Shape.Kind.BOOLEAN;
        }
        if (Number.class.isAssignableFrom(type)) {
            return numberKind(type);
        }
        if (type.isArray()) {
            Class<?> component = type.getComponentType();
            if (component == byte.class) {
                return Shape.Kind.BYTES;
            }
            if (component == char.class) {
                return Shape.Kind.CHAR_ARRAY;
            }
            return component.isPrimitive() ? Shape.Kind.PRIMITIVE_ARRAY : Shape.Kind.OBJECT_ARRAY;
        }
        if (type.isEnum() || (type.getSuperclass() != null && type.getSuperclass().isEnum())) {
            return Shape.Kind.ENUM;
        }
        if (ByteBuffer.class.isAssignableFrom(type)) {
            return Shape.Kind.BYTE_BUFFER;
        }
        if (type == Optional.class) {
            return Shape.Kind.OPTIONAL;
        }
        if (type == OptionalInt.class || type == OptionalLong.class || type == OptionalDouble.class) {
            return Shape.Kind.OPTIONAL_PRIMITIVE;
        }
        if (ZonedDateTime.class == type) {
            return Shape.Kind.ZONED_DATE_TIME;
        }
        if (TemporalAccessor.class.isAssignableFrom(type) || TemporalAmount.class.isAssignableFrom(type)
                || ZoneId.class.isAssignableFrom(type)) {
            return Shape.Kind.TEMPORAL;
        }
        if (Date.class.isAssignableFrom(type)) {
            return Shape.Kind.DATE;
        }
        if (Calendar.class.isAssignableFrom(type)) {
            return Shape.Kind.CALENDAR;
        }
        if (type == Locale.class) {
            return Shape.Kind.LOCALE;
        }
        if (Charset.class.isAssignableFrom(type)) {
            return Shape.Kind.CHARSET;
        }
        if (Path.class.isAssignableFrom(type) || type == UUID.class || type == URI.class || type == URL.class
                || type == Currency.class || type == File.class || type == Pattern.class
                || TimeZone.class.isAssignableFrom(type) || InetAddress.class.isAssignableFrom(type)) {
            return Shape.Kind.TEXT;
        }
        if (Throwable.class.isAssignableFrom(type)) {
            return Shape.Kind.THROWABLE;
        }
        if (Map.class.isAssignableFrom(type)) {
            return Shape.Kind.MAP;
        }
        if (Iterable.class.isAssignableFrom(type)) {
            return Shape.Kind.ITERABLE;
        }
        if (Iterator.class.isAssignableFrom(type)) {
            return Shape.Kind.ITERATOR;
        }
        if (BaseStream.class.isAssignableFrom(type)) {
            return Shape.Kind.STREAM;
        }
        return null;
    }

    private static Shape.Kind numberKind(Class<?> type) {
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == java.util.concurrent.atomic.AtomicInteger.class
                || type == java.util.concurrent.atomic.AtomicLong.class
                || type == java.util.concurrent.atomic.LongAdder.class) {
            return Shape.Kind.INTEGRAL;
        }
        if (type == Double.class) {
            return Shape.Kind.DOUBLE;
        }
        if (type == Float.class) {
            return Shape.Kind.FLOAT;
        }
        if (BigInteger.class.isAssignableFrom(type)) {
            return Shape.Kind.BIG_INTEGER;
        }
        if (BigDecimal.class.isAssignableFrom(type)) {
            return Shape.Kind.BIG_DECIMAL;
        }
        return Shape.Kind.OTHER_NUMBER;
    }

    private static boolean isPlatformClass(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    /** Returns null when a component cannot be read (a class of a module that does not open it). */
    private static @Nullable List<Shape.Property> recordProperties(Class<?> type) {
        List<Shape.Property> properties = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            MethodHandle getter = getterHandle(component.getAccessor());
            if (getter == null) {
                return null;
            }
            properties.add(new Shape.Property(component.getName(), getter));
        }
        return List.copyOf(properties);
    }

    /**
     * Public no-argument getters ({@code getX}, {@code isX} for booleans) and public fields, in
     * the order their fields are declared (superclass first), then by name.
     */
    private static List<Shape.Property> beanProperties(Class<?> type) {
        Map<String, MethodHandle> found = new HashMap<>();
        for (Method method : type.getMethods()) {
            String property = propertyName(method);
            if (property != null && !found.containsKey(property)) {
                MethodHandle getter = getterHandle(method);
                if (getter != null) {
                    found.put(property, getter);
                }
            }
        }
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !found.containsKey(field.getName())) {
                MethodHandle getter = fieldHandle(field);
                if (getter != null) {
                    found.put(field.getName(), getter);
                }
            }
        }
        Map<String, Integer> declarationOrder = declarationOrder(type);
        List<String> names = new ArrayList<>(found.keySet());
        names.sort(Comparator.<String>comparingInt(n -> declarationOrder.getOrDefault(n, Integer.MAX_VALUE))
                .thenComparing(Comparator.naturalOrder()));
        List<Shape.Property> properties = new ArrayList<>(names.size());
        for (String name : names) {
            properties.add(new Shape.Property(name, Objects.requireNonNull(found.get(name))));
        }
        return List.copyOf(properties);
    }

    private static @Nullable String propertyName(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
                || method.getReturnType() == void.class || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2
                && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    /** The JavaBeans rule: "URL" stays "URL", "Name" becomes "name". */
    private static String decapitalize(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<String, Integer> declarationOrder(Class<?> type) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        Map<String, Integer> order = new HashMap<>();
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                order.putIfAbsent(field.getName(), order.size());
            }
        }
        return order;
    }

    private static @Nullable MethodHandle getterHandle(Method method) {
        try {
            if (!method.trySetAccessible()) {
                return null;
            }
            return MethodHandles.lookup().unreflect(method).asType(GETTER_TYPE);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    private static @Nullable MethodHandle fieldHandle(Field field) {
        try {
            if (!field.trySetAccessible()) {
                return null;
            }
            return MethodHandles.lookup().unreflectGetter(field).asType(GETTER_TYPE);
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }
}

package io.hydralogger.fallbacks.appender;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reads the option names of configuration files into enum constants. */
final class Names {
    private Names() {
    }

    /** The constant named by {@code text} (any case, {@code -} for {@code _}), or a clear error. */
    static <E extends Enum<E>> E parse(Class<E> type, String text) {
        Objects.requireNonNull(text, "the value must not be null");
        String name = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")));
    }
}

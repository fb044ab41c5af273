package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.format.Format;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Turns option values into the library's types, with the tool's own error words (picocli reports
 * them as usage errors, exit 2; {@link Main} prints the words given here). Enum names are read
 * without regard to case, and {@code -} stands for {@code _}.
 */
final class Converters {
    private Converters() {
    }

    /** {@code --format}, {@code --from}, {@code --to}: the names of {@link Format#parse(String)}. */
    static final class FormatConverter implements ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --policy}: a {@link RecoveryPolicy} by name. */
    static final class PolicyConverter extends EnumConverter<RecoveryPolicy> {
        PolicyConverter() {
            super(RecoveryPolicy.class, "policy");
        }
    }

    /**
     * An enum constant by its name in any case, {@code -} for {@code _}; an unknown name is
     * "unknown WHAT 'name': expected a, b or c".
     *
     * @param <E> the enum
     */
    abstract static class EnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
        private final Class<E> type;
        private final String what;

        EnumConverter(Class<E> type, String what) {
            this.type = type;
            this.what = what;
        }

        @Override
        public E convert(String value) {
            String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            String last = names.remove(names.size() - 1);
            throw new TypeConversionException("unknown " + what + " '" + value + "': expected "
                    + (names.isEmpty() ? last : String.join(", ", names) + " or " + last));
        }
    }

    /** {@code --delimiter}: one character, or tab, comma, semicolon, pipe by name. */
    static final class DelimiterConverter implements ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            char c = switch (value.toLowerCase(Locale.ROOT)) {
                case "tab", "\\t" -> '\t';
                case "comma" -> ',';
                case "semicolon" -> ';';
                case "pipe", "bar" -> '|';
                default -> {
                    if (value.length() != 1) {
                        throw new TypeConversionException("a delimiter is one character (or tab, comma, semicolon): '"
                                + value + "'");
                    }
                    yield value.charAt(0);
                }
            };
            if (c == '"' || c == '\n' || c == '\r') {
                throw new TypeConversionException("a delimiter cannot be a quote or a line break");
            }
            return c;
        }
    }

    /** {@code --charset}: a charset the JVM knows, by any of its names. */
    static final class CharsetConverter implements ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            try {
                return Charset.forName(value);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                throw new TypeConversionException("unknown charset '" + value + "'");
            }
        }
    }
}

package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandlerBuilder;
import io.hydralogger.fallbacks.format.Dialect;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --delimiter} and {@code --charset}: how CSV and TSV files are written out (a picocli mixin). */
final class DialectOptions {
    @Option(names = "--delimiter", paramLabel = "C", description = {"The field delimiter of CSV files: one"
            + " character, or tab, comma, semicolon (default: a comma; TSV files are always tab-separated)."})
    String delimiter;

    @Option(names = "--charset", paramLabel = "NAME", description = {"The charset of CSV and TSV files without a"
            + " byte order mark, e.g. ISO-8859-1, windows-1252 (default UTF-8; a byte order mark always decides)."})
    String charset;

    /** {@return the dialect the options name} */
    Dialect dialect() {
        Dialect dialect = Dialect.CSV;
        if (delimiter != null) {
            dialect = dialect.withDelimiter(delimiterChar());
        }
        if (charset != null) {
            dialect = dialect.withCharset(charsetNamed());
        }
        return dialect;
    }

    /** {@return the builder with the options applied} */
    FallbackHandlerBuilder apply(FallbackHandlerBuilder builder) {
        Dialect dialect = dialect();
        return builder.csvDelimiter(dialect.delimiter()).charset(dialect.charset());
    }

    private char delimiterChar() {
        String name = delimiter.toLowerCase(Locale.ROOT);
        char c = switch (name) {
            case "tab", "\\t" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "pipe", "bar" -> '|';
            default -> {
                if (delimiter.length() != 1) {
                    throw new CliException(Main.ERROR, "a delimiter is one character (or tab, comma, semicolon): '"
                            + delimiter + "'");
                }
                yield delimiter.charAt(0);
            }
        };
        if (c == '"' || c == '\n' || c == '\r') {
            throw new CliException(Main.ERROR, "a delimiter cannot be a quote or a line break");
        }
        return c;
    }

    private Charset charsetNamed() {
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new CliException(Main.ERROR, "unknown charset '" + charset + "'");
        }
    }
}

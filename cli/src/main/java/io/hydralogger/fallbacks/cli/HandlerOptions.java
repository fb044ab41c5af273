package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.FallbackHandlerBuilder;
import io.hydralogger.fallbacks.format.Dialect;
import java.nio.charset.Charset;
import picocli.CommandLine.Option;

/**
 * The options that configure the library for a command (a picocli mixin): {@code --delimiter}
 * and {@code --charset}, how CSV and TSV files are written out. The one place the tool makes a
 * {@link FallbackHandler} for a command that reads or writes user files.
 */
final class HandlerOptions {
    @Option(names = "--delimiter", paramLabel = "C", converter = Converters.DelimiterConverter.class,
            description = {"The field delimiter of CSV files: one character, or tab, comma, semicolon"
                + " (default: a comma; TSV files are always tab-separated)."})
    Character delimiter;

    @Option(names = "--charset", paramLabel = "NAME", converter = Converters.CharsetConverter.class,
            description = {"The charset of CSV and TSV files without a byte order mark, e.g. ISO-8859-1,"
                + " windows-1252 (default UTF-8; a byte order mark always decides)."})
    Charset charset;

    /** {@return the dialect the options name} */
    Dialect dialect() {
        Dialect dialect = Dialect.CSV;
        if (delimiter != null) {
            dialect = dialect.withDelimiter(delimiter);
        }
        if (charset != null) {
            dialect = dialect.withCharset(charset);
        }
        return dialect;
    }

    /** {@return a builder of a handler with the options applied, for a command that adds its own} */
    FallbackHandlerBuilder builder() {
        Dialect dialect = dialect();
        return FallbackHandler.builder().csvDelimiter(dialect.delimiter()).charset(dialect.charset());
    }

    /** {@return a handler with the options applied} */
    FallbackHandler handler() {
        return builder().build();
    }
}

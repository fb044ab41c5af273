package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.format.Format;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format}: the format of a command's files, when their extension does not say it (a picocli mixin). */
final class FormatOption {
    @Option(names = "--format", paramLabel = "F", converter = Converters.FormatConverter.class,
            description = "The format: json, jsonl, csv or tsv (default: by the file's extension).")
    Format format;

    /**
     * {@return the format of a file: the one named by the option, or its extension's}
     *
     * @param file the file
     */
    Format of(Path file) {
        return orOf(format, file);
    }

    /**
     * {@return a format named on the command line, or else the one a file's extension says}
     *
     * @param named the format given, or null
     * @param file the file
     */
    static Format orOf(Format named, Path file) {
        return named != null ? named : Format.of(file);
    }
}

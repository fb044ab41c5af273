package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.format.Format;
import java.nio.file.Path;

/** The format of a file on the command line: the one named by an option, or its extension's. */
final class Formats {
    private Formats() {
    }

    /**
     * Resolves a file's format.
     *
     * @param file the file
     * @param named the format given on the command line, or null
     * @return the format
     * @throws CliException (exit 2) if the name is not a format
     */
    static Format of(Path file, String named) {
        if (named == null) {
            return Format.of(file);
        }
        try {
            return Format.parse(named);
        } catch (IllegalArgumentException e) {
            throw new CliException(Main.ERROR, e.getMessage());
        }
    }
}

package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The file a command writes ({@code convert}'s OUT, {@code recover -o}): checked before any
 * record is read, so that a name the tool cannot place is a usage error and not a file in a
 * format nobody asked for or a folder made on the way.
 */
final class OutputFile {
    /** The extensions that tell a format; the library takes any other for JSON, the tool asks. */
    private static final List<String> EXTENSIONS = List.of(".json", ".jsonl", ".ndjson", ".csv", ".tsv");

    private OutputFile() {
    }

    /**
     * The format to write a file in: the one named by an option, else the one its extension
     * tells.
     *
     * @param file the file
     * @param named the format named on the command line, or null
     * @param option the option that names it, for the error; null when the command has none
     * @return the format
     * @throws CliException (exit 2) when no format is named and the extension tells none
     */
    static Format format(Path file, Format named, String option) {
        if (named != null) {
            return named;
        }
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            throw new CliException(Main.ERROR, "cannot tell the format of " + file + " from its name: "
                    + (option == null ? "" : "give it with " + option + " (json, jsonl, csv or tsv) or ")
                    + "use the extension .json, .jsonl, .ndjson, .csv or .tsv");
        }
        return Format.of(file);
    }

    /**
     * Checks that a file can be placed: its folder exists (the tool makes no folder on the way).
     *
     * @param file the file to write
     * @throws CliException (exit 2) when its folder is missing or is not a folder
     */
    static void checkFolder(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        throw new CliException(Main.ERROR, (Files.exists(folder) ? "not a folder: " : "no such folder: ") + folder
                + " (the folder of " + file + "; the tool does not make folders)");
    }

    /**
     * {@return what to add to the line that reports a write: that its durability is not known,
     * when the folder could not be forced after the rename (the library's log line says why)}
     *
     * @param result the write
     */
    static String durabilityNote(WriteResult result) {
        return result.durabilityUnknown()
                ? "; written, but whether it survives a power loss is not known (the folder could not be forced to"
                        + " disk; --verbose shows why)"
                : "";
    }

    /**
     * {@return the failure of a write, in one line, with its cause kept for --verbose}
     *
     * @param file the file that could not be written
     * @param result the failed write
     */
    static CliException failed(Path file, WriteResult result) {
        return new CliException(Main.ERROR, "could not write " + file + ": "
                + result.error().map(Errors::describe).orElse("unknown error")
                + result.fallback().map(f -> "; the records are in " + f).orElse(""), result.error().orElse(null));
    }
}

package io.hydralogger.fallbacks.format;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** The file formats this library reads and writes. */
public enum Format {
    /** One JSON value per file; a list of records is a JSON array ({@code .json}). */
    JSON,
    /** One JSON value per line, newline-terminated ({@code .jsonl}, {@code .ndjson}). */
    JSON_LINES,
    /** Comma-separated values with a header row, RFC 4180 quoting ({@code .csv}). */
    CSV,
    /** Tab-separated values with a header row, quoted as CSV is ({@code .tsv}). */
    TSV;

    /**
     * Parses a format name: {@code json}, {@code json_array}, {@code json_lines}, {@code jsonl},
     * {@code ndjson}, {@code csv} or {@code tsv}, in any case; a dash may stand for the underscore.
     *
     * @param name the name
     * @return the format
     * @throws IllegalArgumentException if the name is not one of those
     */
    public static Format parse(String name) {
        Objects.requireNonNull(name, "name must not be null");
        switch (name.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "json":
            case "json_array":
                return JSON;
            case "json_lines":
            case "jsonl":
            case "ndjson":
                return JSON_LINES;
            case "csv":
                return CSV;
            case "tsv":
                return TSV;
            default:
                throw new IllegalArgumentException("unknown format '" + name
                        + "': expected json, json_array, json_lines, jsonl, ndjson, csv or tsv");
        }
    }

    /**
     * Chooses the format by a file's extension: {@code .jsonl} and {@code .ndjson} are JSON Lines,
     * {@code .csv} is CSV, {@code .tsv} is TSV, anything else (including {@code .json}) is JSON.
     *
     * @param path the file
     * @return the format its name suggests
     */
    public static Format of(Path path) {
        Objects.requireNonNull(path, "path must not be null");
        Path name = path.getFileName();
        String file = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (file.endsWith(".jsonl") || file.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (file.endsWith(".csv")) {
            return CSV;
        }
        if (file.endsWith(".tsv")) {
            return TSV;
        }
        return JSON;
    }

    /** {@return whether the format is delimited text with a header row (CSV or TSV)} */
    public boolean delimited() {
        return this == CSV || this == TSV;
    }

    /** {@return the lower-case name used in reports and on the command line} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

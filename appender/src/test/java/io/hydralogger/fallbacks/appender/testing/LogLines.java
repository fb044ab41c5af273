package io.hydralogger.fallbacks.appender.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads log files the way a log shipper does: one JSON object per line, and fails on any line
 * that is not one (a torn, glued or empty line), naming the file and line.
 */
public final class LogLines {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {
    };

    private LogLines() {
    }

    /**
     * Reads every line of a file as a JSON object.
     *
     * @param file the file
     * @return the records, in file order
     * @throws IOException if the file cannot be read
     * @throws AssertionError if a line is not a whole JSON object, or the file does not end with a newline
     */
    public static List<Map<String, Object>> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError(file + " does not end with a newline: its last line is torn");
        }
        List<Map<String, Object>> records = new ArrayList<>();
        if (text.isEmpty()) {
            return records;
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                records.add(MAPPER.readValue(lines[i], RECORD));
            } catch (RuntimeException e) {
                throw new AssertionError(file + " line " + (i + 1) + " is not a whole JSON object: " + lines[i], e);
            }
        }
        return records;
    }

    /**
     * Reads every line of several files.
     *
     * @param files the files
     * @return their records, file after file
     * @throws IOException if a file cannot be read
     */
    public static List<Map<String, Object>> read(List<Path> files) throws IOException {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Path file : files) {
            records.addAll(read(file));
        }
        return records;
    }

    /**
     * The events of the {@link LoggingChild children} among records, as {@code "<child>:<seq>"},
     * in order, duplicates kept (so that a test can see them).
     *
     * @param records log records
     * @return the children's events
     */
    public static List<String> childEvents(List<Map<String, Object>> records) {
        List<String> events = new ArrayList<>();
        for (Map<String, Object> record : records) {
            if (LoggingChild.LOGGER.equals(record.get("log.logger"))) {
                events.add(record.get("child") + ":" + record.get("seq"));
            }
        }
        return events;
    }
}

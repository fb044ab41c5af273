package io.hydralogger.fallbacks.benchmarks;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user does without hydra-fallbacks: plain Jackson 3 and plain FastCSV, buffered files,
 * no temp file, no fsync, no backup. The baseline every ratio is measured against.
 */
final class Plain {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Plain() {
    }

    /** Jackson {@code writeValue} of the whole list to a buffered file. */
    static void writeJson(List<?> records, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024)) {
            MAPPER.writeValue(out, records);
        }
    }

    /**
     * Jackson {@code SequenceWriter}, one value per line, without its default flush after every
     * value (which would make a system call per record and flatter the safe write).
     */
    static void writeJsonLines(List<?> records, Path path) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 64 * 1024);
                SequenceWriter lines = MAPPER.writer().withRootValueSeparator("\n")
                        .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(out)) {
            for (Object record : records) {
                lines.write(record);
            }
        }
    }

    /**
     * FastCSV with the header of the first record; nested maps flattened to dotted columns,
     * lists as JSON text made by Jackson: the same file the safe writer makes for these records.
     */
    static void writeCsv(List<Map<String, Object>> records, Path path) throws IOException {
        try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .build(Files.newOutputStream(path), StandardCharsets.UTF_8)) {
            List<String> header = new ArrayList<>();
            List<String> cells = new ArrayList<>();
            for (Map<String, Object> record : records) {
                cells.clear();
                if (header.isEmpty()) {
                    flatten("", record, header, cells, true);
                    csv.writeRecord(header);
                } else {
                    flatten("", record, header, cells, false);
                }
                csv.writeRecord(cells);
            }
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, List<String> header, List<String> cells,
            boolean first) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, header, cells, first);
                continue;
            }
            if (first) {
                header.add(name);
            }
            if (value == null) {
                cells.add("");
            } else if (value instanceof List<?>) {
                cells.add(MAPPER.writeValueAsString(value));
            } else {
                cells.add(value.toString());
            }
        }
    }

    /** Jackson {@code readValue} into a {@code List}. */
    static List<?> readJson(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return MAPPER.readValue(in, List.class);
        }
    }

    /** Jackson {@code MappingIterator}, one value per line. */
    static List<Object> readJsonLines(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path);
                MappingIterator<Object> values = MAPPER.readerFor(Object.class).readValues(in)) {
            return values.readAll(new ArrayList<>());
        }
    }

    /** FastCSV named records into maps. */
    static List<Map<String, String>> readCsv(Path path) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(path, StandardCharsets.UTF_8)) {
            for (NamedCsvRecord row : reader) {
                rows.add(row.getFieldsAsMap());
            }
        }
        return rows;
    }
}

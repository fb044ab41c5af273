import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the Java part of the interoperability corpus with Jackson 3 and FastCSV 4 as a user of
 * those libraries would, without hydra-fallbacks. Every fixture gets NAME.expected.json with the
 * records as this program handed them to the writer. Run by ../generate.sh:
 * {@code java -cp JACKSON:FASTCSV JavaWriters.java OUTDIR}.
 */
public final class JavaWriters {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WRITER = "java " + System.getProperty("java.version") + " jackson-databind "
            + tools.jackson.databind.cfg.PackageVersion.VERSION + " / fastcsv "
            + System.getProperty("fastcsv.version", "(version not given)");
    private static final List<String> HEADER = List.of("id", "name", "note", "city", "last");
    private static final List<List<String>> ROWS = List.of(
            List.of("1", "Ada", "plain", "London", "x"),
            List.of("2", "Bj\u00f6rn \u00c5str\u00f6m", "comma, inside", "Malm\u00f6", ""),
            List.of("3", "Chlo\u00e9 \"Q\" Smith", "line one\r\nline two", "Paris", "end"),
            List.of("4", "\u674e\u96f7", "lf only\nsecond", "\u5317\u4eac", ""),
            List.of("5", "", "", "", ""),
            List.of("6", "emoji \uD83D\uDE00 and e\u0301", " spaces around ", "S\u00e3o Paulo", "007"),
            List.of("7", "semi;colon\ttab", "\"", "=1+2", "tail"));

    private JavaWriters() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        csv(out, "fastcsv-default-crlf.csv", "CsvWriter.builder(): CRLF, minimal quoting",
                CsvWriter.builder(), ",");
        csv(out, "fastcsv-lf.csv", "lineDelimiter(LF)", CsvWriter.builder().lineDelimiter(LineDelimiter.LF), ",");
        csv(out, "fastcsv-cr.csv", "lineDelimiter(CR)", CsvWriter.builder().lineDelimiter(LineDelimiter.CR), ",");
        csv(out, "fastcsv-quote-always.csv", "quoteStrategy(ALWAYS)",
                CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS), ",");
        csv(out, "fastcsv-tab.tsv", "fieldSeparator('\\t')", CsvWriter.builder().fieldSeparator('\t'), "\t");
        csv(out, "fastcsv-semicolon.csv", "fieldSeparator(';')", CsvWriter.builder().fieldSeparator(';'), ";");

        List<Map<String, Object>> records = records();
        Files.write(out.resolve("jackson-pretty.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(records));
        expected(out, "jackson-pretty.json", "json", records, "writerWithDefaultPrettyPrinter(), no final newline", null);
        DefaultIndenter crlf = new DefaultIndenter("  ", "\r\n");
        Files.write(out.resolve("jackson-pretty-crlf.json"), JSON.writer().with(new DefaultPrettyPrinter()
                .withObjectIndenter(crlf).withArrayIndenter(crlf)).writeValueAsBytes(records));
        expected(out, "jackson-pretty-crlf.json", "json", records, "a pretty printer indenting with CRLF", null);
        try (OutputStream stream = Files.newOutputStream(out.resolve("jackson-sequence.jsonl"));
                SequenceWriter sequence = JSON.writer().withRootValueSeparator("\n").writeValues(stream)) {
            sequence.writeAll(records);
        }
        expected(out, "jackson-sequence.jsonl", "json_lines", records,
                "SequenceWriter with root value separator '\\n' (none after the last value)", null);
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> record : records) {
            lines.append(JSON.writeValueAsString(record)).append('\n');
        }
        Files.writeString(out.resolve("jackson-lines.jsonl"), lines);
        expected(out, "jackson-lines.jsonl", "json_lines", records, "writeValueAsString per record + '\\n'", null);
    }

    private static List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", i);
            record.put("name", List.of("Ada", "\u674e\u96f7 \uD83D\uDE00", "").get(i));
            record.put("score", i * 1.5);
            record.put("tags", i == 0 ? List.of() : List.of("a", "line\r\nbreak"));
            record.put("meta", i == 2 ? null : Map.of("k", i));
            records.add(record);
        }
        return records;
    }

    private static void csv(Path out, String name, String variant, CsvWriter.CsvWriterBuilder builder,
            String delimiter) throws IOException {
        try (CsvWriter csv = builder.build(out.resolve(name), StandardCharsets.UTF_8)) {
            csv.writeRecord(HEADER);
            for (List<String> row : ROWS) {
                csv.writeRecord(row);
            }
        }
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> row : ROWS) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < HEADER.size(); i++) {
                record.put(HEADER.get(i), row.get(i));
            }
            records.add(record);
        }
        expected(out, name, "csv", records, variant, ",".equals(delimiter) ? null : delimiter);
    }

    private static void expected(Path out, String name, String format, Object records, String variant,
            String delimiter) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("writer", WRITER);
        doc.put("variant", variant);
        doc.put("format", format);
        doc.put("records", records);
        if (delimiter != null) {
            doc.put("delimiter", delimiter);
        }
        Files.write(out.resolve(name + ".expected.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc));
    }
}

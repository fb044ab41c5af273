package io.hydralogger.fallbacks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.sanitize.DataSanitizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The tool as a user runs it: the shaded jar in a child JVM, its output and exit code. */
class CliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FallbackHandler HANDLER = FallbackHandler.builder().build();

    @TempDir
    Path dir;

    /** Same-shaped records with everything CSV has to quote, nested maps and lists. */
    static List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>();
        String[] names = {"Ada", "Li, nus", "quote \" here", "two\nlines", "ünïcødé ✓", "", " spaced "};
        for (int i = 0; i < 50; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", i);
            record.put("name", names[i % names.length]);
            record.put("score", i * 1.5);
            record.put("active", i % 2 == 0);
            record.put("tags", List.of("a", "b" + i));
            record.put("meta", Map.of("k", i));
            record.put("note", i % 3 == 0 ? null : "n" + i);
            records.add(record);
        }
        return records;
    }

    static Stream<Format[]> pairs() {
        List<Format> formats = List.of(Format.JSON, Format.JSON_LINES, Format.CSV);
        return Stream.concat(formats.stream().flatMap(from -> formats.stream().map(to -> new Format[] {from, to})),
                Stream.of(new Format[] {Format.CSV, Format.TSV}, new Format[] {Format.TSV, Format.JSON}));
    }

    static String extension(Format format) {
        return format == Format.JSON_LINES ? "jsonl" : format.label();
    }

    private static Map<String, String> csvRow(Map<String, Object> record) {
        return DataSanitizer.sanitizeForCsv(record);
    }

    private static Map<String, Object> object(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    private static List<Object> readAll(Path file, Format format) throws IOException {
        try (Stream<Object> records = HANDLER.stream(file, format)) {
            return records.toList();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void convertKeepsEveryRecordBetweenEveryPairOfFormats(Format from, Format to) throws Exception {
        Path in = dir.resolve("in." + extension(from));
        Path out = dir.resolve("out." + extension(to));
        assertThat(HANDLER.write(records(), in, from).ok()).isTrue();

        Tool.Run run = Tool.run(dir, "convert", in.toString(), out.toString()).succeeds();

        assertThat(run.stdout()).startsWith("converted 50 records: ");
        assertThat(run.stderr()).isEmpty();
        List<Object> expected = new ArrayList<>();
        for (Map<String, Object> record : records()) {
            // CSV flattens nested objects to dotted columns of text, and null is an empty cell: the
            // one change of shape
            expected.add(from.delimited() || to.delimited() ? csvRow(record) : record);
        }
        assertThat(readAll(out, to)).isEqualTo(expected);
    }

    @Test
    void convertSummaryAsJsonNamesTheBackupOfTheReplacedFile() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.json");
        HANDLER.writeJsonLines(records(), in);
        Tool.run(dir, "convert", in.toString(), out.toString()).succeeds();

        Tool.Run run = Tool.run(dir, "convert", "--json", in.toString(), out.toString()).succeeds();

        Map<String, Object> summary = object(run.stdout());
        assertThat(summary).containsEntry("records", 50).containsEntry("from", "json_lines")
                .containsEntry("to", "json").containsEntry("backup", out + ".bak").containsEntry("skipped", 0)
                .containsEntry("problems", List.of());
        assertThat((Integer) summary.get("bytes")).isEqualTo((int) Files.size(out));
    }

    @Test
    void convertWithExplicitFormatsIgnoresTheExtensions() throws Exception {
        Path in = dir.resolve("in.txt");
        Path out = dir.resolve("out.dat");
        HANDLER.writeCsv(records(), in);

        Tool.run(dir, "convert", "--from", "csv", "--to", "ndjson", in.toString(), out.toString()).succeeds();

        assertThat(Files.readAllLines(out)).hasSize(50);
        Tool.run(dir, "convert", "--from", "xml", in.toString(), out.toString())
                .failsWith(2, "unknown format 'xml'");
    }

    @Test
    void convertOfADamagedFileKeepsEverySalvagedRecordAndExitsOne() throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "[{\"id\":1},{\"id\":2},{\"id\":3,\"na\u0000\u0000},{\"id\":4}]");
        Path out = dir.resolve("out.jsonl");

        Tool.Run run = Tool.run(dir, "convert", "--json", in.toString(), out.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString().contains(in + " is damaged")
                .contains("converted the 3 records salvaged; 1 damaged stretch skipped, 1 record lost");
        assertThat(Files.readAllLines(out)).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":4}");
        Map<String, Object> summary = object(run.stdout());
        assertThat(summary).containsEntry("records", 3).containsEntry("skipped", 1);
        assertThat((List<?>) summary.get("problems")).isNotEmpty();
    }

    @Test
    void convertIntoAFolderFailsWithExitTwoAndNamesTheFallbackFileThatHoldsEveryRecord() throws Exception {
        Path in = dir.resolve("in.jsonl");
        HANDLER.writeJsonLines(records(), in);
        Path out = Files.createDirectories(dir.resolve("out.json"));

        Tool.Run run = Tool.run(dir, "convert", in.toString(), out.toString())
                .failsWith(2, "could not write " + out);

        assertThat(run.stderr()).contains("the records are in ").doesNotContain("in no file");
        Path fallback = Path.of(run.stderr().substring(run.stderr().indexOf("the records are in ")
                + "the records are in ".length()).strip());
        assertThat(readAll(fallback, Format.JSON_LINES)).as("every record, in the fallback file")
                .isEqualTo(readAll(in, Format.JSON_LINES));
    }

    @Test
    void verboseAddsTheStackTraceOfTheIoErrorBehindAFailedWrite() throws Exception {
        Path in = dir.resolve("in.jsonl");
        HANDLER.writeJsonLines(records(), in);
        Path out = Files.createDirectories(dir.resolve("out.json"));

        Tool.Run run = Tool.run(dir, "convert", "--verbose", in.toString(), out.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("Caused by: java.nio.file.FileSystemException").contains("\tat ")
                .contains("hydra-fallbacks convert: could not write " + out);
        assertThat(run.stderr()).as("the library's line, with --verbose: the fallback file holds every record")
                .contains("Failed to write " + out).doesNotContain("in no file");
    }

    @Test
    void convertNeedsAFormatForAnUnknownExtension() throws Exception {
        Path in = dir.resolve("users.json");
        HANDLER.writeJson(records(), in);
        Path out = dir.resolve("out.txt");

        Tool.run(dir, "convert", in.toString(), out.toString())
                .failsWith(2, "cannot tell the format of " + out + " from its name: give it with --to");
        assertThat(out).doesNotExist();

        Tool.run(dir, "convert", "--to", "csv", in.toString(), out.toString()).succeeds();
        assertThat(readAll(out, Format.CSV)).hasSize(50);
    }

    @Test
    void convertMakesNoFolderOnTheWay() throws Exception {
        Path in = dir.resolve("users.json");
        HANDLER.writeJson(records(), in);
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        Tool.run(dir, "convert", in.toString(), dir.resolve("missing/dir/x.csv").toString())
                .failsWith(2, "no such folder: " + dir.resolve("missing/dir"));
        Tool.run(dir, "convert", in.toString(), file.resolve("x.csv").toString())
                .failsWith(2, "not a folder: " + file);

        assertThat(dir.resolve("missing")).doesNotExist();
    }

    @Test
    void catPrintsEveryRecordAsJsonLinesAndNothingElse() throws Exception {
        Path csv = dir.resolve("users.csv");
        HANDLER.writeCsv(records(), csv);

        Tool.Run run = Tool.run(dir, "cat", csv.toString()).succeeds();

        assertThat(run.stderr()).isEmpty();
        List<Object> printed = new ArrayList<>();
        for (String line : run.stdout().lines().toList()) {
            printed.add(JSON.readValue(line, Object.class));
        }
        assertThat(printed).isEqualTo(readAll(csv, Format.CSV));

        Path json = dir.resolve("users.json");
        HANDLER.writeJson(records(), json);
        Path expected = dir.resolve("expected.jsonl");
        HANDLER.writeJsonLines(records(), expected);
        assertThat(Tool.run(dir, "cat", json.toString()).succeeds().stdout()).isEqualTo(Files.readString(expected));
    }

    @Test
    void catOfADamagedFilePrintsEverySalvagedRecordAndExitsOne() throws Exception {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"a\":2}\n{\"a\" x}\n{\"a\":4}\n{\"a\":5");

        Tool.Run run = Tool.run(dir, "cat", file.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stdout()).isEqualTo("{\"a\":1}\n{\"a\":2}\n{\"a\":4}\n");
        assertThat(run.errLines()).singleElement().asString().contains(file + " is damaged")
                .contains("at line 3").contains("printed the 3 records salvaged; 2 damaged lines skipped, 2 records lost");
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() throws Exception {
        Tool.run(dir, "cat", "nowhere.json").failsWith(2, "no such file: nowhere.json");
        Tool.run(dir, "convert", "nowhere.csv", "out.json").failsWith(2, "no such file: nowhere.csv");
        assertThat(dir.resolve("out.json")).doesNotExist();
    }

    @Test
    void verboseAddsTheStackTrace() throws Exception {
        Tool.Run run = Tool.run(dir, "cat", "--verbose", "nowhere.json");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stderr()).contains("NoSuchFileException").contains("\tat ")
                .contains("no such file: nowhere.json");
    }

    @Test
    void anUnknownSubcommandOrOptionIsOneLineAndExitTwo() throws Exception {
        Tool.run(dir, "frobnicate").failsWith(2, "unknown subcommand 'frobnicate'");
        Tool.run(dir, "verfy", "x.json").failsWith(2, "unknown subcommand 'verfy'; did you mean verify");
        Tool.run(dir, "cat", "--frob", "x.json").failsWith(2, "Unknown option: '--frob'");
        Tool.run(dir, "convert", "only-one.json").failsWith(2, "Missing required parameter: 'OUT'");
        Tool.run(dir, "bench", "--records", "many").failsWith(2, "'many' is not an int");
    }

    @Test
    void withoutASubcommandTheUsageGoesToStderrWithExitTwo() throws Exception {
        Tool.Run run = Tool.run(dir);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).startsWith("Usage: hydra-fallbacks").contains("Commands:");
    }

    @Test
    void everySubcommandHasHelpThatExitsZero() throws Exception {
        Tool.Run root = Tool.run(dir, "--help").succeeds();
        List<String> commands = subcommands(root.stdout());
        assertThat(commands).contains("demo", "convert", "cat", "bench", "completion");
        for (String command : commands) {
            Tool.Run help = Tool.run(dir, command, "--help").succeeds();
            assertThat(help.stdout()).as(command).startsWith("Usage: hydra-fallbacks " + command)
                    .contains("--quiet").contains("--verbose");
        }
        assertThat(Tool.run(dir, "--version").succeeds().stdout()).startsWith("hydra-fallbacks ");
    }

    /** The names listed under "Commands:" in the root help, but {@code help} itself. */
    private static List<String> subcommands(String help) {
        List<String> names = new ArrayList<>();
        boolean inList = false;
        for (String line : help.lines().toList()) {
            if (line.startsWith("Commands:")) {
                inList = true;
            } else if (inList && line.isBlank()) {
                break;
            } else if (inList && line.startsWith("  ") && !line.startsWith("   ")) {
                String name = line.strip().split("\\s+")[0];
                if (!name.equals("help")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    @Test
    void benchPrintsATableAndJsonForMachines() throws Exception {
        Tool.Run table = Tool.run(dir, "bench", "--records", "500", "--threads", "2").succeeds();
        assertThat(table.stdout()).contains("write records/s").contains("json_lines").contains("csv")
                .contains("sanitiser cache").contains("concurrent").contains("appends, one log file");

        Tool.Run json = Tool.run(dir, "bench", "--records", "500", "--threads", "2", "--json").succeeds();
        Map<String, Object> figures = object(json.stdout());
        assertThat(figures).containsEntry("records", 500).containsEntry("threads", 2);
        Map<?, ?> formats = (Map<?, ?>) figures.get("formats");
        assertThat(formats).isNotNull();
        assertThat(formats.keySet()).map(Object::toString).containsExactly("json", "json_lines", "csv");
        for (Object row : formats.values()) {
            assertThat(((Number) ((Map<?, ?>) row).get("write_records_per_second")).longValue()).isPositive();
            assertThat(((Number) ((Map<?, ?>) row).get("read_records_per_second")).longValue()).isPositive();
        }
        assertThat(((Number) ((Map<?, ?>) figures.get("sanitizer_cache")).get("speedup")).doubleValue()).isPositive();
        Map<?, ?> concurrent = (Map<?, ?>) figures.get("concurrent");
        for (String key : List.of("own_files_records_per_second", "one_file_records_per_second",
                "appends_one_file_records_per_second")) {
            assertThat(((Number) concurrent.get(key)).longValue()).as(key).isPositive();
        }
        Tool.run(dir, "bench", "--records", "0").failsWith(2, "--records and --threads must be at least 1");
    }

    @Test
    void completionIsAValidBashScriptForEverySubcommand() throws Exception {
        Tool.Run run = Tool.run(dir, "completion").succeeds();
        Path script = dir.resolve("hydra-fallbacks.bash");
        Files.writeString(script, run.stdout());

        assertThat(run.stdout()).contains("complete -F").contains("convert").contains("bench");
        Tool.Run syntax = Tool.exec(dir, List.of("bash", "-n", script.toString()), Map.of());
        assertThat(syntax.exit()).as(syntax.stderr()).isZero();
    }

    @Test
    void theDemoWalksThroughItsSectionsInAFolderOfOurChoice() throws Exception {
        Path folder = dir.resolve("demo");

        Tool.Run run = Tool.run(dir, "demo", "--dir", folder.toString()).succeeds();

        assertThat(run.stdout()).contains("== 1. ").contains("backup").contains("fallback");
        assertThat(run.stderr()).as("no log line repeats what the demo says").isEmpty();
        assertThat(folder.resolve("users.json")).isRegularFile();
        assertThat(folder.resolve("users.json.bak")).isRegularFile();
        List<String> lines = run.stdout().lines().toList();
        List<String> statistics = lines.subList(lines.indexOf("== 9. Performance statistics") + 1, lines.size())
                .stream().takeWhile(line -> line.startsWith("  ")).toList();
        assertThat(statistics).hasSizeGreaterThan(20);
        assertThat(statistics).as("one column of names, one of values, aligned on the right")
                .allSatisfy(line -> assertThat(line).hasSameSizeAs(statistics.get(0))
                        .matches("  [a-z_]+ +\\d+(\\.\\d\\d)?"));
        assertThat(statistics).as("milliseconds rounded to two decimals")
                .anySatisfy(line -> assertThat(line).matches("  [a-z_]+_ms +\\d+\\.\\d\\d"));
    }

    @Test
    void theLauncherRunsTheBuiltTool() throws Exception {
        Tool.Run run = Tool.exec(dir, List.of(Tool.ROOT.resolve("hydra-fallbacks").toString(), "--version"), Map.of());

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("hydra-fallbacks ");
        assertThat(run.stderr()).as("the jar is fresh: no build").isEmpty();
    }
}

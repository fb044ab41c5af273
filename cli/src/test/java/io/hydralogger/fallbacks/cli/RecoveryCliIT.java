package io.hydralogger.fallbacks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.write.Durability;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code verify}, {@code recover} and {@code repair} as a user runs them: flags, outputs, exit codes. */
class RecoveryCliIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final FallbackHandler HANDLER = FallbackHandler.builder().durability(Durability.NONE).build();

    @TempDir
    Path dir;

    private static List<Map<String, Object>> records(int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", i);
            record.put("name", "user" + i);
            records.add(record);
        }
        return records;
    }

    private static Map<String, Object> object(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
    }

    /** A JSON array of 20 records whose record 10 has NUL bytes in its name. */
    private Path damagedJson(String name) throws Exception {
        Path file = dir.resolve(name);
        HANDLER.writeJson(records(20), file);
        String text = Files.readString(file).replace("\"user10\"", "\"us\u0000\u0000r10\"");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void verifyExitsZeroOneOrTwoAndPrintsOneReportPerFile() throws Exception {
        Path intact = dir.resolve("intact.jsonl");
        HANDLER.writeJsonLines(records(5), intact);
        Path damaged = damagedJson("damaged.json");

        Tool.run(dir, "verify", intact.toString()).succeeds();
        Tool.Run corrupted = Tool.run(dir, "verify", intact.toString(), damaged.toString());
        assertThat(corrupted.exit()).isEqualTo(1);
        assertThat(corrupted.stdout()).contains("corrupted  " + damaged).contains("nul_bytes at byte");

        Tool.Run json = Tool.run(dir, "verify", "--json", intact.toString(), damaged.toString());
        assertThat(json.exit()).isEqualTo(1);
        List<String> lines = json.stdout().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(object(lines.get(0))).containsEntry("path", intact.toString()).containsEntry("format", "json_lines")
                .containsEntry("intact", true).containsEntry("records", 5).containsEntry("skipped", 0)
                .containsEntry("problems", List.of());
        Map<String, Object> report = object(lines.get(1));
        assertThat(report).containsEntry("intact", false).containsEntry("records", 19).containsEntry("skipped", 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = ((List<Map<String, Object>>) report.get("problems")).get(0);
        assertThat(problem).containsOnlyKeys("kind", "offset", "line", "message").containsEntry("kind", "nul_bytes")
                .containsEntry("line", 1);

        Tool.run(dir, "verify", dir.resolve("missing.csv").toString()).failsWith(2, "missing.csv");
        Tool.run(dir, "verify", "--format", "xml", intact.toString()).failsWith(2, "unknown format 'xml'");
    }

    @Test
    void recoverToStdoutWritesJsonLinesAndTheSummaryOnStderr() throws Exception {
        Path damaged = damagedJson("data.json");
        Tool.Run run = Tool.run(dir, "recover", "--json", damaged.toString());
        assertThat(run.exit()).isEqualTo(1);
        List<String> lines = run.stdout().lines().toList();
        assertThat(lines).hasSize(19).doesNotContain("{\"id\":10,\"name\":\"user10\"}")
                .contains("{\"id\":0,\"name\":\"user0\"}", "{\"id\":19,\"name\":\"user19\"}");
        Map<String, Object> summary = object(run.stderr().strip());
        assertThat(summary).containsOnlyKeys("path", "recovered", "skipped", "damaged_stretches", "records_lost",
                "source", "problems")
                .containsEntry("recovered", 19).containsEntry("skipped", 1).containsEntry("damaged_stretches", 1)
                .containsEntry("records_lost", 1).containsEntry("source", "salvaged");
    }

    @Test
    void recoverIntoAFileWritesItAtomicallyAndTheSummaryOnStdout() throws Exception {
        Path damaged = damagedJson("data.json");
        Path out = dir.resolve("saved.csv");
        Tool.Run run = Tool.run(dir, "recover", damaged.toString(), "-o", out.toString(), "--json");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(object(run.stdout().strip())).containsEntry("recovered", 19).containsEntry("source", "salvaged");
        assertThat(Files.readAllLines(out)).hasSize(20).startsWith("id,name", "0,user0");

        Path intact = dir.resolve("ok.jsonl");
        HANDLER.writeJsonLines(records(3), intact);
        Tool.Run copy = Tool.run(dir, "recover", intact.toString(), "-o", dir.resolve("copy.json").toString());
        copy.succeeds();
        assertThat(dir.resolve("copy.json")).hasContent("[{\"id\":0,\"name\":\"user0\"},{\"id\":1,\"name\":\"user1\"},"
                + "{\"id\":2,\"name\":\"user2\"}]");
    }

    @Test
    void recoverFollowsThePolicy() throws Exception {
        Path file = dir.resolve("data.json");
        HANDLER.writeJson(records(2), file);
        HANDLER.writeJson(records(20), file);
        String text = Files.readString(file).replace("\"user10\"", "\"us\u0000\u0000r10\"");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));

        Tool.Run backup = Tool.run(dir, "recover", "--policy", "backup_then_salvage", "--json", file.toString());
        assertThat(backup.exit()).isEqualTo(1);
        assertThat(backup.stdout().lines()).hasSize(2);
        assertThat(object(backup.stderr().strip())).containsEntry("source", "backup");

        Tool.run(dir, "recover", "--policy", "strict", file.toString()).failsWith(2, "nothing could be recovered");
        Tool.run(dir, "recover", "--policy", "hope", file.toString()).failsWith(2, "unknown policy 'hope'");
    }

    @Test
    void repairKeepsTheOriginalAndLeavesAnIntactFile() throws Exception {
        Path damaged = damagedJson("repair.json");
        byte[] original = Files.readAllBytes(damaged);
        Tool.Run run = Tool.run(dir, "repair", "--json", damaged.toString());
        run.succeeds();
        Map<String, Object> summary = object(run.stdout().strip());
        assertThat(summary).containsEntry("repaired", true).containsEntry("records", 19).containsEntry("skipped", 1)
                .containsEntry("damaged_stretches", 1).containsEntry("refused", false);
        Path copy = Path.of((String) summary.get("damaged_copy"));
        assertThat(copy.getFileName().toString()).startsWith("repair.json.corrupt-");
        assertThat(copy).hasBinaryContent(original);
        Tool.run(dir, "verify", damaged.toString()).succeeds();
        assertThat(Tool.run(dir, "repair", damaged.toString()).succeeds().stdout()).contains("intact, nothing to do");
        Tool.run(dir, "repair", dir.resolve("missing.json").toString()).failsWith(2, "missing.json");
    }

    @Test
    void repairTellsItsResultOnceOnStdoutAndNothingOnStderr() throws Exception {
        Path damaged = damagedJson("once.json");

        Tool.Run run = Tool.run(dir, "repair", damaged.toString()).succeeds();

        assertThat(run.stdout()).startsWith("repaired " + damaged + ": kept 19 records");
        assertThat(run.stdout().lines().filter(line -> line.contains("kept 19 records"))).hasSize(1);
        assertThat(run.stderr()).as("no log line repeats the result").isEmpty();

        Tool.Run verbose = Tool.run(dir, "repair", "--verbose", damagedJson("verbose.json").toString()).succeeds();
        assertThat(verbose.stderr()).as("the library's own words, with --verbose").contains("Detected corruption in");
    }

    @Test
    void recoverIntoAFileOfNoKnownFormatOrAMissingFolderIsAUsageError() throws Exception {
        Path damaged = damagedJson("r.json");

        Tool.run(dir, "recover", damaged.toString(), "-o", dir.resolve("out.txt").toString())
                .failsWith(2, "cannot tell the format of " + dir.resolve("out.txt"));
        Tool.run(dir, "recover", damaged.toString(), "-o", dir.resolve("no/such/out.json").toString())
                .failsWith(2, "no such folder: " + dir.resolve("no/such"));

        assertThat(dir.resolve("out.txt")).doesNotExist();
        assertThat(dir.resolve("no")).doesNotExist();
    }

    @Test
    void repairRefusesToKeepNoRecordOfAFileUnlessForced() throws Exception {
        Path file = dir.resolve("config.json");
        byte[] damaged = "{\"service\": \"api\", \"port\": 80".getBytes(StandardCharsets.UTF_8);
        Files.write(file, damaged);

        Tool.run(dir, "repair", file.toString()).failsWith(1, "refused to repair " + file);
        assertThat(file).hasBinaryContent(damaged);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".corrupt-"));
        }

        Tool.Run forced = Tool.run(dir, "repair", "--force", "--json", file.toString());
        forced.succeeds();
        assertThat(object(forced.stdout().strip())).containsEntry("repaired", true).containsEntry("records", 0);
        assertThat(file).hasContent("[]");
        assertThat(Path.of((String) object(forced.stdout().strip()).get("damaged_copy"))).hasBinaryContent(damaged);
    }

    @Test
    void countsSayWhichIsADamagedStretchAndWhichARecordLost() throws Exception {
        Path lines = dir.resolve("log.jsonl");
        Files.writeString(lines, "{\"a\":1}\n{\"a\":\n{\"a\":3}\nnot json\n{\"a\":5}\n");
        Tool.Run verify = Tool.run(dir, "verify", lines.toString());
        assertThat(verify.exit()).isEqualTo(1);
        assertThat(verify.stdout()).contains("3 records intact; 2 damaged lines skipped, 2 records lost");
        Map<String, Object> report = object(Tool.run(dir, "verify", "--json", lines.toString()).stdout().strip());
        assertThat(report).containsEntry("damaged_stretches", 2).containsEntry("records_lost", 2);

        // damage inside one element of an array, with no comma after it in the element: one record lost
        Path array = damagedJson("array.json");
        assertThat(Tool.run(dir, "verify", array.toString()).stdout())
                .contains("19 records intact; 1 damaged stretch skipped, 1 record lost");
        // with a comma after the damage, the stretch may have held several elements
        Path spanning = dir.resolve("spanning.json");
        Files.writeString(spanning, Files.readString(array).replace("\u0000r10\"", "\u0000r10\",\"more\":1"));
        assertThat(Tool.run(dir, "verify", spanning.toString()).stdout())
                .contains("19 records intact; 1 damaged stretch skipped, records lost: not countable (at least 1)");
    }
}

package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.FileNames;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import io.hydralogger.fallbacks.write.BackupManager;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads of damaged and missing files under each recovery policy, and repair in place. */
class ReadPolicyTest {
    @TempDir
    Path dir;

    /** A typed record for typed reads of salvaged data. */
    public record Row(int id, String name) {
    }

    private static List<Map<String, Object>> rows(int from, int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("id", i);
            row.put("name", "n" + i);
            rows.add(row);
        }
        return rows;
    }

    private FallbackHandler handler(RecoveryPolicy policy) {
        return FallbackHandler.builder().durability(Durability.NONE).recoveryPolicy(policy)
                .fallbackFolder(dir.resolve("fallbacks")).build();
    }

    /** Writes version 1 (kept as the backup) then version 2, and splits a value of its record 105 in two. */
    private Path damagedWithBackup(String name, Format format) throws IOException {
        Path file = dir.resolve(name);
        FallbackHandler writer = handler(RecoveryPolicy.STRICT);
        assertThat(writer.write(rows(0, 3), file, format).ok()).isTrue();
        assertThat(writer.write(rows(100, 10), file, format).ok()).isTrue();
        byte[] bytes = Files.readAllBytes(file);
        int middle = new String(bytes, StandardCharsets.US_ASCII).indexOf("n105") + 1;
        byte[] damaged = new byte[bytes.length + 3];
        System.arraycopy(bytes, 0, damaged, 0, middle);
        System.arraycopy("\",\"".getBytes(StandardCharsets.US_ASCII), 0, damaged, middle, 3);
        System.arraycopy(bytes, middle, damaged, middle + 3, bytes.length - middle);
        Files.write(file, damaged);
        return file;
    }

    @Test
    void salvageThenBackupSalvagesADamagedFile() throws IOException {
        Path file = damagedWithBackup("data.json", Format.JSON);
        ReadResult<Object> read = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP).readJson(file);
        assertThat(read.source()).isEqualTo(Source.SALVAGED);
        assertThat(read.sourcePath()).contains(file);
        assertThat(new ArrayList<Object>((List<?>) read.data())).hasSize(9).isSubsetOf(new ArrayList<Object>(rows(100, 10)));
        assertThat(read.report()).hasValueSatisfying(r -> assertThat(r.intact()).isFalse());
        assertThat(read.recordsSkipped()).isEqualTo(1);
        assertThat(read.error()).isPresent();
    }

    @Test
    void backupThenSalvagePrefersTheIntactBackup() throws IOException {
        Path file = damagedWithBackup("data.jsonl", Format.JSON_LINES);
        ReadResult<List<Object>> read = handler(RecoveryPolicy.BACKUP_THEN_SALVAGE).readJsonLines(file);
        assertThat(read.source()).isEqualTo(Source.BACKUP);
        assertThat(read.sourcePath()).contains(FileNames.backup(file, 0));
        assertThat(read.data()).isEqualTo(new ArrayList<Object>(rows(0, 3)));
    }

    @Test
    void strictReportsTheDamageAndReadsNothing() throws IOException {
        Path file = damagedWithBackup("data.csv", Format.CSV);
        ReadResult<List<Map<String, String>>> read = handler(RecoveryPolicy.STRICT).readCsv(file);
        assertThat(read.source()).isEqualTo(Source.NONE);
        assertThat(read.data()).isNull();
        assertThat(read.report()).hasValueSatisfying(r -> assertThat(r.problems()).isNotEmpty());
        assertThat(read.report().get().validRecords()).isEqualTo(9);
    }

    @Test
    void nothingSalvageableFallsBackToTheBackup() throws IOException {
        Path file = dir.resolve("zeroed.json");
        FallbackHandler handler = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP);
        handler.writeJson(rows(0, 2), file);
        handler.writeJson(rows(5, 2), file);
        Files.write(file, new byte[(int) Files.size(file)]);
        ReadResult<Object> read = handler.readJson(file);
        assertThat(read.source()).isEqualTo(Source.BACKUP);
        assertThat(read.data()).isEqualTo(rows(0, 2));
        assertThat(read.report().get().problems().get(0).kind()).isEqualTo(ProblemKind.NUL_BYTES);
    }

    @Test
    void aMissingFileIsReadFromItsBackupOrNotAtAll() throws IOException {
        Path file = dir.resolve("gone.json");
        FallbackHandler handler = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP);
        ReadResult<Object> none = handler.readJson(file);
        assertThat(none.source()).isEqualTo(Source.NONE);
        assertThat(none.report().get().problems().get(0).kind()).isEqualTo(ProblemKind.MISSING);
        handler.writeJson(Map.of("v", 1), file);
        handler.writeJson(Map.of("v", 2), file);
        Files.delete(file);
        ReadResult<Object> read = handler.readJson(file);
        assertThat(read.source()).isEqualTo(Source.BACKUP);
        assertThat(read.data()).isEqualTo(Map.of("v", 1));
        assertThat(Fallbacks.safeReadJson(dir.resolve("never.json"))).isNull();
    }

    @Test
    void theFallbackFileOfAFailedWriteIsReadWhenNothingElseIs() throws IOException {
        Path file = dir.resolve("target.json");
        Files.createDirectory(file);
        FallbackHandler handler = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP);
        WriteResult write = handler.writeJson(rows(0, 4), file);
        assertThat(write.ok()).isFalse();
        assertThat(write.fallback()).isPresent();
        ReadResult<Object> read = handler.readJson(file);
        assertThat(read.source()).isEqualTo(Source.FALLBACK);
        assertThat(read.sourcePath()).isEqualTo(write.fallback());
        assertThat(read.data()).isEqualTo(rows(0, 4));
    }

    @Test
    void typedReadsBindSalvagedRecords() throws IOException {
        Path file = damagedWithBackup("typed.jsonl", Format.JSON_LINES);
        ReadResult<List<Row>> read = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP).readJsonLines(file, Row.class);
        assertThat(read.source()).isEqualTo(Source.SALVAGED);
        assertThat(read.data()).hasSize(9).allSatisfy(row -> assertThat(row.name()).isEqualTo("n" + row.id()));
    }

    @Test
    void aLastLineWithoutItsNewlineIsNotTrustedWhenItIsANumber() throws IOException {
        Path file = dir.resolve("numbers.jsonl");
        Files.writeString(file, "1\n2\n33");
        ReadResult<List<Object>> read = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP).readJsonLines(file);
        assertThat(read.source()).isEqualTo(Source.SALVAGED);
        assertThat(read.data()).containsExactly(1, 2);
        Files.writeString(file, "1\n2\n{\"a\":3}");
        ReadResult<List<Object>> complete = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP).readJsonLines(file);
        assertThat(complete.source()).isEqualTo(Source.PRIMARY);
        assertThat(complete.data()).hasSize(3);
    }

    @Test
    void theFacadeReadsSalvagedRecords() throws IOException {
        Path file = damagedWithBackup("facade.csv", Format.CSV);
        assertThat(Fallbacks.safeReadCsv(file)).hasSize(9);
    }

    @Test
    void repairKeepsTheDamagedOriginalAndRewritesTheSalvage() throws IOException {
        Path file = damagedWithBackup("repair.json", Format.JSON);
        byte[] damaged = Files.readAllBytes(file);
        FallbackHandler handler = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP);
        RepairResult repair = handler.repair(file, Format.JSON);
        assertThat(repair.ok()).isTrue();
        assertThat(repair.repaired()).isTrue();
        assertThat(repair.recordsKept()).isEqualTo(9);
        assertThat(repair.damagedCopy()).hasValueSatisfying(copy -> {
            assertThat(copy.getFileName().toString()).startsWith("repair.json.corrupt-");
            assertThat(copy).hasBinaryContent(damaged);
        });
        ReadResult<Object> read = handler.readJson(file);
        assertThat(read.source()).isEqualTo(Source.PRIMARY);
        assertThat((List<?>) read.data()).hasSize(9);
        RepairResult again = handler.repair(file, Format.JSON);
        assertThat(again.ok()).isTrue();
        assertThat(again.repaired()).isFalse();
        assertThat(again.damagedCopy()).isEmpty();
    }

    @Test
    void repairOfASingleDocumentKeepsItADocument() throws IOException {
        Path file = dir.resolve("config.json");
        Files.writeString(file, "{\"a\":1} trailing");
        RepairResult repair = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP).repair(file, Format.JSON);
        assertThat(repair.repaired()).isTrue();
        assertThat(Files.readString(file)).isEqualTo("{\"a\":1}");
    }
}

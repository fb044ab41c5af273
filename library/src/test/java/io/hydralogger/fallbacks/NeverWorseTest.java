package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.write.Durability;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repair, restore and update never leave a file with fewer records than a salvage finds in it. */
class NeverWorseTest {
    @TempDir
    Path dir;

    private final FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).build();

    private static List<Map<String, Object>> records(int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Map.of("id", i));
        }
        return records;
    }

    private List<String> corruptCopies() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> name.contains(".corrupt-")).toList();
        }
    }

    @Test
    void aJsonFileWithAByteOrderMarkIsIntactAndLeftAlone() throws Exception {
        Path file = dir.resolve("windows.json");
        StringBuilder json = new StringBuilder("\uFEFF[");
        for (int i = 0; i < 1000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
        }
        byte[] bytes = json.append(']').toString().getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);

        RepairResult result = handler.repair(file, Format.JSON);

        assertThat(result.ok()).isTrue();
        assertThat(result.repaired()).isFalse();
        assertThat(result.recordsKept()).isEqualTo(1000);
        assertThat(file).hasBinaryContent(bytes);
    }

    @Test
    void aRepairThatWouldKeepNoRecordIsRefusedUnlessForced() throws Exception {
        Path file = dir.resolve("config.json");
        byte[] damaged = "{\"service\": \"api\", \"port\": 80".getBytes(StandardCharsets.UTF_8);
        Files.write(file, damaged);

        RepairResult refused = handler.repair(file, Format.JSON);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.error()).containsInstanceOf(RefusedException.class);
        assertThat(file).hasBinaryContent(damaged);
        assertThat(corruptCopies()).isEmpty();

        RepairResult forced = handler.repair(file, Format.JSON, true);
        assertThat(forced.repaired()).isTrue();
        assertThat(forced.recordsKept()).isZero();
        assertThat(file).hasContent("[]");
        assertThat(forced.damagedCopy()).hasValueSatisfying(copy -> assertThat(copy).hasBinaryContent(damaged));
    }

    @Test
    void aBackupWithFewerRecordsIsNotRestoredUnlessForced() throws Exception {
        Path file = dir.resolve("data.jsonl");
        handler.writeJsonLines(records(3), file);
        handler.writeJsonLines(records(10), file);
        Path backup = dir.resolve("data.jsonl.bak");
        byte[] current = Files.readAllBytes(file);

        assertThatThrownBy(() -> handler.restore(file, backup, Format.JSON_LINES, false))
                .isInstanceOf(RefusedException.class).hasMessageContaining("holds 3 records")
                .hasMessageContaining("finds 10");
        assertThat(file).hasBinaryContent(current);

        assertThat(handler.restore(file, backup, Format.JSON_LINES, true)).isPresent();
        assertThat(handler.readJsonLines(file).data()).hasSize(3);
    }

    @Test
    void anUpdateNeverStartsFromFewerRecordsThanTheDamagedFileHolds() throws Exception {
        Path file = dir.resolve("data.jsonl");
        FallbackHandler backupFirst = FallbackHandler.builder().durability(Durability.NONE)
                .recoveryPolicy(RecoveryPolicy.BACKUP_THEN_SALVAGE).build();
        backupFirst.writeJsonLines(records(2), file);
        backupFirst.writeJsonLines(records(10), file);
        Files.writeString(file, Files.readString(file).replace("{\"id\":5}", "{\"id\":5"));
        byte[] damaged = Files.readAllBytes(file);

        WriteResult refused = backupFirst.update(file, Format.JSON_LINES, data -> data);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.error()).containsInstanceOf(RefusedException.class);
        assertThat(file).hasBinaryContent(damaged);

        WriteResult salvaged = handler.update(file, Format.JSON_LINES, data -> data);
        assertThat(salvaged.ok()).isTrue();
        assertThat(salvaged.records()).isEqualTo(9);
        assertThat(corruptCopies()).singleElement().satisfies(name -> assertThat(dir.resolve(name))
                .hasBinaryContent(damaged));
    }
}

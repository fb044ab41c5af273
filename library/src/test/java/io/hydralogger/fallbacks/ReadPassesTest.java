package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.testing.Op;
import io.hydralogger.fallbacks.testing.OpKind;
import io.hydralogger.fallbacks.testing.RecordingFileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A damaged file is read at most twice by a read with recovery: the strict attempt, then one
 * salvage that gives both its records and its report (no inspection before the salvage). The
 * passes are counted as the channels opened on the file that read from it, through a recording
 * file system over the real one.
 */
class ReadPassesTest {
    private static final String LINES = "{\"id\":1}\n{\"id\":2}\n{\"id\": oops\n{\"id\":4}\n";
    private static final String ARRAY = "[{\"id\":1},{\"id\":2},{\"id\":3";
    private static final String CSV = "id,name\n1,a\n2,\"b\n";

    @TempDir
    Path dir;
    private final RecordingFileSystem fs = new RecordingFileSystem();
    private FallbackRuntime runtime;

    @BeforeEach
    void freshRuntime() {
        runtime = FallbackRuntime.create();
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    @ParameterizedTest
    @EnumSource(value = RecoveryPolicy.class, names = {"SALVAGE_THEN_BACKUP", "BACKUP_THEN_SALVAGE"})
    void damagedJsonLinesIsReadTwice(RecoveryPolicy policy) throws IOException {
        Path file = damaged("data.jsonl", LINES);
        ReadResult<List<Object>> result = handler(policy).readJsonLines(fs.wrap(file));

        assertThat(result.source()).isEqualTo(Source.SALVAGED);
        assertThat(result.data()).hasSize(3);
        assertThat(passesOver(file)).isEqualTo(2);
        assertSameReport(result, file, Format.JSON_LINES);
    }

    @Test
    void damagedJsonArrayIsReadTwice() throws IOException {
        Path file = damaged("data.json", ARRAY);
        ReadResult<Object> result = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP).readJson(fs.wrap(file));

        assertThat(result.source()).isEqualTo(Source.SALVAGED);
        assertThat((List<?>) result.data()).hasSize(2);
        assertThat(passesOver(file)).isEqualTo(2);
        assertSameReport(result, file, Format.JSON);
    }

    @Test
    void damagedCsvIsReadTwice() throws IOException {
        Path file = damaged("data.csv", CSV);
        ReadResult<?> result = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP).readCsv(fs.wrap(file));

        assertThat(result.source()).isEqualTo(Source.SALVAGED);
        assertThat(passesOver(file)).isEqualTo(2);
        assertSameReport(result, file, Format.CSV);
    }

    @Test
    void aBackupPreferredOverTheDamagedFileStillReadsItTwiceAtMost() throws IOException {
        Path file = dir.resolve("data.jsonl");
        FallbackHandler handler = handler(RecoveryPolicy.BACKUP_THEN_SALVAGE);
        assertThat(handler.writeJsonLines(List.of(1, 2), file).ok()).isTrue();
        assertThat(handler.writeJsonLines(List.of(1, 2, 3), file).ok()).isTrue();
        Files.writeString(file, LINES, StandardCharsets.UTF_8);
        fs.clearOps();

        ReadResult<List<Object>> result = handler.readJsonLines(fs.wrap(file));

        assertThat(result.source()).isEqualTo(Source.BACKUP);
        assertThat(result.data()).hasSize(2);
        assertThat(passesOver(file)).isLessThanOrEqualTo(2);
        assertSameReport(result, file, Format.JSON_LINES);
    }

    @Test
    void theReportOfTheSalvageIsKeptForTheNextInspection() throws IOException {
        Path file = damaged("data.jsonl", LINES);
        FallbackHandler handler = handler(RecoveryPolicy.SALVAGE_THEN_BACKUP);
        handler.readJsonLines(fs.wrap(file));
        fs.clearOps();

        try (RecoveredRecords records = handler.recover(fs.wrap(file), Format.JSON_LINES)) {
            assertThat(records.source()).isEqualTo(Source.SALVAGED);
            records.forEachRemaining(record -> { });
        }

        assertThat(passesOver(file)).as("recover() streams the salvage without inspecting the file again")
                .isEqualTo(1);
    }

    private Path damaged(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private FallbackHandler handler(RecoveryPolicy policy) {
        return FallbackHandler.builder().runtime(runtime).recoveryPolicy(policy).backups(2).build();
    }

    /** The channels opened on the file that read from it. */
    private long passesOver(Path file) {
        Set<Integer> opened = new HashSet<>();
        Set<Integer> read = new HashSet<>();
        for (Op op : fs.ops()) {
            if (op.path() != null && op.path().equals(file)) {
                if (op.kind() == OpKind.OPEN) {
                    opened.add(op.handle());
                } else if (op.kind() == OpKind.READ) {
                    read.add(op.handle());
                }
            }
        }
        opened.retainAll(read);
        return opened.size();
    }

    private static void assertSameReport(ReadResult<?> result, Path file, Format format) {
        CorruptionReport inspected = CorruptionDetector.inspect(file, format);
        assertThat(result.report()).isPresent();
        CorruptionReport reported = result.report().get();
        assertThat(reported.problems()).isEqualTo(inspected.problems());
        assertThat(reported.validRecords()).isEqualTo(inspected.validRecords());
        assertThat(reported.skippedRecords()).isEqualTo(inspected.skippedRecords());
        assertThat(reported.lostRecords()).isEqualTo(inspected.lostRecords());
    }
}

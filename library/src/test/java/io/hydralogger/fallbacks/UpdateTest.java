package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.write.Durability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lock-held read-modify-write of every format. */
class UpdateTest {
    @TempDir
    Path dir;

    private final FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).build();

    @SuppressWarnings("unchecked")
    private static Object increment(Object current) {
        Map<String, Object> counter = current == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>((Map<String, Object>) current);
        counter.merge("count", 1, (a, b) -> ((Number) a).intValue() + 1);
        return counter;
    }

    @Test
    void aMissingFileIsNullToTheFunctionAndIsCreated() {
        Path file = dir.resolve("counter.json");
        List<Object> seen = new ArrayList<>();

        boolean ok = Fallbacks.safeUpdateJson(file, current -> {
            seen.add(String.valueOf(current));
            return increment(current);
        });

        assertThat(ok).isTrue();
        assertThat(seen).containsExactly("null");
        assertThat(Fallbacks.safeReadJson(file)).isEqualTo(Map.of("count", 1));
    }

    @Test
    void eachUpdateSeesTheResultOfTheLastOne() {
        Path file = dir.resolve("counter.json");

        for (int i = 0; i < 5; i++) {
            assertThat(Fallbacks.safeUpdateJson(file.toString(), UpdateTest::increment)).isTrue();
        }

        assertThat(Fallbacks.safeReadJson(file)).isEqualTo(Map.of("count", 5));
    }

    @Test
    void jsonLinesFilesAreUpdatedAsListsOfRecords() {
        Path file = dir.resolve("items.jsonl");
        assertThat(handler.writeJsonLines(List.of(Map.of("n", 1), Map.of("n", 2)), file).ok()).isTrue();

        WriteResult result = handler.update(file, current -> {
            List<Object> records = new ArrayList<>((List<?>) current);
            records.add(Map.of("n", 3));
            return records;
        });

        assertThat(result.ok()).isTrue();
        assertThat(result.records()).isEqualTo(3);
        assertThat(handler.readJsonLines(file).data()).containsExactly(Map.of("n", 1), Map.of("n", 2),
                Map.of("n", 3));
    }

    @Test
    void csvFilesAreUpdatedAsListsOfRows() {
        Path file = dir.resolve("rows.csv");
        assertThat(handler.writeCsv(List.of(Map.of("id", 1, "name", "a")), file).ok()).isTrue();

        WriteResult result = handler.update(file, Format.CSV, current -> {
            @SuppressWarnings("unchecked")
            List<Map<String, String>> rows = new ArrayList<>((List<Map<String, String>>) current);
            rows.add(Map.of("id", "2", "name", "b"));
            return rows;
        });

        assertThat(result.ok()).isTrue();
        assertThat(handler.readCsv(file).data()).extracting(row -> row.get("id")).containsExactly("1", "2");
    }

    @Test
    void anUpdateKeepsABackupOfThePreviousVersion() throws Exception {
        Path file = dir.resolve("counter.json");
        handler.update(file, UpdateTest::increment);

        WriteResult second = handler.update(file, UpdateTest::increment);

        assertThat(second.backup()).isPresent();
        assertThat(Files.readString(second.backup().get())).isEqualTo("{\"count\":1}");
    }

    @Test
    void aFunctionThatThrowsLeavesTheFileUntouchedAndTheLockFree() throws Exception {
        Path file = dir.resolve("counter.json");
        handler.update(file, UpdateTest::increment);

        assertThatThrownBy(() -> handler.update(file, current -> {
            throw new ArithmeticException("boom");
        })).isInstanceOf(ArithmeticException.class).hasMessage("boom");

        assertThat(Files.readString(file)).isEqualTo("{\"count\":1}");
        assertThat(handler.update(file, UpdateTest::increment).ok()).isTrue();
        assertThat(Fallbacks.handler().stats().liveLocks()).isZero();
    }

    @Test
    void writingTheSameFileFromInsideTheFunctionIsRefusedInsteadOfDeadlocking() throws Exception {
        Path file = dir.resolve("counter.json");

        assertThatThrownBy(() -> handler.update(file, current -> {
            handler.writeJson(Map.of("nested", true), file);
            return current;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("already holds the lock");

        assertThat(file).doesNotExist();
        assertThat(handler.update(file, UpdateTest::increment).ok()).isTrue();
    }

    @Test
    void anUnreadableFileIsNotOverwritten() throws Exception {
        Path file = dir.resolve("counter.json");
        Files.writeString(file, "{{{ not json");
        FallbackHandler strict = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT)
                .durability(Durability.NONE).build();
        List<Object> calls = new ArrayList<>();

        WriteResult result = strict.update(file, current -> {
            calls.add(current);
            return Map.of("count", 1);
        });

        assertThat(result.ok()).isFalse();
        assertThat(result.error()).isPresent();
        assertThat(calls).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("{{{ not json");
    }
}

package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The async rows of the facade: the same results as the synchronous calls, on the handler's
 * executor, completing exceptionally only for programming errors.
 */
class AsyncFacadeTest {
    @TempDir
    Path dir;

    static List<Map<String, Object>> records() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", i);
            record.put("name", "user " + i + ", \"quoted\"");
            record.put("score", i % 7 == 0 ? Double.NaN : i * 0.25);
            record.put("meta", Map.of("even", i % 2 == 0));
            records.add(record);
        }
        return records;
    }

    @Test
    void asyncJsonWritesAndReadsGiveTheSameAsSyncOnes() throws Exception {
        Path sync = dir.resolve("sync.json");
        Path async = dir.resolve("async.json");

        assertThat(Fallbacks.safeWriteJson(records(), sync)).isTrue();
        assertThat(Fallbacks.asyncSafeWriteJson(records(), async).join()).isTrue();

        assertThat(Files.readAllBytes(async)).isEqualTo(Files.readAllBytes(sync));
        Object read = Fallbacks.asyncSafeReadJson(async).join();
        assertThat(read).isNotNull().isEqualTo(Fallbacks.safeReadJson(sync));
    }

    @Test
    void asyncJsonLinesWritesAndReadsGiveTheSameAsSyncOnes() throws Exception {
        Path sync = dir.resolve("sync.jsonl");
        Path async = dir.resolve("async.jsonl");

        assertThat(Fallbacks.safeWriteJsonLines(records(), sync)).isTrue();
        assertThat(Fallbacks.asyncSafeWriteJsonLines(records(), async).join()).isTrue();

        assertThat(Files.readAllBytes(async)).isEqualTo(Files.readAllBytes(sync));
        List<Object> read = Fallbacks.asyncSafeReadJsonLines(async).join();
        assertThat(read).hasSize(50).isEqualTo(Fallbacks.safeReadJsonLines(sync));
    }

    @Test
    void asyncCsvWritesAndReadsGiveTheSameAsSyncOnes() throws Exception {
        Path sync = dir.resolve("sync.csv");
        Path async = dir.resolve("async.csv");

        assertThat(Fallbacks.safeWriteCsv(records(), sync)).isTrue();
        assertThat(Fallbacks.asyncSafeWriteCsv(records(), async).join()).isTrue();

        assertThat(Files.readAllBytes(async)).isEqualTo(Files.readAllBytes(sync));
        List<Map<String, String>> read = Fallbacks.asyncSafeReadCsv(async).join();
        assertThat(read).hasSize(50).isEqualTo(Fallbacks.safeReadCsv(sync));
        assertThat(read.get(0)).containsEntry("score", "NaN").containsEntry("meta.even", "true");
    }

    @Test
    void manyAsyncWritesAtOnceAllLand() {
        List<CompletableFuture<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Path file = dir.resolve("file-" + i + ".json");
            writes.add(Fallbacks.asyncSafeWriteJson(List.of(Map.of("file", i)), file));
        }

        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

        for (int i = 0; i < 24; i++) {
            assertThat(writes.get(i).join()).isTrue();
            assertThat(Fallbacks.safeReadJson(dir.resolve("file-" + i + ".json"))).isEqualTo(List.of(Map.of("file", i)));
        }
    }

    @Test
    void theFacadeRunsOnItsOwnPoolNotTheCommonOne() {
        AtomicReference<String> thread = new AtomicReference<>();
        Iterable<Object> records = () -> {
            thread.set(Thread.currentThread().getName());
            return List.<Object>of(1, 2).iterator();
        };

        assertThat(Fallbacks.asyncSafeWriteJsonLines(records, dir.resolve("where.jsonl")).join()).isTrue();

        assertThat(thread.get()).startsWith("hydra-fallbacks-io-");
    }

    @Test
    void aHandlerRunsItsAsyncCallsOnTheExecutorItWasGiven() {
        ExecutorService executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "my-io-thread"));
        try {
            FallbackHandler handler = FallbackHandler.builder().executor(executor).build();
            AtomicReference<String> thread = new AtomicReference<>();
            Iterable<Object> records = () -> {
                thread.set(Thread.currentThread().getName());
                return List.<Object>of(Map.of("a", 1)).iterator();
            };
            Path file = dir.resolve("mine.csv");

            WriteResult result = handler.async(h -> h.writeCsv(records, file)).join();

            assertThat(result.ok()).isTrue();
            assertThat(result.records()).isEqualTo(1);
            assertThat(thread.get()).isEqualTo("my-io-thread");
            assertThat(handler.async(h -> h.readCsv(file)).join().data()).containsExactly(Map.of("a", "1"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void badInputCompletesNormallyWithFalseOrNull() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.json"));
        Path missing = dir.resolve("missing.json");
        Path damaged = Files.writeString(dir.resolve("damaged.json"), "[1, 2");

        assertThat(Fallbacks.asyncSafeWriteJson(records(), folder).join()).isFalse();
        assertThat(Fallbacks.asyncSafeWriteJsonLines(records(), folder).join()).isFalse();
        assertThat(Fallbacks.asyncSafeReadJson(missing).join()).isNull();
        assertThat(Fallbacks.asyncSafeReadJson(damaged).join()).as("salvaged: 2 may be cut short")
                .isEqualTo(List.of(1));
        assertThat(Fallbacks.asyncSafeReadJsonLines(missing).join()).isNull();
        assertThat(Fallbacks.asyncSafeReadCsv(missing).join()).isNull();
        assertThat((List<?>) Fallbacks.asyncSafeReadJson(folder).join()).as("the fallback file of the failed writes")
                .hasSize(records().size());
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aNullPathCompletesExceptionallyWithNullPointerException() {
        List<CompletableFuture<?>> futures = List.of(
                Fallbacks.asyncSafeWriteJson(records(), (Path) null),
                Fallbacks.asyncSafeWriteJson(records(), (String) null),
                Fallbacks.asyncSafeWriteJson(records(), (String) null, 2),
                Fallbacks.asyncSafeWriteJsonLines(records(), (Path) null),
                Fallbacks.asyncSafeWriteJsonLines(records(), (String) null),
                Fallbacks.asyncSafeWriteCsv(records(), (Path) null),
                Fallbacks.asyncSafeWriteCsv(records(), (String) null),
                Fallbacks.asyncSafeReadJson((Path) null),
                Fallbacks.asyncSafeReadJson((String) null),
                Fallbacks.asyncSafeReadJsonLines((Path) null),
                Fallbacks.asyncSafeReadJsonLines((String) null),
                Fallbacks.asyncSafeReadCsv((Path) null),
                Fallbacks.asyncSafeReadCsv((String) null),
                Fallbacks.asyncSafeAppendJsonLines(records(), (String) null),
                Fallbacks.asyncSafeUpdateJson((String) null, data -> data));

        for (CompletableFuture<?> future : futures) {
            assertThatThrownBy(future::join).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(NullPointerException.class);
            assertThat(future).isCompletedExceptionally();
        }
    }

    @Test
    void theEmptyPathStringAndANegativeIndentCompleteExceptionallyWithIllegalArgumentException() {
        Path file = dir.resolve("x.json");
        for (CompletableFuture<?> future : List.of(Fallbacks.asyncSafeWriteJson(records(), ""),
                Fallbacks.asyncSafeReadCsv(""), Fallbacks.asyncSafeWriteJson(records(), file, -1),
                Fallbacks.asyncSafeWriteJson(records(), file.toString(), -1))) {
            assertThatThrownBy(future::join).cause().isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(file).doesNotExist();
    }

    /** Issue 13: every async call of the guide takes the file name as a string, as the original's do. */
    @Test
    void everyAsyncCallTakesAPathStringAndGivesWhatTheSyncCallGives() throws Exception {
        String json = dir.resolve("a.json").toString();
        String jsonl = dir.resolve("a.jsonl").toString();
        String csv = dir.resolve("a.csv").toString();
        String log = dir.resolve("log.jsonl").toString();

        assertThat(Fallbacks.asyncSafeWriteJson(records(), json).join()).isTrue();
        assertThat(Fallbacks.asyncSafeWriteJsonLines(records(), jsonl).join()).isTrue();
        assertThat(Fallbacks.asyncSafeWriteCsv(records(), csv).join()).isTrue();
        assertThat(Fallbacks.asyncSafeAppendJsonLines(List.of(Map.of("n", 1)), log).join()).isTrue();
        assertThat(Fallbacks.asyncSafeUpdateJson(json, data -> List.of("replaced")).join()).isTrue();

        assertThat(Fallbacks.asyncSafeReadJson(json).join()).isEqualTo(List.of("replaced"));
        assertThat(Fallbacks.asyncSafeReadJsonLines(jsonl).join()).isEqualTo(Fallbacks.safeReadJsonLines(jsonl))
                .hasSize(50);
        assertThat(Fallbacks.asyncSafeReadCsv(csv).join()).isEqualTo(Fallbacks.safeReadCsv(csv)).hasSize(50);
        assertThat(Fallbacks.asyncSafeReadJsonLines(log).join()).isEqualTo(List.of(Map.of("n", 1)));
    }

    /** Issue 13: {@code async_safe_write_json(data, path, indent)} of the original. */
    @Test
    void anAsyncJsonWriteWithAnIndentWritesWhatTheSyncOneDoes() throws Exception {
        Path sync = dir.resolve("sync.json");
        Path async = dir.resolve("async.json");
        Path named = dir.resolve("named.json");

        assertThat(Fallbacks.safeWriteJson(records(), sync, 2)).isTrue();
        assertThat(Fallbacks.asyncSafeWriteJson(records(), async, 2).join()).isTrue();
        assertThat(Fallbacks.asyncSafeWriteJson(records(), named.toString(), 2).join()).isTrue();

        assertThat(Files.readString(sync)).startsWith("[\n  {\n    \"id\": 0,");
        assertThat(Files.readAllBytes(async)).isEqualTo(Files.readAllBytes(sync));
        assertThat(Files.readAllBytes(named)).isEqualTo(Files.readAllBytes(sync));
    }

    @Test
    void nullRecordsCompleteExceptionallyWithNullPointerException() {
        Path file = dir.resolve("x.jsonl");
        for (CompletableFuture<Boolean> future : List.of(Fallbacks.asyncSafeWriteJsonLines(null, file),
                Fallbacks.asyncSafeWriteCsv(null, file))) {
            assertThatThrownBy(future::join).cause().isInstanceOf(NullPointerException.class);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void anAsyncWriteOfASinglePassIteratorIsAsGoodAsASyncOne() {
        Path file = dir.resolve("iter.jsonl");
        Iterator<Map<String, Object>> iterator = records().iterator();
        Iterable<Map<String, Object>> once = () -> iterator;

        WriteResult result = Fallbacks.handler().async(h -> h.writeJsonLines(once, file)).join();

        assertThat(result.ok()).isTrue();
        assertThat(result.records()).isEqualTo(50);
        assertThat(Fallbacks.safeReadJsonLines(file)).hasSize(50);
    }
}

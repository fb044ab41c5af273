package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.stats.FallbackMetrics;
import io.hydralogger.fallbacks.stats.StatsSnapshot;
import io.hydralogger.fallbacks.write.Durability;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Statistics of SPEC §8: counters, latency summaries, the facade's map, reset, Micrometer. */
class StatisticsTest {
    @TempDir
    Path dir;

    private final FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).build();

    @Test
    void appendsAndTheirFailuresAreCountedWithTheirLatency() throws Exception {
        Path file = dir.resolve("log.jsonl");
        handler.appendJsonLines(List.of(Map.of("n", 1), Map.of("n", 2)), file);
        handler.appendJsonLines(List.of(Map.of("n", 3)), file);
        handler.appendJsonLines(List.of(Map.of("n", 4)), Files.createDirectory(dir.resolve("folder.jsonl")));

        StatsSnapshot stats = handler.stats().snapshot();

        assertThat(stats.appends()).isEqualTo(2);
        assertThat(stats.appendsFailed()).isEqualTo(1);
        assertThat(stats.recordsWritten()).isEqualTo(3);
        assertThat(stats.bytesWritten()).isEqualTo(Files.size(file));
        assertThat(stats.fallbackWrites()).isEqualTo(1);
        assertThat(stats.appendLatency().count()).isEqualTo(3);
        assertThat(stats.appendLatency().maxMillis()).isGreaterThanOrEqualTo(stats.appendLatency().meanMillis());
    }

    @Test
    void updatesCountAsAReadAndAWrite() {
        Path file = dir.resolve("counter.json");
        handler.update(file, current -> 1);
        handler.update(file, current -> ((Number) current).intValue() + 1);

        StatsSnapshot stats = handler.stats().snapshot();

        assertThat(stats.writesOk()).isEqualTo(2);
        assertThat(stats.readsOk()).isEqualTo(1);
        assertThat(stats.writeLatency().count()).isEqualTo(2);
    }

    @Test
    void aLockThatWasTakenIsCountedAsAWaitWithItsDuration() throws Exception {
        Path file = dir.resolve("counter.json");
        Thread second = new Thread(() -> handler.update(file, current -> 2));
        handler.update(file, current -> {
            second.start();
            waitUntilBlocked(second);
            return 1;
        });
        second.join();

        StatsSnapshot stats = handler.stats().snapshot();

        assertThat(stats.lockWaits()).isEqualTo(1);
        assertThat(stats.lockWaitLatency().count()).isEqualTo(1);
        assertThat(stats.lockWaitLatency().maxMillis()).isPositive();
        assertThat(handler.readJson(file).data()).isEqualTo(2);
    }

    private static void waitUntilBlocked(Thread thread) {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }

    @Test
    void resetSetsEverythingBackToZero() throws Exception {
        handler.appendJsonLines(List.of(1), dir.resolve("log.jsonl"));
        handler.writeJson(List.of(1), dir.resolve("a.json"));
        handler.readJson(dir.resolve("a.json"));

        handler.stats().reset();

        StatsSnapshot zero = handler.stats().snapshot();
        assertThat(zero.toMap().values()).allMatch(v -> ((Number) v).doubleValue() == 0);
    }

    @Test
    void theFacadeMapKeepsTheOriginalKeysAndTheCounters() throws Exception {
        Fallbacks.resetStats();
        Fallbacks.clearAllCaches();
        Fallbacks.safeAppendJsonLines(List.of(Map.of("n", 1)), dir.resolve("log.jsonl"));

        Map<String, Object> map = Fallbacks.getPerformanceStats();

        assertThat(map).containsKeys("sanitizer_cache_size", "sanitizer_cache_hits", "sanitizer_cache_misses",
                "corruption_cache_size", "file_locks_count", "file_locks_held", "writes_ok", "appends",
                "appends_failed", "lock_waits", "append_latency_mean_ms", "lock_wait_latency_max_ms");
        assertThat(map.get("file_locks_count")).as("the log's lock entry, kept open for the next append")
                .isEqualTo(1);
        assertThat(map.get("file_locks_held")).as("no lock is held now").isEqualTo(0);
        assertThat(map.get("appends")).isEqualTo(1L);
        assertThat(Fallbacks.stats().appends()).isEqualTo(1);
        Fallbacks.resetStats();
        assertThat(Fallbacks.stats().appends()).isZero();
        Fallbacks.clearAllCaches();
        assertThat(Fallbacks.getPerformanceStats()).containsEntry("file_locks_count", 0);
    }

    /**
     * Issue 13: the guide reads {@code sanitizer_cache_size} as "cache hits"; the hits and misses
     * are keys of their own, and each key counts what its documentation says.
     */
    @Test
    void theSanitiserCacheCountsItsHitsAndMissesAndClearingStartsThemAgain() throws Exception {
        try (FallbackRuntime runtime = FallbackRuntime.create()) {
            FallbackHandler own = FallbackHandler.builder().runtime(runtime).durability(Durability.NONE).build();
            List<Point> points = List.of(new Point(1, 2), new Point(3, 4), new Point(5, 6));

            own.writeJson(points, dir.resolve("a.json"));
            Map<String, Object> first = own.stats().toMap();
            own.writeJson(points, dir.resolve("b.json"));
            own.writeJsonLines(points, dir.resolve("c.jsonl"));
            Map<String, Object> later = own.stats().toMap();

            assertThat(first).as("the list's class and Point, each taken apart once")
                    .containsEntry("sanitizer_cache_misses", 2L).containsEntry("sanitizer_cache_size", 2);
            assertThat(later).as("later writes find both classes").containsEntry("sanitizer_cache_misses", 2L)
                    .containsEntry("sanitizer_cache_size", 2);
            assertThat((long) later.get("sanitizer_cache_hits"))
                    .as("the JSON write finds the list's class and Point, the JSON Lines write (record by record) Point")
                    .isEqualTo((long) first.get("sanitizer_cache_hits") + 3);
            assertThat(own.stats().sanitizerCacheHits()).isEqualTo(later.get("sanitizer_cache_hits"));

            runtime.clearCaches();
            assertThat(own.stats().toMap()).containsEntry("sanitizer_cache_size", 0)
                    .containsEntry("sanitizer_cache_hits", 0L).containsEntry("sanitizer_cache_misses", 0L);
        }
    }

    /** A record for the sanitiser's cache: taken apart by its components, once. */
    record Point(int x, int y) {
    }

    @Test
    void micrometerMetersReadTheLiveCounters() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new FallbackMetrics(handler.stats(), Tags.of("handler", "test")).bindTo(registry);
        handler.appendJsonLines(List.of(1, 2), dir.resolve("log.jsonl"));
        handler.writeJson(List.of(1), dir.resolve("a.json"));

        assertThat(registry.get("hydra.fallbacks.appends").tag("result", "ok").tag("handler", "test")
                .functionCounter().count()).isEqualTo(1);
        assertThat(registry.get("hydra.fallbacks.writes").tag("result", "ok").functionCounter().count())
                .isEqualTo(1);
        assertThat(registry.get("hydra.fallbacks.records.written").functionCounter().count()).isEqualTo(3);
        assertThat(registry.get("hydra.fallbacks.append.latency").functionTimer().count()).isEqualTo(1);
        assertThat(registry.get("hydra.fallbacks.append.latency").functionTimer().totalTime(TimeUnit.NANOSECONDS))
                .isPositive();
        assertThat(registry.get("hydra.fallbacks.locks.live").gauge().value()).isZero();
        handler.stats().reset();
        assertThat(registry.get("hydra.fallbacks.appends").tag("result", "ok").functionCounter().count()).isZero();
    }
}

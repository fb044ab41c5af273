package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.write.Durability;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** Many real threads on the real file system: nothing torn, nothing lost, no lock left behind. */
class ThreadConcurrencyTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    /** Runs {@code threads} tasks started at the same moment; returns their results. */
    static <T> List<T> runTogether(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sixteenThreadsAppendingAThousandRecordsEachGiveSixteenThousandIntactLines() throws Exception {
        Path file = dir.resolve("log.jsonl");
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).build();
        int threads = 16;
        int perThread = 1000;
        java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();

        List<Integer> failures = runTogether(threads, () -> {
            int thread = ids.getAndIncrement();
            int failed = 0;
            for (int i = 0; i < perThread; i++) {
                if (!handler.appendJsonLines(List.of(Map.of("thread", thread, "seq", i, "pad", "x".repeat(i % 50))),
                        file).ok()) {
                    failed++;
                }
            }
            return failed;
        });

        assertThat(failures).containsOnly(0);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(threads * perThread);
        Set<String> seen = new HashSet<>();
        int[] next = new int[threads];
        for (String line : lines) {
            Map<?, ?> record = MAPPER.readValue(line, Map.class);
            int thread = ((Number) record.get("thread")).intValue();
            int seq = ((Number) record.get("seq")).intValue();
            assertThat(seq).as("lines of one thread stay in order").isEqualTo(next[thread]++);
            seen.add(thread + "/" + seq);
        }
        assertThat(seen).hasSize(threads * perThread);
        assertThat(Fallbacks.handler().stats().liveLocks()).isZero();
    }

    @Test
    void concurrentUpdatesOfOneCounterLoseNoIncrement() throws Exception {
        Path file = dir.resolve("counter.json");
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).build();

        runTogether(8, () -> {
            for (int i = 0; i < 50; i++) {
                assertThat(handler.update(file, Format.JSON,
                        current -> current == null ? 1 : ((Number) current).intValue() + 1).ok()).isTrue();
            }
            return null;
        });

        assertThat(handler.readJson(file).data()).isEqualTo(400);
    }

    @Test
    void readersWhileWritersReplaceTheFileSeeOnlyWholeVersions() throws Exception {
        Path file = dir.resolve("data.json");
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).backups(0).build();
        assertThat(handler.writeJson(version(0), file).ok()).isTrue();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            done.add(writers.submit(() -> {
                for (int v = 1; v <= 150; v++) {
                    assertThat(handler.writeJson(version(writer * 1000 + v), file).ok()).isTrue();
                }
                return null;
            }));
        }
        try {
            List<Integer> reads = runTogether(2, () -> {
                int count = 0;
                while (writing.get() || count == 0) {
                    ReadResult<Object> read = handler.readJson(file);
                    assertThat(read.source()).isEqualTo(Source.PRIMARY);
                    List<?> list = (List<?>) read.data();
                    assertThat(list).hasSize(2000);
                    Object first = list.get(0);
                    assertThat(list).as("one version, never a mix").allMatch(first::equals);
                    count++;
                    writing.set(!done.stream().allMatch(Future::isDone));
                }
                return count;
            });
            for (Future<?> future : done) {
                future.get();
            }
            assertThat(reads).allMatch(n -> n > 0);
        } finally {
            writers.shutdownNow();
        }
    }

    private static List<Integer> version(int v) {
        return java.util.Collections.nCopies(2000, v);
    }

    @Test
    void afterAppendsToTenThousandFilesTheLockTableIsEmptyAgain() throws Exception {
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).processLocking(false)
                .build();
        int threads = 4;
        int perThread = 2_500;
        java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();

        runTogether(threads, () -> {
            int thread = ids.getAndIncrement();
            for (int i = 0; i < perThread; i++) {
                Path file = dir.resolve("t" + thread + "-" + (i / 500)).resolve(i + ".jsonl");
                assertThat(handler.appendJsonLines(List.of(i), file).ok()).isTrue();
                peak.accumulateAndGet(Fallbacks.handler().stats().liveLocks(), Math::max);
            }
            return null;
        });

        assertThat(Fallbacks.handler().stats().liveLocks()).isZero();
        assertThat(peak.get()).as("live locks never exceed the writers at work").isLessThanOrEqualTo(threads);
        assertThat(Files.readString(dir.resolve("t3-4").resolve("2499.jsonl"))).isEqualTo("2499\n");
    }
}

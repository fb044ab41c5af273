package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The async append and update rows, and the default pool they run on. */
class AsyncTest {
    @TempDir
    Path dir;

    @Test
    void asyncAppendsRunOnTheDedicatedPoolAndAllLand() throws Exception {
        Path file = dir.resolve("log.jsonl");
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int n = i;
            futures.add(Fallbacks.asyncSafeAppendJsonLines(() -> {
                threads.add(Thread.currentThread().getName());
                return List.<Object>of(Map.of("n", n)).iterator();
            }, file));
        }

        assertThat(futures).allMatch(CompletableFuture::join);
        assertThat(Files.readAllLines(file)).hasSize(200);
        assertThat(threads).isNotEmpty().allMatch(name -> name.startsWith("hydra-fallbacks-io-")
                || name.equals(Thread.currentThread().getName()));
    }

    @Test
    void asyncCallsRunConcurrently() throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        CountDownLatch both = new CountDownLatch(2);

        CompletableFuture<Boolean> first = Fallbacks.asyncSafeUpdateJson(a, current -> meet(both));
        CompletableFuture<Boolean> second = Fallbacks.asyncSafeUpdateJson(b, current -> meet(both));

        assertThat(first.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(second.get(1, TimeUnit.MINUTES)).isTrue();
        assertThat(Fallbacks.safeReadJson(a)).isEqualTo("met");
    }

    private static Object meet(CountDownLatch both) {
        both.countDown();
        try {
            return both.await(1, TimeUnit.MINUTES) ? "met" : "alone";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Test
    void asyncUpdatesOfOneFileLoseNothing() {
        Path file = dir.resolve("counter.json");
        List<CompletableFuture<Boolean>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            futures.add(Fallbacks.asyncSafeUpdateJson(file,
                    current -> current == null ? 1 : ((Number) current).intValue() + 1));
        }

        assertThat(futures).allMatch(CompletableFuture::join);
        assertThat(Fallbacks.safeReadJson(file)).isEqualTo(100);
    }

    @Test
    void aFailedAsyncAppendCompletesNormallyWithFalse() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.jsonl"));

        WriteResult result = Fallbacks.handler().async(h -> h.appendJsonLines(List.of(1), folder)).join();

        assertThat(result.ok()).isFalse();
        assertThat(result.fallback()).isPresent();
    }

    @Test
    void programmingErrorsCompleteExceptionally() {
        assertThatThrownBy(() -> Fallbacks.asyncSafeAppendJsonLines(List.of(1), (Path) null).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Fallbacks.asyncSafeUpdateJson(dir.resolve("x.json"), current -> {
            throw new IllegalArgumentException("bad function");
        }).join()).isInstanceOf(CompletionException.class).hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("x.json")).doesNotExist();
    }
}

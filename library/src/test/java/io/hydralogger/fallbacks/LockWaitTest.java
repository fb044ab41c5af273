package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hydralogger.fallbacks.format.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A handler's lock waits end at its lock timeout: the call fails like a write that cannot land. */
class LockWaitTest {
    @TempDir
    Path dir;

    @Test
    void aWriterThatCannotGetTheLockInTimeFallsBackAndTheHolderIsUndisturbed() throws Exception {
        Path file = dir.resolve("counter.json");
        FallbackHandler holder = FallbackHandler.builder().build();
        FallbackHandler impatient = FallbackHandler.builder().lockTimeout(Duration.ofMillis(100)).build();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<WriteResult> update = CompletableFuture.supplyAsync(() -> holder.update(file, Format.JSON,
                current -> {
                    holding.countDown();
                    try {
                        assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return Map.of("n", 1);
                }));
        assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();

        WriteResult write = impatient.writeJson(Map.of("n", 99), file);
        WriteResult append = impatient.appendJsonLines(List.of(Map.of("n", 98)), dir.resolve("counter.json"));
        release.countDown();

        assertThat(write.ok()).isFalse();
        assertThat(write.error()).get().asString().contains("was not free within PT0.1S");
        assertThat(write.fallback()).as("the records are kept").isPresent();
        assertThat(append.ok()).isFalse();
        assertThat(append.fallback()).isPresent();
        assertThat(update.get(60, TimeUnit.SECONDS).ok()).isTrue();
        assertThat(Files.readString(file)).isEqualTo("{\"n\":1}");
        assertThat(holder.stats().liveLocks()).isZero();
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> FallbackHandler.builder().lockTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.hydralogger.fallbacks.appender;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.appender.testing.LogLines;
import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file's promises in one JVM, with real files; events are plain numbers here. */
class LogFileTest {
    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    private static Map<String, Object> record(Integer n) {
        return EcsRecord.of(1_764_670_530L + n, 0, "INFO", "event " + n).field("n", n).toMap();
    }

    private LogFile<Integer> open(LogFileConfig config) {
        return LogFile.open(config, LogFileTest::record, status);
    }

    private static List<Object> numbers(List<Path> files) throws IOException {
        return LogLines.read(files).stream().map(r -> r.get("n")).toList();
    }

    private static List<Object> range(int from, int to) {
        return IntStream.range(from, to).boxed().map(Object.class::cast).toList();
    }

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    record Point(int x, int y) {
    }

    @Test
    void argumentObjectsAreSanitisedLikeEveryOtherRecord() throws IOException {
        Path log = dir.resolve("app.jsonl");
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text");
            }
        };
        LogFile<Map<String, Object>> file = LogFile.open(LogFileConfig.builder(log).build(), r -> r, status);
        file.append(EcsRecord.of(0, 0, "INFO", "values").field("when", Instant.parse("2026-12-02T10:15:30Z"))
                .field("bytes", new byte[] {1, 2}).field("nan", Double.NaN).field("maybe", Optional.of("x"))
                .field("point", new Point(1, 2)).field("hostile", hostile).toMap());
        file.stop();

        Map<String, Object> line = LogLines.read(log).get(0);
        assertThat(line).containsEntry("when", "2026-12-02T10:15:30Z").containsEntry("bytes", "AQI=")
                .containsEntry("nan", "NaN").containsEntry("maybe", "x").containsEntry("point", Map.of("x", 1, "y", 2));
        assertThat(line.get("hostile")).asString().isNotEmpty();
        assertThat(file.written()).isEqualTo(1);
        assertThat(status.reports).isEmpty();
    }

    @Test
    void eventsTheFileRefusesGoToOneFallbackFileUntilItTakesThemAgain() throws IOException {
        Path folder = dir.resolve("logs");
        Path log = folder.resolve("app.jsonl");
        Path fallbacks = dir.resolve("fallbacks");
        Files.writeString(folder, "a file where the log's folder should be");
        TestClock clock = new TestClock();
        LogFile<Integer> file = LogFile.open(LogFileConfig.builder(log).fallbackFolder(fallbacks).build(),
                LogFileTest::record, status, clock);

        for (int n = 0; n < 5; n++) {
            file.append(n);
        }
        assertThat(status.at("ERROR")).singleElement().asString().contains("could not write to " + log)
                .contains("events go to the fallback file " + fallbacks);
        List<Path> fallbackFiles = list(fallbacks, "app.jsonl.");
        assertThat(fallbackFiles).as("one outage, one fallback file").hasSize(1);
        assertThat(numbers(fallbackFiles)).isEqualTo(range(0, 5));

        Files.delete(folder);
        clock.advance(Duration.ofSeconds(2));
        for (int n = 5; n < 8; n++) {
            file.append(n);
        }
        file.stop();
        assertThat(numbers(List.of(log))).isEqualTo(range(5, 8));
        assertThat(status.at("INFO")).singleElement().asString().contains(log + " takes events again")
                .contains("the 5 events it refused are in " + fallbackFiles.get(0));
        assertThat(file.fellBack()).isEqualTo(5);
        assertThat(file.written()).isEqualTo(3);
        assertThat(file.lost()).isZero();
    }

    @Test
    void rotationBySizeKeepsTheNewestFilesUpToMaxHistory() throws IOException {
        Path log = dir.resolve("app.jsonl");
        LogFile<Integer> file = open(LogFileConfig.builder(log).maxFileSize(2000).maxHistory(3).build());
        for (int n = 0; n < 100; n++) {
            file.append(n);
        }
        file.stop();

        List<Path> rotated = rotated(log);
        assertThat(rotated).as("maxHistory rotated files are kept").hasSize(3);
        String today = RotationPeriod.DAILY.label(System.currentTimeMillis());
        List<Integer> rotatedNumbers = new ArrayList<>();
        for (Path path : rotated) {
            String name = path.getFileName().toString();
            assertThat(name).startsWith("app." + today + ".").endsWith(".jsonl");
            rotatedNumbers.add(Integer.parseInt(name.substring(("app." + today + ".").length(), name.length() - 6)));
            assertThat(Files.size(path)).as("rotated from 2000 bytes on").isGreaterThanOrEqualTo(2000);
        }
        assertThat(rotatedNumbers).as("the oldest were deleted").doesNotContain(1);
        List<Path> kept = new ArrayList<>(rotated);
        kept.add(log);
        List<Object> events = numbers(kept);
        assertThat(events).as("the newest events, in order, without a gap").isEqualTo(range(100 - events.size(), 100));
        assertThat(status.at("INFO")).allMatch(r -> r.contains("rotated " + log)).isNotEmpty();
    }

    @Test
    void aFileLastWrittenYesterdayByAnotherProcessIsRotatedAtTheFirstEventOfToday() throws IOException {
        Path log = dir.resolve("app.jsonl");
        FallbackHandler.builder().build().appendJsonLines(List.of(record(0)), log);
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        Files.setLastModifiedTime(log, FileTime.from(yesterday));
        LogFile<Integer> file = open(LogFileConfig.builder(log).rotation(RotationPeriod.DAILY).build());
        file.append(1);
        file.stop();

        assertThat(rotated(log)).singleElement().extracting(p -> p.getFileName().toString())
                .isEqualTo("app." + RotationPeriod.DAILY.label(yesterday.toEpochMilli()) + ".1.jsonl");
        assertThat(numbers(List.of(log))).isEqualTo(range(1, 2));
    }

    @Test
    void theAsynchronousModeWritesEveryEventInOrderBeforeStopReturns() throws IOException {
        Path log = dir.resolve("app.jsonl");
        LogFile<Integer> file = open(LogFileConfig.builder(log).async(true).queueSize(256).build());
        for (int n = 0; n < 20_000; n++) {
            file.append(n);
        }
        file.stop();
        assertThat(numbers(List.of(log))).isEqualTo(range(0, 20_000));
        assertThat(file.lost()).isZero();
        file.append(20_000);
        assertThat(numbers(List.of(log))).as("after stop, written at once").hasSize(20_001);
    }

    @Test
    void aFullQueueDropsAndCountsEventsWhenToldTo() throws Exception {
        Path log = dir.resolve("app.jsonl");
        FallbackHandler other = FallbackHandler.builder().build();
        other.appendJsonLines(List.of(record(-1)), log);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // another writer holds the file's lock (an update of it), so the log's writer waits
        CompletableFuture<Boolean> update = CompletableFuture.supplyAsync(() -> other.update(log, Format.JSON_LINES, data -> {
            holding.countDown();
            await(release);
            return data;
        }).ok());
        holding.await();
        LogFile<Integer> file = open(LogFileConfig.builder(log).async(true).queueSize(16)
                .whenQueueFull(QueueFullPolicy.DROP).build());
        for (int n = 0; n < 200; n++) {
            file.append(n);
        }
        long dropped = file.lost();
        assertThat(dropped).as("at most a batch and a full queue are taken while the writer waits")
                .isGreaterThanOrEqualTo(200 - 2 * 16);
        release.countDown();
        assertThat(update.join()).isTrue();
        file.stop();

        List<Object> events = numbers(List.of(log));
        assertThat(events).hasSize(1 + 200 - (int) dropped).startsWith(-1);
        assertThat(status.at("ERROR")).isNotEmpty().allMatch(r -> r.contains("dropped because the queue was full"));
    }

    @Test
    void intervalDurabilityWritesWithoutWaitingAndReportsNothingWhenForcesSucceed() throws IOException {
        Path log = dir.resolve("app.jsonl");
        LogFile<Integer> file = open(LogFileConfig.builder(log).durability(LogDurability.INTERVAL)
                .forceInterval(Duration.ofMillis(5)).build());
        for (int n = 0; n < 50; n++) {
            file.append(n);
        }
        file.stop();
        assertThat(numbers(List.of(log))).isEqualTo(range(0, 50));
        assertThat(status.reports).isEmpty();
    }

    @Test
    void configurationNamesAreReadInAnyCaseAndBadOnesAreRefusedClearly() {
        assertThat(LogDurability.parse(" Batch ")).isEqualTo(LogDurability.BATCH);
        assertThat(RotationPeriod.parse("HOURLY")).isEqualTo(RotationPeriod.HOURLY);
        assertThat(QueueFullPolicy.parse("drop")).isEqualTo(QueueFullPolicy.DROP);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> LogDurability.parse("sometimes"))
                .withMessage("'sometimes' is not one of none, batch, interval");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> LogFileConfig.builder(dir).maxHistory(0).build()).withMessageContaining("maxHistory");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Path> rotated(Path log) throws IOException {
        return list(log.getParent(), "app.2").stream()
                .sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    }

    private static int number(Path rotated) {
        String[] parts = rotated.getFileName().toString().split("\\.");
        return Integer.parseInt(parts[parts.length - 2]);
    }

    private static List<Path> list(Path folder, String prefix) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}

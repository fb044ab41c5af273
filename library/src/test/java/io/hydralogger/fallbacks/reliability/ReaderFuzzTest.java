package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.testing.Figures;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzing (Jazzer) of the readers, {@code inspect} and salvage. In a plain build the committed
 * seed corpus ({@code src/test/resources/.../ReaderFuzzTestInputs/<method>/}) runs as regression
 * tests; {@code mvn test -pl library -Pfuzz -Dtest=ReaderFuzzTest#<method>} (which sets {@code JAZZER_FUZZ=1}) fuzzes
 * one target for real.
 *
 * <p>Promises checked: the readers never throw (the result reports the problem); {@code inspect}
 * never throws; salvage throws nothing but {@link IOException}; and on a valid file damaged the
 * ways disks and crashes damage files (cut short, blocks of zeros, bytes that are not UTF-8),
 * every salvaged record is one that was written, and a file judged intact holds the written
 * records or (cut at a record's end) the first of them.
 */
class ReaderFuzzTest {
    private static final AtomicLong EXECUTIONS = new AtomicLong();
    private static final FallbackHandler STRICT = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT)
            .build();
    private static final FallbackHandler SALVAGING = FallbackHandler.builder().build();
    private static final FallbackHandler WRITER = FallbackHandler.builder().durability(Durability.NONE).backups(0)
            .build();
    private static final List<Map<String, Object>> WRITTEN = written();
    private static Path dir;

    @BeforeAll
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("reader-fuzz");
    }

    @AfterAll
    static void removeFolder() throws IOException {
        try (var all = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
        Figures.record("fuzz.executions", EXECUTIONS.get());
    }

    private static List<Map<String, Object>> written() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", i);
            record.put("name", "user \"" + i + "\", of line\n" + i);
            record.put("score", i * 1.5);
            record.put("tags", List.of("a", "b" + i));
            records.add(record);
        }
        return records;
    }

    private static Path file(Format format, byte[] bytes) throws IOException {
        Path file = dir.resolve("input-" + Thread.currentThread().getId() + switch (format) {
            case JSON -> ".json";
            case JSON_LINES -> ".jsonl";
            case CSV -> ".csv";
            case TSV -> ".tsv";
        });
        Files.write(file, bytes);
        return file;
    }

    private static ReadResult<?> read(FallbackHandler handler, Format format, Path file) {
        return switch (format) {
            case JSON -> handler.readJson(file);
            case JSON_LINES -> handler.readJsonLines(file);
            case CSV -> handler.readCsv(file);
            case TSV -> handler.readTsv(file);
        };
    }

    /** Any bytes, as each format: reads report instead of throwing; inspect and salvage do not throw. */
    @FuzzTest(maxDuration = "60s")
    void anyBytesAreReportedNeverThrown(byte[] bytes) throws IOException {
        EXECUTIONS.incrementAndGet();
        for (Format format : Format.values()) {
            Path file = file(format, bytes);
            ReadResult<?> strict = read(STRICT, format, file);
            assertThat(strict.ok() || strict.error().isPresent()).isTrue();
            read(SALVAGING, format, file);
            CorruptionReport report = CorruptionDetector.inspect(file, format);
            assertThat(report.validRecords()).isNotNegative();
            DataRecovery.Recovered recovered = DataRecovery.recover(file, format);
            assertThat(recovered.records()).hasSizeLessThanOrEqualTo(bytes.length + 1);
        }
    }

    /**
     * A valid file damaged by cuts, zeroed blocks and bytes that are not UTF-8: every record
     * salvaged is one that was written, and an intact verdict means only a cut at a record's end.
     */
    @FuzzTest(maxDuration = "60s")
    void salvageOfADamagedFileReturnsOnlyWrittenRecords(FuzzedDataProvider data) throws IOException {
        EXECUTIONS.incrementAndGet();
        Format format = data.pickValue(Format.values());
        Path clean = dir.resolve("clean-" + format.name() + switch (format) {
            case JSON -> ".json";
            case JSON_LINES -> ".jsonl";
            case CSV -> ".csv";
            case TSV -> ".tsv";
        });
        if (!Files.exists(clean)) {
            assertThat(WRITER.write(WRITTEN, clean, format).ok()).isTrue();
        }
        byte[] bytes = Files.readAllBytes(clean);
        int damages = data.consumeInt(1, 3);
        for (int d = 0; d < damages && bytes.length > 0; d++) {
            int at = data.consumeInt(0, bytes.length - 1);
            int length = data.consumeInt(1, Math.max(1, Math.min(64, bytes.length - at)));
            switch (data.consumeInt(0, 2)) {
                case 0 -> bytes = Arrays.copyOf(bytes, at);
                case 1 -> Arrays.fill(bytes, at, Math.min(bytes.length, at + length), (byte) 0);
                default -> Arrays.fill(bytes, at, Math.min(bytes.length, at + length), (byte) 0xFF);
            }
        }
        Path file = file(format, bytes);

        DataRecovery.Recovered recovered = DataRecovery.recover(file, format);

        Set<Object> allowed = new HashSet<>(expected(format));
        for (Object record : recovered.records()) {
            assertThat(allowed).as("salvaged a record that was never written, from %s",
                    Arrays.toString(bytes)).contains(record);
        }
        if (recovered.report().intact()) {
            List<Object> all = expected(format);
            assertThat(all.subList(0, Math.min(all.size(), recovered.records().size())))
                    .as("an intact file is the written records or, cut at a record's end, their start")
                    .isEqualTo(recovered.records());
        }
    }

    /** The written records as each format reads them back. */
    private static List<Object> expected(Format format) throws IOException {
        Path clean = dir.resolve("expected-" + format.name() + switch (format) {
            case JSON -> ".json";
            case JSON_LINES -> ".jsonl";
            case CSV -> ".csv";
            case TSV -> ".tsv";
        });
        if (!Files.exists(clean)) {
            assertThat(WRITER.write(WRITTEN, clean, format).ok()).isTrue();
        }
        ReadResult<?> read = read(STRICT, format, clean);
        return new ArrayList<>((List<?>) read.data());
    }
}

package io.hydralogger.fallbacks.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * How far a read got, in bytes, for the tool's progress bars: it never goes back, never passes
 * the file's size, and reaches the size when the whole file was read, on one thread and on
 * several, for salvage and for inspection.
 */
class ReadProgressTest {
    private static final JsonMapper MAPPER = DataRecovery.mapperFor(ReadLimits.DEFAULTS);

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /** A file of 5,000 records of about 60 bytes: several 64 KiB windows. */
    private Path file(Format format) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            records.add(Map.of("id", i, "name", "user" + i, "email", "user" + i + "@example.com"));
        }
        Path file = dir.resolve("records." + format.label());
        assertThat(FallbackHandler.builder().build().write(records, file, format).ok()).isTrue();
        return file;
    }

    /** Asserts that the positions grow, stay within the file, and end at its size. */
    private static void assertAdvancesToTheEnd(List<Long> positions, long size) {
        assertThat(positions).isNotEmpty().isSorted();
        assertThat(positions.get(0)).isLessThan(size);
        assertThat(positions).allSatisfy(p -> assertThat(p).isBetween(0L, size));
        assertThat(positions.get(positions.size() - 1)).isEqualTo(size);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aSalvageReadTellsHowFarItGot(Format format) throws IOException {
        Path file = file(format);
        List<Long> positions = new ArrayList<>();
        try (SalvageReader reader = DataRecovery.open(file, format)) {
            while (reader.hasNext()) {
                reader.next();
                positions.add(reader.bytesRead());
            }
            positions.add(reader.bytesRead());
        }
        assertAdvancesToTheEnd(positions, Files.size(file));
    }

    @Test
    void aSalvageOnSeveralThreadsTellsWhereTheStretchesTakenEnd() throws IOException {
        Path file = file(Format.JSON_LINES);
        List<Long> positions = new ArrayList<>();
        FileBytes bytes = FileBytes.open(file);
        List<Long> cuts = StretchCuts.lines(bytes, 0, 16 * 1024);
        assertThat(cuts).hasSizeGreaterThan(3);
        Engine engine = new ParallelLinesEngine(file, bytes, MAPPER, ReadLimits.DEFAULTS, cuts, 2,
                Executors.newFixedThreadPool(2));
        try (SalvageReader reader = new SalvageReader(engine, bytes)) {
            positions.add(reader.bytesRead());
            while (reader.hasNext()) {
                reader.next();
                positions.add(reader.bytesRead());
            }
        }
        assertThat(positions).as("the end of every stretch").containsAll(cuts.subList(1, cuts.size()));
        assertAdvancesToTheEnd(positions, Files.size(file));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void anInspectionTellsHowFarItGot(Format format) {
        Path file = file(format);
        List<Long> positions = new ArrayList<>();

        CorruptionReport report = CorruptionDetector.inspect(file, format, ReadLimits.DEFAULTS, Dialect.of(format),
                positions::add);

        assertThat(report.intact()).isTrue();
        assertThat(positions.size()).as("a report every %d records and one at the end", DataRecovery.PROGRESS_EVERY)
                .isGreaterThan(1);
        assertAdvancesToTheEnd(positions, file.toFile().length());
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "JSON_LINES"})
    void anInspectionOnSeveralThreadsTellsHowFarItGot(Format format) throws IOException {
        Path file = file(format);
        List<Long> positions = new ArrayList<>();

        CorruptionReport report = ParallelScan.scan(file, format, MAPPER, ReadLimits.DEFAULTS, pool, 2, 16 * 1024,
                positions::add);

        assertThat(report.intact()).isTrue();
        assertThat(positions.size()).isGreaterThan(3);
        assertAdvancesToTheEnd(positions, Files.size(file));
    }
}

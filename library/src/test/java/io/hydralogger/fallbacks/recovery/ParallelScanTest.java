package io.hydralogger.fallbacks.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inspection on several threads gives the report of the inspection on one, byte for byte:
 * on files the library wrote, damaged in every way the damage tests know and at random; on the
 * files of other programs in the interoperability corpus and their damaged copies; and on the
 * reader fuzz test's seeds. Stretches of a few hundred bytes stand in for the megabytes of real
 * use, so that every file is cut many times, through damage too.
 */
class ParallelScanTest {
    private static final Path CORPUS = Path.of(System.getProperty("corpus.dir", "../corpus/files"));
    private static final Path SEEDS = Path.of("src/test/resources/io/hydralogger/fallbacks/reliability/"
            + "ReaderFuzzTestInputs/anyBytesAreReportedNeverThrown");
    private static final JsonMapper MAPPER = DataRecovery.mapperFor(ReadLimits.DEFAULTS);

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-scan-helper");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    /**
     * Asserts that the report on several threads, for several stretch sizes, is the one-thread
     * report, and for JSON Lines that the salvage on several threads gives the one-thread records.
     */
    private void assertSameReport(Path file, Format format, ReadLimits limits) throws IOException {
        JsonMapper mapper = limits.equals(ReadLimits.DEFAULTS) ? MAPPER : DataRecovery.mapperFor(limits);
        CorruptionReport one = DataRecovery.scan(file, format, mapper, limits, Dialect.of(format));
        List<Object> oneRecords = format == Format.JSON_LINES ? salvage(file, mapper, limits, -1) : null;
        for (int chunk : new int[] {37, 200, 1500}) {
            CorruptionReport many = ParallelScan.scan(file, format, mapper, limits, pool, 3, chunk);
            assertThat(many).as("%s as %s, stretches of %d bytes", file.getFileName(), format, chunk).isEqualTo(one);
            if (oneRecords != null) {
                assertThat(salvage(file, mapper, limits, chunk)).as("records of %s", file.getFileName())
                        .isEqualTo(oneRecords);
            }
        }
    }

    /**
     * Salvages a JSON Lines file: on one thread ({@code chunk} -1), or on several with stretches
     * of {@code chunk} bytes; the last element is the report.
     */
    private List<Object> salvage(Path file, JsonMapper mapper, ReadLimits limits, int chunk) throws IOException {
        List<Object> records = new ArrayList<>();
        try (FileBytes bytes = FileBytes.asUtf8(FileBytes.open(file))) {
            long begin = bytes.contentStart();
            List<Long> cuts = chunk < 0 || !ParallelScan.utf8(bytes, begin) ? null
                    : StretchCuts.lines(bytes, begin, chunk);
            try (Engine engine = cuts == null ? new JsonLinesEngine(file, bytes, mapper, limits, true)
                    : new ParallelLinesEngine(file, bytes, mapper, limits, cuts, 3, Helpers.pool(3))) {
                for (Object record = engine.next(); record != Engine.END; record = engine.next()) {
                    records.add(record);
                }
                records.add(engine.report());
            }
        }
        return records;
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Ways to damage a file, each at several places. */
    private static List<byte[]> damaged(byte[] bytes) {
        List<byte[]> copies = new ArrayList<>();
        for (int place : new int[] {1, bytes.length / 3, bytes.length / 2, bytes.length - 2}) {
            int at = Math.max(0, Math.min(place, bytes.length));
            copies.add(DamageFixtures.insert(bytes, at, DamageFixtures.ascii("#~{\"")));
            copies.add(DamageFixtures.overwrite(bytes, at, DamageFixtures.zeros(16)));
            copies.add(DamageFixtures.insert(bytes, at, new byte[] {(byte) 0xC3, (byte) 0x28}));
            copies.add(DamageFixtures.insert(bytes, at, DamageFixtures.ascii("\n")));
            copies.add(DamageFixtures.insert(bytes, at, DamageFixtures.ascii("\r")));
            copies.add(DamageFixtures.insert(bytes, at, DamageFixtures.ascii("1 ")));
            copies.add(java.util.Arrays.copyOf(bytes, at));
        }
        copies.add(DamageFixtures.insert(bytes, bytes.length, DamageFixtures.zeros(64)));
        copies.add(DamageFixtures.insert(bytes, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        return copies;
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "JSON_LINES"})
    void filesOfTheLibraryIntactAndDamagedGiveTheOneThreadReport(Format format) throws IOException {
        byte[] bytes = DamageFixtures.write(dir, format, 300);
        assertSameReport(file("intact" + DamageFixtures.extension(format), bytes), format, ReadLimits.DEFAULTS);
        int i = 0;
        for (byte[] copy : damaged(bytes)) {
            assertSameReport(file("damaged-" + i++ + DamageFixtures.extension(format), copy), format,
                    ReadLimits.DEFAULTS);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "JSON_LINES"})
    void randomDamageGivesTheOneThreadReport(Format format) throws IOException {
        byte[] bytes = DamageFixtures.write(dir, format, 200);
        Random random = new Random(format.ordinal() * 7919L);
        byte[] alphabet = DamageFixtures.ascii("{}[],:\"\\ \n\r\t0-1.eE+truefalsnx");
        for (int round = 0; round < 60; round++) {
            byte[] copy = bytes.clone();
            for (int k = 0, n = 1 + random.nextInt(4); k < n; k++) {
                int at = random.nextInt(copy.length);
                copy[at] = random.nextInt(5) == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            assertSameReport(file("random-" + round + DamageFixtures.extension(format), copy), format,
                    ReadLimits.DEFAULTS);
        }
    }

    @Test
    void manyProblemsAreListedAndSummedUpAsOnOneThread() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2600; i++) {
            text.append(i % 2 == 0 ? "{\"id\":" + i + "}" : i % 3 == 0 ? "\u0000bad" : "{broken").append('\n');
        }
        assertSameReport(file("many.jsonl", text.toString().getBytes(StandardCharsets.UTF_8)), Format.JSON_LINES,
                ReadLimits.DEFAULTS);
    }

    @Test
    void limitsAreEnforcedAsOnOneThread() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            text.append("{\"id\":").append(i).append(",\"text\":\"").append("x".repeat(i % 50 == 0 ? 120 : 10))
                    .append("\",\"deep\":").append("[".repeat(i % 70 == 0 ? 8 : 2)).append("]".repeat(i % 70 == 0 ? 8 : 2))
                    .append("}\n");
        }
        ReadLimits tight = new ReadLimits(5, 100, 1000, -1);
        assertSameReport(file("limits.jsonl", text.toString().getBytes(StandardCharsets.UTF_8)), Format.JSON_LINES,
                tight);
        String array = "[" + text.toString().strip().replace("\n", ",") + "]";
        assertSameReport(file("limits.json", array.getBytes(StandardCharsets.UTF_8)), Format.JSON, tight);
    }

    @Test
    void lookAlikeBoundariesInStringsAndNestedArraysGiveTheOneThreadReport() throws IOException {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            text.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append(",\"text\":\"},{\\\"id\\\":1},{\\\"id\\\":\",")
                    .append("\"children\":[{\"id\":").append(i).append("},{\"id\":").append(-i).append("}]}");
        }
        text.append("]");
        assertSameReport(file("lookalike.json", text.toString().getBytes(StandardCharsets.UTF_8)), Format.JSON,
                ReadLimits.DEFAULTS);
    }

    @Test
    void theFilesOfOtherProgramsAndTheFuzzSeedsGiveTheOneThreadReport() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path folder : List.of(CORPUS, SEEDS)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        int checked = 0;
        for (Path source : files) {
            String name = source.getFileName().toString();
            Format format = name.endsWith(".jsonl") || name.endsWith(".ndjson") ? Format.JSON_LINES
                    : name.endsWith(".json") ? Format.JSON : null;
            if (format == null) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(source);
            assertSameReport(file("corpus-" + checked + "-" + name, bytes), format, ReadLimits.DEFAULTS);
            if (bytes.length < 4096) {
                for (byte[] copy : damaged(bytes)) {
                    assertSameReport(file("corpus-" + checked + "-damaged-" + name, copy), format, ReadLimits.DEFAULTS);
                }
            }
            checked++;
        }
        assertThat(checked).as("corpus and seed files of JSON").isGreaterThan(10);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "JSON_LINES"})
    void aLargeFileIsInspectedAndSalvagedOnSeveralThreadsWithTheOneThreadResult(Format format) throws IOException {
        byte[] bytes = DamageFixtures.write(dir, format, 80_000);
        assertThat((long) bytes.length).isGreaterThan(ParallelScan.THRESHOLD);
        Path intact = file("large" + DamageFixtures.extension(format), bytes);
        Path damaged = file("large-damaged" + DamageFixtures.extension(format),
                DamageFixtures.insert(bytes, bytes.length / 2, DamageFixtures.ascii("#~{\"")));
        for (Path path : List.of(intact, damaged)) {
            CorruptionReport one;
            List<Object> oneRecords = new ArrayList<>();
            try (FileBytes file = FileBytes.open(path); Engine engine = format == Format.JSON
                    ? new JsonEngine(path, file, MAPPER, ReadLimits.DEFAULTS, true)
                    : new JsonLinesEngine(path, file, MAPPER, ReadLimits.DEFAULTS, true)) {
                for (Object record = engine.next(); record != Engine.END; record = engine.next()) {
                    oneRecords.add(record);
                }
                one = engine.report();
            }
            assertThat(CorruptionDetector.inspect(path, format)).isEqualTo(one);
            DataRecovery.Recovered salvaged = DataRecovery.recover(path, format);
            assertThat(salvaged.report()).isEqualTo(one);
            assertThat(salvaged.records()).isEqualTo(oneRecords);
        }
    }

    @Test
    void intactFilesAreCutIntoManyStretchesThatAllPassTheFastLook() throws IOException {
        for (Format format : List.of(Format.JSON, Format.JSON_LINES)) {
            Path file = file("cut" + DamageFixtures.extension(format), DamageFixtures.write(dir, format, 500));
            try (FileBytes bytes = FileBytes.open(file)) {
                List<Long> cuts = format == Format.JSON ? StretchCuts.elements(bytes, 0, 500)
                        : StretchCuts.lines(bytes, 0, 500);
                assertThat(cuts).as("%s", format).hasSizeGreaterThan(20);
                byte[] all = Files.readAllBytes(file);
                long count = 0;
                for (int i = 0; i + 1 < cuts.size(); i++) {
                    int from = (int) (format == Format.JSON ? cuts.get(i) + 1 : cuts.get(i));
                    int to = (int) (long) cuts.get(i + 1);
                    byte[] stretch = format == Format.JSON_LINES ? java.util.Arrays.copyOfRange(all, from, to)
                            : ("[" + new String(all, from, to - from, StandardCharsets.UTF_8) + "]")
                                    .getBytes(StandardCharsets.UTF_8);
                    int start = format == Format.JSON && i == 0 ? 1 : 0;
                    int end = format == Format.JSON && i + 2 == cuts.size() ? stretch.length - 1 : stretch.length;
                    FastScan.Intact intact = format == Format.JSON
                            ? FastScan.arrayElements(MAPPER, true, stretch, start, end, ReadLimits.DEFAULTS)
                            : FastScan.jsonLines(MAPPER, true, stretch, 0, stretch.length, ReadLimits.DEFAULTS);
                    assertThat(intact).as("%s stretch %d", format, i).isNotNull();
                    count += intact.count();
                }
                assertThat(count).isEqualTo(500);
            }
        }
    }
}

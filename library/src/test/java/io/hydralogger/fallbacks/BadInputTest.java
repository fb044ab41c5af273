package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.FallbackFiles;
import io.hydralogger.fallbacks.internal.fs.Sync;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 2 item 8: bad input never throws from the facade. Each case gives false or null (or the
 * sanitised value), a failed write leaves the old target untouched and every one of its records
 * in a fallback file; only programming errors throw.
 */
class BadInputTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> records() {
        return List.of(map("id", 1, "name", "ann", "score", Double.NaN), map("id", 2, "nested", map("k", List.of(1, 2))),
                "a scalar record");
    }

    /** Each line of a JSON Lines file, parsed. */
    static List<Object> linesOf(Path file) throws IOException {
        List<Object> values = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            values.add(MAPPER.readValue(line, Object.class));
        }
        return values;
    }

    /** The records as the fallback file must hold them: sanitised, one per line. */
    static List<Object> expectedLines() {
        return List.of(map("id", 1, "name", "ann", "score", "NaN"), map("id", 2, "nested", map("k", List.of(1, 2))),
                "a scalar record");
    }

    /**
     * The records of each fallback file of a target, beside it or in the default fallback folder
     * (shared by every test run), which are removed once read.
     */
    static List<List<Object>> takeFallbackRecords(Path target) throws IOException {
        List<List<Object>> files = new ArrayList<>();
        for (Path file : new FallbackFiles(FallbackFiles.defaultFolder(), Clock.systemUTC(), Sync.NONE, new Sanitizer()).list(target)) {
            files.add(linesOf(file));
            Files.delete(file);
        }
        return files;
    }

    @Nested
    class Writes {
        @Test
        void aFolderAsTheTargetGivesFalseAndAFallbackFileBesideIt() throws Exception {
            Path folder = Files.createDirectory(dir.resolve("data.json"));

            assertThat(Fallbacks.safeWriteJson(records(), folder)).isFalse();

            assertThat(folder).isEmptyDirectory();
            List<Path> fallbacks = new FallbackFiles(dir.resolve("unused"), Clock.systemUTC(), Sync.NONE, new Sanitizer()).list(folder);
            assertThat(fallbacks).hasSize(1);
            Path fallback = fallbacks.get(0);
            assertThat(fallback.getParent()).isEqualTo(dir);
            assertThat(linesOf(fallback)).isEqualTo(expectedLines());
            assertThat(Files.getPosixFilePermissions(fallback)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

            assertThat(Fallbacks.safeWriteJsonLines(records(), folder)).isFalse();
            assertThat(Fallbacks.safeWriteCsv(records(), folder)).isFalse();
            assertThat(Fallbacks.safeWriteJson(records(), folder.toString(), 2)).isFalse();
            assertThat(Fallbacks.asyncSafeWriteCsv(records(), folder).get()).isFalse();
            List<Path> all = new FallbackFiles(dir.resolve("unused"), Clock.systemUTC(), Sync.NONE, new Sanitizer()).list(folder);
            assertThat(all).hasSize(5);
            for (Path file : all) {
                assertThat(linesOf(file)).as(file.toString()).isEqualTo(expectedLines());
            }
            assertThat(folder).isEmptyDirectory();
        }

        @Test
        void aSingleValueThatCannotLandIsOneLineOfItsFallbackFile() throws Exception {
            Path folder = Files.createDirectory(dir.resolve("settings.json"));
            Map<String, Object> settings = map("theme", "dark", "ratio", Double.POSITIVE_INFINITY, "tags", List.of("a"));

            WriteResult result = FallbackHandler.builder().build().writeJson(settings, folder, 2);

            assertThat(result.ok()).isFalse();
            assertThat(linesOf(result.fallback().orElseThrow()))
                    .containsExactly(map("theme", "dark", "ratio", "Infinity", "tags", List.of("a")));
        }

        @Test
        void theHandlerNamesTheFallbackFileAndTheError() throws Exception {
            Path folder = Files.createDirectory(dir.resolve("rows.csv"));

            WriteResult result = FallbackHandler.builder().build().writeCsv(records(), folder);

            assertThat(result.ok()).isFalse();
            assertThat(result.bytes()).isZero();
            assertThat(result.records()).isZero();
            assertThat(result.backup()).isEmpty();
            assertThat(result.error()).get().isInstanceOf(IOException.class);
            assertThat(result.fallback()).get().satisfies(file -> assertThat(linesOf(file)).isEqualTo(expectedLines()));
        }

        @Test
        void aParentThatIsARegularFileGivesFalseAndTheRecordsGoToTheFallbackFolder() throws Exception {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "I am a file");
            Path target = plain.resolve("users.json");

            assertThat(Fallbacks.safeWriteJsonLines(records(), target)).isFalse();

            assertThat(Files.readString(plain)).isEqualTo("I am a file");
            assertThat(takeFallbackRecords(target)).containsExactly(expectedLines());
        }

        @Test
        void aFailedWriteLeavesTheOldTargetAndPutsEveryRecordInTheFallbackFile() throws Exception {
            Path file = dir.resolve("users.jsonl");
            assertThat(Fallbacks.safeWriteJsonLines(List.of(map("old", true)), file)).isTrue();
            byte[] old = Files.readAllBytes(file);
            List<Object> many = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                many.add(map("i", i, "text", "record " + i));
            }
            WriteProtocolFilesTest.FailsOnce records = new WriteProtocolFilesTest.FailsOnce(many, 321);

            assertThat(Fallbacks.safeWriteJsonLines(records, file)).isFalse();

            assertThat(Files.readAllBytes(file)).isEqualTo(old);
            assertThat(Fallbacks.safeReadJsonLines(file)).isEqualTo(List.of(map("old", true)));
            List<Path> fallbacks = new FallbackFiles(dir, Clock.systemUTC(), Sync.NONE, new Sanitizer()).list(file);
            assertThat(fallbacks).hasSize(1);
            assertThat(linesOf(fallbacks.get(0))).isEqualTo(many);
            assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
        }

        @Test
        void nullElementsAreWrittenAsNulls() throws Exception {
            List<Object> withNulls = Arrays.asList(null, map("a", 1), null);
            Path json = dir.resolve("nulls.json");
            Path jsonl = dir.resolve("nulls.jsonl");

            assertThat(Fallbacks.safeWriteJson(withNulls, json)).isTrue();
            assertThat(Fallbacks.safeWriteJsonLines(withNulls, jsonl)).isTrue();

            assertThat(Files.readString(json)).isEqualTo("[null,{\"a\":1},null]");
            assertThat(Fallbacks.safeReadJson(json)).isEqualTo(withNulls);
            assertThat(Files.readString(jsonl)).isEqualTo("null\n{\"a\":1}\nnull\n");
            assertThat(Fallbacks.safeReadJsonLines(jsonl)).isEqualTo(withNulls);
        }

        @Test
        void aNullCsvRecordIsARowOfEmptyCells() throws Exception {
            Path csv = dir.resolve("nulls.csv");

            assertThat(Fallbacks.safeWriteCsv(Arrays.asList(null, map("a", 1, "b", 2), null), csv)).isTrue();

            assertThat(Files.readString(csv)).as("no column of its own, no row lost").isEqualTo("a,b\n,\n1,2\n,\n");
            assertThat(Fallbacks.safeReadCsv(csv)).containsExactly(Map.of("a", "", "b", ""), Map.of("a", "1", "b", "2"),
                    Map.of("a", "", "b", ""));

            assertThat(Fallbacks.safeWriteCsv(Arrays.asList(map("a", 1), null), csv)).isTrue();
            assertThat(Fallbacks.safeReadCsv(csv)).containsExactly(Map.of("a", "1"), Map.of("a", ""));
        }

        @Test
        void noCsvRowIsLostToAnEmptyLine() throws Exception {
            Path csv = dir.resolve("sparse.csv");

            assertThat(Fallbacks.safeWriteCsv(List.of(map(), map("a", 1), map("a", 2)), csv)).isTrue();
            assertThat(Files.readString(csv)).isEqualTo("a\n\"\"\n1\n2\n");
            assertThat(Fallbacks.safeReadCsv(csv)).as("a first record without columns")
                    .containsExactly(Map.of("a", ""), Map.of("a", "1"), Map.of("a", "2"));

            assertThat(Fallbacks.safeWriteCsv(List.of(map("a", "x"), map("a", ""), map("a", null), map("a", "y")), csv))
                    .isTrue();
            assertThat(Files.readString(csv)).isEqualTo("a\nx\n\"\"\n\"\"\ny\n");
            assertThat(Fallbacks.safeReadCsv(csv)).as("an empty cell alone in its row")
                    .containsExactly(Map.of("a", "x"), Map.of("a", ""), Map.of("a", ""), Map.of("a", "y"));

            assertThat(Fallbacks.safeWriteCsv(List.of(map("", "x"), map("", ""), map("", "y")), csv)).isTrue();
            assertThat(Fallbacks.safeReadCsv(csv)).as("a column with an empty name")
                    .containsExactly(Map.of("", "x"), Map.of("", ""), Map.of("", "y"));
        }

        @Test
        void anObjectWhoseToStringThrowsIsWrittenAsAMarker() throws Exception {
            Object bad = new Object() {
                @Override
                public String toString() {
                    throw new UnsupportedOperationException("no");
                }
            };
            String marker = "[unrepresentable " + bad.getClass().getName() + ": java.lang.UnsupportedOperationException]";
            Path json = dir.resolve("bad.json");
            Path csv = dir.resolve("bad.csv");

            assertThat(Fallbacks.safeWriteJson(map("bad", bad), json)).isTrue();
            assertThat(Fallbacks.safeWriteCsv(List.of(map("bad", bad)), csv)).isTrue();

            assertThat(Fallbacks.safeReadJson(json)).isEqualTo(map("bad", marker));
            assertThat(Fallbacks.safeReadCsv(csv)).containsExactly(Map.of("bad", marker));
        }

        @Test
        void aCyclicMapIsWrittenWithAMarker() throws Exception {
            Map<String, Object> cyclic = new HashMap<>();
            cyclic.put("id", 7);
            cyclic.put("me", cyclic);
            Path json = dir.resolve("cycle.json");
            Path jsonl = dir.resolve("cycle.jsonl");
            Path csv = dir.resolve("cycle.csv");

            assertThat(Fallbacks.safeWriteJson(cyclic, json)).isTrue();
            assertThat(Fallbacks.safeWriteJsonLines(List.of(cyclic, cyclic), jsonl)).isTrue();
            assertThat(Fallbacks.safeWriteCsv(List.of(cyclic), csv)).isTrue();

            Map<String, Object> expected = Map.of("id", 7, "me", "[circular reference: java.util.HashMap]");
            assertThat(Fallbacks.safeReadJson(json)).isEqualTo(expected);
            assertThat(Fallbacks.safeReadJsonLines(jsonl)).containsExactly(expected, expected);
            assertThat(Fallbacks.safeReadCsv(csv)).containsExactly(Map.of("id", "7", "me", "[circular reference: java.util.HashMap]"));
        }

        @Test
        void nanAndInfinitiesAreWrittenAsStrings() throws Exception {
            Path json = dir.resolve("nan.json");
            Path csv = dir.resolve("nan.csv");
            Map<String, Object> record = map("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
                    "minus", Float.NEGATIVE_INFINITY, "fine", 0.5);

            assertThat(Fallbacks.safeWriteJson(List.of(record), json)).isTrue();
            assertThat(Fallbacks.safeWriteCsv(List.of(record), csv)).isTrue();

            assertThat(Files.readString(json)).isEqualTo("[{\"nan\":\"NaN\",\"inf\":\"Infinity\",\"minus\":\"-Infinity\",\"fine\":0.5}]");
            assertThat(Fallbacks.safeReadCsv(csv)).containsExactly(Map.of("nan", "NaN", "inf", "Infinity", "minus", "-Infinity",
                    "fine", "0.5"));
        }

        @Test
        void aSourceThatBreaksInsideARecordIsWrittenWithAMarker() {
            Path json = dir.resolve("broken.json");
            Iterable<Object> breaks = () -> Stream.of(1, 2).<Object>map(i -> {
                if (i == 2) {
                    throw new IllegalStateException("lazy source broke");
                }
                return i;
            }).iterator();

            assertThat(Fallbacks.safeWriteJson(map("values", breaks), json)).isTrue();

            assertThat(Fallbacks.safeReadJson(json)).isEqualTo(map("values",
                    List.of(1, "[iteration failed: java.lang.IllegalStateException]")));
        }
    }

    @Nested
    class Reads {
        @Test
        void aMissingFileReadsAsNull() {
            Path missing = dir.resolve("missing.json");

            assertThat(Fallbacks.safeReadJson(missing)).isNull();
            assertThat(Fallbacks.safeReadJson(missing.toString())).isNull();
            assertThat(Fallbacks.safeReadJson(missing, Object.class)).isNull();
            assertThat(Fallbacks.safeReadJson(missing, new TypeReference<List<String>>() { })).isNull();
            assertThat(Fallbacks.safeReadJsonLines(dir.resolve("missing.jsonl"))).isNull();
            assertThat(Fallbacks.safeReadCsv(dir.resolve("missing.csv"))).isNull();

            ReadResult<Object> result = FallbackHandler.builder().build().readJson(missing);
            assertThat(result.ok()).isFalse();
            assertThat(result.source()).isEqualTo(Source.NONE);
            assertThat(result.error()).get().isInstanceOf(java.nio.file.NoSuchFileException.class);
            assertThat(result.report()).get().satisfies(report ->
                    assertThat(report.problems()).extracting(p -> p.kind()).containsExactly(ProblemKind.MISSING));
        }

        @Test
        void aDamagedJsonFileGivesItsWholeRecordsOrNull() throws Exception {
            Path truncated = Files.writeString(dir.resolve("truncated.json"), "[{\"a\":1},{\"b\":");
            Path invalid = Files.writeString(dir.resolve("invalid.json"), "{a: 1}");
            Path empty = Files.writeString(dir.resolve("empty.json"), "");
            Path trailing = Files.writeString(dir.resolve("trailing.json"), "[1] [2]");

            assertThat(Fallbacks.safeReadJson(truncated)).isEqualTo(List.of(Map.of("a", 1)));
            assertThat(Fallbacks.safeReadJson(invalid)).isNull();
            assertThat(Fallbacks.safeReadJson(empty)).isNull();
            assertThat(Fallbacks.safeReadJson(trailing)).isEqualTo(List.of(1));
            ReadResult<Object> result = FallbackHandler.builder().build().readJson(truncated);
            assertThat(result.source()).isEqualTo(Source.SALVAGED);
            assertThat(result.report()).get().satisfies(report ->
                    assertThat(report.problems()).extracting(p -> p.kind()).containsExactly(ProblemKind.TRUNCATED));
            ReadResult<Object> strict = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build()
                    .readJson(truncated);
            assertThat(strict.source()).isEqualTo(Source.NONE);
            assertThat(strict.data()).isNull();
        }

        @Test
        void damagedJsonLinesAndCsvGiveTheirWholeRecordsOrNull() throws Exception {
            Path jsonl = Files.writeString(dir.resolve("torn.jsonl"), "{\"a\":1}\n{\"b\":");
            Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b\n1,2,3\n4\n");
            Path shortRow = Files.writeString(dir.resolve("short.csv"), "a,b\n4\n1,2\n");
            Path longRow = Files.writeString(dir.resolve("long.csv"), "a,b\n1,2,3\n");

            assertThat(Fallbacks.safeReadJsonLines(jsonl)).containsExactly(Map.of("a", 1));
            assertThat(Fallbacks.safeReadCsv(ragged)).isNull();
            assertThat(Fallbacks.safeReadCsv(shortRow)).as("fields are counted against the header")
                    .containsExactly(Map.of("a", "1", "b", "2"));
            assertThat(Fallbacks.safeReadCsv(longRow)).isNull();
        }

        @Test
        void aFolderOrAPathThroughAFileReadsAsNull() throws Exception {
            Path plain = Files.writeString(dir.resolve("plain.txt"), "x");

            assertThat(Fallbacks.safeReadJson(dir)).isNull();
            assertThat(Fallbacks.safeReadJsonLines(dir)).isNull();
            assertThat(Fallbacks.safeReadCsv(dir)).isNull();
            assertThat(Fallbacks.safeReadJson(plain.resolve("child.json"))).isNull();
        }
    }

    @Nested
    class ProgrammingErrors {
        @Test
        void aNullPathThrowsNullPointerException() {
            assertThatThrownBy(() -> Fallbacks.safeWriteJson(List.of(), (Path) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeWriteJson(List.of(), (String) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeWriteJson(List.of(), (Path) null, 2)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeWriteJsonLines(List.of(), (Path) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeWriteCsv(List.of(), (Path) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeReadJson((Path) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeReadJson((String) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeReadJson((Path) null, Object.class)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeReadJsonLines((Path) null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeReadCsv((Path) null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void nullRecordsThrowNullPointerException() {
            Path file = dir.resolve("x.jsonl");
            assertThatThrownBy(() -> Fallbacks.safeWriteJsonLines(null, file)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> Fallbacks.safeWriteCsv(null, file)).isInstanceOf(NullPointerException.class);
            assertThat(file).doesNotExist();
        }

        /**
         * Issue 13: the empty path is the working folder to the file system; a write to it used to
         * fail as a write to a folder and leave a hidden fallback file in the working folder's
         * parent. It names no file: every call refuses it before any I/O.
         */
        @Test
        void theEmptyPathThrowsIllegalArgumentExceptionAndTouchesNoFile() throws IOException {
            Path parent = Path.of("").toAbsolutePath().getParent();
            List<String> before = namesIn(parent);
            List<Map<String, Object>> records = List.of(Map.of("id", 1));
            for (Runnable call : List.<Runnable>of(() -> Fallbacks.safeWriteJson(records, ""),
                    () -> Fallbacks.safeWriteJson(records, "", 2), () -> Fallbacks.safeWriteJsonLines(records, ""),
                    () -> Fallbacks.safeWriteCsv(records, ""), () -> Fallbacks.safeAppendJsonLines(records, ""),
                    () -> Fallbacks.safeUpdateJson("", data -> data), () -> Fallbacks.safeReadJson(""),
                    () -> Fallbacks.safeReadJsonLines(""), () -> Fallbacks.safeReadCsv(""),
                    () -> Fallbacks.safeWriteJson(records, Path.of("")),
                    () -> Fallbacks.handler().write(records, Path.of(""), Format.CSV),
                    () -> Fallbacks.handler().appendJsonLines(records, Path.of("")),
                    () -> Fallbacks.handler().repair(Path.of(""), Format.JSON, true),
                    () -> CorruptionDetector.detectCorruption("", "json"))) {
                assertThatThrownBy(call::run).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("empty");
            }
            assertThat(namesIn(parent)).as("nothing new beside the working folder").isEqualTo(before);
        }

        @Test
        void aPathStringThatIsNoPathThrowsIllegalArgumentException() {
            assertThatThrownBy(() -> Fallbacks.safeWriteJson(List.of(), "a\0b"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        private List<String> namesIn(Path folder) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                return files.map(file -> file.getFileName().toString()).sorted().toList();
            }
        }

        @Test
        void aNegativeIndentThrowsIllegalArgumentException() {
            Path file = dir.resolve("x.json");
            assertThatThrownBy(() -> Fallbacks.safeWriteJson(List.of(), file, -1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("indent");
            assertThatThrownBy(() -> Fallbacks.safeWriteJson(List.of(), file.toString(), -2))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(file).doesNotExist();
        }
    }
}

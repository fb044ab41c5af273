package io.hydralogger.fallbacks.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.internal.cuts.ElementOpening;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parallel parse gives exactly the one-thread parse (same records, same order), cuts only at
 * true record boundaries however awkward the text, and hands back to the one-thread parse when it
 * cannot be sure. Small files with many chunks stand in for large ones: the cutting does not
 * depend on the size.
 */
class ParallelReaderTest {
    @TempDir
    Path dir;

    private final JsonMapper mapper = FallbackHandler.builder().build().mapper();
    private final JavaType object = mapper.constructType(Object.class);
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    /** A record for typed reads. */
    public record User(int id, String name, List<String> tags) {
    }

    /** Records whose text holds every character the scanner must not be fooled by. */
    private static List<Object> awkwardRecords(int count) {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", i);
            record.put("text", "a, [b], {c}, \"q\\\", \\\\, ] } , é 😀 " + "x".repeat(i % 13));
            record.put("nested", List.of(List.of(i, i + 1), Map.of("k", "v,]")));
            record.put("score", i * 1.5);
            records.add(i % 17 == 5 ? "a string record, with [brackets]" : record);
        }
        return records;
    }

    /** {@return the comma that the guess of element boundaries finds at or after {@code target}, or -1} */
    private static long guess(Path file, long target) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ElementOpening.Bytes bytes = (from, length) -> java.util.Arrays.copyOfRange(all, (int) from, (int) from + length);
        byte[] opening = ElementOpening.of(bytes, all[0] == (byte) 0xEF ? 3 : 0, all.length);
        return opening == null ? -1 : ElementOpening.commaAfter(bytes, target, all.length, opening);
    }

    private List<Object> oneThreadLines(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file);
                MappingIterator<Object> values = mapper.readerFor(object).readValues(mapper.createParser(in))) {
            return values.readAll(new ArrayList<>());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7})
    void jsonLinesGiveTheSameRecordsInTheSameOrder(int chunks) throws IOException {
        Path file = dir.resolve("records.jsonl");
        StringBuilder text = new StringBuilder();
        for (Object record : awkwardRecords(500)) {
            text.append(mapper.writeValueAsString(record)).append(i(record) % 3 == 0 ? "\r\n" : "\n");
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);

        Optional<List<Object>> parallel = ParallelReader.readJsonLines(mapper, file, object, chunks, pool);

        assertThat(parallel).isPresent();
        assertThat(parallel.get()).hasSize(500).isEqualTo(oneThreadLines(file));
    }

    private static int i(Object record) {
        return record instanceof Map<?, ?> map ? (Integer) map.get("id") : 1;
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 7})
    void aJsonArrayGivesTheSameElementsInTheSameOrder(int chunks) throws IOException {
        Path file = dir.resolve("records.json");
        List<Object> records = awkwardRecords(500);
        Files.writeString(file, "\uFEFF \n" + mapper.writeValueAsString(records) + "\n", StandardCharsets.UTF_8);

        Optional<Object> parallel = ParallelReader.readJsonArray(mapper, file, object, chunks, pool);

        assertThat(parallel).isPresent();
        assertThat(parallel.get()).isEqualTo(mapper.readValue(file, Object.class)).isEqualTo(records);
        long size = Files.size(file);
        for (int i = 1; i < chunks; i++) {
            assertThat(guess(file, size * i / chunks)).as("the cuts are guessed, not scanned").isPositive();
        }
    }

    @Test
    void aPrettyPrintedArrayIsCutBetweenElementsToo() throws IOException {
        Path file = dir.resolve("pretty.json");
        List<Object> records = awkwardRecords(200);
        Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(records));

        assertThat(ParallelReader.readJsonArray(mapper, file, object, 3, pool)).contains(records);
    }

    @Test
    void typedListsAreBoundPerChunk() throws IOException {
        Path file = dir.resolve("users.json");
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            users.add(new User(i, "user, \"" + i + "\"", List.of("a", "]")));
        }
        Files.writeString(file, mapper.writeValueAsString(users));
        JavaType listOfUsers = mapper.getTypeFactory().constructCollectionType(List.class, User.class);

        assertThat(ParallelReader.readJsonArray(mapper, file, listOfUsers, 4, pool)).contains(users);
    }

    @Test
    void aMultiLineValueAcrossACutHandsBackToOneThread() throws IOException {
        Path file = dir.resolve("pretty.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            text.append("{\n  \"id\": ").append(i).append(",\n  \"name\": \"n").append(i).append("\"\n}\n");
        }
        Files.writeString(file, text);

        // one thread reads these fine; a cut lands inside a value, so chunk 0 fails and says so
        assertThat(oneThreadLines(file)).hasSize(50);
        assertThat(ParallelReader.readJsonLines(mapper, file, object, 4, pool)).isEmpty();
    }

    @Test
    void linesThatAreArraysAreRecordsInEveryChunk() throws IOException {
        Path file = dir.resolve("arrays.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            text.append(i % 10 == 3 ? "{\"id\":" + i + "}" : "[" + i + ",\"x\"]").append('\n');
        }
        Files.writeString(file, text);

        Optional<List<Object>> parallel = ParallelReader.readJsonLines(mapper, file, object, 4, pool);

        assertThat(parallel).isPresent();
        assertThat(parallel.get()).hasSize(400).isEqualTo(oneThreadLines(file))
                .isEqualTo(Codecs.readJsonLines(mapper, file, object, pool));
        assertThat(parallel.get().get(0)).isEqualTo(List.of(0, "x"));
    }

    @Test
    void damagedFilesHandBackToOneThread() throws IOException {
        Path lines = dir.resolve("damaged.jsonl");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append(i == 250 ? "{\"id\": 250, broken" : "{\"id\":" + i + "}").append('\n');
        }
        Files.writeString(lines, text);
        Path array = dir.resolve("damaged.json");
        Files.writeString(array, mapper.writeValueAsString(awkwardRecords(300)).substring(0, 20_000));

        assertThat(ParallelReader.readJsonLines(mapper, lines, object, 3, pool)).isEmpty();
        assertThat(ParallelReader.readJsonArray(mapper, array, object, 3, pool)).isEmpty();
    }

    @Test
    void anArrayDamagedAnywhereHandsBackToOneThreadWhichRejectsIt() throws IOException {
        String text = mapper.writeValueAsString(awkwardRecords(400));
        Path file = dir.resolve("damaged-array.json");
        for (int at = 1; at < text.length(); at += text.length() / 23) {
            for (String damage : new String[] {"\"", "}", "#", "]", ","}) {
                String damaged = text.substring(0, at) + damage + text.substring(at + 1);
                Files.writeString(file, damaged);
                boolean oneThreadReads;
                try {
                    mapper.readValue(file, Object.class);
                    oneThreadReads = true;
                } catch (tools.jackson.core.JacksonException e) {
                    oneThreadReads = false;
                }
                for (int chunks = 2; chunks <= 4; chunks++) {
                    Optional<Object> parallel = ParallelReader.readJsonArray(mapper, file, object, chunks, pool);
                    if (oneThreadReads) {
                        // the byte replaced was one the damage did not change the meaning of
                        assertThat(parallel.orElse(mapper.readValue(file, Object.class)))
                                .isEqualTo(mapper.readValue(file, Object.class));
                    } else {
                        assertThat(parallel).as("%s at %d, %d chunks", damage, at, chunks).isEmpty();
                    }
                }
            }
        }
    }

    @Test
    void aRootThatIsNoArrayOrTooFewElementsHandBackToOneThread() throws IOException {
        Path object = dir.resolve("object.json");
        Files.writeString(object, mapper.writeValueAsString(Map.of("records", awkwardRecords(100))));
        Path few = dir.resolve("few.json");
        Files.writeString(few, mapper.writeValueAsString(List.of("x".repeat(10_000), 1)));
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, mapper.writeValueAsString(awkwardRecords(100)) + " [1]");

        assertThat(ParallelReader.readJsonArray(mapper, object, this.object, 2, pool)).isEmpty();
        assertThat(ParallelReader.readJsonArray(mapper, few, this.object, 4, pool)).isEmpty();
        assertThat(ParallelReader.readJsonArray(mapper, trailing, this.object, 2, pool)).isEmpty();
    }

    @Test
    void textThatLooksLikeAnElementBoundaryNeverChangesTheResult() throws IOException {
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            records.add(Map.of("id", i, "text", i % 2 == 0 ? "x},{\"id\": -1},{" : "},{", "list", List.of("],[", i)));
        }
        // strings that hold look-alike boundaries: the scanner knows strings
        Path file = dir.resolve("lookalike.json");
        Files.writeString(file, mapper.writeValueAsString(records));
        for (int chunks = 2; chunks <= 7; chunks++) {
            assertThat(ParallelReader.readJsonArray(mapper, file, object, chunks, pool)).as("%d chunks", chunks)
                    .contains(records);
        }
        Object oneThread = Codecs.readJson(mapper, file, object, pool);
        assertThat(oneThread).isEqualTo(records);
        Path strings = dir.resolve("strings.json");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            texts.add(i % 3 == 0 ? "{\"a\":1},{\"b\":" + i + "}" : "} , [" + i);
        }
        Files.writeString(strings, mapper.writeValueAsString(texts));
        assertThat(ParallelReader.readJsonArray(mapper, strings, object, 4, pool)).contains(texts);
    }

    @Test
    void aMapperThatAllowsTrailingTokensGetsTheOneThreadResult() throws IOException {
        Path file = dir.resolve("records.json");
        Files.writeString(file, mapper.writeValueAsString(awkwardRecords(300)) + " , {\"x\":1}]");
        JsonMapper lenient = mapper.rebuild()
                .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        Object oneThread = lenient.readValue(Files.readAllBytes(file), Object.class);
        assertThat(oneThread).isEqualTo(awkwardRecords(300));
        for (int chunks = 2; chunks <= 4; chunks++) {
            // chunks never allow trailing tokens: the last one fails, and one thread reads the file
            assertThat(ParallelReader.readJsonArray(lenient, file, object, chunks, pool)).isEmpty();
        }
        assertThat(Codecs.<Object>readJson(lenient, file, object, pool)).isEqualTo(oneThread);
    }

    @Test
    void aGuessInsideANestedArrayOfLookAlikesHandsBackToOneThread() throws IOException {
        // every element holds an array of objects that open as the elements do: the comma nearest
        // the middle is inside an element, so the guess is wrong and a chunk fails
        List<Object> trees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            List<Object> children = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                children.add(Map.of("id", i * 1000 + k));
            }
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("id", i);
            tree.put("children", children);
            trees.add(tree);
        }
        Path file = dir.resolve("trees.json");
        Files.writeString(file, mapper.writeValueAsString(trees));
        long guess = guess(file, Files.size(file) / 2);
        assertThat(Files.readString(file).substring((int) guess - 1, (int) guess + 8)).isEqualTo("},{\"id\":1");

        assertThat(ParallelReader.readJsonArray(mapper, file, object, 2, pool)).isEmpty();
        assertThat(Codecs.<Object>readJson(mapper, file, object, pool)).isEqualTo(trees);
    }

    @Test
    void aCommaRightAfterTheOpeningOrBeforeTheClosingBracketIsNoCut() throws IOException {
        // one thread rejects both files; a chunk of no element must not make them readable
        Path leading = dir.resolve("leading.json");
        Files.writeString(leading, "[" + " ".repeat(3000) + ",1,2]");
        Path trailing = dir.resolve("trailing.json");
        Files.writeString(trailing, "[1," + " ".repeat(2000) + "2," + " ".repeat(500) + "]");
        Path objects = dir.resolve("objects.json");
        Files.writeString(objects, "[{\"id\":1}," + " ".repeat(2000) + "{\"id\":2}," + " ".repeat(500) + "]");

        for (Path file : List.of(leading, trailing, objects)) {
            assertThat(ParallelReader.readJsonArray(mapper, file, object, 2, pool)).as("%s", file).isEmpty();
        }
    }

    @Test
    void theScannerFindsQuotesAndBackslashesWhereverTheyAreInAWord() {
        byte[] text = "abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < text.length; at++) {
            for (byte special : new byte[] {'"', '\\'}) {
                byte[] copy = text.clone();
                copy[at] = special;
                for (int from = 0; from <= at; from++) {
                    assertThat(ArrayScanner.nextQuoteOrBackslash(copy, from, copy.length)).isEqualTo(at);
                }
                assertThat(ArrayScanner.nextQuoteOrBackslash(copy, at + 1, copy.length)).isEqualTo(copy.length);
            }
        }
        byte[] utf8 = "é😀ü€\"".getBytes(StandardCharsets.UTF_8);
        assertThat(ArrayScanner.nextQuoteOrBackslash(utf8, 0, utf8.length)).isEqualTo(utf8.length - 1);
    }

    @Test
    void earlierChunksAreLongerForTheScanTheLaterOnesWaitFor() {
        long[] two = ParallelReader.cutTargets(1_000_000, 2);
        assertThat(two).hasSize(1);
        assertThat(two[0]).isBetween(540_000L, 570_000L);
        long[] four = ParallelReader.cutTargets(1_000_000, 4);
        assertThat(four).isSorted();
        assertThat(four[0]).isGreaterThan(250_000);
        assertThat(four[2]).isLessThan(1_000_000);
    }

    @Test
    void onlyLargeFilesWithinTheDocumentLimitAreWorthIt() {
        JsonMapper limited = JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(100L << 20).build())
                .build()).build();
        boolean cores = ParallelReader.defaultChunks() >= 2;

        assertThat(ParallelReader.worthIt(mapper, ParallelReader.THRESHOLD - 1)).isFalse();
        assertThat(ParallelReader.worthIt(mapper, ParallelReader.THRESHOLD)).isEqualTo(cores);
        assertThat(ParallelReader.worthIt(limited, 90L << 20)).isEqualTo(cores);
        assertThat(ParallelReader.worthIt(limited, 200L << 20)).isFalse();
    }

    /**
     * A UTF-16 file (Windows tools and Python's {@code 'utf-16'} codec write one, with a byte
     * order mark) is never cut as bytes: its line breaks and commas are half of a character, and
     * a cut there would split one. It is left to the one-thread parse, which reads it right.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void aUtf16FileIsLeftToTheOneThreadParse(String charset) throws IOException {
        List<Object> records = awkwardRecords(300);
        StringBuilder lines = new StringBuilder("\uFEFF");
        for (Object record : records) {
            lines.append(mapper.writeValueAsString(record)).append('\n');
        }
        Path jsonLines = Files.writeString(dir.resolve("utf16.jsonl"), lines, java.nio.charset.Charset.forName(charset));
        Path array = Files.writeString(dir.resolve("utf16.json"), "\uFEFF" + mapper.writeValueAsString(records),
                java.nio.charset.Charset.forName(charset));
        assertThat(ParallelReader.readJsonLines(mapper, jsonLines, object, 3, pool)).isEmpty();
        assertThat(ParallelReader.readJsonArray(mapper, array, mapper.constructType(List.class), 3, pool)).isEmpty();
        assertThat(oneThreadLines(jsonLines)).as("Jackson reads it on one thread").isEqualTo(records);
        assertThat(Codecs.<Object>readJsonLines(mapper, jsonLines, object, pool)).isEqualTo(records);
        assertThat(Codecs.<Object>readJson(mapper, array, object, pool)).isEqualTo(records);
    }
}

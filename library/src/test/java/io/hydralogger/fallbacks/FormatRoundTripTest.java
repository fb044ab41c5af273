package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.format.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;

/**
 * Round trips of every format through the facade and through {@link FallbackHandler}, on real
 * files: what is on disk, what is read back, and the typed reads.
 */
class FormatRoundTripTest {
    /** Text that must survive every format unchanged. */
    static final String AWKWARD = "héllo ✓ 😀 \"quoted\", with comma\nand a newline\r\nand CRLF";

    @TempDir
    Path dir;

    private final FallbackHandler handler = FallbackHandler.builder().build();

    /** A record type for typed reads. */
    public record User(String name, int age, List<String> tags) {
    }

    /** A record nesting another, for typed reads. */
    public record Team(String title, User lead, List<User> members) {
    }

    /** A mutable POJO with getters and setters, for typed reads. */
    public static class Account {
        private String id;
        private double balance;
        private boolean active;

        public Account() {
        }

        Account(String id, double balance, boolean active) {
            this.id = id;
            this.balance = balance;
            this.active = active;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public double getBalance() {
            return balance;
        }

        public void setBalance(double balance) {
            this.balance = balance;
        }

        public boolean isActive() {
            return active;
        }

        public void setActive(boolean active) {
            this.active = active;
        }
    }

    static List<User> users() {
        return List.of(new User("ann", 31, List.of("admin", "ops")), new User("bob", 42, List.of()),
                new User(AWKWARD, 0, List.of(AWKWARD)));
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Nested
    class Json {
        @Test
        void compactJsonThroughTheFacade() throws Exception {
            Path file = dir.resolve("data.json");
            Object data = List.of(map("id", 1, "name", "a", "score", 1.5, "ok", true, "none", null),
                    map("id", 2, "nested", map("list", List.of(1, 2))));

            assertThat(Fallbacks.safeWriteJson(data, file)).isTrue();

            assertThat(Files.readString(file)).isEqualTo(
                    "[{\"id\":1,\"name\":\"a\",\"score\":1.5,\"ok\":true,\"none\":null},{\"id\":2,\"nested\":{\"list\":[1,2]}}]");
            assertThat(Fallbacks.safeReadJson(file)).isEqualTo(data);
            assertThat(Fallbacks.safeReadJson(file.toString())).isEqualTo(data);
        }

        @Test
        void indentedJsonThroughTheFacade() throws Exception {
            Path file = dir.resolve("pretty.json");
            Object data = map("a", 1, "b", List.of(1, 2), "c", map("d", "e"));

            assertThat(Fallbacks.safeWriteJson(data, file, 2)).isTrue();

            assertThat(Files.readString(file)).isEqualTo("""
                    {
                      "a": 1,
                      "b": [
                        1,
                        2
                      ],
                      "c": {
                        "d": "e"
                      }
                    }
                    """);
            assertThat(Fallbacks.safeReadJson(file)).isEqualTo(data);

            assertThat(Fallbacks.safeWriteJson(data, file.toString(), 4)).isTrue();
            assertThat(Files.readString(file)).startsWith("{\n    \"a\": 1,\n    \"b\": [\n        1,");
            assertThat(Fallbacks.safeReadJson(file)).isEqualTo(data);
        }

        @Test
        void singleValuesRoundTrip() {
            Path file = dir.resolve("value.json");
            for (Object value : List.of("text " + AWKWARD, 12, 2.25, true, map("only", "map"), List.of())) {
                assertThat(Fallbacks.safeWriteJson(value, file)).isTrue();
                assertThat(Fallbacks.safeReadJson(file)).isEqualTo(value);
            }
            assertThat(Fallbacks.safeWriteJson(null, file)).isTrue();
            assertThat(Fallbacks.safeReadJson(file)).isNull();
        }

        @Test
        void theHandlerSaysWhatItWroteAndRead() throws Exception {
            Path file = dir.resolve("users.json");

            WriteResult first = handler.writeJson(users(), file);

            assertThat(first.ok()).isTrue();
            assertThat(first.path()).isEqualTo(file);
            assertThat(first.format()).isEqualTo(Format.JSON);
            assertThat(first.records()).isEqualTo(3);
            assertThat(first.bytes()).isEqualTo(Files.size(file));
            assertThat(first.backup()).isEmpty();
            assertThat(first.fallback()).isEmpty();
            assertThat(first.error()).isEmpty();

            WriteResult second = handler.writeJson(map("just", "one"), file, 2);
            assertThat(second.ok()).isTrue();
            assertThat(second.records()).isEqualTo(1);
            assertThat(second.backup()).contains(file.resolveSibling("users.json.bak"));

            ReadResult<Object> read = handler.readJson(file);
            assertThat(read.ok()).isTrue();
            assertThat(read.source()).isEqualTo(Source.PRIMARY);
            assertThat(read.sourcePath()).contains(file);
            assertThat(read.data()).isEqualTo(map("just", "one"));
            assertThat(read.recordsSkipped()).isZero();
            assertThat(read.report()).isEmpty();
        }

        @Test
        void aStreamOrIteratorBecomesAJsonArray() {
            Path file = dir.resolve("streamed.json");
            AtomicBoolean closed = new AtomicBoolean();
            Stream<Map<String, Object>> stream = IntStream.range(0, 3).mapToObj(i -> map("i", i))
                    .onClose(() -> closed.set(true));

            WriteResult result = handler.writeJson(stream, file);

            assertThat(result.ok()).isTrue();
            assertThat(result.records()).isEqualTo(3);
            assertThat(closed).as("the stream is closed after the write").isTrue();
            assertThat(Fallbacks.safeReadJson(file)).isEqualTo(List.of(map("i", 0), map("i", 1), map("i", 2)));

            assertThat(Fallbacks.safeWriteJson(List.of("x", "y").iterator(), file)).isTrue();
            assertThat(Fallbacks.safeReadJson(file)).isEqualTo(List.of("x", "y"));
        }

        @Test
        void aManyRecordStreamIsWrittenWhole() {
            Path file = dir.resolve("many.json");
            int n = 20_000;

            WriteResult result = handler.writeJson(IntStream.range(0, n).mapToObj(i -> new User("u" + i, i, List.of())), file);

            assertThat(result.records()).isEqualTo(n);
            List<User> back = Fallbacks.safeReadJson(file, new TypeReference<List<User>>() { });
            assertThat(back).hasSize(n);
            assertThat(back.get(n - 1)).isEqualTo(new User("u" + (n - 1), n - 1, List.of()));
        }
    }

    @Nested
    class TypedReads {
        @Test
        void aListOfRecordsByTypeReference() {
            Path file = dir.resolve("users.json");
            assertThat(Fallbacks.safeWriteJson(users(), file)).isTrue();

            List<User> back = Fallbacks.safeReadJson(file, new TypeReference<List<User>>() { });

            assertThat(back).isEqualTo(users());
            assertThat(Fallbacks.safeReadJson(file.toString(), new TypeReference<List<User>>() { })).isEqualTo(users());
        }

        @Test
        void oneRecordByClass() {
            Path file = dir.resolve("user.json");
            User ann = users().get(0);
            assertThat(Fallbacks.safeWriteJson(ann, file)).isTrue();

            assertThat(Fallbacks.safeReadJson(file, User.class)).isEqualTo(ann);
            assertThat(Fallbacks.safeReadJson(file.toString(), User.class)).isEqualTo(ann);
        }

        @Test
        void nestedRecords() {
            Path file = dir.resolve("team.json");
            Team team = new Team("core", users().get(0), users());
            assertThat(Fallbacks.safeWriteJson(team, file, 2)).isTrue();

            assertThat(handler.readJson(file, Team.class).data()).isEqualTo(team);
        }

        @Test
        void aPojoWithGettersAndSetters() {
            Path file = dir.resolve("account.json");
            assertThat(Fallbacks.safeWriteJson(new Account("acc-1", 12.75, true), file)).isTrue();

            Account back = Fallbacks.safeReadJson(file, Account.class);

            assertThat(back).usingRecursiveComparison().isEqualTo(new Account("acc-1", 12.75, true));
            List<Account> list = Fallbacks.safeReadJson(file.resolveSibling("none.json"),
                    new TypeReference<List<Account>>() { });
            assertThat(list).as("a missing file reads as null, typed or not").isNull();
        }

        @Test
        void jsonLinesIntoRecords() {
            Path file = dir.resolve("users.jsonl");
            assertThat(Fallbacks.safeWriteJsonLines(users(), file)).isTrue();

            ReadResult<List<User>> read = handler.readJsonLines(file, User.class);

            assertThat(read.source()).isEqualTo(Source.PRIMARY);
            assertThat(read.data()).isEqualTo(users());
        }

        @Test
        void aValueOfTheWrongShapeReadsAsNull() {
            Path file = dir.resolve("wrong.json");
            assertThat(Fallbacks.safeWriteJson(List.of("not", "a", "user"), file)).isTrue();
            assertThat(Fallbacks.safeReadJson(file, User.class)).isNull();
            assertThat(handler.readJson(file, User.class).error()).isPresent();
        }
    }

    @Nested
    class JsonLines {
        @Test
        void oneCompactValuePerLine() throws Exception {
            Path file = dir.resolve("log.jsonl");
            List<Object> records = List.of(map("level", "INFO", "msg", AWKWARD), map("n", 2), "plain", 3, List.of(1));

            assertThat(Fallbacks.safeWriteJsonLines(records, file)).isTrue();

            assertThat(Files.readString(file)).isEqualTo("{\"level\":\"INFO\",\"msg\":\"héllo ✓ 😀 \\\"quoted\\\", with comma"
                    + "\\nand a newline\\r\\nand CRLF\"}\n{\"n\":2}\n\"plain\"\n3\n[1]\n");
            assertThat(Fallbacks.safeReadJsonLines(file)).isEqualTo(records);
            assertThat(Fallbacks.safeReadJsonLines(file.toString())).isEqualTo(records);
        }

        @Test
        void emptyRecordsGiveAnEmptyFile() throws Exception {
            Path file = dir.resolve("empty.jsonl");
            assertThat(Fallbacks.safeWriteJsonLines(List.of(), file)).isTrue();
            assertThat(Files.size(file)).isZero();
            assertThat(Fallbacks.safeReadJsonLines(file)).isEmpty();
        }

        @Test
        void theHandlerTakesStreamsIteratorsAndArrays() {
            Path file = dir.resolve("events.ndjson");
            AtomicBoolean closed = new AtomicBoolean();

            WriteResult fromStream = handler.write(
                    Stream.of(map("e", 1), map("e", 2)).onClose(() -> closed.set(true)), file, Format.JSON_LINES);
            assertThat(fromStream.ok()).isTrue();
            assertThat(fromStream.records()).isEqualTo(2);
            assertThat(fromStream.format()).isEqualTo(Format.JSON_LINES);
            assertThat(closed).isTrue();
            assertThat(handler.readJsonLines(file).data()).isEqualTo(List.of(map("e", 1), map("e", 2)));

            Iterator<String> iterator = List.of("a", "b", "c").iterator();
            assertThat(handler.write(iterator, file, Format.JSON_LINES).records()).isEqualTo(3);
            assertThat(handler.readJsonLines(file).data()).isEqualTo(List.of("a", "b", "c"));

            assertThat(handler.write(new Object[] {1, "two", null}, file, Format.JSON_LINES).ok()).isTrue();
            assertThat(handler.readJsonLines(file).data()).isEqualTo(Arrays.asList(1, "two", null));
        }
    }

    @Nested
    class Csv {
        @Test
        void flatRecordsRoundTripAsText() throws Exception {
            Path file = dir.resolve("users.csv");

            assertThat(Fallbacks.safeWriteCsv(users(), file)).isTrue();

            assertThat(Files.readString(file)).startsWith("name,age,tags\nann,31,\"[\"\"admin\"\",\"\"ops\"\"]\"\nbob,42,[]\n");
            List<Map<String, String>> back = Fallbacks.safeReadCsv(file);
            assertThat(back).containsExactly(
                    Map.of("name", "ann", "age", "31", "tags", "[\"admin\",\"ops\"]"),
                    Map.of("name", "bob", "age", "42", "tags", "[]"),
                    Map.of("name", AWKWARD, "age", "0", "tags", "[\"héllo ✓ 😀 \\\"quoted\\\", with comma\\nand a newline\\r\\nand CRLF\"]"));
            assertThat(back.get(0).keySet()).containsExactly("name", "age", "tags");
            assertThat(Fallbacks.safeReadCsv(file.toString())).isEqualTo(back);
        }

        @Test
        void nestedMapsBecomeDottedColumns() throws Exception {
            Path file = dir.resolve("nested.csv");
            List<Object> records = List.of(
                    map("id", 1, "data", map("nested", "x", "deeper", map("leaf", true))),
                    map("id", 2, "data", map("nested", "y", "deeper", map("leaf", false))));

            assertThat(Fallbacks.safeWriteCsv(records, file)).isTrue();

            assertThat(Files.readString(file)).isEqualTo("id,data.nested,data.deeper.leaf\n1,x,true\n2,y,false\n");
            assertThat(Fallbacks.safeReadCsv(file)).containsExactly(
                    Map.of("id", "1", "data.nested", "x", "data.deeper.leaf", "true"),
                    Map.of("id", "2", "data.nested", "y", "data.deeper.leaf", "false"));
        }

        @Test
        void keysOfLaterRecordsWidenTheHeaderAndEarlierRowsArePadded() throws Exception {
            Path file = dir.resolve("union.csv");
            List<Object> records = List.of(map("a", 1), map("a", 2, "b", 3), map("c", map("d", 4)), map("b", 5, "a", 6));

            WriteResult result = handler.writeCsv(records, file);

            assertThat(result.ok()).isTrue();
            assertThat(result.records()).isEqualTo(4);
            assertThat(result.bytes()).isEqualTo(Files.size(file));
            assertThat(Files.readString(file)).isEqualTo("a,b,c.d\n1,,\n2,3,\n,,4\n6,5,\n");
            assertThat(Fallbacks.safeReadCsv(file)).containsExactly(
                    Map.of("a", "1", "b", "", "c.d", ""),
                    Map.of("a", "2", "b", "3", "c.d", ""),
                    Map.of("a", "", "b", "", "c.d", "4"),
                    Map.of("a", "6", "b", "5", "c.d", ""));
            assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
        }

        @Test
        void aSinglePassSourceWithLaterKeysIsWrittenWhole() throws Exception {
            Path file = dir.resolve("single-pass.csv");
            AtomicBoolean closed = new AtomicBoolean();
            Stream<Map<String, Object>> stream = IntStream.range(0, 1000)
                    .mapToObj(i -> i == 999 ? map("n", i, "last", "yes") : map("n", i))
                    .onClose(() -> closed.set(true));

            WriteResult result = handler.write(stream, file, Format.CSV);

            assertThat(result.ok()).isTrue();
            assertThat(result.records()).isEqualTo(1000);
            assertThat(closed).isTrue();
            List<Map<String, String>> rows = Fallbacks.safeReadCsv(file);
            assertThat(rows).hasSize(1000);
            assertThat(rows.get(0)).containsExactly(Map.entry("n", "0"), Map.entry("last", ""));
            assertThat(rows.get(999)).containsExactly(Map.entry("n", "999"), Map.entry("last", "yes"));

            Iterator<Object> iterator = List.<Object>of(map("x", 1), map("y", 2)).iterator();
            assertThat(handler.write(iterator, file, Format.CSV).ok()).isTrue();
            assertThat(Files.readString(file)).isEqualTo("x,y\n1,\n,2\n");
        }

        @Test
        void quotesCommasAndNewlinesInsideValuesSurvive() throws Exception {
            Path file = dir.resolve("quoting.csv");
            List<Object> records = List.of(
                    map("text", "say \"hi\"", "list", "a,b,c"),
                    map("text", "line one\nline two", "list", "crlf\r\nend"),
                    map("text", " leading and trailing ", "list", "\"\""),
                    map("text", AWKWARD, "list", ""));

            assertThat(Fallbacks.safeWriteCsv(records, file)).isTrue();

            assertThat(Files.readString(file)).startsWith("text,list\n\"say \"\"hi\"\"\",\"a,b,c\"\n\"line one\nline two\",");
            assertThat(Fallbacks.safeReadCsv(file)).containsExactly(
                    Map.of("text", "say \"hi\"", "list", "a,b,c"),
                    Map.of("text", "line one\nline two", "list", "crlf\r\nend"),
                    Map.of("text", " leading and trailing ", "list", "\"\""),
                    Map.of("text", AWKWARD, "list", ""));
        }

        @Test
        void nullIsAnEmptyCell() throws Exception {
            Path file = dir.resolve("nulls.csv");
            assertThat(Fallbacks.safeWriteCsv(List.of(map("a", null, "b", 1), map("a", "x", "b", null)), file)).isTrue();

            assertThat(Files.readString(file)).isEqualTo("a,b\n,1\nx,\n");
            assertThat(Fallbacks.safeReadCsv(file)).containsExactly(Map.of("a", "", "b", "1"), Map.of("a", "x", "b", ""));
        }

        @Test
        void formulasAreNeutralisedOnlyWhenAsked() throws Exception {
            List<Object> records = List.of(map("f", "=SUM(A1:A9)", "g", "+1", "h", "-2", "i", "@cmd", "j", "\tx",
                    "n", -5, "ok", "plain"));
            Path plain = dir.resolve("plain.csv");
            Path safe = dir.resolve("safe.csv");

            assertThat(Fallbacks.safeWriteCsv(records, plain)).isTrue();
            assertThat(FallbackHandler.builder().neutralizeCsvFormulas(true).build().writeCsv(records, safe).ok()).isTrue();

            assertThat(Fallbacks.safeReadCsv(plain)).containsExactly(Map.of("f", "=SUM(A1:A9)", "g", "+1", "h", "-2",
                    "i", "@cmd", "j", "\tx", "n", "-5", "ok", "plain"));
            assertThat(Fallbacks.safeReadCsv(safe)).as("text cells defused, numbers untouched")
                    .containsExactly(Map.of("f", "'=SUM(A1:A9)", "g", "'+1", "h", "'-2", "i", "'@cmd", "j", "'\tx",
                            "n", "-5", "ok", "plain"));
        }

        @Test
        void aScalarRecordIsTheColumnValue() throws Exception {
            Path file = dir.resolve("scalars.csv");
            assertThat(Fallbacks.safeWriteCsv(List.of("first", 2, LocalDate.of(2024, 2, 29)), file)).isTrue();

            assertThat(Files.readString(file)).isEqualTo("value\nfirst\n2\n2024-02-29\n");
            assertThat(Fallbacks.safeReadCsv(file)).containsExactly(Map.of("value", "first"), Map.of("value", "2"),
                    Map.of("value", "2024-02-29"));
        }

        @Test
        void recordsAndBeansAreColumnsByTheirProperties() throws Exception {
            Path file = dir.resolve("accounts.csv");
            List<Object> records = List.of(new Account("a1", 1.5, true), new Team("t", new User("u", 1, List.of()), List.of()));

            assertThat(Fallbacks.safeWriteCsv(records, file)).isTrue();

            assertThat(Files.readString(file)).isEqualTo("id,balance,active,title,lead.name,lead.age,lead.tags,members\n"
                    + "a1,1.5,true,,,,,\n"
                    + ",,,t,u,1,[],[]\n");
        }

        @Test
        void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumn() throws Exception {
            Path file = dir.resolve("excel.csv");
            Files.write(file, "\uFEFFname,city\nZoë,Zürich\n".getBytes(StandardCharsets.UTF_8));

            List<Map<String, String>> rows = Fallbacks.safeReadCsv(file);

            assertThat(rows).containsExactly(Map.of("name", "Zoë", "city", "Zürich"));
            assertThat(rows.get(0).keySet()).containsExactly("name", "city");
        }

        @Test
        void anEmptyListGivesAnEmptyFile() throws Exception {
            Path file = dir.resolve("none.csv");
            assertThat(Fallbacks.safeWriteCsv(new ArrayList<>(), file)).isTrue();
            assertThat(Files.size(file)).isZero();
            assertThat(Fallbacks.safeReadCsv(file)).isEmpty();
        }
    }
}

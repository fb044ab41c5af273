package io.hydralogger.fallbacks.recovery;

import static io.hydralogger.fallbacks.recovery.DamageFixtures.ascii;
import static io.hydralogger.fallbacks.recovery.DamageFixtures.insert;
import static io.hydralogger.fallbacks.recovery.DamageFixtures.overwrite;
import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Salvage of generated damage: exact counts, and every salvaged record is one that was written. */
class DataRecoveryTest {
    /**
     * The formats where the damage of these tests (garbage without a tab, text inside a cell) can
     * be seen: TSV shares CSV's engine, but text damage that holds no tab, quote or line break keeps
     * a TSV row's field count, which the reading rules cannot tell from intact (RECOVERY.md, limits).
     */
    private static final List<Format> DETECTABLE = List.of(Format.JSON, Format.JSON_LINES, Format.CSV);

    @TempDir
    Path dir;

    private DataRecovery.Recovered salvage(byte[] bytes, Format format) throws IOException {
        Path file = dir.resolve("damaged" + DamageFixtures.extension(format));
        Files.write(file, bytes);
        DataRecovery.Recovered recovered = DataRecovery.recover(file, format);
        CorruptionReport counted = DataRecovery.scan(file, format, DataRecovery.mapperFor(ReadLimits.DEFAULTS),
                ReadLimits.DEFAULTS, Dialect.of(format));
        assertThat(counted.validRecords()).as("counting mode agrees with salvage").isEqualTo(recovered.records().size());
        assertThat(counted.problems()).isEqualTo(recovered.report().problems());
        assertThat(recovered.report().validRecords()).isEqualTo(recovered.records().size());
        return recovered;
    }

    /** Where each record's bytes end: the record is whole in a prefix of at least that length. */
    private static List<Integer> recordEnds(byte[] bytes, Format format) {
        List<Integer> ends = new ArrayList<>();
        switch (format) {
            case JSON -> {
                int depth = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '{' || bytes[i] == '[') {
                        depth++;
                    } else if (bytes[i] == '}' || bytes[i] == ']') {
                        depth--;
                        if (depth == 1) {
                            ends.add(i + 1);
                        }
                    }
                }
            }
            case JSON_LINES -> {
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        ends.add(i);
                    }
                }
            }
            case CSV, TSV -> {
                boolean header = true;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        if (!header) {
                            ends.add(i + 1);
                        }
                        header = false;
                    }
                }
            }
        }
        return ends;
    }

    private static boolean intactAt(byte[] bytes, Format format, int cut) {
        if (cut == bytes.length) {
            return true;
        }
        return switch (format) {
            case JSON -> false;
            case JSON_LINES -> cut == 0 || bytes[cut - 1] == '\n' || bytes[cut] == '\n';
            // a last row needs no line break when it is complete; the header is complete as soon
            // as its line is cut anywhere (nothing says how many columns it had), and a data row
            // when it has the header's number of fields: a cut in its last field cannot be seen
            case CSV, TSV -> cut == 0 || bytes[cut - 1] == '\n' || cut < firstLineBreak(bytes)
                    || fieldsOf(bytes, cut, format) == fieldsOf(bytes, firstLineBreak(bytes), format);
        };
    }

    /** Asserts that a CSV record is the written one with its last field cut short. */
    @SuppressWarnings("unchecked")
    private static void assertCutShort(Object written, Object read) {
        List<Map.Entry<String, String>> whole = new ArrayList<>(((Map<String, String>) written).entrySet());
        List<Map.Entry<String, String>> cut = new ArrayList<>(((Map<String, String>) read).entrySet());
        int last = whole.size() - 1;
        assertThat(cut.subList(0, last)).isEqualTo(whole.subList(0, last));
        assertThat(whole.get(last).getValue()).startsWith(cut.get(last).getValue());
    }

    /** {@return the offset of the first LF} */
    private static int firstLineBreak(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    /** {@return the fields of the line that ends at {@code end} (the library's test rows have no quotes)} */
    private static int fieldsOf(byte[] bytes, int end, Format format) {
        char delimiter = Dialect.of(format).delimiter();
        int start = end;
        while (start > 0 && bytes[start - 1] != '\n') {
            start--;
        }
        int fields = 1;
        boolean quoted = false;
        for (int i = start; i < end; i++) {
            if (bytes[i] == '"') {
                quoted = !quoted;
            } else if (bytes[i] == delimiter && !quoted) {
                fields++;
            }
        }
        return quoted ? -1 : fields;
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void truncationAtEveryByteKeepsExactlyTheWholeRecords(Format format) throws IOException {
        byte[] bytes = DamageFixtures.write(dir, format, 8);
        List<Object> written = DamageFixtures.intactRecords(dir, format, 8);
        List<Integer> ends = recordEnds(bytes, format);
        assertThat(ends).hasSize(8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            DataRecovery.Recovered recovered = salvage(Arrays.copyOf(bytes, cut), format);
            int finalCut = cut;
            int expected = (int) ends.stream().filter(end -> end <= finalCut).count();
            List<Object> records = recovered.records();
            if (format.delimited() && records.size() == expected + 1) {
                // a cut row with the header's number of fields is complete by the rules: a cut in
                // its last field cannot be seen, so the record comes back with that field shortened
                assertThat(intactAt(bytes, format, cut)).as("a row kept after a cut at %d is complete", cut).isTrue();
                assertCutShort(written.get(expected), records.get(expected));
                records = records.subList(0, expected);
            }
            assertThat(records).as("records salvaged from the first %d bytes", cut)
                    .hasSize(expected)
                    .isEqualTo(written.subList(0, expected));
            boolean intact = format == Format.JSON && cut == 0 ? false : intactAt(bytes, format, cut);
            assertThat(recovered.report().intact()).as("intact after a cut at %d: %s", cut, recovered.report())
                    .isEqualTo(intact);
        }
    }

    /**
     * The kinds of damage in the middle of a file of 100 records, with how many records survive
     * in JSON, JSON Lines and CSV.
     */
    enum Damage {
        GARBAGE(99, 99, 99), ZEROED_BLOCK(99, 99, 98), ZEROED_TAIL(50, 50, 50), INVALID_UTF8(99, 99, 99),
        TRUNCATED_AT_TWO_THIRDS(67, 67, 67);

        private final int[] survivors;

        Damage(int json, int jsonLines, int csv) {
            this.survivors = new int[] {json, jsonLines, csv, csv};
        }

        byte[] apply(byte[] bytes) {
            int middle = bytes.length / 2;
            return switch (this) {
                case GARBAGE -> insert(bytes, middle, ascii("#!garbage{{]]\"::,,xx"));
                case ZEROED_BLOCK -> overwrite(bytes, middle, DamageFixtures.zeros(64));
                case ZEROED_TAIL -> DamageFixtures.zeroTail(bytes, middle);
                case INVALID_UTF8 -> overwrite(bytes, DamageFixtures.middleStringByte(bytes),
                        new byte[] {(byte) 0xC3, (byte) 0x28});
                case TRUNCATED_AT_TWO_THIRDS -> Arrays.copyOf(bytes, bytes.length * 2 / 3 + 5);
            };
        }
    }

    @ParameterizedTest
    @EnumSource(Damage.class)
    void damageInTheMiddleLosesOnlyTheRecordsItTouched(Damage damage) throws IOException {
        for (Format format : DETECTABLE) {
            byte[] bytes = DamageFixtures.write(dir, format, 100);
            List<Object> written = DamageFixtures.intactRecords(dir, format, 100);
            DataRecovery.Recovered recovered = salvage(damage.apply(bytes), format);
            System.out.printf("salvaged %-24s %-10s %3d of 100; problems: %s%n", damage, format,
                    recovered.records().size(), recovered.report().problems().stream()
                            .map(p -> p.kind().label() + "@" + p.offset()).collect(Collectors.joining(", ")));
            assertThat(recovered.report().intact()).isFalse();
            assertThat(written).containsAll(recovered.records());
            assertThat(recovered.records()).isEqualTo(written.stream().filter(recovered.records()::contains).toList());
            assertThat(recovered.records()).hasSize(damage.survivors[format.ordinal()]);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "JSON_LINES", "CSV"})
    void garbageOrZerosAtEveryOffsetNeverInventARecord(Format format) throws IOException {
        byte[] bytes = DamageFixtures.write(dir, format, 10);
        List<Object> written = DamageFixtures.intactRecords(dir, format, 10);
        for (byte[] damage : List.of(ascii("#!garbage{{]]\"::,,xx"), DamageFixtures.zeros(8))) {
            for (int at = 1; at < bytes.length; at++) {
                DataRecovery.Recovered recovered = salvage(insert(bytes, at, damage), format);
                assertThat(recovered.report().intact()).isFalse();
                assertThat(recovered.records()).as("salvaged with damage at %d", at)
                        .isEqualTo(written.stream().filter(recovered.records()::contains).toList())
                        .hasSizeGreaterThanOrEqualTo(format == Format.CSV && at < bytes.length / 10 ? 0 : 8);
            }
        }
    }

    @Test
    void hundredThousandNestedBracketsAreTooDeep() throws IOException {
        byte[] deep = new byte[100_000];
        Arrays.fill(deep, (byte) '[');
        for (Format format : List.of(Format.JSON, Format.JSON_LINES)) {
            DataRecovery.Recovered recovered = salvage(deep, format);
            assertThat(recovered.records()).isEmpty();
            assertThat(recovered.report().problems()).extracting(Problem::kind).contains(ProblemKind.TOO_DEEP);
        }
        byte[] objects = "{\"a\":".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
        assertThat(salvage(objects, Format.JSON).report().problems().get(0).kind()).isEqualTo(ProblemKind.TOO_DEEP);
    }

    @Test
    void limitsAreReportedNotThrown() throws IOException {
        Path file = dir.resolve("long.json");
        Files.writeString(file, "[{\"a\":\"" + "x".repeat(2000) + "\"},{\"b\":1}]");
        ReadLimits tight = new ReadLimits(10, 1000, 10, -1);
        try (SalvageReader reader = DataRecovery.open(file, Format.JSON, DataRecovery.mapperFor(tight), tight)) {
            List<Object> records = new ArrayList<>();
            reader.forEachRemaining(records::add);
            assertThat(records).containsExactly(Map.of("b", 1));
            assertThat(reader.report().problems()).extracting(Problem::kind).containsExactly(ProblemKind.TOO_LONG);
        }
        ReadLimits small = new ReadLimits(10, 1000, 10, 100);
        try (SalvageReader reader = DataRecovery.open(file, Format.JSON, DataRecovery.mapperFor(small), small)) {
            assertThat(reader.hasNext()).isFalse();
            assertThat(reader.report().problems()).extracting(Problem::kind).containsExactly(ProblemKind.TOO_LONG);
        }
    }

    @Test
    void jsonTrailingJunkAfterACompleteArrayKeepsTheArray() throws IOException {
        DataRecovery.Recovered recovered = salvage(ascii("[{\"a\":1},{\"a\":2}]\n\u0000\u0000junk"), Format.JSON);
        assertThat(recovered.records()).containsExactly(Map.of("a", 1), Map.of("a", 2));
        assertThat(recovered.report().problems()).extracting(Problem::kind).containsExactly(ProblemKind.NUL_BYTES);
        assertThat(recovered.report().problems().get(0).offset()).isEqualTo(18);
    }

    @Test
    void aStrayBracketThatClosesTheArrayEarlyDoesNotLoseTheRest() throws IOException {
        DataRecovery.Recovered recovered = salvage(ascii("[{\"a\":1},{\"a\":2}]#junk,{\"a\":3},{\"a\":4}]"), Format.JSON);
        assertThat(recovered.records()).containsExactly(Map.of("a", 1), Map.of("a", 2), Map.of("a", 3), Map.of("a", 4));
        assertThat(recovered.report().problems()).extracting(Problem::kind).containsExactly(ProblemKind.TRAILING_DATA);
    }

    @Test
    void aJsonFileHoldingJsonLinesIsReadLineByLine() throws IOException {
        DataRecovery.Recovered recovered = salvage(ascii("{\"a\":1}\n{\"a\":2}\nbad\n{\"a\":3}\n"), Format.JSON);
        assertThat(recovered.records()).containsExactly(Map.of("a", 1), Map.of("a", 2), Map.of("a", 3));
        assertThat(recovered.report().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.TRAILING_DATA, ProblemKind.INVALID_SYNTAX);
        assertThat(recovered.report().problems().get(1).line()).isEqualTo(3);
    }

    @Test
    void jsonSingleValueIsAllOrNothing() throws IOException {
        assertThat(salvage(ascii("{\"a\":[1,2]}"), Format.JSON).records()).containsExactly(Map.of("a", List.of(1, 2)));
        DataRecovery.Recovered cut = salvage(ascii("{\"a\":[1,2"), Format.JSON);
        assertThat(cut.records()).isEmpty();
        assertThat(cut.report().problems()).extracting(Problem::kind).containsExactly(ProblemKind.TRUNCATED);
        assertThat(salvage(ascii("  \n"), Format.JSON).report().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.EMPTY_FILE);
    }

    @Test
    void jsonNumbersCutByTheEndAreDropped() throws IOException {
        assertThat(salvage(ascii("[1,22,333"), Format.JSON).records()).containsExactly(1, 22);
        assertThat(salvage(ascii("[1,22,333]"), Format.JSON).records()).containsExactly(1, 22, 333);
        assertThat(salvage(ascii("5\n6\n7"), Format.JSON_LINES).records()).containsExactly(5, 6);
    }

    @Test
    void resynchronisationNeverTakesElementsOfANestedArray() throws IOException {
        String good = "{\"id\":1,\"items\":[{\"x\":1},{\"x\":2},{\"x\":3}],\"tail\":{\"y\":[{\"z\":1},{\"z\":2}]}}";
        String damaged = "[" + good + ",{\"id\":2,\"items\":[{\"x\":1}GARBAGE,{\"x\":2},{\"x\":3}],\"tail\":"
                + "{\"y\":[{\"z\":1},{\"z\":2}]}}," + good.replace("\"id\":1", "\"id\":3") + "]";
        DataRecovery.Recovered recovered = salvage(ascii(damaged), Format.JSON);
        assertThat(recovered.records()).extracting(r -> (Object) ((Map<?, ?>) r).get("id")).containsExactly(1, 3);
        assertThat(recovered.report().problems()).hasSize(1);
    }

    @Test
    void jsonLinesBlankLinesAndCrlfAreNotDamage() throws IOException {
        DataRecovery.Recovered recovered = salvage(ascii("{\"a\":1}\r\n\r\n   \n{\"a\":2}\r\n"), Format.JSON_LINES);
        assertThat(recovered.records()).containsExactly(Map.of("a", 1), Map.of("a", 2));
        assertThat(recovered.report().intact()).isTrue();
    }

    @Test
    void jsonLinesTornLastLineAndNulTail() throws IOException {
        DataRecovery.Recovered torn = salvage(ascii("{\"a\":1}\n{\"a\":2}\n{\"a\":"), Format.JSON_LINES);
        assertThat(torn.records()).hasSize(2);
        assertThat(torn.report().problems()).extracting(Problem::kind, Problem::line, Problem::offset)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemKind.TORN_LAST_LINE, 3L, 16L));
        DataRecovery.Recovered nul = salvage(ascii("{\"a\":1}\n\u0000\u0000\u0000\u0000"), Format.JSON_LINES);
        assertThat(nul.records()).hasSize(1);
        assertThat(nul.report().problems()).extracting(Problem::kind).containsExactly(ProblemKind.NUL_BYTES);
        assertThat(nul.report().skippedRecords()).isEqualTo(1);
    }

    @Test
    void csvUnclosedQuoteDoesNotSwallowTheRest() throws IOException {
        String csv = "id,name\n1,a\n2,\"broken\n3,c\n4,\"multi\nline\"\n5,\"x\"y\n6,f\n";
        DataRecovery.Recovered recovered = salvage(csv.getBytes(StandardCharsets.UTF_8), Format.CSV);
        assertThat(recovered.records()).containsExactly(Map.of("id", "1", "name", "a"), Map.of("id", "3", "name", "c"),
                Map.of("id", "4", "name", "multi\nline"), Map.of("id", "6", "name", "f"));
        assertThat(recovered.report().problems()).extracting(Problem::kind, Problem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProblemKind.BROKEN_QUOTING, 3L),
                org.assertj.core.groups.Tuple.tuple(ProblemKind.BROKEN_QUOTING, 7L));
    }

    @Test
    void csvBomCrlfWrongFieldCountAndNul() throws IOException {
        String csv = "\uFEFFid,name\r\n1,a\r\n2,b,extra\r\n\r\n3\u0000,c\r\n4,d\r\n";
        DataRecovery.Recovered recovered = salvage(csv.getBytes(StandardCharsets.UTF_8), Format.CSV);
        assertThat(recovered.records()).containsExactly(Map.of("id", "1", "name", "a"), Map.of("id", "4", "name", "d"));
        assertThat(recovered.report().problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.WRONG_FIELD_COUNT, ProblemKind.NUL_BYTES);
        assertThat(recovered.report().skippedRecords()).isEqualTo(2);
        assertThat(List.copyOf(((Map<?, ?>) recovered.records().get(0)).keySet())).isEqualTo(List.of("id", "name"));
    }

    /**
     * What a damaged stretch of a JSON array held is counted when it can be: the bytes before the
     * damage were inside one element, so with no comma after the damage but the one before the
     * next intact element, the stretch held that one element. A file cut inside its last element
     * (the usual crash) loses one record; damage whose stretch may span elements is not countable.
     */
    @Test
    void theRecordsLostInAJsonArrayAreCountedWhenTheDamagedStretchHeldOneElement() throws IOException {
        assertLost("[{\"a\":1},{\"b\":2},{\"c\":[1,{\"d\":", List.of(Map.of("a", 1), Map.of("b", 2)), 1, 1);
        assertLost("[1,2,3", List.of(1, 2), 1, 1);
        assertLost("[{\"a\":1},{\"b\":#},{\"c\":3}]", List.of(Map.of("a", 1), Map.of("c", 3)), 1, 1);
        assertLost("[{\"a\":#},{\"b\":2},{\"c\":\"x\u0000\"},{\"d\":4}]",
                List.of(Map.of("b", 2), Map.of("d", 4)), 2, 2);
        // commas after the damage: it may have held several elements
        assertLost("[{\"a\":1},{\"b\":#,\"x\":2},{\"c\":3}]", List.of(Map.of("a", 1), Map.of("c", 3)), 1, -1);
        assertLost("[{\"a\":1},{\"b\":#},{\"x\":#},{\"c\":3}]", List.of(Map.of("a", 1), Map.of("c", 3)), 1, -1);
        // damage between elements, not in one: not countable
        assertLost("[{\"a\":1} # ,{\"c\":3}]", List.of(Map.of("a", 1), Map.of("c", 3)), 1, -1);
    }

    private void assertLost(String text, List<Object> salvaged, long stretches, long lost) throws IOException {
        DataRecovery.Recovered recovered = salvage(text.getBytes(StandardCharsets.UTF_8), Format.JSON);
        assertThat(recovered.records()).as(text).isEqualTo(salvaged);
        assertThat(recovered.report().skippedRecords()).as("damaged stretches of %s", text).isEqualTo(stretches);
        assertThat(recovered.report().lostRecords()).as("records lost of %s", text).isEqualTo(lost);
    }
}

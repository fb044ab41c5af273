package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.testing.Figures;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property tests (jqwik): random records round-trip through each format, and CSV flattening is
 * reversible for maps of scalars. Each property runs {@value #TRIES} random cases per build.
 */
class RoundTripProperties {
    private static final int TRIES = 300;
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final FallbackHandler HANDLER = FallbackHandler.builder().durability(Durability.NONE).backups(0)
            .recoveryPolicy(RecoveryPolicy.STRICT).build();
    private static Path dir;

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("round-trip-properties");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
        Figures.record("property.cases", CASES.get());
    }

    /** Text without lone surrogates (which UTF-8 cannot carry), control characters included. */
    private static Arbitrary<String> text() {
        Arbitrary<String> bmp = Arbitraries.strings().withCharRange('\u0000', '\uD7FF')
                .withCharRange('\uE000', '\uFFFD').ofMaxLength(20);
        return Arbitraries.oneOf(bmp, bmp.map(s -> s + "\uD83D\uDE00"));
    }

    private static Arbitrary<Object> scalar() {
        return Arbitraries.oneOf(text().map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
    }

    private static Arbitrary<Object> value(int depth) {
        if (depth == 0) {
            return scalar();
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, scalar()),
                net.jqwik.api.Tuple.of(1, value(depth - 1).list().ofMaxSize(4).map(l -> (Object) l)),
                net.jqwik.api.Tuple.of(1, Arbitraries.maps(text(), value(depth - 1)).ofMaxSize(4).map(m -> (Object) m)));
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> records() {
        return Arbitraries.maps(text(), value(2)).ofMaxSize(6).list().ofMaxSize(8);
    }

    private static Path file(String name) {
        return dir.resolve(CASES.incrementAndGet() + "-" + name);
    }

    @Property(tries = TRIES)
    void recordsRoundTripThroughJson(@ForAll("records") List<Map<String, Object>> records) {
        Path file = file("data.json");
        assertThat(HANDLER.writeJson(records, file).ok()).isTrue();
        assertThat(HANDLER.readJson(file).data()).isEqualTo(records);
    }

    @Property(tries = TRIES)
    void recordsRoundTripThroughJsonLines(@ForAll("records") List<Map<String, Object>> records) {
        Path file = file("data.jsonl");
        assertThat(HANDLER.writeJsonLines(records, file).ok()).isTrue();
        assertThat(HANDLER.readJsonLines(file).data()).isEqualTo(new ArrayList<Object>(records));
    }

    /** CSV column names: no dots, since a dot joins the names of nested keys. */
    private static Arbitrary<String> column() {
        return Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3);
    }

    /**
     * CSV cells. A carriage return is left out: FastCSV 4.2.0 misreads one inside a quoted last
     * field of a file with LF line ends (see docs/RELIABILITY.md).
     */
    private static Arbitrary<Object> csvScalar() {
        return Arbitraries.oneOf(text().filter(s -> s.indexOf('\r') < 0).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b));
    }

    @Provide
    Arbitrary<List<Map<String, Object>>> nestedMapsOfScalars() {
        Arbitrary<Object> nested = Arbitraries.maps(column(), csvScalar()).ofMinSize(1).ofMaxSize(3)
                .map(m -> (Object) m);
        Arbitrary<Object> cell = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, csvScalar()),
                net.jqwik.api.Tuple.of(1, nested));
        return Arbitraries.maps(column(), cell).ofMinSize(1).ofMaxSize(5).list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = TRIES)
    void csvFlatteningIsReversibleForMapsOfScalars(@ForAll("nestedMapsOfScalars") List<Map<String, Object>> records) {
        Path file = file("data.csv");
        assertThat(HANDLER.writeCsv(records, file).ok()).isTrue();
        List<Map<String, String>> rows = HANDLER.readCsv(file).data();

        Set<String> header = new LinkedHashSet<>();
        List<Map<String, String>> flat = new ArrayList<>();
        for (Map<String, Object> record : records) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten("", record, row);
            header.addAll(row.keySet());
            flat.add(row);
        }
        assertThat(rows).hasSameSizeAs(records);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).keySet()).containsExactlyElementsOf(header);
            Map<String, String> expected = new LinkedHashMap<>();
            for (String column : header) {
                expected.put(column, flat.get(i).getOrDefault(column, ""));
            }
            assertThat(rows.get(i)).as("row %d", i).isEqualTo(expected);
            assertThat(unflatten(rows.get(i), flat.get(i).keySet())).isEqualTo(asText(records.get(i)));
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> row) {
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> nested) {
                flatten(prefix + key + ".", nested, row);
            } else {
                // CSV carries no NUL: the writer puts U+FFFD in its place
                row.put((prefix + key).replace('\0', '\uFFFD'), String.valueOf(value).replace('\0', '\uFFFD'));
            }
        });
    }

    /** The record with every scalar as the text CSV holds for it. */
    private static Map<String, Object> asText(Map<?, ?> record) {
        Map<String, Object> result = new LinkedHashMap<>();
        record.forEach((key, value) -> result.put(((String) key).replace('\0', '\uFFFD'),
                value instanceof Map<?, ?> nested ? asText(nested) : String.valueOf(value).replace('\0', '\uFFFD')));
        return result;
    }

    /** Rebuilds nested maps from dotted columns, cells as text. */
    private static Map<String, Object> unflatten(Map<String, String> row, Set<String> columns) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            Map<String, Object> level = result;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) level.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
                level = next;
            }
            level.put(parts[parts.length - 1], row.get(column));
        }
        return result;
    }
}

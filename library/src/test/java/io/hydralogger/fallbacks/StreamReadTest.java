package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvParseException;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptFileException;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;

/** {@link FallbackHandler#stream}: constant-memory, strict reads of each format. */
class StreamReadTest {
    private final FallbackHandler handler = FallbackHandler.builder().build();

    @TempDir
    Path dir;

    private List<Object> all(String text, Format format) {
        try (Stream<Object> records = handler.stream(bytes(text), format)) {
            return records.toList();
        }
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void jsonArrayElementsAreTheRecords() {
        assertThat(all("[{\"a\":1},{\"a\":[2,3]},null,\"x\"]", Format.JSON))
                .containsExactly(Map.of("a", 1), Map.of("a", List.of(2, 3)), null, "x");
        assertThat(all("[]", Format.JSON)).isEmpty();
    }

    @Test
    void aJsonDocumentThatIsNotAnArrayIsOneRecord() {
        assertThat(all("{\"a\":{\"b\":true}}", Format.JSON)).containsExactly(Map.of("a", Map.of("b", true)));
    }

    @Test
    void aJsonLinesLineHoldingAnArrayIsOneRecord() {
        assertThat(all("[1,2]\n{\"a\":1}\n[]\n", Format.JSON_LINES))
                .containsExactly(List.of(1, 2), Map.of("a", 1), List.of());
    }

    @Test
    void csvRowsAreMapsInHeaderOrder() {
        List<Object> rows = all("\uFEFFid,name\n1,Ada\n2,\"Li, nus\"\n", Format.CSV);
        assertThat(rows).containsExactly(Map.of("id", "1", "name", "Ada"), Map.of("id", "2", "name", "Li, nus"));
        @SuppressWarnings("unchecked")
        Map<String, String> first = (Map<String, String>) rows.get(0);
        assertThat(first.keySet()).containsExactly("id", "name");
    }

    @Test
    void damageIsThrownWhenReachedAfterTheRecordsBeforeIt() {
        List<Object> seen = new ArrayList<>();
        try (Stream<Object> records = handler.stream(bytes("[{\"a\":1},{\"a\":2},{\"a\":"), Format.JSON)) {
            assertThatThrownBy(() -> records.forEach(seen::add)).isInstanceOf(CorruptFileException.class)
                    .hasCauseInstanceOf(JacksonException.class)
                    .satisfies(e -> {
                        CorruptFileException damage = (CorruptFileException) e;
                        assertThat(damage.path()).as("bytes from a stream have no path").isEmpty();
                        assertThat(damage.problem().kind()).isEqualTo(ProblemKind.TRUNCATED);
                        assertThat(damage.problem().line()).isEqualTo(1);
                        assertThat(damage.problem().offset()).isEqualTo(22);
                    });
        }
        assertThat(seen).containsExactly(Map.of("a", 1), Map.of("a", 2));

        seen.clear();
        try (Stream<Object> records = handler.stream(bytes("{\"a\":1}\n{\"a\n{\"a\":3}\n"), Format.JSON_LINES)) {
            assertThatThrownBy(() -> records.forEach(seen::add)).isInstanceOf(CorruptFileException.class)
                    .hasCauseInstanceOf(JacksonException.class)
                    .satisfies(e -> assertThat(((CorruptFileException) e).problem().line()).isEqualTo(2));
        }
        assertThat(seen).containsExactly(Map.of("a", 1));
    }

    @Test
    void aCsvRowWithTheWrongFieldCountIsDamage() {
        List<Object> seen = new ArrayList<>();
        try (Stream<Object> records = handler.stream(bytes("a,b\n1,2\n3\n4,5\n"), Format.CSV)) {
            assertThatThrownBy(() -> records.forEach(seen::add)).isInstanceOf(CorruptFileException.class)
                    .hasCauseInstanceOf(CsvParseException.class)
                    .hasMessageContaining("line 3");
        }
        assertThat(seen).containsExactly(Map.of("a", "1", "b", "2"));
    }

    @Test
    void closingTheStreamClosesTheInput() {
        for (Format format : Format.values()) {
            AtomicBoolean closed = new AtomicBoolean();
            InputStream in = new ByteArrayInputStream("[1]\n".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public void close() {
                    closed.set(true);
                }
            };
            handler.stream(in, format).close();
            assertThat(closed).as(format.label()).isTrue();
        }
    }

    @Test
    void filesWrittenByTheHandlerStreamBack() throws IOException {
        List<Map<String, Object>> records = List.of(Map.of("id", 1, "tags", List.of("a")), Map.of("id", 2, "tags", List.of()));
        for (Format format : List.of(Format.JSON, Format.JSON_LINES)) {
            Path file = dir.resolve("r." + format.label());
            assertThat(handler.write(records, file, format).ok()).isTrue();
            try (Stream<Object> back = handler.stream(file, format)) {
                assertThat(back.toList()).as(format.label()).isEqualTo(List.copyOf(records));
            }
        }
        assertThatThrownBy(() -> handler.stream(dir.resolve("missing.json"), Format.JSON))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
        assertThat(Files.exists(dir.resolve("missing.json"))).isFalse();
    }

    @Test
    void aDamagedFileNamesItselfAndTooDeepNestingIsToldFromTheParsersState(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("deep.json"), "[" + "[".repeat(600) + "]".repeat(600) + "]");
        try (Stream<Object> records = handler.stream(file, Format.JSON)) {
            assertThatThrownBy(() -> records.forEach(r -> { })).isInstanceOf(CorruptFileException.class)
                    .satisfies(e -> {
                        CorruptFileException damage = (CorruptFileException) e;
                        assertThat(damage.path()).contains(file);
                        assertThat(damage.problem().kind()).isEqualTo(ProblemKind.TOO_DEEP);
                    });
        }
    }
}

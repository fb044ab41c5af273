package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.format.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that once made a reader return records that were never written. */
class ReaderEdgeCaseTest {
    @TempDir
    Path dir;

    private final FallbackHandler handler = FallbackHandler.builder().build();

    @Test
    void anArrayOnTheFirstLineOfJsonLinesIsOneRecord() throws Exception {
        Path file = dir.resolve("arrays.jsonl");
        List<Object> written = List.of(List.of(1, 2, 3), Map.of("a", 1), List.of());
        assertThat(handler.writeJsonLines(written, file).ok()).isTrue();
        assertThat(Files.readString(file)).startsWith("[1,2,3]\n");

        ReadResult<List<Object>> read = handler.readJsonLines(file);

        assertThat(read.data()).isEqualTo(written);
        try (Stream<Object> stream = handler.stream(file, Format.JSON_LINES)) {
            assertThat(stream.toList()).isEqualTo(written);
        }
    }

    @Test
    void aLoneSurrogateInTextIsWrittenSoThatTheFileStaysReadable() {
        Map<String, Object> record = Map.of("key\uD800", "value\uDC00 and \uD83D\uDE00");
        for (io.hydralogger.fallbacks.format.Format format : io.hydralogger.fallbacks.format.Format.values()) {
            Path file = dir.resolve("surrogates." + format.name().toLowerCase(java.util.Locale.ROOT));
            assertThat(handler.write(List.of(record), file, format).ok()).isTrue();
            ReadResult<?> read = switch (format) {
                case JSON -> handler.readJson(file);
                case JSON_LINES -> handler.readJsonLines(file);
                case CSV -> handler.readCsv(file);
                case TSV -> handler.readTsv(file);
            };
            assertThat(read.error()).as(format.name()).isEmpty();
            assertThat(read.data().toString()).as(format.name()).contains(" and \uD83D\uDE00");
            if (!format.delimited()) {
                assertThat(read.data().toString()).as(format.name()).contains("key\uFFFD", "value\uFFFD and");
            }
        }
    }
}

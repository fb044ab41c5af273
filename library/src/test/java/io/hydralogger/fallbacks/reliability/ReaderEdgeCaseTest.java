package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
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
        try (Stream<Object> stream = handler.streamJsonLines(file)) {
            assertThat(stream.toList()).isEqualTo(written);
        }
    }
}

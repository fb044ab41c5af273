package io.hydralogger.fallbacks.apitest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hydralogger.fallbacks.Fallbacks;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.Source;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptFileException;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import io.hydralogger.fallbacks.sanitize.DataSanitizer;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library used as a module, from a module: only its exported API, on the module path. */
class ExportedApiTest {
    @TempDir
    Path dir;

    @Test
    void theLibraryIsANamedModuleThatExportsItsApiAndNotItsMachinery() {
        Module library = Fallbacks.class.getModule();
        assertThat(library.isNamed()).as("on the module path").isTrue();
        assertThat(Client.class.getModule().isNamed()).isTrue();
        ModuleDescriptor descriptor = library.getDescriptor();
        Set<String> exported = descriptor.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());
        assertThat(exported).containsExactlyInAnyOrder("io.hydralogger.fallbacks", "io.hydralogger.fallbacks.format",
                "io.hydralogger.fallbacks.write", "io.hydralogger.fallbacks.recovery",
                "io.hydralogger.fallbacks.sanitize", "io.hydralogger.fallbacks.stats");
        assertThat(library.getPackages()).contains("io.hydralogger.fallbacks.internal.fs",
                "io.hydralogger.fallbacks.internal.codec", "io.hydralogger.fallbacks.internal.sanitize");
        assertThat(library.isExported("io.hydralogger.fallbacks.internal.fs", Client.class.getModule())).isFalse();
    }

    @Test
    void anInternalClassCannotBeReachedByReflectionEither() throws Exception {
        Class<?> locks = Class.forName("io.hydralogger.fallbacks.internal.fs.PathLocks");
        assertThatThrownBy(() -> locks.getConstructor().newInstance()).isInstanceOf(IllegalAccessException.class);
    }

    @Test
    void recordsGoThroughTheExportedApi() {
        try (Client client = new Client()) {
            ReadResult<List<Object>> read = client.roundTrip(dir.resolve("events.jsonl"),
                    List.of(Map.of("id", 1), Map.of("id", 2)));
            assertThat(read.source()).isEqualTo(Source.PRIMARY);
            assertThat(read.data()).containsExactly(Map.of("id", 1), Map.of("id", 2));
            assertThat(client.handler().stats().snapshot().writesOk()).isEqualTo(1);
        }
    }

    @Test
    void theFacadeAndTheStaticToolsWorkFromAnotherModule() throws IOException {
        Path file = dir.resolve("data.json");
        assertThat(Fallbacks.safeWriteJson(Map.of("a", List.of(1, 2)), file)).isTrue();
        assertThat(Fallbacks.safeReadJson(file)).isEqualTo(Map.of("a", List.of(1, 2)));
        assertThat(CorruptionDetector.detectCorruption(file, Format.JSON)).isFalse();
        assertThat(DataSanitizer.sanitizeForJson(new Point(1, 2))).isEqualTo(Map.of("x", 1L, "y", 2L));

        Files.writeString(file, "[{\"a\":1},{\"a\":");
        try (Client client = new Client(); Stream<Object> records = client.handler().stream(file, Format.JSON)) {
            assertThatThrownBy(() -> records.forEach(r -> { })).isInstanceOf(CorruptFileException.class)
                    .satisfies(e -> assertThat(((CorruptFileException) e).problem().kind())
                            .isEqualTo(ProblemKind.TRUNCATED));
        }
    }

    /**
     * A record of the client's own module, taken apart by the library's sanitiser.
     *
     * @param x a coordinate
     * @param y a coordinate
     */
    public record Point(int x, int y) {
    }
}

package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.testing.OpKind;
import io.hydralogger.fallbacks.testing.RecordingFileSystem;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability never drops silently: a folder that cannot be forced fails the write before the
 * rename, makes a write after the rename "written, durability unknown" (no failure, no fallback
 * file), and is skipped only by the named opt-in {@link Durability#SYNC_FILES_ONLY}.
 */
class DurabilityTest {
    @TempDir
    Path dir;

    private RecordingFileSystem fs;
    private Path root;

    @BeforeEach
    void setUp() {
        fs = new RecordingFileSystem();
        root = fs.wrap(dir);
    }

    private FallbackHandler handler(Durability durability) {
        return FallbackHandler.builder().durability(durability).fallbackFolder(root.resolve("fallback-folder")).build();
    }

    private List<Path> fallbackFiles() throws IOException {
        try (var entries = Files.walk(dir)) {
            return entries.filter(p -> p.getFileName().toString().contains(".fallback-")).toList();
        }
    }

    @Test
    void aFolderNotForcedAfterTheRenameIsWrittenWithDurabilityUnknown() throws IOException {
        Path real = dir.resolve("data.json");
        Files.writeString(real, "[1]");
        fs.failAt(op -> op.kind() == OpKind.FORCE_DIRECTORY, 1);

        WriteResult result = handler(Durability.SYNC).writeJson(List.of(Map.of("v", 2)), fs.wrap(real));

        assertThat(fs.faultsInjected()).isEqualTo(1);
        assertThat(result.ok()).as("the target holds the new data").isTrue();
        assertThat(result.durabilityUnknown()).isTrue();
        assertThat(result.error()).isEmpty();
        assertThat(result.fallback()).isEmpty();
        assertThat(fallbackFiles()).as("no fallback file: the records are in the target").isEmpty();
        assertThat(Files.readString(real)).isEqualTo("[{\"v\":2}]");
        assertThat(result.backup()).isPresent();
    }

    @Test
    void aNewFolderThatCannotBeForcedFailsTheWriteBeforeTheRename() throws IOException {
        Path real = dir.resolve("new").resolve("data.json");
        fs.failAt(op -> op.kind() == OpKind.FORCE_DIRECTORY, 1);

        WriteResult result = handler(Durability.SYNC).writeJson(List.of(Map.of("v", 1)), fs.wrap(real));

        assertThat(result.ok()).isFalse();
        assertThat(result.durabilityUnknown()).isFalse();
        assertThat(result.error()).isPresent();
        assertThat(result.fallback()).as("the records are kept").isPresent();
        assertThat(real).doesNotExist();
    }

    @Test
    void aWriteThatLandsDurablyForcesItsFolder() throws IOException {
        Path real = dir.resolve("durable.json");

        WriteResult result = handler(Durability.SYNC).writeJson(List.of(1), fs.wrap(real));

        assertThat(result.ok()).isTrue();
        assertThat(result.durabilityUnknown()).isFalse();
        assertThat(fs.ops()).anyMatch(op -> op.kind() == OpKind.FORCE_DIRECTORY);
    }

    @Test
    void syncFilesOnlyForcesTheFilesAndNoFolder() throws IOException {
        Path real = dir.resolve("sub").resolve("files-only.jsonl");

        WriteResult written = handler(Durability.SYNC_FILES_ONLY).writeJsonLines(List.of(1, 2), fs.wrap(real));
        WriteResult appended = handler(Durability.SYNC_FILES_ONLY).appendJsonLines(List.of(3), fs.wrap(real));

        assertThat(written.ok()).isTrue();
        assertThat(appended.ok()).isTrue();
        assertThat(written.durabilityUnknown()).isFalse();
        assertThat(fs.ops()).anyMatch(op -> op.kind() == OpKind.FORCE);
        assertThat(fs.ops()).noneMatch(op -> op.kind() == OpKind.FORCE_DIRECTORY);
        assertThat(Files.readAllLines(real)).containsExactly("1", "2", "3");
    }
}

package io.hydralogger.fallbacks.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.internal.fs.FileNames;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing, restoring and pruning backups, beside the file and in a backup folder. */
class BackupManagerTest {
    @TempDir
    Path dir;

    private static Clock tick(long second) {
        return Clock.fixed(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second), ZoneOffset.UTC);
    }

    @Test
    void aBackupFolderKeepsTheNewestTimestampedCopies() throws IOException {
        Path file = dir.resolve("data.json");
        Path folder = dir.resolve("backups");
        for (int version = 0; version < 5; version++) {
            BackupManager backups = BackupManager.inFolder(folder, 3).withClock(tick(version));
            FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).backups(backups).build();
            assertThat(handler.writeJson(List.of(version), file).ok()).isTrue();
        }
        BackupManager backups = BackupManager.inFolder(folder, 3);
        List<Path> list = backups.list(file);
        assertThat(list).extracting(p -> p.getFileName().toString()).containsExactly(
                "data.json.20260101T000004.000Z.bak", "data.json.20260101T000003.000Z.bak",
                "data.json.20260101T000002.000Z.bak");
        assertThat(list.get(0)).hasContent("[3]");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).doesNotContain("data.json.bak");
    }

    @Test
    void restorePutsABackupBackAndKeepsTheReplacedVersion() throws IOException {
        Path file = dir.resolve("data.json");
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).backups(2).build();
        handler.writeJson(List.of(1), file);
        handler.writeJson(List.of(2), file);
        handler.writeJson(List.of(3), file);
        BackupManager backups = BackupManager.generations(2).withClock(tick(0));
        assertThat(backups.list(file)).containsExactly(FileNames.backup(file, 0), FileNames.backup(file, 1));
        Optional<Path> kept = backups.restore(file, FileNames.backup(file, 1));
        assertThat(file).hasContent("[1]");
        assertThat(kept).hasValueSatisfying(p -> {
            assertThat(p.getFileName().toString()).isEqualTo("data.json.corrupt-20260101T000000.000Z");
            assertThat(p).hasContent("[3]");
        });
        assertThat(FileNames.backup(file, 1)).hasContent("[1]");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp"))).isEmpty();
    }

    @Test
    void pruneByCountAndAge() throws IOException {
        Path file = dir.resolve("data.json");
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).backups(4).build();
        for (int i = 0; i < 5; i++) {
            handler.writeJson(List.of(i), file);
        }
        BackupManager backups = BackupManager.generations(4);
        assertThat(backups.list(file)).hasSize(4);
        assertThat(backups.prune(file, 3, null)).containsExactly(FileNames.backup(file, 3));
        Files.setLastModifiedTime(FileNames.backup(file, 2), FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        assertThat(backups.prune(file, 10, Duration.ofDays(1))).containsExactly(FileNames.backup(file, 2));
        assertThat(backups.list(file)).hasSize(2);
    }
}

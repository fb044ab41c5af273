package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's cache of corruption reports: never outlives a change of the file, and is bounded. */
class ReportCacheTest {
    @TempDir
    Path dir;

    private final ReportCache cache = new ReportCache();

    private boolean corrupted(Path file) {
        return !cache.inspect(file, Format.JSON, ReadLimits.DEFAULTS, Dialect.CSV).intact();
    }

    @Test
    void aCachedAnswerNeverOutlivesAChange() throws IOException {
        assertThat(cache.size()).isZero();
        Path file = dir.resolve("data.json");
        Files.writeString(file, "[{\"a\":1},{\"a\":2}]");
        FileTime mtime = Files.getLastModifiedTime(file);
        assertThat(corrupted(file)).isFalse();
        assertThat(cache.size()).isEqualTo(1);

        // same size, modification time set back: only the change time (and the content) tell
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(8);
            raf.write('#');
        }
        Files.setLastModifiedTime(file, mtime);
        assertThat(Files.size(file)).isEqualTo(17);
        assertThat(corrupted(file)).isTrue();

        // replaced by rename with the old size and time: a new inode
        Path other = dir.resolve("other.json");
        Files.writeString(other, "[{\"a\":1},{\"a\":2}]");
        Files.setLastModifiedTime(other, mtime);
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(corrupted(file)).isFalse();

        cache.clear();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theDialectIsPartOfTheKey() throws IOException {
        Path file = dir.resolve("european.csv");
        Files.writeString(file, "a;b\n1;2\n");
        assertThat(cache.inspect(file, Format.CSV, ReadLimits.DEFAULTS, Dialect.CSV).notes())
                .singleElement().asString().contains("';'");
        assertThat(cache.inspect(file, Format.CSV, ReadLimits.DEFAULTS, Dialect.CSV.withDelimiter(';')).notes())
                .isEmpty();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void theCacheIsBounded() throws IOException {
        for (int i = 0; i < ReportCache.SIZE + 10; i++) {
            Path file = dir.resolve("f" + i + ".jsonl");
            Files.writeString(file, "{\"i\":" + i + "}\n");
            assertThat(cache.inspect(file, Format.JSON_LINES, ReadLimits.DEFAULTS, Dialect.CSV).intact()).isTrue();
        }
        assertThat(cache.size()).isEqualTo(ReportCache.SIZE);
    }

    @Test
    void theFacadeCountsTheReportsOfItsRuntimeAndClearsThem() throws IOException {
        Fallbacks.clearAllCaches();
        assertThat(Fallbacks.getPerformanceStats()).containsEntry("corruption_cache_size", 0);
        Path damaged = dir.resolve("damaged.json");
        Files.writeString(damaged, "[{\"a\":1},{\"a\":");
        assertThat(Fallbacks.safeReadJson(damaged)).isNotNull();
        assertThat(Fallbacks.getPerformanceStats()).containsEntry("corruption_cache_size", 1);
        Fallbacks.clearAllCaches();
        assertThat(Fallbacks.getPerformanceStats()).containsEntry("corruption_cache_size", 0);
    }
}

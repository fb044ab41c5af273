package io.hydralogger.fallbacks.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hydralogger.fallbacks.Fallbacks;
import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection: reports, format names, and a cache that never outlives a change of the file. */
class CorruptionDetectorTest {
    @TempDir
    Path dir;

    @Test
    void reportsKindOffsetLineAndCounts() throws IOException {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "{\"a\":1}\n{\"a\":2}\nnot json\n{\"a\":3}\n{\"a\":");
        CorruptionReport report = CorruptionDetector.inspect(file, Format.JSON_LINES);
        assertThat(report.intact()).isFalse();
        assertThat(report.validRecords()).isEqualTo(3);
        assertThat(report.skippedRecords()).isEqualTo(2);
        assertThat(report.problems()).extracting(Problem::kind, Problem::offset, Problem::line).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProblemKind.INVALID_SYNTAX, 16L, 3L),
                org.assertj.core.groups.Tuple.tuple(ProblemKind.TORN_LAST_LINE, 33L, 5L));
        assertThat(CorruptionDetector.detectCorruption(file, "jsonl")).isTrue();
        assertThat(CorruptionDetector.detectCorruption(file, (String) null)).isTrue();
    }

    @Test
    void intactMissingAndUnknownFormat() throws IOException {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, "[{\"a\":1}]");
        assertThat(CorruptionDetector.detectCorruption(file, "JSON_ARRAY")).isFalse();
        assertThat(CorruptionDetector.inspect(file, Format.JSON).validRecords()).isEqualTo(1);
        Path missing = dir.resolve("missing.json");
        assertThat(CorruptionDetector.detectCorruption(missing, Format.JSON)).isFalse();
        assertThat(CorruptionDetector.inspect(missing, Format.JSON).problems()).extracting(Problem::kind)
                .containsExactly(ProblemKind.MISSING);
        assertThatThrownBy(() -> CorruptionDetector.detectCorruption(file, "xml"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCachedAnswerNeverOutlivesAChange() throws IOException {
        Fallbacks.clearAllCaches();
        assertThat(CorruptionDetector.cacheSize()).isZero();
        Path file = dir.resolve("data.json");
        Files.writeString(file, "[{\"a\":1},{\"a\":2}]");
        FileTime mtime = Files.getLastModifiedTime(file);
        assertThat(CorruptionDetector.detectCorruption(file, Format.JSON)).isFalse();
        assertThat(CorruptionDetector.cacheSize()).isEqualTo(1);
        assertThat(Fallbacks.getPerformanceStats()).containsEntry("corruption_cache_size", 1);

        // same size, modification time set back: only the change time (and the content) tell
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(8);
            raf.write('#');
        }
        Files.setLastModifiedTime(file, mtime);
        assertThat(Files.size(file)).isEqualTo(17);
        assertThat(CorruptionDetector.detectCorruption(file, Format.JSON)).isTrue();

        // replaced by rename with the old size and time: a new inode
        Path other = dir.resolve("other.json");
        Files.writeString(other, "[{\"a\":1},{\"a\":2}]");
        Files.setLastModifiedTime(other, mtime);
        Files.move(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(CorruptionDetector.detectCorruption(file, Format.JSON)).isFalse();

        Fallbacks.clearAllCaches();
        assertThat(CorruptionDetector.cacheSize()).isZero();
    }

    @Test
    void theCacheIsBounded() throws IOException {
        for (int i = 0; i < CorruptionDetector.CACHE_SIZE + 10; i++) {
            Path file = dir.resolve("f" + i + ".jsonl");
            Files.writeString(file, "{\"i\":" + i + "}\n");
            assertThat(CorruptionDetector.inspect(file, Format.JSON_LINES).intact()).isTrue();
        }
        assertThat(CorruptionDetector.cacheSize()).isEqualTo(CorruptionDetector.CACHE_SIZE);
    }
}

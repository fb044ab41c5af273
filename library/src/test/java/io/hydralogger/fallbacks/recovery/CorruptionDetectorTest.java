package io.hydralogger.fallbacks.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detection: reports and format names (the cache of reports is a runtime's: ReportCacheTest). */
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

    /** Issue 13: the guide's {@code detect_corruption("file.json", "json")}, translated one to one. */
    @Test
    void theFileMayBeGivenByNameAsTheGuideDoes() throws IOException {
        String damaged = Files.writeString(dir.resolve("file.json"), "[{\"a\":1},{\"a\":").toString();
        String intact = Files.writeString(dir.resolve("ok.csv"), "a,b\n1,2\n").toString();

        assertThat(CorruptionDetector.detectCorruption(damaged, "json")).isTrue();
        assertThat(CorruptionDetector.detectCorruption(damaged, Format.JSON)).isTrue();
        assertThat(CorruptionDetector.detectCorruption(intact, "csv")).isFalse();
        assertThat(CorruptionDetector.detectCorruption(intact, (String) null)).as("format by extension").isFalse();
        assertThat(CorruptionDetector.detectCorruption(dir.resolve("none.json").toString(), "json")).isFalse();
        assertThatThrownBy(() -> CorruptionDetector.detectCorruption("", "json"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorruptionDetector.detectCorruption((String) null, "json"))
                .isInstanceOf(NullPointerException.class);
    }
}

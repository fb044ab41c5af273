package io.hydralogger.fallbacks.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RepairResult;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Files written by other programs (the corpus, see {@code corpus/README.md}) read as their
 * writers meant them, by every path of the library alike: the strict read and stream,
 * {@code inspect}, salvage, {@code recover}, the append's torn-tail check and {@code repair}.
 */
class CorpusAgreementTest {
    @TempDir
    Path dir;

    static Stream<Corpus.Entry> entries() {
        return Corpus.entries().stream();
    }

    /** The files intact by the reading rules (nothing written against them), read in their dialect. */
    static Stream<Corpus.Entry> intactAsTheyAre() {
        return entries().filter(entry -> entry.lostByRule().isEmpty());
    }

    /** The files that need an option to be read as meant: another delimiter than the format's, or charset. */
    static Stream<Corpus.Entry> needingOptions() {
        return entries().filter(entry -> entry.format() == Format.CSV && entry.needsOptions()
                && entry.dialect().delimiter() != ',');
    }

    static Stream<Corpus.Entry> jsonLines() {
        return entries().filter(entry -> entry.format() == Format.JSON_LINES);
    }

    @Test
    void theCorpusHoldsFilesOfEveryWriter() {
        List<String> writers = Corpus.entries().stream().map(entry -> entry.name().split("/")[0]).distinct().toList();
        assertThat(writers).contains("python", "node", "java", "libreoffice", "jq", "printf");
        assertThat(Corpus.entries()).hasSizeGreaterThan(50);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void everyPathReadsTheFileAsItsWriterMeantIt(Corpus.Entry entry) throws Exception {
        Map<String, ReadPaths.Seen> seen = ReadPaths.read(entry.file(), entry.format(), entry.dialect());
        boolean intact = ReadPaths.assertAgree(entry.name(), seen);
        JsonNode salvaged = seen.get("salvage").records();
        if (entry.lostByRule().isEmpty()) {
            assertThat(intact).as("%s is intact", entry).isTrue();
            assertThat(salvaged).as("%s: the records its writer wrote", entry).isEqualTo(entry.records());
        } else {
            assertThat(intact).as("%s: %s", entry, entry.expected().get("limit").asString()).isFalse();
            assertThat(salvaged).as("%s: every record the rules can take", entry).isEqualTo(entry.readableRecords());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("needingOptions")
    void aHeaderThatUsesAnotherDelimiterIsNamedNotReadAsOneSilentColumn(Corpus.Entry entry) {
        CorruptionReport asComma = CorruptionDetector.inspect(entry.file(), Format.CSV);
        assertThat(asComma.notes()).as("%s read with commas", entry).singleElement().asString()
                .contains("looks " + (entry.dialect().delimiter() == ';' ? "';'" : "tab") + "-separated");
        CorruptionReport asMeant = CorruptionDetector.inspect(entry.file(), Format.CSV,
                io.hydralogger.fallbacks.format.ReadLimits.DEFAULTS, entry.dialect());
        assertThat(asMeant.notes()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonLines")
    void anAppendKeepsEveryRecordTheSalvageFinds(Corpus.Entry entry) throws Exception {
        Path file = Files.copy(entry.file(), dir.resolve(entry.file().getFileName()));
        List<Object> before = DataRecovery.recover(file, Format.JSON_LINES).records();
        if (entry.utf16()) {
            // appends write UTF-8 lines: a UTF-16 file is left as it is, the record goes to a fallback file
            WriteResult refused = FallbackHandler.builder().fallbackFolder(dir.resolve("fallbacks")).build()
                    .appendJsonLines(List.of(Map.of("appended", true)), file);
            assertThat(refused.ok()).isFalse();
            assertThat(refused.error().orElseThrow()).hasMessageContaining("UTF-16");
            assertThat(Files.readAllBytes(file)).as("%s is untouched", entry).isEqualTo(Files.readAllBytes(entry.file()));
            assertThat(ReadPaths.HANDLER.readJsonLines(refused.fallback().orElseThrow()).data())
                    .isEqualTo(List.of(Map.of("appended", true)));
            return;
        }
        assertThat(ReadPaths.HANDLER.appendJsonLines(List.of(Map.of("appended", true)), file).ok()).isTrue();
        DataRecovery.Recovered after = DataRecovery.recover(file, Format.JSON_LINES);
        List<Object> expected = new ArrayList<>(before);
        expected.add(Map.of("appended", true));
        assertThat(after.records()).as("%s after an append", entry).isEqualTo(expected);
        assertThat(after.report().intact()).as("%s after an append: %s", entry, after.report()).isTrue();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no torn-line evidence: nothing was cut")
                    .noneMatch(name -> name.contains(".torn-"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("intactAsTheyAre")
    void repairLeavesAFileItsWriterWroteAlone(Corpus.Entry entry) throws Exception {
        Path file = Files.copy(entry.file(), dir.resolve(entry.file().getFileName()));
        RepairResult result = FallbackHandler.builder().csvDelimiter(entry.dialect().delimiter())
                .charset(entry.dialect().charset()).build().repair(file, entry.format());
        assertThat(result.ok()).isTrue();
        assertThat(result.repaired()).as("%s needed no repair", entry).isFalse();
        assertThat(Files.readAllBytes(file)).as("%s is untouched", entry).isEqualTo(Files.readAllBytes(entry.file()));
    }
}

package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends of JSON Lines: whole lines, torn tails repaired, failures kept in fallback files. */
class AppendTest {
    @TempDir
    Path dir;

    private final FallbackHandler handler = FallbackHandler.builder().fallbackFolder(Path.of("unused")).build();

    private static String content(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private List<Path> siblings(String infix) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(infix)).toList();
        }
    }

    @Test
    void appendsCreateTheFileAndAddWholeLines() throws Exception {
        Path file = dir.resolve("log.jsonl");

        WriteResult first = handler.appendJsonLines(List.of(Map.of("n", 1), Map.of("n", 2)), file);
        WriteResult second = handler.appendJsonLines(List.of(Map.of("n", 3)), file);

        assertThat(first.ok()).isTrue();
        assertThat(first.records()).isEqualTo(2);
        assertThat(first.bytes()).isEqualTo("{\"n\":1}\n{\"n\":2}\n".length());
        assertThat(second.ok()).isTrue();
        assertThat(content(file)).isEqualTo("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
        assertThat(Fallbacks.safeAppendJsonLines(List.of("four"), file.toString())).isTrue();
        assertThat(Fallbacks.safeReadJsonLines(file)).containsExactly(Map.of("n", 1), Map.of("n", 2),
                Map.of("n", 3), "four");
    }

    @Test
    void anEmptyAppendChangesNothing() throws Exception {
        Path file = dir.resolve("log.jsonl");

        WriteResult result = handler.appendJsonLines(List.of(), file);

        assertThat(result.ok()).isTrue();
        assertThat(result.records()).isZero();
        assertThat(file).doesNotExist();
    }

    @Test
    void aTornLastLineIsKeptAsEvidenceAndCutOffBeforeAppending() throws Exception {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "{\"n\":1}\n{\"n\":2,\"na");

        assertThat(handler.appendJsonLines(List.of(Map.of("n", 3)), file).ok()).isTrue();

        assertThat(content(file)).isEqualTo("{\"n\":1}\n{\"n\":3}\n");
        List<Path> evidence = siblings(".torn-");
        assertThat(evidence).hasSize(1);
        assertThat(evidence.get(0).getFileName().toString()).startsWith("log.jsonl.torn-");
        assertThat(content(evidence.get(0))).isEqualTo("{\"n\":2,\"na");
    }

    @Test
    void aFileThatIsOneTornLineBecomesEmptyBeforeTheAppend() throws Exception {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "{\"broken");

        assertThat(handler.appendJsonLines(List.of(Map.of("n", 1)), file).ok()).isTrue();

        assertThat(content(file)).isEqualTo("{\"n\":1}\n");
        assertThat(siblings(".torn-")).hasSize(1);
    }

    @Test
    void aCompleteLastLineMissingOnlyItsNewlineGetsTheNewline() throws Exception {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "{\"n\":1}\n{\"n\":2}");

        assertThat(handler.appendJsonLines(List.of(Map.of("n", 3)), file).ok()).isTrue();

        assertThat(content(file)).isEqualTo("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
        assertThat(siblings(".torn-")).isEmpty();
    }

    @Test
    void aNumberWithoutItsNewlineCouldBeTornAndIsNotTrusted() throws Exception {
        Path file = dir.resolve("log.jsonl");
        Files.writeString(file, "1\n12");

        assertThat(handler.appendJsonLines(List.of(3), file).ok()).isTrue();

        assertThat(content(file)).isEqualTo("1\n3\n");
        assertThat(siblings(".torn-")).hasSize(1);
    }

    @Test
    void appendsAfterTheFileWasReplacedGoToTheNewFile() throws Exception {
        Path file = dir.resolve("log.jsonl");
        handler.appendJsonLines(List.of(Map.of("n", 1)), file);
        handler.writeJsonLines(List.of(Map.of("n", 10)), file);

        assertThat(handler.appendJsonLines(List.of(Map.of("n", 2)), file).ok()).isTrue();

        assertThat(content(file)).isEqualTo("{\"n\":10}\n{\"n\":2}\n");
    }

    @Test
    void appendsAfterTheFileWasRotatedAwayStartANewFile() throws Exception {
        // without process locking there is no lease: every append compares the kept channel's file
        // with the path's
        FallbackHandler unleased = FallbackHandler.builder().processLocking(false).build();
        Path file = dir.resolve("log.jsonl");
        unleased.appendJsonLines(List.of(Map.of("n", 1)), file);
        Path rotated = Files.move(file, dir.resolve("log.1.jsonl"));

        assertThat(unleased.appendJsonLines(List.of(Map.of("n", 2)), file).ok()).isTrue();

        assertThat(content(rotated)).isEqualTo("{\"n\":1}\n");
        assertThat(content(file)).isEqualTo("{\"n\":2}\n");
    }

    @Test
    void aRenameIsNoticedOnceTheLeaseIsIdlePastItsTimeEvenBeforeItsTimerRuns() throws Exception {
        Path file = dir.resolve("log.jsonl");
        handler.appendJsonLines(List.of(Map.of("n", 1)), file);
        long appended = System.nanoTime();
        Path rotated = Files.move(file, dir.resolve("log.1.jsonl"));
        // the lease's idle time (1 ms) passes; whether its timer thread ran meanwhile does not matter
        while (System.nanoTime() - appended < 3_000_000) {
            Thread.onSpinWait();
        }

        assertThat(handler.appendJsonLines(List.of(Map.of("n", 2)), file).ok()).isTrue();

        assertThat(content(rotated)).isEqualTo("{\"n\":1}\n");
        assertThat(content(file)).isEqualTo("{\"n\":2}\n");
    }

    @Test
    void aTornLineWrittenByAnotherWriterSinceTheLastAppendIsStillRepaired() throws Exception {
        Path file = dir.resolve("log.jsonl");
        handler.appendJsonLines(List.of(Map.of("n", 1)), file);
        long appended = System.nanoTime();
        // another writer takes the lock only once this handler's lease has ended (idle 1 ms): a
        // writer that bypasses the lock inside the lease is outside the contract (docs/RELIABILITY.md)
        while (System.nanoTime() - appended < 3_000_000) {
            Thread.onSpinWait();
        }
        Files.writeString(file, "{\"n\":2,", java.nio.file.StandardOpenOption.APPEND);

        assertThat(handler.appendJsonLines(List.of(Map.of("n", 3)), file).ok()).isTrue();

        assertThat(content(file)).isEqualTo("{\"n\":1}\n{\"n\":3}\n");
        assertThat(siblings(".torn-")).hasSize(1);
    }

    @Test
    void appendsGoThroughASymbolicLinkToTheFileItNames() throws Exception {
        Path real = dir.resolve("real.jsonl");
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), real.getFileName());

        assertThat(handler.appendJsonLines(List.of(Map.of("n", 1)), link).ok()).isTrue();

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(content(real)).isEqualTo("{\"n\":1}\n");
    }

    @Test
    void aFailedAppendLeavesItsRecordsInAFallbackFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("a-folder.jsonl"));

        WriteResult result = handler.appendJsonLines(List.of(Map.of("n", 1)), folder);

        assertThat(result.ok()).isFalse();
        assertThat(result.error()).isPresent();
        assertThat(result.fallback()).isPresent();
        assertThat(content(result.fallback().get())).isEqualTo("{\"n\":1}\n");
        assertThat(handler.stats().snapshot().appendsFailed()).isEqualTo(1);
    }

    @Test
    void awkwardValuesAreSanitisedIntoOneLineEach() throws Exception {
        Path file = dir.resolve("log.jsonl");

        assertThat(handler.appendJsonLines(List.of(Map.of("x", Double.NaN), "multi\nline"), file).ok()).isTrue();

        assertThat(content(file)).isEqualTo("{\"x\":\"NaN\"}\n\"multi\\nline\"\n");
    }
}

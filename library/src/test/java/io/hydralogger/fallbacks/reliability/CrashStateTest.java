package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.Source;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.testing.CrashStates;
import io.hydralogger.fallbacks.testing.Figures;
import io.hydralogger.fallbacks.testing.KillWorker;
import io.hydralogger.fallbacks.testing.OpKind;
import io.hydralogger.fallbacks.testing.RecordingFileSystem;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crash-state exploration: the file-system operations of a write, a write into new folders, a
 * backup rotation and a failed write with its fallback file are recorded; for a crash after
 * every operation, and every way a power loss may drop what was not forced (see
 * {@link CrashStates}), the state the disk could hold is built and read. Before the write
 * returns, the target is the old or the new version; after it returns, the new one (or, for a
 * failed write, the fallback file holds the records); a backup is always a whole earlier
 * version.
 */
class CrashStateTest {
    private static final int RECORDS = 30;
    private static final AtomicInteger STATES = new AtomicInteger();
    private static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder()
            .build();

    @TempDir
    Path dir;

    private Path work;
    private Path scratch;
    private RecordingFileSystem fs;
    private final FallbackHandler strict = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build();

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createDirectory(dir.resolve("work"));
        scratch = Files.createDirectory(dir.resolve("states"));
        fs = new RecordingFileSystem();
    }

    @AfterAll
    static void figures() {
        Figures.record("crash.states", STATES.get());
    }

    private FallbackHandler handler(int backups, Durability durability) {
        return FallbackHandler.builder().backups(backups).durability(durability)
                .fallbackFolder(fs.wrap(work.resolve("fallback-folder"))).build();
    }

    private static String name(Format format) {
        return switch (format) {
            case JSON -> "data.json";
            case JSON_LINES -> "data.jsonl";
            case CSV -> "data.csv";
            case TSV -> "data.tsv";
        };
    }

    private boolean readsIntact(Path file, Format format) {
        return switch (format) {
            case JSON -> strict.readJson(file).source() == Source.PRIMARY;
            case JSON_LINES -> strict.readJsonLines(file).source() == Source.PRIMARY;
            case CSV -> strict.readCsv(file).source() == Source.PRIMARY;
            case TSV -> strict.readTsv(file).source() == Source.PRIMARY;
        };
    }

    /** Writes versions 1..n durably (not recorded) and returns their bytes. */
    private List<byte[]> history(Path target, Format format, int versions, int backups) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        FallbackHandler setup = FallbackHandler.builder().backups(backups).build();
        for (int v = 1; v <= versions; v++) {
            assertThat(setup.write(KillWorker.version(v, RECORDS), target, format).ok()).isTrue();
            contents.add(Files.readAllBytes(target));
        }
        return contents;
    }

    private static boolean isOneOf(byte[] content, List<byte[]> versions) {
        return versions.stream().anyMatch(v -> Arrays.equals(v, content));
    }

    private int exploreWrite(Format format, String relative, int versionsBefore, int backups) throws Exception {
        Path realTarget = work.resolve(relative);
        List<byte[]> before = versionsBefore == 0 ? List.of() : history(realTarget, format, versionsBefore, backups);
        CrashStates states = CrashStates.startingFrom(work);
        fs.clearOps();

        WriteResult result = handler(backups, Durability.SYNC).write(KillWorker.version(versionsBefore + 1, RECORDS),
                fs.wrap(realTarget), format);

        assertThat(result.ok()).isTrue();
        byte[] written = Files.readAllBytes(realTarget);
        List<byte[]> oldOrNew = new ArrayList<>(before.isEmpty() ? List.of() : List.of(before.get(before.size() - 1)));
        oldOrNew.add(written);
        int checked = states.explore(fs.ops(), scratch, (state, completed, description) -> {
            Path target = state.resolve(relative);
            if (completed) {
                assertThat(target).as("after the write returned: %s", description).exists();
                assertThat(Files.readAllBytes(target)).as("the new version: %s", description).isEqualTo(written);
            } else if (Files.exists(target)) {
                assertThat(isOneOf(Files.readAllBytes(target), oldOrNew)).as("old or new: %s", description).isTrue();
            } else {
                assertThat(before).as("a target that existed is never missing: %s", description).isEmpty();
            }
            if (Files.exists(target)) {
                assertThat(readsIntact(target, format)).as(description).isTrue();
            }
            if (!Files.isDirectory(target.getParent())) {
                return;
            }
            try (Stream<Path> siblings = Files.list(target.getParent())) {
                for (Path backup : (Iterable<Path>) siblings.filter(p -> p.getFileName().toString()
                        .startsWith(realTarget.getFileName() + ".bak"))::iterator) {
                    assertThat(isOneOf(Files.readAllBytes(backup), before)).as("backup %s is a whole earlier version: %s",
                            backup.getFileName(), description).isTrue();
                }
            }
        });
        STATES.addAndGet(checked);
        return checked;
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aWriteOverAnExistingFileLeavesTheOldOrTheNewVersionAfterAnyCrash(Format format) throws Exception {
        assertThat(exploreWrite(format, name(format), 1, 1)).isGreaterThan(5);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aWriteIntoNewFoldersSurvivesAnyCrashOnceItReturned(Format format) throws Exception {
        assertThat(exploreWrite(format, "a/b/c/" + name(format), 0, 1)).isGreaterThan(5);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aRotationOfThreeBackupGenerationsKeepsEveryBackupWhole(Format format) throws Exception {
        assertThat(exploreWrite(format, name(format), 4, 3)).isGreaterThan(5);
    }

    @Test
    void aFailedWriteHasItsRecordsInTheFallbackFileAfterAnyCrashOnceItReturned() throws Exception {
        Path realTarget = work.resolve("data.jsonl");
        List<byte[]> before = history(realTarget, Format.JSON_LINES, 1, 1);
        CrashStates states = CrashStates.startingFrom(work);
        fs.clearOps();
        fs.failAt(op -> op.kind() == OpKind.RENAME, 1);

        WriteResult result = handler(1, Durability.SYNC).writeJsonLines(KillWorker.version(2, RECORDS),
                fs.wrap(realTarget));
        fs.noFaults();

        assertThat(result.ok()).isFalse();
        Path fallback = RecordingFileSystem.real(result.fallback().orElseThrow());
        byte[] saved = Files.readAllBytes(fallback);
        String fallbackName = work.relativize(fallback).toString();
        int checked = states.explore(fs.ops(), scratch, (state, completed, description) -> {
            assertThat(Files.readAllBytes(state.resolve("data.jsonl"))).as(description).isEqualTo(before.get(0));
            if (completed) {
                assertThat(state.resolve(fallbackName)).as("the fallback file: %s", description).exists();
                assertThat(Files.readAllBytes(state.resolve(fallbackName))).as(description).isEqualTo(saved);
            }
        });
        STATES.addAndGet(checked);
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void theExplorationCatchesAWriteThatDoesNotForce() throws Exception {
        Path realTarget = work.resolve("data.json");
        List<byte[]> before = history(realTarget, Format.JSON, 1, 1);
        CrashStates states = CrashStates.startingFrom(work);
        fs.clearOps();

        assertThat(handler(1, Durability.NONE).writeJson(KillWorker.version(2, RECORDS), fs.wrap(realTarget)).ok())
                .isTrue();

        byte[] written = Files.readAllBytes(realTarget);
        List<String> broken = new ArrayList<>();
        states.explore(fs.ops(), scratch, (state, completed, description) -> {
            byte[] content = Files.readAllBytes(state.resolve("data.json"));
            if (!Arrays.equals(content, before.get(0)) && !Arrays.equals(content, written)) {
                broken.add(description);
            }
        });
        assertThat(broken).as("without force, a power loss can leave a torn or empty target").isNotEmpty();
    }

    /** The whole lines of a JSON Lines file (each parsed alone: two records glued on one line fail), tail apart. */
    private static List<Object> wholeLines(Path file) throws IOException {
        String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        List<Object> records = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            records.add(MAPPER.readValue(lines[i], Object.class));
        }
        return records;
    }

    private int exploreAppend(String startingContent) throws Exception {
        Path realTarget = work.resolve("log.jsonl");
        FallbackHandler setup = FallbackHandler.builder().build();
        assertThat(setup.appendJsonLines(KillWorker.batch(1, 5), realTarget).ok()).isTrue();
        Files.writeString(realTarget, startingContent, java.nio.file.StandardOpenOption.APPEND);
        List<Object> old = wholeLines(realTarget);
        byte[] tornTail = startingContent.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CrashStates states = CrashStates.startingFrom(work);
        fs.clearOps();

        assertThat(handler(1, Durability.SYNC).appendJsonLines(KillWorker.batch(2, 3), fs.wrap(realTarget)).ok())
                .isTrue();

        List<Object> appended = new ArrayList<>(wholeLines(realTarget).subList(old.size(), old.size() + 3));
        int checked = states.explore(fs.ops(), scratch, (state, completed, description) -> {
            Path target = state.resolve("log.jsonl");
            List<Object> lines = wholeLines(target);
            assertThat(lines.subList(0, old.size())).as("the old lines stay: %s", description).isEqualTo(old);
            assertThat(appended.subList(0, lines.size() - old.size()))
                    .as("then whole appended lines, in order: %s", description).isEqualTo(lines.subList(old.size(),
                            lines.size()));
            if (completed) {
                assertThat(lines.size()).as("after the append returned: %s", description).isEqualTo(old.size() + 3);
                if (tornTail.length > 0) {
                    try (Stream<Path> files = Files.list(state)) {
                        assertThat(files.filter(p -> p.getFileName().toString().startsWith("log.jsonl.torn-"))
                                .anyMatch(p -> readUnchecked(p).length == tornTail.length))
                                .as("the torn tail is kept as evidence: %s", description).isTrue();
                    }
                }
            }
            FallbackHandler next = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build();
            assertThat(next.appendJsonLines(KillWorker.batch(3, 1), target).ok()).isTrue();
            assertThat(next.readJsonLines(target).source()).as("the next append leaves only whole lines: %s",
                    description).isEqualTo(Source.PRIMARY);
        });
        STATES.addAndGet(checked);
        return checked;
    }

    private static byte[] readUnchecked(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anAppendLeavesOnlyWholeLinesAfterAnyCrashAndAllOfThemOnceItReturned() throws Exception {
        assertThat(exploreAppend("")).isGreaterThan(3);
    }

    @Test
    void anAppendAfterATornLineKeepsTheTornBytesAsEvidenceAfterAnyCrash() throws Exception {
        assertThat(exploreAppend("{\"seq\":9,\"pa")).isGreaterThan(3);
    }
}

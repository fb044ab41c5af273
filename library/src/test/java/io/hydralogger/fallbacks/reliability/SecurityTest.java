package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.Source;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.internal.fs.FileNames;
import io.hydralogger.fallbacks.testing.OpKind;
import io.hydralogger.fallbacks.testing.RecordingFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Security checks of SPEC §4 and §6: files that hold data are never readable by more users than
 * the target; the fallback folder in the shared temp folder is private; links planted at the
 * names of backup, lock and fallback files are not followed; formulas can be neutralised; read
 * limits stop hostile JSON; data never becomes part of a file name.
 */
class SecurityTest {
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rw-------");
    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final FallbackHandler strict = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build();

    private static Set<PosixFilePermission> permissions(Path file) throws IOException {
        return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static List<Map<String, Object>> records(String text) {
        return List.of(Map.of("secret", text), Map.of("secret", text + "!"));
    }

    @Test
    void theTempFileOfAPrivateTargetIsPrivateFromItsFirstByte() throws IOException {
        Path real = dir.resolve("private.json");
        assertThat(strict.writeJson(records("v1"), real).ok()).isTrue();
        Files.setPosixFilePermissions(real, PRIVATE);
        RecordingFileSystem fs = new RecordingFileSystem();
        List<Set<PosixFilePermission>> seen = new ArrayList<>();
        fs.onOperation(op -> {
            if (op.kind() == OpKind.WRITE && op.path().getFileName().toString().endsWith(".tmp")) {
                try {
                    seen.add(permissions(op.path()));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });

        assertThat(strict.writeJson(records("v2"), fs.wrap(real)).ok()).isTrue();

        assertThat(seen).isNotEmpty().allMatch(PRIVATE::equals);
        assertThat(permissions(real)).isEqualTo(PRIVATE);
        assertThat(permissions(dir.resolve("private.json.bak"))).as("the backup is the old, private inode")
                .isEqualTo(PRIVATE);
    }

    @Test
    void fallbackFilesArePrivateAndTheirFolderIsCreatedPrivate() throws IOException {
        Path target = dir.resolve("readonly/data.jsonl");
        Files.createDirectories(target.getParent());
        Path fallbackFolder = dir.resolve("shared-tmp/hydra-fallbacks");
        RecordingFileSystem fs = new RecordingFileSystem();
        fs.failFrom(op -> op.kind() == OpKind.CREATE && op.path().startsWith(target.getParent()), 1);
        FallbackHandler handler = FallbackHandler.builder().fallbackFolder(fs.wrap(fallbackFolder)).build();

        WriteResult result = handler.writeJsonLines(records("x"), fs.wrap(target));

        assertThat(result.ok()).isFalse();
        Path fallback = RecordingFileSystem.real(result.fallback().orElseThrow());
        assertThat(fallback.getParent()).isEqualTo(fallbackFolder);
        assertThat(permissions(fallbackFolder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(permissions(fallback)).isEqualTo(PRIVATE);
    }

    @Test
    void aFallbackFolderWithWiderPermissionsIsNarrowedAndALinkedOneRefused() throws IOException {
        Path target = dir.resolve("t/data.jsonl");
        Files.createDirectories(target.getParent());
        Path wide = Files.createDirectories(dir.resolve("wide"));
        Files.setPosixFilePermissions(wide, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path elsewhere = Files.createDirectories(dir.resolve("attacker"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), elsewhere);
        RecordingFileSystem fs = new RecordingFileSystem();
        fs.failFrom(op -> op.kind() == OpKind.CREATE && op.path().startsWith(target.getParent()), 1);

        WriteResult intoWide = FallbackHandler.builder().fallbackFolder(fs.wrap(wide)).build()
                .writeJsonLines(records("x"), fs.wrap(target));
        WriteResult intoLink = FallbackHandler.builder().fallbackFolder(fs.wrap(linked)).build()
                .writeJsonLines(records("y"), fs.wrap(target));

        assertThat(intoWide.fallback()).isPresent();
        assertThat(permissions(wide)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(intoLink.fallback()).as("a fallback folder that is a link is refused").isEmpty();
        try (Stream<Path> planted = Files.list(elsewhere)) {
            assertThat(planted).as("nothing written through the link").isEmpty();
        }
    }

    @Test
    void aLinkPlantedAtTheBackupNameIsReplacedNotFollowed() throws IOException {
        Path target = dir.resolve("data.json");
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        assertThat(strict.writeJson(records("v1"), target).ok()).isTrue();
        Files.deleteIfExists(dir.resolve("data.json.bak"));
        Files.createSymbolicLink(dir.resolve("data.json.bak"), victim);

        assertThat(strict.writeJson(records("v2"), target).ok()).isTrue();

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(dir.resolve("data.json.bak"))).isFalse();
        assertThat(Files.readString(dir.resolve("data.json.bak"))).contains("v1");
    }

    @Test
    void aLinkPlantedAtTheLockNameIsNotFollowed() throws IOException {
        Path target = dir.resolve("data.json");
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Files.createSymbolicLink(dir.resolve(".data.json.lock"), victim);

        WriteResult result = strict.writeJson(records("v1"), target);

        assertThat(Files.readString(victim)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(dir.resolve(".data.json.lock"))).isTrue();
        assertThat(result.ok() || result.fallback().isPresent()).as("written, or kept in a fallback file").isTrue();
    }

    @Test
    void aLinkPlantedAtTheFallbackNameIsNotFollowed() throws IOException {
        Path target = dir.resolve("data.jsonl");
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        String stamp = FileNames.timestamp(FIXED);
        Files.createSymbolicLink(dir.resolve("data.jsonl.fallback-" + stamp + ".jsonl"), victim);
        RecordingFileSystem fs = new RecordingFileSystem();
        fs.failAt(op -> op.kind() == OpKind.RENAME, 1);
        FallbackHandler handler = FallbackHandler.builder().clock(FIXED)
                .fallbackFolder(fs.wrap(dir.resolve("fallback-folder"))).build();

        WriteResult result = handler.writeJsonLines(records("x"), fs.wrap(target));

        assertThat(result.ok()).isFalse();
        assertThat(Files.readString(victim)).isEqualTo("precious");
        Path fallback = RecordingFileSystem.real(result.fallback().orElseThrow());
        assertThat(Files.isSymbolicLink(fallback)).isFalse();
        assertThat(Files.readString(fallback)).contains("\"x\"");
    }

    @Test
    void formulasAreNeutralisedOnlyWhenAskedAndNumbersNever() {
        Path plain = dir.resolve("plain.csv");
        Path safe = dir.resolve("safe.csv");
        List<Map<String, Object>> rows = List.of(Map.of("a", "=HYPERLINK(\"x\")", "b", -5, "c", "+1", "d", "@x"));

        assertThat(strict.writeCsv(rows, plain).ok()).isTrue();
        assertThat(FallbackHandler.builder().neutralizeCsvFormulas(true).build().writeCsv(rows, safe).ok()).isTrue();

        assertThat(strict.readCsv(plain).data().get(0)).containsEntry("a", "=HYPERLINK(\"x\")");
        Map<String, String> defused = strict.readCsv(safe).data().get(0);
        assertThat(defused).containsEntry("a", "'=HYPERLINK(\"x\")").containsEntry("c", "'+1")
                .containsEntry("d", "'@x").containsEntry("b", "-5");
    }

    @Test
    void hostileJsonIsAReportedProblemNotACrash() throws IOException {
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(200_000) + "]".repeat(200_000));
        Path longString = Files.writeString(dir.resolve("long.json"), "[\"" + "x".repeat(2_000) + "\"]");
        Path longNumber = Files.writeString(dir.resolve("number.jsonl"), "1".repeat(5_000) + "\n");
        FallbackHandler limited = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT)
                .readLimits(new ReadLimits(64, 1_000, 100, 1_000_000)).build();

        for (ReadResult<?> result : List.of(strict.readJson(deep), limited.readJson(longString),
                strict.readJsonLines(longNumber), FallbackHandler.builder().build().readJson(deep))) {
            assertThat(result.source()).isEqualTo(Source.NONE);
            assertThat(result.report()).isPresent();
        }
    }

    @Test
    void noPartOfTheDataEverBecomesPartOfAFileName() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("names"));
        Path target = folder.resolve("data.jsonl");
        List<Map<String, Object>> hostile = List.of(Map.of("../../escape", "/etc/passwd", "name", "..\\x\u0000y"));
        RecordingFileSystem fs = new RecordingFileSystem();
        FallbackHandler handler = FallbackHandler.builder().fallbackFolder(fs.wrap(dir.resolve("fallback-folder")))
                .build();
        assertThat(handler.writeJsonLines(hostile, fs.wrap(target)).ok()).isTrue();
        fs.failAt(op -> op.kind() == OpKind.RENAME, 1);
        assertThat(handler.writeJsonLines(hostile, fs.wrap(target)).fallback()).isPresent();
        for (Format format : List.of(Format.JSON, Format.CSV)) {
            handler.write(hostile, fs.wrap(folder.resolve("data." + format.name().toLowerCase(java.util.Locale.ROOT))),
                    format);
        }

        assertThat(fs.ops()).filteredOn(op -> op.kind().mutates() && op.path() != null).allSatisfy(op -> {
            for (Path path : new Path[] {op.path(), op.other()}) {
                if (path != null && path.startsWith(dir)) {
                    assertThat(path.getFileName().toString()).as("name of %s", op)
                            .matches("\\.?data\\.(jsonl|json|csv)([.].*)?|names|fallback-folder")
                            .doesNotContain("passwd", "escape", "..");
                }
            }
        });
    }
}

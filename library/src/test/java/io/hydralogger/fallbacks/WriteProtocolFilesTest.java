package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.FallbackFiles;
import io.hydralogger.fallbacks.internal.fs.Sync;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the write protocol leaves on disk: permissions, temp files, backup generations, symbolic
 * links, parent folders, temp files of dead writers. Real files on the default file system.
 */
class WriteProtocolFilesTest {
    @TempDir
    Path dir;

    private static Set<PosixFilePermission> perms(String text) {
        return PosixFilePermissions.fromString(text);
    }

    private static Set<PosixFilePermission> permsOf(Path file) throws IOException {
        return Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static long inode(Path file) throws IOException {
        return (Long) Files.getAttribute(file, "unix:ino", LinkOption.NOFOLLOW_LINKS);
    }

    /** The names in a folder, sorted. */
    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<Map<String, Object>> version(int v) {
        return List.of(Map.of("version", v), Map.of("version", v, "extra", "x".repeat(v)));
    }

    // ---------------------------------------------------------------- permissions

    @Test
    void aPrivateTargetStaysPrivateInEveryFormat() throws Exception {
        for (String name : List.of("p.json", "p.jsonl", "p.csv")) {
            Path file = dir.resolve(name);
            Files.writeString(file, "");
            Files.setPosixFilePermissions(file, perms("rw-------"));

            boolean ok = switch (Format.of(file)) {
                case JSON -> Fallbacks.safeWriteJson(version(1), file);
                case JSON_LINES -> Fallbacks.safeWriteJsonLines(version(1), file);
                case CSV, TSV -> Fallbacks.safeWriteCsv(version(1), file);
            };

            assertThat(ok).isTrue();
            assertThat(permsOf(file)).as(name).isEqualTo(perms("rw-------"));
        }
    }

    @Test
    void otherPermissionsAreKeptExactlyToo() throws Exception {
        Path file = dir.resolve("shared.json");
        assertThat(Fallbacks.safeWriteJson(version(1), file)).isTrue();
        Files.setPosixFilePermissions(file, perms("rw-r-----"));

        assertThat(Fallbacks.safeWriteJson(version(2), file)).isTrue();
        assertThat(permsOf(file)).isEqualTo(perms("rw-r-----"));

        Files.setPosixFilePermissions(file, perms("r--------"));
        assertThat(Fallbacks.safeWriteJson(version(3), file)).as("a read-only file is replaced, not written into").isTrue();
        assertThat(permsOf(file)).isEqualTo(perms("r--------"));
        assertThat(Fallbacks.safeReadJson(file)).isEqualTo(version(3));
    }

    @Test
    void aCsvWhoseHeaderGrewKeepsThePermissionsToo() throws Exception {
        Path file = dir.resolve("grow.csv");
        Files.writeString(file, "a\n1\n");
        Files.setPosixFilePermissions(file, perms("rw-------"));

        assertThat(Fallbacks.safeWriteCsv(List.of(Map.of("a", 1), Map.of("b", 2)), file)).isTrue();

        assertThat(Files.readString(file)).isEqualTo("a,b\n1,\n,2\n");
        assertThat(permsOf(file)).isEqualTo(perms("rw-------"));
    }

    @Test
    void aNewFileGetsTheDefaultPermissions() throws Exception {
        Path reference = dir.resolve("reference.txt");
        Files.newOutputStream(reference).close();
        Path file = dir.resolve("fresh.json");

        assertThat(Fallbacks.safeWriteJson(version(1), file)).isTrue();

        assertThat(permsOf(file)).as("the same as any file this process creates (0666 less the umask)")
                .isEqualTo(permsOf(reference));
    }

    // ---------------------------------------------------------------- temp files

    @Test
    void noTempFileIsLeftAfterSuccessfulWrites() throws Exception {
        Path json = dir.resolve("a.json");
        Path jsonl = dir.resolve("b.jsonl");
        Path csv = dir.resolve("c.csv");
        for (int v = 0; v < 3; v++) {
            assertThat(Fallbacks.safeWriteJson(version(v), json)).isTrue();
            assertThat(Fallbacks.safeWriteJson(version(v), json, 2)).isTrue();
            assertThat(Fallbacks.safeWriteJsonLines(version(v), jsonl)).isTrue();
            assertThat(Fallbacks.safeWriteCsv(List.of(Map.of("a", v), Map.of("b", v)), csv)).isTrue();
        }

        assertThat(names(dir)).containsExactly(".a.json.lock", ".b.jsonl.lock", ".c.csv.lock",
                "a.json", "a.json.bak", "b.jsonl", "b.jsonl.bak", "c.csv", "c.csv.bak");
    }

    @Test
    void noTempFileIsLeftAfterAFailedWriteAndTheTargetIsUntouched() throws Exception {
        Path file = dir.resolve("records.jsonl");
        assertThat(Fallbacks.safeWriteJsonLines(version(1), file)).isTrue();
        byte[] before = Files.readAllBytes(file);
        long inodeBefore = inode(file);
        FailsOnce records = new FailsOnce(List.of(Map.of("id", 1), Map.of("id", 2), Map.of("id", 3)), 2);

        WriteResult result = FallbackHandler.builder().fallbackFolder(dir.resolve("fb")).build()
                .writeJsonLines(records, file);

        assertThat(result.ok()).isFalse();
        assertThat(result.error()).get().isInstanceOf(IllegalStateException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(inode(file)).isEqualTo(inodeBefore);
        assertThat(names(dir)).noneMatch(n -> n.endsWith(".tmp"));
        assertThat(result.fallback()).isPresent();
        Path fallback = result.fallback().get();
        assertThat(fallback.getParent()).isEqualTo(dir);
        assertThat(fallback.getFileName().toString()).startsWith("records.jsonl.fallback-").endsWith(".jsonl");
        assertThat(Files.readAllLines(fallback)).containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}");
    }

    @Test
    void aStaleTempFileOfADeadWriterIsRemovedByTheNextWrite() throws Exception {
        Path file = dir.resolve("users.json");
        Path stale = dir.resolve(".users.json.3kq9x0abc.tmp");
        Files.writeString(stale, "[{\"half\":");
        Path notATempName = dir.resolve(".users.json.not-random.tmp");
        Path otherTarget = dir.resolve(".other.json.abc123.tmp");
        Path noDot = dir.resolve("users.json.abc123.tmp");
        for (Path keep : List.of(notATempName, otherTarget, noDot)) {
            Files.writeString(keep, "keep");
        }

        assertThat(Fallbacks.safeWriteJson(version(1), file)).isTrue();

        assertThat(stale).doesNotExist();
        assertThat(notATempName).exists();
        assertThat(otherTarget).exists();
        assertThat(noDot).exists();
        assertThat(Fallbacks.safeReadJson(file)).isEqualTo(version(1));
    }

    @Test
    void withoutProcessLockingStaleTempFilesAreLeftAlone() throws Exception {
        Path file = dir.resolve("users.json");
        Path stale = dir.resolve(".users.json.3kq9x0abc.tmp");
        Files.writeString(stale, "[");

        assertThat(FallbackHandler.builder().processLocking(false).build().writeJson(version(1), file).ok()).isTrue();

        assertThat(stale).as("it could belong to a live writer of another process").exists();
    }

    // ---------------------------------------------------------------- backups

    @Test
    void theFacadeKeepsOneBackupGeneration() throws Exception {
        Path file = dir.resolve("one.json");
        for (int v = 1; v <= 3; v++) {
            assertThat(Fallbacks.safeWriteJson(version(v), file)).isTrue();
        }

        assertThat(Fallbacks.safeReadJson(file)).isEqualTo(version(3));
        assertThat(Fallbacks.safeReadJson(file.resolveSibling("one.json.bak"))).isEqualTo(version(2));
        assertThat(file.resolveSibling("one.json.bak.1")).doesNotExist();
    }

    @Test
    void backupGenerationsRotateByHardLink() throws Exception {
        Path file = dir.resolve("gen.json");
        FallbackHandler handler = FallbackHandler.builder().backups(3).build();
        Path bak = dir.resolve("gen.json.bak");
        Path bak1 = dir.resolve("gen.json.bak.1");
        Path bak2 = dir.resolve("gen.json.bak.2");

        WriteResult first = handler.writeJson(version(1), file);
        assertThat(first.backup()).as("nothing to back up yet").isEmpty();
        assertThat(bak).doesNotExist();

        for (int v = 2; v <= 5; v++) {
            long oldInode = inode(file);
            long olderInode = Files.exists(bak) ? inode(bak) : -1;

            WriteResult result = handler.writeJson(version(v), file);

            assertThat(result.backup()).contains(bak);
            assertThat(inode(bak)).as("the .bak is the old file itself, linked, not a copy").isEqualTo(oldInode);
            assertThat(inode(file)).isNotEqualTo(oldInode);
            if (olderInode >= 0) {
                assertThat(inode(bak1)).as("the previous .bak moved to .bak.1").isEqualTo(olderInode);
            }
        }

        assertThat(Fallbacks.safeReadJson(file)).isEqualTo(version(5));
        assertThat(Fallbacks.safeReadJson(bak)).isEqualTo(version(4));
        assertThat(Fallbacks.safeReadJson(bak1)).isEqualTo(version(3));
        assertThat(Fallbacks.safeReadJson(bak2)).isEqualTo(version(2));
        assertThat(dir.resolve("gen.json.bak.3")).as("only three generations").doesNotExist();
        assertThat(names(dir)).containsExactly(".gen.json.lock", "gen.json", "gen.json.bak", "gen.json.bak.1",
                "gen.json.bak.2");
        assertThat((Integer) Files.getAttribute(bak, "unix:nlink")).isEqualTo(1);
    }

    @Test
    void aBackupKeepsThePermissionsOfTheVersionItKeeps() throws Exception {
        Path file = dir.resolve("secret.jsonl");
        assertThat(Fallbacks.safeWriteJsonLines(version(1), file)).isTrue();
        Files.setPosixFilePermissions(file, perms("rw-------"));

        assertThat(Fallbacks.safeWriteJsonLines(version(2), file)).isTrue();

        assertThat(permsOf(dir.resolve("secret.jsonl.bak"))).isEqualTo(perms("rw-------"));
    }

    @Test
    void noBackupsWhenTurnedOff() throws Exception {
        Path file = dir.resolve("nobak.csv");
        FallbackHandler handler = FallbackHandler.builder().backups(0).build();
        assertThat(handler.writeCsv(version(1), file).ok()).isTrue();
        WriteResult second = handler.writeCsv(version(2), file);

        assertThat(second.ok()).isTrue();
        assertThat(second.backup()).isEmpty();
        assertThat(names(dir)).containsExactly(".nobak.csv.lock", "nobak.csv");
    }

    // ---------------------------------------------------------------- links and folders

    @Test
    void aSymbolicLinkIsWrittenThrough() throws Exception {
        Path store = Files.createDirectory(dir.resolve("store"));
        Path real = store.resolve("real.json");
        Files.writeString(real, "[\"old\"]");
        Files.setPosixFilePermissions(real, perms("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("store", "real.json"));

        assertThat(Fallbacks.safeWriteJson(List.of("new"), link)).isTrue();

        assertThat(Files.isSymbolicLink(link)).as("the link stays a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("store", "real.json"));
        assertThat(Files.readString(real)).isEqualTo("[\"new\"]");
        assertThat(Fallbacks.safeReadJson(link)).isEqualTo(List.of("new"));
        assertThat(permsOf(real)).isEqualTo(perms("rw-------"));
        assertThat(Files.readString(store.resolve("real.json.bak"))).as("the backup lies beside the real file")
                .isEqualTo("[\"old\"]");
        assertThat(names(dir)).containsExactly("link.json", "store");
        assertThat(names(store)).containsExactly(".real.json.lock", "real.json", "real.json.bak");
    }

    @Test
    void aChainOfLinksAndADanglingLinkAreWrittenThrough() throws Exception {
        Path real = dir.resolve("target.jsonl");
        Path hop = Files.createSymbolicLink(dir.resolve("hop.jsonl"), real.getFileName());
        Path chain = Files.createSymbolicLink(dir.resolve("chain.jsonl"), hop.getFileName());

        assertThat(Fallbacks.safeWriteJsonLines(List.of(1, 2), chain)).as("dangling: the destination is created").isTrue();
        assertThat(Files.readString(real)).isEqualTo("1\n2\n");

        assertThat(Fallbacks.safeWriteJsonLines(List.of(3), chain)).isTrue();
        assertThat(Files.isSymbolicLink(chain)).isTrue();
        assertThat(Files.isSymbolicLink(hop)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("3\n");
        assertThat(Fallbacks.safeReadJsonLines(chain)).isEqualTo(List.of(3));
    }

    @Test
    void missingParentFoldersAreCreated() throws Exception {
        Path file = dir.resolve("a").resolve("b").resolve("c").resolve("deep.jsonl");

        assertThat(Fallbacks.safeWriteJsonLines(List.of(Map.of("deep", true)), file)).isTrue();

        assertThat(Fallbacks.safeReadJsonLines(file)).isEqualTo(List.of(Map.of("deep", true)));
        assertThat(Fallbacks.safeWriteCsv(List.of(Map.of("x", 1)), dir.resolve("d/e/f.csv"))).isTrue();
        assertThat(Fallbacks.safeReadCsv(dir.resolve("d/e/f.csv"))).containsExactly(Map.of("x", "1"));
    }

    @Test
    void withoutParentCreationAMissingFolderFailsIntoThePrivateFallbackFolder() throws Exception {
        Path fallbackFolder = dir.resolve("fallbacks");
        FallbackHandler handler = FallbackHandler.builder().createParentDirectories(false)
                .fallbackFolder(fallbackFolder).build();
        Path file = dir.resolve("missing").resolve("x.json");

        WriteResult result = handler.writeJson(List.of(Map.of("kept", 1), Map.of("kept", 2)), file);

        assertThat(result.ok()).isFalse();
        assertThat(file.getParent()).doesNotExist();
        assertThat(result.fallback()).isPresent();
        Path fallback = result.fallback().get();
        assertThat(fallback.getParent()).isEqualTo(fallbackFolder);
        assertThat(fallback.getFileName().toString()).startsWith("x.json.").contains(".fallback-").endsWith(".jsonl");
        assertThat(Files.readAllLines(fallback)).containsExactly("{\"kept\":1}", "{\"kept\":2}");
        assertThat(permsOf(fallbackFolder)).isEqualTo(perms("rwx------"));
        assertThat(permsOf(fallback)).isEqualTo(perms("rw-------"));
        assertThat(new FallbackFiles(fallbackFolder, Clock.systemUTC(), Sync.NONE, new Sanitizer()).list(file))
                .containsExactly(fallback);
    }

    /**
     * Issue 13: lock files appear only beside files the library writes. A repair of a file that
     * does not exist, and any operation on a folder, fail before a lock is taken; the folder's
     * failed write keeps its records in a fallback file, as before.
     */
    @Test
    void noLockFileIsLeftBesideAMissingFileOrAFolder() throws Exception {
        FallbackHandler handler = FallbackHandler.builder().build();
        Path missing = dir.resolve("missing.json");
        Path folder = Files.createDirectory(dir.resolve("dir.json"));

        RepairResult repairedMissing = handler.repair(missing, Format.JSON, false);
        RepairResult repairedFolder = handler.repair(folder, Format.JSON, true);
        WriteResult updated = handler.update(folder, current -> List.of(1));
        WriteResult appended = handler.appendJsonLines(List.of(Map.of("n", 1)), folder);
        WriteResult written = handler.writeJson(List.of(Map.of("n", 2)), folder);

        assertThat(repairedMissing.ok()).isFalse();
        assertThat(repairedFolder.ok()).isFalse();
        assertThat(List.of(updated, appended, written)).noneMatch(WriteResult::ok);
        assertThat(written.error()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("a folder, not a file"));
        assertThat(names(dir)).filteredOn(name -> name.endsWith(".lock")).isEmpty();
        assertThat(names(dir)).filteredOn(name -> name.contains(".fallback-")).hasSize(2);
        assertThat(missing).doesNotExist();
        assertThat(folder).isEmptyDirectory();
    }

    /**
     * Records whose first iteration fails after {@code failAfter} elements (a lazy source that
     * breaks once); later iterations give them all.
     */
    static final class FailsOnce implements Iterable<Object> {
        private final List<?> records;
        private final int failAfter;
        private boolean failed;

        FailsOnce(List<?> records, int failAfter) {
            this.records = records;
            this.failAfter = failAfter;
        }

        @Override
        public Iterator<Object> iterator() {
            boolean fail = !failed;
            failed = true;
            Iterator<?> inner = records.iterator();
            return new Iterator<>() {
                private int handedOut;

                @Override
                public boolean hasNext() {
                    if (fail && handedOut == failAfter) {
                        throw new IllegalStateException("the source broke after " + failAfter + " records");
                    }
                    return inner.hasNext();
                }

                @Override
                public Object next() {
                    handedOut++;
                    return inner.next();
                }
            };
        }
    }
}

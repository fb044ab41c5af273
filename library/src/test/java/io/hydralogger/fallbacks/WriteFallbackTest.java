package io.hydralogger.fallbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write fallback on real failures: a full file system (a small tmpfs) and a folder no one
 * may write (immutable by {@code chattr +i}, which binds root too). Both need root; without it
 * the tests are skipped and say why.
 */
class WriteFallbackTest {
    @TempDir
    Path dir;

    private static List<Map<String, Object>> records(int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Map.of("id", i, "text", "record number " + i + " with some padding to fill the disk"));
        }
        return records;
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    private FallbackHandler handler() {
        return FallbackHandler.builder().fallbackFolder(dir.resolve("fallbacks")).build();
    }

    private void assertFellBack(WriteResult result, Path target, byte[] before, int count) throws IOException {
        assertThat(result.ok()).isFalse();
        if (before == null) {
            assertThat(target).doesNotExist();
        } else {
            assertThat(target).hasBinaryContent(before);
        }
        assertThat(result.fallback()).hasValueSatisfying(file -> {
            assertThat(file.getParent()).isEqualTo(dir.resolve("fallbacks"));
            assertThat(file.getFileName().toString()).startsWith(target.getFileName() + ".").endsWith(".jsonl");
        });
        assertThat(DataRecovery.recover(result.fallback().get(), Format.JSON_LINES).records())
                .isEqualTo(new ArrayList<Object>(records(count)));
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".tmp"));
        }
    }

    @Test
    void aFullDiskLeavesTheOldFileAndPutsEveryRecordInTheFallbackFolder() throws Exception {
        Path mount = Files.createDirectory(dir.resolve("small-disk"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.toString()),
                "skipped: mounting a 256 KiB tmpfs needs root (CAP_SYS_ADMIN), which this run does not have");
        try {
            Path target = mount.resolve("data.json");
            FallbackHandler handler = handler();
            assertThat(handler.writeJson(records(3), target).ok()).isTrue();
            byte[] before = Files.readAllBytes(target);
            WriteResult result = handler.writeJson(records(10_000), target);
            assertThat(result.error()).hasValueSatisfying(e -> assertThat(e).hasMessageContaining("No space left"));
            assertFellBack(result, target, before, 10_000);
        } finally {
            run("umount", mount.toString());
        }
    }

    @Test
    void anImmutableFolderLeavesTheOldFileAndPutsEveryRecordInTheFallbackFolder() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path target = folder.resolve("data.csv");
        FallbackHandler handler = handler();
        assertThat(handler.writeCsv(records(3), target).ok()).isTrue();
        byte[] before = Files.readAllBytes(target);
        assumeTrue(run("chattr", "+i", folder.toString()),
                "skipped: chattr +i needs root and a file system with attributes (ext4, xfs, btrfs)");
        try {
            assertFellBack(handler.writeCsv(records(50), target), target, before, 50);
            assertFellBack(handler.writeJsonLines(records(50), target.resolveSibling("log.jsonl")),
                    target.resolveSibling("log.jsonl"), null, 50);
        } finally {
            run("chattr", "-i", folder.toString());
        }
    }
}

package io.hydralogger.fallbacks.write;

import io.hydralogger.fallbacks.internal.fs.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.internal.fs.FileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generation that falls off the end: a large one leaves the writer's path (renamed to a temp
 * name, deleted by the injected deleter, which the test runs when it chooses: no waiting), a small
 * one is deleted at once; either way the backups that stay are the right versions.
 */
class BackupRetirementTest {
    @TempDir
    Path dir;

    private void writeVersion(Path target, byte fill, long size, BackupManager backups) throws IOException {
        byte[] content = new byte[(int) size];
        Arrays.fill(content, fill);
        Path temp = dir.resolve("next");
        Files.write(temp, content);
        if (Files.exists(target)) {
            backups.backup(target);
        }
        Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The deletions handed to the deleter, run only when the test says so. */
    private final List<Runnable> deletions = new ArrayList<>();

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aLargeDroppedGenerationIsDeletedOffThePathAndNothingIsLeft() throws Exception {
        Path target = dir.resolve("big.jsonl");
        BackupManager one = BackupManager.generations(1).withDeleter(deletions::add);
        long size = TempFiles.DEFERRED_DELETE_BYTES;
        writeVersion(target, (byte) 'a', size, one);
        writeVersion(target, (byte) 'b', size, one);
        writeVersion(target, (byte) 'c', size, one);

        assertThat(Files.readAllBytes(target)[0]).isEqualTo((byte) 'c');
        assertThat(Files.readAllBytes(FileNames.backup(target, 0))[0]).isEqualTo((byte) 'b');
        // the dropped version 'a' waits for the deleter under a temp name, off the writer's path
        assertThat(deletions).hasSize(1);
        assertThat(names()).hasSize(3).filteredOn(name -> FileNames.isTemp(name, target)).hasSize(1);
        deletions.forEach(Runnable::run);
        assertThat(names()).containsExactly("big.jsonl", "big.jsonl.bak");
    }

    @Test
    void generationsShiftAndTheOldestLargeOneIsDropped() throws Exception {
        Path target = dir.resolve("gen.json");
        BackupManager two = BackupManager.generations(2).withDeleter(deletions::add);
        long size = TempFiles.DEFERRED_DELETE_BYTES;
        for (byte fill : new byte[] {'a', 'b', 'c', 'd'}) {
            writeVersion(target, fill, size, two);
        }

        assertThat(Files.readAllBytes(target)[0]).isEqualTo((byte) 'd');
        assertThat(Files.readAllBytes(FileNames.backup(target, 0))[0]).isEqualTo((byte) 'c');
        assertThat(Files.readAllBytes(FileNames.backup(target, 1))[0]).isEqualTo((byte) 'b');
        assertThat(deletions).hasSize(1);
        deletions.forEach(Runnable::run);
        assertThat(names()).containsExactly("gen.json", "gen.json.bak", "gen.json.bak.1");
    }

    @Test
    void theSweepHandsLargeTempFilesToTheDeleterAndRemovesSmallOnesAtOnce() throws IOException {
        Path target = dir.resolve("swept.json");
        Path large = FileNames.newTemp(target);
        Path small = FileNames.newTemp(target);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(large,
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}), TempFiles.DEFERRED_DELETE_BYTES - 1);
        }
        Files.write(small, new byte[10]);

        assertThat(TempFiles.removeStale(target, deletions::add)).isEqualTo(2);
        assertThat(small).doesNotExist();
        assertThat(large).as("left to the deleter").exists();
        assertThat(deletions).hasSize(1);
        deletions.forEach(Runnable::run);
        assertThat(large).doesNotExist();
    }

    @Test
    void withoutADeleterALargeDroppedGenerationIsDeletedAtOnce() throws IOException {
        Path target = dir.resolve("inline.jsonl");
        BackupManager one = BackupManager.generations(1);
        long size = TempFiles.DEFERRED_DELETE_BYTES;
        writeVersion(target, (byte) 'a', size, one);
        writeVersion(target, (byte) 'b', size, one);
        writeVersion(target, (byte) 'c', size, one);
        assertThat(names()).containsExactly("inline.jsonl", "inline.jsonl.bak");
    }

    @Test
    void aSmallDroppedGenerationAndAPlantedLinkAreRemovedAtOnce() throws IOException {
        Path target = dir.resolve("small.json");
        BackupManager one = BackupManager.generations(1).withDeleter(deletions::add);
        writeVersion(target, (byte) 'a', 10, one);
        writeVersion(target, (byte) 'b', 10, one);
        writeVersion(target, (byte) 'c', 10, one);
        assertThat(names()).containsExactly("small.json", "small.json.bak");

        Path elsewhere = Files.writeString(dir.resolve("elsewhere"), "keep me");
        Files.delete(FileNames.backup(target, 0));
        Files.createSymbolicLink(FileNames.backup(target, 0), elsewhere);
        writeVersion(target, (byte) 'd', 10, one);

        assertThat(Files.readString(elsewhere)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(FileNames.backup(target, 0))).isFalse();
        assertThat(Files.readAllBytes(FileNames.backup(target, 0))[0]).isEqualTo((byte) 'c');
        assertThat(Files.exists(FileNames.backup(target, 0), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}

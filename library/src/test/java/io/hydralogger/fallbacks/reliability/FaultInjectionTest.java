package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.Source;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.FileNames;
import io.hydralogger.fallbacks.testing.Figures;
import io.hydralogger.fallbacks.testing.KillWorker;
import io.hydralogger.fallbacks.testing.Op;
import io.hydralogger.fallbacks.testing.OpKind;
import io.hydralogger.fallbacks.testing.RecordingFileSystem;
import io.hydralogger.fallbacks.write.BackupManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault injection: every operation a write, an append, an update or a read performs on the disk
 * is made to fail, one
 * at a time, for every k from the first operation to the last (like SQLite's I/O-error tests).
 * Each time the target stays a whole version (the old one, or the new one when the fault came
 * after the rename), the records are in the target or in a fallback file, no temp file and no
 * open handle is left, and a failed {@code force} is not retried.
 */
class FaultInjectionTest {
    private static final int RECORDS = 20;
    private static final AtomicInteger FAULTS = new AtomicInteger();

    @TempDir
    Path dir;

    private RecordingFileSystem fs;
    private Path root;
    private FallbackHandler handler;
    private final FallbackHandler plain = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build();

    @BeforeEach
    void setUp() {
        fs = new RecordingFileSystem();
        root = fs.wrap(dir);
        handler = FallbackHandler.builder().fallbackFolder(root.resolve("fallback-folder")).build();
    }

    @AfterAll
    static void figures() {
        Figures.record("faults.injected", FAULTS.get());
    }

    private static String fileName(Format format) {
        return switch (format) {
            case JSON -> "data.json";
            case JSON_LINES -> "data.jsonl";
            case CSV -> "data.csv";
            case TSV -> "data.tsv";
        };
    }

    /** The whole version a file holds, or fails if it holds anything else. */
    private long versionOf(Path file, Format format) {
        List<?> records = switch (format) {
            case JSON -> (List<?>) intact(plain.readJson(file));
            case JSON_LINES -> intact(plain.readJsonLines(file));
            case CSV -> intact(plain.readCsv(file));
            case TSV -> intact(plain.readTsv(file));
        };
        assertThat(records).as("%s holds a whole version", file).hasSize(RECORDS);
        long version = Long.parseLong(String.valueOf(((Map<?, ?>) records.get(0)).get("v")));
        assertThat(records).allMatch(r -> String.valueOf(((Map<?, ?>) r).get("v")).equals(Long.toString(version)));
        return version;
    }

    private static <T> T intact(ReadResult<T> result) {
        assertThat(result.source()).as("read intact: %s", result.error()).isEqualTo(Source.PRIMARY);
        return result.data();
    }

    private static List<Path> leftovers(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** Runs one write of version 2 with the k-th operation failing (k = 0: none) and checks the outcome. */
    private int writeWithFault(Format format, boolean existing, String folderName, int k) throws IOException {
        Path realFolder = dir.resolve(folderName);
        Files.createDirectories(realFolder);
        Path realTarget = realFolder.resolve("deeper").resolve(fileName(format));
        if (existing) {
            assertThat(plain.write(KillWorker.version(1, RECORDS), realTarget, format).ok()).isTrue();
        }
        Path target = fs.wrap(realTarget);
        fs.clearOps();
        if (k > 0) {
            fs.failAt(op -> true, k);
        }
        WriteResult result = handler.write(KillWorker.version(2, RECORDS), target, format);
        fs.noFaults();
        List<Op> ops = fs.ops();
        Op injected = k > 0 ? fs.lastInjected() : null;
        String context = "fault at " + injected + " in " + ops;

        boolean renamed = ops.stream().anyMatch(op -> op.kind() == OpKind.RENAME && !op.failed()
                && op.other().equals(realTarget));
        if (result.ok()) {
            assertThat(versionOf(realTarget, format)).as(context).isEqualTo(2);
        } else {
            assertThat(result.fallback()).as("records in a fallback file: %s", context).isPresent();
            List<Object> saved = intact(plain.readJsonLines(RecordingFileSystem.real(result.fallback().get())));
            assertThat(saved).as(context).hasSize(RECORDS);
            if (Files.exists(realTarget)) {
                assertThat(versionOf(realTarget, format)).as(context).isEqualTo(renamed ? 2 : 1);
            } else {
                assertThat(existing).as("the target vanished: %s", context).isFalse();
            }
        }
        Path backup = FileNames.backup(realTarget, 0);
        if (Files.exists(backup)) {
            assertThat(versionOf(backup, format)).as(context).isEqualTo(1);
        }
        assertThat(leftovers(realTarget.getParent())).as("temp files left: %s", context).isEmpty();
        assertThat(fs.openHandles()).as("open handles: %s", context).isEmpty();
        if (injected != null && injected.kind() == OpKind.FORCE) {
            assertThat(ops).as("a failed force is not retried: %s", context).noneMatch(op -> op.index() > injected.index()
                    && op.kind() == OpKind.FORCE && op.path().equals(injected.path()));
        }
        if (injected != null) {
            FAULTS.incrementAndGet();
        }
        return ops.size();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyOperationOfAWriteOverAnExistingFileFailsInTurn(Format format) throws IOException {
        int operations = writeWithFault(format, true, "clean", 0);
        for (int k = 1; k <= operations; k++) {
            writeWithFault(format, true, "k" + k, k);
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyOperationOfAWriteOfANewFileInNewFoldersFailsInTurn(Format format) throws IOException {
        int operations = writeWithFault(format, false, "clean", 0);
        for (int k = 1; k <= operations; k++) {
            writeWithFault(format, false, "k" + k, k);
        }
    }

    @Test
    void aDiskThatFillsUpAtAnyWriteLosesNothingAndLeavesNothing() throws IOException {
        int records = 10_000;
        Path realTarget = dir.resolve("full/data.jsonl");
        assertThat(plain.writeJsonLines(KillWorker.version(1, records), realTarget).ok()).isTrue();
        byte[] old = Files.readAllBytes(realTarget);
        Path target = fs.wrap(realTarget);
        fs.clearOps();
        assertThat(handler.writeJsonLines(KillWorker.version(1, records), target).ok()).isTrue();
        long writes = fs.ops().stream().filter(op -> op.kind() == OpKind.WRITE).count();
        assertThat(writes).as("the write takes several chunks").isGreaterThan(2);
        for (int k = 1; k <= writes; k++) {
            fs.failFrom(op -> op.kind() == OpKind.WRITE, k);
            WriteResult result = handler.writeJsonLines(KillWorker.version(2, records), target);
            fs.noFaults();

            assertThat(result.ok()).isFalse();
            assertThat(result.fallback()).as("no place could take the records").isEmpty();
            assertThat(result.error()).isPresent();
            assertThat(Files.readAllBytes(realTarget)).as("the target is untouched").isEqualTo(old);
            try (Stream<Path> entries = Files.list(realTarget.getParent())) {
                assertThat(entries.map(p -> p.getFileName().toString()))
                        .as("no temp file and no half-written fallback file")
                        .allMatch(name -> name.equals("data.jsonl") || name.equals("data.jsonl.bak")
                                || name.equals(".data.jsonl.lock"));
            }
            assertThat(leftovers(dir.resolve("fallback-folder"))).isEmpty();
            assertThat(fs.openHandles()).isEmpty();
        }
        FAULTS.addAndGet(fs.faultsInjected());
    }

    @Test
    void everyOperationOfAnAppendFailsInTurn() throws IOException {
        int operations = appendWithFault(0);
        for (int k = 1; k <= operations; k++) {
            appendWithFault(k);
        }
    }

    /** Appends 3 records to a log of 5 with the k-th operation failing (k = 0: none) and checks the outcome. */
    private int appendWithFault(int k) throws IOException {
        Path realTarget = dir.resolve("append-" + k + "/log.jsonl");
        Files.createDirectories(realTarget.getParent());
        assertThat(plain.appendJsonLines(KillWorker.batch(1, 5), realTarget).ok()).isTrue();
        List<Object> old = intact(plain.readJsonLines(realTarget));
        fs.clearOps();
        if (k > 0) {
            fs.failAt(op -> true, k);
        }
        WriteResult result = handler.appendJsonLines(KillWorker.batch(2, 3), fs.wrap(realTarget));
        fs.noFaults();
        Op injected = k > 0 ? fs.lastInjected() : null;
        List<Op> ops = fs.ops();
        String context = "fault at " + injected + " in " + ops;

        List<Object> now = intact(plain.readJsonLines(realTarget));
        assertThat(now.subList(0, old.size())).as("the old lines stay: %s", context).isEqualTo(old);
        if (result.ok()) {
            assertThat(now).as(context).hasSize(old.size() + 3);
        } else {
            assertThat(now.size()).as("all or none of the new lines: %s", context).isIn(old.size(), old.size() + 3);
            assertThat(result.fallback()).as("records in a fallback file: %s", context).isPresent();
            assertThat(intact(plain.readJsonLines(RecordingFileSystem.real(result.fallback().get())))).hasSize(3);
        }
        // appends keep a few idle files open for the next append (a bounded cache); close them
        plain.close();
        assertThat(fs.openHandles()).as("open handles: %s", context).isEmpty();
        if (injected != null && injected.kind() == OpKind.FORCE) {
            assertThat(ops).as("a failed force is not retried: %s", context).noneMatch(op -> op.index() > injected.index()
                    && op.kind() == OpKind.FORCE && op.path().equals(injected.path()));
        }
        if (injected != null) {
            FAULTS.incrementAndGet();
        }
        return ops.size();
    }

    @Test
    void everyOperationOfAnUpdateFailsInTurn() throws IOException {
        int operations = updateWithFault(0);
        for (int k = 1; k <= operations; k++) {
            updateWithFault(k);
        }
    }

    /** Raises a counter from 5 to 6 with the k-th operation failing (k = 0: none) and checks the outcome. */
    private int updateWithFault(int k) throws IOException {
        Path realTarget = dir.resolve("update-" + k + "/counter.json");
        assertThat(plain.writeJson(Map.of("count", 5), realTarget).ok()).isTrue();
        fs.clearOps();
        if (k > 0) {
            fs.failAt(op -> true, k);
        }
        WriteResult result = handler.update(fs.wrap(realTarget), Format.JSON,
                data -> Map.of("count", ((Number) ((Map<?, ?>) data).get("count")).intValue() + 1));
        fs.noFaults();
        Op injected = k > 0 ? fs.lastInjected() : null;
        String context = "fault at " + injected + " in " + fs.ops();

        Object count = ((Map<?, ?>) intact(plain.readJson(realTarget))).get("count");
        if (result.ok()) {
            assertThat(count).as(context).isEqualTo(6);
        } else {
            assertThat(count).as(context).isIn(5, 6);
            assertThat(result.error()).isPresent();
        }
        assertThat(leftovers(realTarget.getParent())).as("temp files left: %s", context).isEmpty();
        assertThat(fs.openHandles()).as("open handles: %s", context).isEmpty();
        if (injected != null) {
            FAULTS.incrementAndGet();
        }
        return fs.ops().size();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyOperationOfAReadFailsInTurn(Format format) {
        Path realTarget = dir.resolve(fileName(format));
        assertThat(plain.write(KillWorker.version(1, RECORDS), realTarget, format).ok()).isTrue();
        Path target = fs.wrap(realTarget);
        fs.clearOps();
        read(format, target);
        int operations = fs.ops().size();
        for (int k = 1; k <= operations; k++) {
            fs.failAt(op -> true, k);
            ReadResult<?> result = read(format, target);
            fs.noFaults();
            if (result.source() != Source.NONE) {
                assertThat((List<?>) result.data()).hasSize(RECORDS);
            } else {
                assertThat(result.error()).isPresent();
            }
            assertThat(fs.openHandles()).isEmpty();
            FAULTS.incrementAndGet();
        }
    }

    private ReadResult<?> read(Format format, Path target) {
        return switch (format) {
            case JSON -> handler.readJson(target);
            case JSON_LINES -> handler.readJsonLines(target);
            case CSV -> handler.readCsv(target);
            case TSV -> handler.readTsv(target);
        };
    }
}

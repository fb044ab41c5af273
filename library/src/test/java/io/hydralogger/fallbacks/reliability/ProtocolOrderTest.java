package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.testing.Op;
import io.hydralogger.fallbacks.testing.OpKind;
import io.hydralogger.fallbacks.testing.RecordingFileSystem;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Observes the order of the write protocol (SPEC §4) through a file system that records every
 * operation the library performs on the real disk: the data is forced before the rename, the
 * backup link is made before the rename, the folder is forced after it; new parent folders and
 * fallback files are forced too. Reading the code is not proof; this is.
 */
class ProtocolOrderTest {
    @TempDir
    Path dir;

    private RecordingFileSystem fs;
    private Path root;

    @BeforeEach
    void setUp() {
        fs = new RecordingFileSystem();
        root = fs.wrap(dir);
    }

    private FallbackHandler handler(Durability durability) {
        return FallbackHandler.builder().durability(durability).fallbackFolder(root.resolve("fallback-folder"))
                .build();
    }

    private static List<Map<String, Object>> records(int version, int count) {
        return IntStream.range(0, count).<Map<String, Object>>mapToObj(i -> Map.of("v", version, "i", i,
                "text", "record " + i + " of version " + version)).toList();
    }

    private static WriteResult write(FallbackHandler handler, Format format, Object records, Path target) {
        return handler.write(records, target, format);
    }

    private static Path target(Path folder, Format format) {
        return folder.resolve(switch (format) {
            case JSON -> "data.json";
            case JSON_LINES -> "data.jsonl";
            case CSV -> "data.csv";
            case TSV -> "data.tsv";
        });
    }

    /** Index of the first op matching, or -1. */
    private static int first(List<Op> ops, Predicate<Op> condition) {
        return ops.stream().filter(op -> !op.failed()).filter(condition).mapToInt(Op::index).findFirst().orElse(-1);
    }

    private static int last(List<Op> ops, Predicate<Op> condition) {
        return ops.stream().filter(op -> !op.failed()).filter(condition).mapToInt(Op::index).max().orElse(-1);
    }

    private static boolean isTemp(Path path, Path target) {
        String name = path.getFileName().toString();
        return name.startsWith("." + target.getFileName() + ".") && name.endsWith(".tmp");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void dataIsForcedBeforeTheRenameAndTheFolderAfterIt(Format format) throws IOException {
        FallbackHandler handler = handler(Durability.SYNC);
        Path target = target(root, format);
        Path real = target(dir, format);
        assertThat(write(handler, format, records(1, 50), target).ok()).isTrue();
        byte[] oldContent = Files.readAllBytes(real);
        List<String> seenAtRename = new ArrayList<>();
        fs.onOperation(op -> {
            if (op.kind() == OpKind.RENAME) {
                try {
                    seenAtRename.add(Files.readString(op.path()));
                    assertThat(Files.readAllBytes(real)).as("the target is still the old version").isEqualTo(oldContent);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        fs.clearOps();

        assertThat(write(handler, format, records(2, 50), target).ok()).isTrue();

        List<Op> ops = fs.ops();
        int rename = first(ops, op -> op.kind() == OpKind.RENAME && op.other().equals(real));
        int lastWrite = last(ops, op -> op.kind() == OpKind.WRITE && isTemp(op.path(), real));
        Op renameOp = ops.get(rename);
        int force = last(ops, op -> op.kind() == OpKind.FORCE && op.path().equals(renameOp.path()));
        int link = first(ops, op -> op.kind() == OpKind.LINK && op.path().equals(real));
        int folderForce = first(ops, op -> op.kind() == OpKind.FORCE_DIRECTORY && op.path().equals(dir));
        assertThat(rename).as("rename in %s", ops).isPositive();
        assertThat(lastWrite).as("last write of the renamed temp file").isPositive().isLessThan(force);
        assertThat(force).as("data forced before the rename").isLessThan(rename);
        assertThat(link).as("backup linked before the rename").isPositive().isLessThan(rename);
        assertThat(ops.get(link).other()).isEqualTo(dir.resolve(real.getFileName() + ".bak"));
        assertThat(folderForce).as("folder forced after the rename").isGreaterThan(rename);
        assertThat(ops).as("the target is never deleted or renamed away")
                .noneMatch(op -> op.kind() == OpKind.DELETE && op.path().equals(real))
                .noneMatch(op -> op.kind() == OpKind.RENAME && op.path().equals(real));
        assertThat(seenAtRename).singleElement().as("the temp file is complete when renamed")
                .isEqualTo(Files.readString(real));
        assertThat(fs.openHandles()).isEmpty();
    }

    @Test
    void aCsvWhoseHeaderGrewIsRewrittenAndTheFinalTempFileForced() throws IOException {
        Path target = root.resolve("grown.csv");
        List<Map<String, Object>> rows = List.of(Map.of("a", 1), Map.of("a", 2, "b", 3));

        assertThat(handler(Durability.SYNC).writeCsv(rows, target).ok()).isTrue();

        List<Op> ops = fs.ops();
        Path real = dir.resolve("grown.csv");
        Op rename = ops.get(first(ops, op -> op.kind() == OpKind.RENAME && op.other().equals(real)));
        List<Path> temps = ops.stream().filter(op -> op.kind() == OpKind.CREATE && isTemp(op.path(), real))
                .map(Op::path).toList();
        assertThat(temps).as("a first temp file and its rewrite").hasSize(2).last().isEqualTo(rename.path());
        assertThat(first(ops, op -> op.kind() == OpKind.DELETE && op.path().equals(temps.get(0))))
                .as("the first temp file removed").isPositive();
        assertThat(last(ops, op -> op.kind() == OpKind.FORCE && op.path().equals(rename.path())))
                .isLessThan(rename.index());
        assertThat(Files.readString(real)).isEqualTo("a,b\n1,\n2,3\n");
    }

    @Test
    void withoutDurabilityNothingIsForcedButTheOrderHolds() {
        Path target = root.resolve("fast.jsonl");
        FallbackHandler handler = handler(Durability.NONE);
        assertThat(handler.writeJsonLines(records(1, 10), target).ok()).isTrue();
        fs.clearOps();

        assertThat(handler.writeJsonLines(records(2, 10), target).ok()).isTrue();

        List<Op> ops = fs.ops();
        assertThat(ops).noneMatch(op -> op.kind() == OpKind.FORCE || op.kind() == OpKind.FORCE_DIRECTORY);
        Path real = dir.resolve("fast.jsonl");
        assertThat(first(ops, op -> op.kind() == OpKind.LINK && op.path().equals(real)))
                .isLessThan(first(ops, op -> op.kind() == OpKind.RENAME && op.other().equals(real)));
    }

    @Test
    void newParentFoldersAreForcedLevelByLevelBeforeTheRename() {
        Path target = root.resolve("a/b/c/data.json");

        assertThat(handler(Durability.SYNC).writeJson(records(1, 3), target).ok()).isTrue();

        List<Op> ops = fs.ops();
        int rename = first(ops, op -> op.kind() == OpKind.RENAME);
        for (String level : List.of("a", "a/b", "a/b/c")) {
            Path folder = dir.resolve(level);
            int created = first(ops, op -> op.kind() == OpKind.CREATE_DIRECTORY && op.path().equals(folder));
            int parentForced = first(ops, op -> op.kind() == OpKind.FORCE_DIRECTORY
                    && op.path().equals(folder.getParent()) && op.index() > created);
            assertThat(created).as("%s created in %s", level, ops).isNotNegative();
            assertThat(parentForced).as("the parent of %s forced after creating it, before the rename", level)
                    .isGreaterThan(created).isLessThan(rename);
        }
        assertThat(first(ops, op -> op.kind() == OpKind.FORCE_DIRECTORY && op.path().equals(dir.resolve("a/b/c"))))
                .as("the target's new folder forced after the rename").isGreaterThan(rename);
    }

    @Test
    void aFallbackFileIsForcedAndSoIsItsFolder() {
        Path target = root.resolve("data.jsonl");
        FallbackHandler handler = handler(Durability.SYNC);
        fs.failAt(op -> op.kind() == OpKind.RENAME, 1);

        WriteResult result = handler.writeJsonLines(records(1, 5), target);

        assertThat(result.ok()).isFalse();
        Path fallback = RecordingFileSystem.real(result.fallback().orElseThrow());
        List<Op> ops = fs.ops();
        int lastWrite = last(ops, op -> op.kind() == OpKind.WRITE && op.path().equals(fallback));
        int force = first(ops, op -> op.kind() == OpKind.FORCE && op.path().equals(fallback));
        int folderForce = first(ops, op -> op.kind() == OpKind.FORCE_DIRECTORY
                && op.path().equals(fallback.getParent()) && op.index() > force);
        assertThat(lastWrite).as("fallback written in %s", ops).isPositive().isLessThan(force);
        assertThat(folderForce).as("the fallback file's folder forced after the file").isGreaterThan(force);
        assertThat(fs.openHandles()).isEmpty();
    }

    @Test
    void aSymlinkedTargetIsReplacedInTheFolderOfTheFileItPointsTo() throws IOException {
        Path realFolder = Files.createDirectory(dir.resolve("real"));
        Files.createDirectory(dir.resolve("links"));
        Files.createSymbolicLink(dir.resolve("links/data.json"), realFolder.resolve("data.json"));

        assertThat(handler(Durability.SYNC).writeJson(records(1, 2), root.resolve("links/data.json")).ok()).isTrue();

        List<Op> ops = fs.ops();
        int rename = first(ops, op -> op.kind() == OpKind.RENAME && op.other().equals(realFolder.resolve("data.json")));
        assertThat(rename).as("renamed over the link's destination in %s", ops).isPositive();
        assertThat(first(ops, op -> op.kind() == OpKind.FORCE_DIRECTORY && op.path().equals(realFolder)))
                .isGreaterThan(rename);
        assertThat(Files.isSymbolicLink(dir.resolve("links/data.json"))).isTrue();
    }
}

package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.codec.Codecs;
import io.hydralogger.fallbacks.internal.codec.WriteThreads;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import io.hydralogger.fallbacks.testing.Op;
import io.hydralogger.fallbacks.testing.OpKind;
import io.hydralogger.fallbacks.testing.RecordingFileSystem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes large enough to be serialised on several threads and forced ahead keep the protocol:
 * the file is the one a write on one thread makes, the data is forced before the rename (most of
 * it while later records were still being serialised), and a failure part-way, a failed force
 * ahead included, leaves the target untouched, no temp file, no open handle, and the records in
 * the fallback file.
 */
class LargeWriteTest {
    /** About 3.4 MB of JSON Lines: more than the switch to several threads and several chunks. */
    private static final int RECORDS = 30_000;

    @TempDir
    Path dir;

    private RecordingFileSystem fs;
    private Path root;
    private FallbackHandler handler;
    private final FallbackHandler strict = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build();

    @BeforeEach
    void setUp() {
        fs = new RecordingFileSystem();
        root = fs.wrap(dir);
        handler = FallbackHandler.builder().fallbackFolder(root.resolve("fallback-folder")).build();
    }

    private static List<Map<String, Object>> records(int version, int count) {
        return IntStream.range(0, count).<Map<String, Object>>mapToObj(i -> Map.of("v", version, "i", i,
                "text", "record " + i + " of version " + version + ", with some text to make it longer")).toList();
    }

    /** How many writes to the temp file a write of these records takes. */
    private long writesOf(Format format, List<?> records) {
        fs.clearOps();
        assertThat(handler.write(records, root.resolve("probe-" + name(format)), format).ok()).isTrue();
        return fs.ops().stream().filter(op -> op.kind() == OpKind.WRITE
                && op.path().getFileName().toString().startsWith(".probe-")).count();
    }

    private static String name(Format format) {
        return switch (format) {
            case JSON -> "data.json";
            case JSON_LINES -> "data.jsonl";
            case CSV -> "data.csv";
            case TSV -> "data.tsv";
        };
    }

    /** The file a write on one thread makes of these records. */
    private byte[] oneThread(Format format, List<?> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (format) {
            case JSON -> Codecs.writeJson(handler.mapper(), new Sanitizer(), records, -1, out, WriteThreads.NONE);
            case JSON_LINES -> Codecs.writeJsonLines(handler.mapper(), new Sanitizer(), records.iterator(), out,
                    WriteThreads.NONE);
            case CSV, TSV -> Codecs.writeCsv(new Sanitizer(), records.iterator(), false,
                    format == Format.TSV ? '\t' : ',', out, transform -> {
                        throw new AssertionError("the header does not grow");
                    }, WriteThreads.NONE);
        }
        return out.toByteArray();
    }

    private List<Path> tempFiles() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aLargeWriteIsTheFileOfOneThreadForcedBeforeTheRename(Format format) throws IOException {
        List<Map<String, Object>> records = records(1, RECORDS);
        Path real = dir.resolve(name(format));
        WriteResult result = handler.write(records, root.resolve(name(format)), format);
        assertThat(result.ok()).as("%s", result).isTrue();
        assertThat(result.records()).isEqualTo(RECORDS);
        assertThat(Files.readAllBytes(real)).isEqualTo(oneThread(format, records));
        assertThat(result.bytes()).isEqualTo(Files.size(real));

        List<Op> ops = fs.ops();
        int rename = ops.stream().filter(op -> op.kind() == OpKind.RENAME && op.other().equals(real))
                .mapToInt(Op::index).findFirst().orElseThrow();
        Path temp = ops.get(rename).path();
        int lastWrite = ops.stream().filter(op -> op.kind() == OpKind.WRITE && op.path().equals(temp))
                .mapToInt(Op::index).max().orElseThrow();
        int lastForce = ops.stream().filter(op -> op.kind() == OpKind.FORCE && op.path().equals(temp))
                .mapToInt(Op::index).max().orElseThrow();
        assertThat(lastForce).as("forced after the last write and before the rename: %s", ops)
                .isGreaterThan(lastWrite).isLessThan(rename);
        assertThat(tempFiles()).isEmpty();
        assertThat(fs.openHandles()).isEmpty();
    }

    /** About 12 MB: more than one force step. */
    private static List<Map<String, Object>> bigRecords(int version) {
        return IntStream.range(0, 60_000).<Map<String, Object>>mapToObj(i -> Map.of("v", version, "i", i,
                "text", "record " + i + " of version " + version + " " + "x".repeat(150))).toList();
    }

    @Test
    void aWriteOfMoreThanTheForceStepIsForcedAheadWhileItIsWritten() {
        Path real = dir.resolve("big.jsonl");
        WriteResult result = handler.writeJsonLines(bigRecords(1), root.resolve("big.jsonl"));
        assertThat(result.ok()).isTrue();
        assertThat(result.bytes()).as("more than one force step").isGreaterThan(WriteThreads.FORCE_STEP);
        List<Op> ops = fs.ops();
        Path temp = ops.stream().filter(op -> op.kind() == OpKind.RENAME && op.other().equals(real)).findFirst()
                .orElseThrow().path();
        int lastWrite = ops.stream().filter(op -> op.kind() == OpKind.WRITE && op.path().equals(temp))
                .mapToInt(Op::index).max().orElseThrow();
        assertThat(ops).as("a force of the temp file before its last write")
                .anyMatch(op -> op.kind() == OpKind.FORCE && op.path().equals(temp) && op.index() < lastWrite);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aFailureLateInALargeWriteLeavesTheTargetAndSavesEveryRecord(Format format) throws IOException {
        Path real = dir.resolve(name(format));
        assertThat(strict.write(records(1, 100), real, format).ok()).isTrue();
        byte[] old = Files.readAllBytes(real);
        long writes = writesOf(format, records(2, RECORDS));
        assertThat(writes).as("the write takes several chunks").isGreaterThan(4);

        for (long k : new long[] {writes / 2, writes - 1}) {
            fs.failAt(op -> op.kind() == OpKind.WRITE && op.path().getFileName().toString().startsWith(".data"),
                    (int) k);
            WriteResult result = handler.write(records(2, RECORDS), root.resolve(name(format)), format);
            fs.noFaults();
            assertThat(result.ok()).as("write %d of %d failed", k, writes).isFalse();
            assertThat(Files.readAllBytes(real)).as("the target is untouched").isEqualTo(old);
            assertThat(strict.readJsonLines(RecordingFileSystem.real(result.fallback().orElseThrow())).data())
                    .as("every record in the fallback file").hasSize(RECORDS);
            assertThat(tempFiles()).isEmpty();
            assertThat(fs.openHandles()).isEmpty();
        }
    }

    @Test
    void aSinglePassSourceThatFailsAfterTheSwitchKeepsEveryRecord() throws IOException {
        Path real = dir.resolve("data.jsonl");
        assertThat(strict.writeJsonLines(records(1, 100), real).ok()).isTrue();
        byte[] old = Files.readAllBytes(real);
        List<Map<String, Object>> records = bigRecords(2);
        long writes = writesOf(Format.JSON_LINES, records);
        assertThat(writes).isGreaterThan(12);
        // the first writes fill the switch size on the calling thread; the tenth is a chunk's
        fs.failAt(op -> op.kind() == OpKind.WRITE && op.path().getFileName().toString().startsWith(".data"), 10);
        Iterator<Map<String, Object>> source = records.iterator();
        WriteResult result = handler.write(source, root.resolve("data.jsonl"), Format.JSON_LINES);
        fs.noFaults();
        assertThat(result.ok()).isFalse();
        assertThat(Files.readAllBytes(real)).isEqualTo(old);
        List<Object> saved = strict.readJsonLines(RecordingFileSystem.real(result.fallback().orElseThrow())).data();
        assertThat(saved).as("those written read back from the temp file, then those in chunks not written and"
                + " those not yet taken").isEqualTo(List.copyOf(records));
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aFailedForceAheadFailsTheWriteAndIsNotRetried() throws IOException {
        Path real = dir.resolve("big.jsonl");
        assertThat(strict.writeJsonLines(records(1, 100), real).ok()).isTrue();
        byte[] old = Files.readAllBytes(real);
        fs.clearOps();
        fs.failAt(op -> op.kind() == OpKind.FORCE && op.path().getFileName().toString().endsWith(".tmp"), 1);
        WriteResult result = handler.writeJsonLines(bigRecords(2), root.resolve("big.jsonl"));
        fs.noFaults();
        Op injected = fs.lastInjected();
        assertThat(injected).isNotNull();
        assertThat(result.ok()).isFalse();
        assertThat(result.error().orElseThrow()).hasMessageContaining("not retried");
        assertThat(Files.readAllBytes(real)).isEqualTo(old);
        // the commit's own force may have started beside the force ahead before its failure was
        // known (PendingFile.commit: both must succeed, and the write fails); nothing forces it again
        assertThat(fs.ops()).as("no force of that file after the failed one but the commit's, which ran beside it")
                .filteredOn(op -> op.index() > injected.index() && op.kind() == OpKind.FORCE
                        && op.path().equals(injected.path()))
                .hasSizeLessThanOrEqualTo(1);
        assertThat(strict.readJsonLines(RecordingFileSystem.real(result.fallback().orElseThrow())).data())
                .hasSize(60_000);
        assertThat(tempFiles()).isEmpty();
        assertThat(fs.openHandles()).isEmpty();
    }
}

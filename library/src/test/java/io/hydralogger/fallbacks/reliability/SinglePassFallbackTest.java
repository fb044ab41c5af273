package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import io.hydralogger.fallbacks.testing.OpKind;
import io.hydralogger.fallbacks.testing.RecordingFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A failed write from a single-pass source (an {@code Iterator} or {@code Stream}) loses nothing:
 * every record the source handed out is in the fallback file exactly once, in the order it was
 * handed out, whatever failed (a full disk, a failed force, a folder made read-only half way, the
 * source itself), for every format, written on one thread (small) or on several (large). The
 * records already written are read back from the temp file (CSV rows as text, as a CSV read gives
 * them); the others come from the source.
 */
class SinglePassFallbackTest {
    /** About 200 KB: written on the calling thread only. */
    private static final int SMALL = 1_500;
    /** About 2.3 MB: past the switch to several threads, more than one chunk. */
    private static final int LARGE = 15_000;

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

    static Stream<Arguments> formatsAndSizes() {
        return Stream.of(Format.values()).flatMap(format -> Stream.of(Arguments.of(format, SMALL),
                Arguments.of(format, LARGE)));
    }

    static Stream<Arguments> formatsSizesAndReuse() {
        return formatsAndSizes().flatMap(arguments -> Stream.of(false, true)
                .map(reuse -> Arguments.of(arguments.get()[0], arguments.get()[1], reuse)));
    }

    /**
     * Record {@code id}: a nested object (dotted columns in CSV) and, in the second half, a column
     * the first half has not (the CSV header grows: the file is rewritten at the end).
     */
    static Map<String, Object> record(int id, int count) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", id);
        record.put("text", "record " + id + " with \"quotes\", a comma and some padding " + "x".repeat(60));
        record.put("nested", Map.of("n", id % 7));
        if (id >= count / 2) {
            record.put("extra", "late column " + id);
        }
        return record;
    }

    /**
     * A single-pass source of {@code count} records that remembers what it handed out (copies:
     * it may reuse one object), and can throw at one record, or at every call from one record on.
     */
    static final class Source implements Iterator<Map<String, Object>> {
        private final int count;
        private final List<Map<String, Object>> handedOut = new ArrayList<>();
        private final Map<String, Object> reused;
        private int next;
        private int failAt = -1;
        private boolean failForever;
        private boolean failed;
        private int actAt = -1;
        private IntConsumer action = i -> { };

        Source(int count, boolean reuseOneObject) {
            this.count = count;
            this.reused = reuseOneObject ? new LinkedHashMap<>() : null;
        }

        Source failingAt(int index, boolean forever) {
            failAt = index;
            failForever = forever;
            return this;
        }

        Source actingAt(int index, IntConsumer run) {
            actAt = index;
            action = run;
            return this;
        }

        int handedOutCount() {
            return handedOut.size();
        }

        @Override
        public boolean hasNext() {
            return next < count;
        }

        @Override
        public Map<String, Object> next() {
            if (next >= count) {
                throw new NoSuchElementException();
            }
            if (failed && failForever || next == failAt && !failed) {
                failed = true;
                next++;
                throw new IllegalStateException("the source broke at record " + (next - 1));
            }
            if (next == actAt) {
                action.accept(next);
            }
            Map<String, Object> record = record(next++, count);
            handedOut.add(record);
            if (reused == null) {
                return record;
            }
            reused.clear();
            reused.putAll(record);
            return reused;
        }
    }

    static String name(Format format) {
        return switch (format) {
            case JSON -> "data.json";
            case JSON_LINES -> "data.jsonl";
            case CSV -> "data.csv";
            case TSV -> "data.tsv";
        };
    }

    /** How many writes to the temp file a write of these records takes. */
    private long writesOf(Format format, int count) {
        fs.clearOps();
        List<Map<String, Object>> records = IntStream.range(0, count).mapToObj(i -> record(i, count)).toList();
        assertThat(handler.write(records, root.resolve("probe-" + name(format)), format).ok()).isTrue();
        return fs.ops().stream().filter(op -> op.kind() == OpKind.WRITE
                && op.path().getFileName().toString().startsWith(".probe-")).count();
    }

    /** Writes the source's records with every write to the temp file failing from about half way. */
    private WriteResult writeOntoADiskThatFillsHalfWay(Format format, int count, Source source) {
        long writes = writesOf(format, count);
        assertThat(writes).as("the write takes several writes").isGreaterThanOrEqualTo(2);
        fs.failFrom(op -> op.kind() == OpKind.WRITE && op.path().getFileName().toString().startsWith(".data"),
                (int) Math.max(2, writes / 2));
        WriteResult result = handler.write(source, root.resolve(name(format)), format);
        fs.noFaults();
        assertThat(fs.faultsInjected()).isPositive();
        return result;
    }

    private Path writeOldVersion(Format format) throws IOException {
        Path real = dir.resolve(name(format));
        assertThat(strict.write(List.of(Map.of("id", -1)), real, format).ok()).isTrue();
        return real;
    }

    /**
     * Asserts the failed write left the target as it was, no temp file, and every record the
     * source handed out in the fallback file once, in order.
     */
    private void assertEveryRecordHandedOutIsKept(WriteResult result, Format format, Source source, Path real,
            byte[] old) throws IOException {
        assertEveryRecordHandedOutIsKept(result, format, source, real, old, true);
    }

    private void assertEveryRecordHandedOutIsKept(WriteResult result, Format format, Source source, Path real,
            byte[] old, boolean tempRemoved) throws IOException {
        assertThat(result.ok()).as("%s", result).isFalse();
        assertThat(Files.readAllBytes(real)).as("the target is untouched").isEqualTo(old);
        Path fallback = RecordingFileSystem.real(result.fallback().orElseThrow());
        List<Object> kept = strict.readJsonLines(fallback).data();
        assertThat(kept).as("the fallback file is intact JSON Lines").isNotNull();
        assertThat(ids(kept)).as("the ids of every record handed out, once, in order")
                .isEqualTo(ids(new ArrayList<>(source.handedOut)));
        assertThat(normalised(format, kept)).as("every record handed out, once, in order")
                .isEqualTo(normalised(format, new ArrayList<>(source.handedOut)));
        try (Stream<Path> entries = Files.list(real.getParent())) {
            long temps = entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
            assertThat(temps).as("temp files left").isEqualTo(tempRemoved ? 0 : 1);
        }
    }

    /** The ids of the records, as text (a CSV row read back has them as text). */
    private static String ids(List<Object> records) {
        StringBuilder ids = new StringBuilder();
        int runStart = Integer.MIN_VALUE;
        int previous = Integer.MIN_VALUE;
        for (Object record : records) {
            int id = Integer.parseInt(String.valueOf(((Map<?, ?>) record).get("id")));
            if (id != previous + 1) {
                if (runStart != Integer.MIN_VALUE) {
                    ids.append(runStart).append('-').append(previous).append(' ');
                }
                runStart = id;
            }
            previous = id;
        }
        return runStart == Integer.MIN_VALUE ? "" : ids.append(runStart).append('-').append(previous).toString();
    }

    /**
     * The records as compared: JSON keeps every value's type; CSV records are compared as the
     * rows a CSV file holds (flattened, text cells, empty cells dropped, since a row read back
     * from the temp file is as wide as the header was).
     */
    private static List<Object> normalised(Format format, List<Object> records) {
        if (format == Format.JSON || format == Format.JSON_LINES) {
            return records;
        }
        Sanitizer sanitizer = new Sanitizer();
        List<Object> rows = new ArrayList<>();
        for (Object record : records) {
            Map<String, String> row = new LinkedHashMap<>(sanitizer.toCsvRow(record));
            row.values().removeIf(cell -> cell == null || cell.isEmpty());
            rows.add(row);
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}, {1} records, one object reused: {2}")
    @MethodSource("formatsSizesAndReuse")
    void aDiskThatFillsHalfWayLosesNoRecordHandedOut(Format format, int count, boolean reuseOneObject)
            throws IOException {
        Path real = writeOldVersion(format);
        byte[] old = Files.readAllBytes(real);
        Source source = new Source(count, reuseOneObject);
        WriteResult result = writeOntoADiskThatFillsHalfWay(format, count, source);
        assertEveryRecordHandedOutIsKept(result, format, source, real, old);
        assertThat(source.handedOut).as("the source was read to its end for the fallback file").hasSize(count);
    }

    @ParameterizedTest(name = "{0}, {1} records")
    @MethodSource("formatsAndSizes")
    void aFailedForceAtTheCommitLosesNoRecord(Format format, int count) throws IOException {
        Path real = writeOldVersion(format);
        byte[] old = Files.readAllBytes(real);
        fs.failAt(op -> op.kind() == OpKind.FORCE && op.path().getFileName().toString().startsWith(".data"), 1);
        Source source = new Source(count, false);
        WriteResult result = handler.write(source, root.resolve(name(format)), format);
        fs.noFaults();
        assertThat(result.error().orElseThrow()).hasMessageContaining("not retried");
        assertEveryRecordHandedOutIsKept(result, format, source, real, old);
    }

    @ParameterizedTest(name = "{0}, {1} records")
    @MethodSource("formatsAndSizes")
    void aSourceThatThrowsHalfWayLosesNoRecordItHandedOut(Format format, int count) throws IOException {
        Path real = writeOldVersion(format);
        byte[] old = Files.readAllBytes(real);
        Source once = new Source(count, false).failingAt(count / 2, false);
        WriteResult result = handler.write(once, root.resolve(name(format)), format);
        if (format == Format.JSON) {
            // a document's array ends with a marker where its source broke, like any value's
            assertThat(result.ok()).as("%s", result).isTrue();
            List<Object> written = new ArrayList<>((List<?>) strict.readJson(real).data());
            assertThat(written).hasSize(count / 2 + 1).startsWith(once.handedOut.toArray())
                    .endsWith("[iteration failed: java.lang.IllegalStateException]");
            return;
        }
        assertThat(result.error().orElseThrow()).hasMessageContaining("the source broke");
        assertEveryRecordHandedOutIsKept(result, format, once, real, old);
        assertThat(once.handedOut).as("the fallback file took the records after the broken one").hasSize(count - 1);

        Source forever = new Source(count, false).failingAt(count / 2, true);
        result = handler.write(forever, root.resolve(name(format)), format);
        assertEveryRecordHandedOutIsKept(result, format, forever, real, old);
        assertThat(forever.handedOut).hasSize(count / 2);
    }

    @ParameterizedTest(name = "{0}, {1} records")
    @MethodSource("formatsAndSizes")
    void aFolderMadeReadOnlyHalfWayLosesNoRecord(Format format, int count) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("locked"));
        Path real = folder.resolve(name(format));
        assertThat(strict.write(List.of(Map.of("id", -1)), real, format).ok()).isTrue();
        byte[] old = Files.readAllBytes(real);
        assumeTrue(readOnly(folder, true) && readOnly(folder, false),
                "skipped: root can only make a folder read-only by chattr +i, on a file system that has it");
        FallbackHandler plain = FallbackHandler.builder().fallbackFolder(dir.resolve("fallback-folder")).build();
        Source source = new Source(count, false).actingAt(count / 2, i -> readOnly(folder, true));
        WriteResult result;
        try {
            result = plain.write(source, real, format);
        } finally {
            readOnly(folder, false);
        }
        assertThat(result.fallback().orElseThrow().getParent()).isEqualTo(dir.resolve("fallback-folder"));
        // nothing can be removed from a read-only folder: the next write's sweep removes the temp file
        assertEveryRecordHandedOutIsKept(result, format, source, real, old, false);
        assertThat(source.handedOut).hasSize(count);
    }

    @ParameterizedTest(name = "{0}, {1} records")
    @MethodSource("formatsAndSizes")
    void aRealFullDiskLosesNoRecord(Format format, int count) throws Exception {
        Path disk = Files.createDirectory(dir.resolve("small-disk"));
        List<String> namespace = mountNamespace();
        assumeTrue(canMountTmpfs(namespace, disk), "skipped: neither root nor a user namespace can mount a tmpfs here");
        Path fallbackFolder = dir.resolve("fallback-folder");
        // a tmpfs in a mount namespace of the child's own: it vanishes with the child, whatever happens
        List<String> command = new ArrayList<>(namespace);
        command.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=$1 tmpfs \"$0\" && shift && exec \"$@\"",
                disk.toString(), count == SMALL ? "96k" : "1m"));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                SinglePassChild.class.getName(), disk.toString(), format.name(), Integer.toString(count),
                fallbackFolder.toString()));
        Path output = dir.resolve("child.out");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the child ended (hang guard)").isTrue();
        String printed = Files.readString(output);
        assertThat(child.exitValue()).as("the child's exit code; it printed: %s", printed).isZero();
        Map<String, String> told = new LinkedHashMap<>();
        printed.lines().filter(line -> line.matches("[a-zA-Z]+=.*"))
                .forEach(line -> told.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
        assertThat(told).as("what the child printed: %s", printed).containsEntry("ok", "false")
                .containsEntry("untouched", "true").containsEntry("temps", "0")
                .containsEntry("handedOut", Integer.toString(count));
        assertThat(told.get("error")).contains("No space left");
        Path fallback = Path.of(told.get("fallback"));
        assertThat(fallback.getParent()).as("the disk is full: the fallback file is in the fallback folder")
                .isEqualTo(fallbackFolder);
        List<Object> kept = strict.readJsonLines(fallback).data();
        List<Object> handedOut = IntStream.range(0, count).mapToObj(i -> (Object) record(i, count)).toList();
        assertThat(kept).as("the fallback file is intact JSON Lines").isNotNull();
        assertThat(ids(kept)).as("the ids of every record handed out, once, in order").isEqualTo(ids(handedOut));
        assertThat(normalised(format, kept)).as("every record handed out, once, in order")
                .isEqualTo(normalised(format, handedOut));
    }

    /** The command that starts a process in a mount namespace of its own: root needs no user namespace. */
    private static List<String> mountNamespace() {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root ? List.of("unshare", "--mount", "--propagation", "private")
                : List.of("unshare", "--user", "--map-root-user", "--mount");
    }

    private static boolean canMountTmpfs(List<String> namespace, Path folder) {
        List<String> probe = new ArrayList<>(namespace);
        probe.addAll(List.of("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.toString()));
        try {
            return run(probe.toArray(String[]::new));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Makes a folder read-only, or writable again: by {@code chattr +i} for root (whom
     * permissions do not bind), by its permissions for anyone else.
     *
     * @return whether it worked
     */
    private static boolean readOnly(Path folder, boolean readOnly) {
        try {
            if (!"root".equals(System.getProperty("user.name"))) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(readOnly ? "r-x------" : "rwx------"));
                return true;
            }
            return run("chattr", readOnly ? "+i" : "-i", folder.toString());
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}

package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.RepairResult;
import io.hydralogger.fallbacks.Source;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.testing.CrashStates;
import io.hydralogger.fallbacks.testing.Figures;
import io.hydralogger.fallbacks.testing.KillWorker;
import io.hydralogger.fallbacks.testing.Op;
import io.hydralogger.fallbacks.testing.RecordingFileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repair under crashes and faults: after a crash at any point of a repair, and with any one of
 * its operations failing, the file is the damaged original or the repaired version, and the
 * damaged bytes still exist (in the file or in its {@code .corrupt-} copy): evidence is never
 * destroyed. Once the repair has returned, the repaired version and the evidence survive a crash.
 */
class RepairReliabilityTest {
    @TempDir
    Path dir;

    private final FallbackHandler strict = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build();

    /** A JSON Lines file of 10 records whose fifth line is damaged; returns its bytes. */
    private byte[] damaged(Path file) throws IOException {
        assertThat(strict.writeJsonLines(KillWorker.batch(1, 10), file).ok()).isTrue();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        lines.set(4, "{\"seq\":1,\"pa");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return Files.readAllBytes(file);
    }

    private static boolean evidenceKept(Path folder, byte[] damaged) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), damaged)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void checkState(Path folder, byte[] damaged, byte[] repaired, boolean completed, String context)
            throws IOException {
        byte[] now = Files.readAllBytes(folder.resolve("log.jsonl"));
        if (completed) {
            assertThat(now).as("repaired once the repair returned: %s", context).isEqualTo(repaired);
        } else {
            assertThat(Arrays.equals(now, damaged) || Arrays.equals(now, repaired))
                    .as("the damaged original or the repaired version: %s", context).isTrue();
        }
        assertThat(evidenceKept(folder, damaged)).as("the damaged bytes are kept: %s", context).isTrue();
    }

    @Test
    void aRepairInterruptedByACrashAtAnyPointNeverDestroysTheEvidence() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        Path realTarget = work.resolve("log.jsonl");
        byte[] damaged = damaged(realTarget);
        CrashStates states = CrashStates.startingFrom(work);
        RecordingFileSystem fs = new RecordingFileSystem();

        RepairResult result = FallbackHandler.builder().build().repair(fs.wrap(realTarget), Format.JSON_LINES);

        assertThat(result.repaired()).isTrue();
        byte[] repaired = Files.readAllBytes(realTarget);
        assertThat(strict.readJsonLines(realTarget).data()).hasSize(9);
        Path scratch = Files.createDirectory(dir.resolve("states"));
        int checked = states.explore(fs.ops(), scratch,
                (state, completed, description) -> checkState(state, damaged, repaired, completed, description));
        Figures.record("crash.states.repair", checked);
        assertThat(checked).isGreaterThan(3);
    }

    @Test
    void everyOperationOfARepairFailsInTurn() throws IOException {
        int operations = repairWithFault(0);
        int faults = 0;
        for (int k = 1; k <= operations; k++) {
            repairWithFault(k);
            faults++;
        }
        Figures.record("faults.injected.repair", faults);
    }

    private int repairWithFault(int k) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("k" + k));
        Path realTarget = folder.resolve("log.jsonl");
        byte[] damaged = damaged(realTarget);
        RecordingFileSystem fs = new RecordingFileSystem();
        FallbackHandler handler = FallbackHandler.builder().fallbackFolder(fs.wrap(dir.resolve("fallback-folder")))
                .build();
        if (k > 0) {
            fs.failAt(op -> true, k);
        }
        RepairResult result = handler.repair(fs.wrap(realTarget), Format.JSON_LINES);
        fs.noFaults();
        Op injected = fs.lastInjected();
        String context = "fault at " + injected + " in " + fs.ops();

        byte[] now = Files.readAllBytes(realTarget);
        if (result.repaired()) {
            assertThat(strict.readJsonLines(realTarget).source()).as(context).isEqualTo(Source.PRIMARY);
        } else {
            assertThat(result.ok() && !Arrays.equals(now, damaged)).as("not repaired, not claimed: %s", context)
                    .isFalse();
        }
        assertThat(evidenceKept(folder, damaged)).as("the damaged bytes are kept: %s", context).isTrue();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no temp file: %s", context)
                    .noneMatch(name -> name.endsWith(".tmp"));
        }
        assertThat(fs.openHandles()).as("open handles: %s", context).isEmpty();
        return fs.ops().size();
    }
}

package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.Format;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.Source;
import io.hydralogger.fallbacks.testing.Figures;
import io.hydralogger.fallbacks.testing.KillWorker;
import io.hydralogger.fallbacks.write.BackupManager;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with real processes: child JVMs ({@link KillWorker}) write large files in a loop
 * and are killed with SIGKILL at random moments. After every kill the target (and its backup) is
 * a whole version, old or new, never a torn one; the next write removes the temp file a killed
 * writer left behind.
 *
 * <p>CI runs {@value #DEFAULT_KILLS} kills of one writer plus {@value #DEFAULT_PAIR_KILLS} of two
 * writers racing on one file; {@code -Dkills=N -DpairKills=M} (or {@code mvn verify -Pkills})
 * runs more.
 */
class KillTest {
    private static final int DEFAULT_KILLS = 100;
    private static final int DEFAULT_PAIR_KILLS = 20;
    private static final int RECORDS = 5_000;
    /** Versions a worker may write before the next worker's first version: far more than it can. */
    private static final long VERSIONS_PER_WORKER = 1_000_000;
    private static final List<Format> FORMATS = List.of(Format.JSON, Format.JSON_LINES, Format.CSV);

    @TempDir
    Path dir;

    private final FallbackHandler strict = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build();
    private final Random random = new Random(Long.getLong("kill.seed", System.nanoTime()));

    private static Path target(Path dir, Format format) {
        return dir.resolve(switch (format) {
            case JSON -> "data.json";
            case JSON_LINES -> "data.jsonl";
            case CSV -> "data.csv";
        });
    }

    private static Process start(Path target, Format format, long firstVersion) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), KillWorker.class.getName(),
                "write", target.toString(), format.name(), Integer.toString(RECORDS), Long.toString(firstVersion));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    /** Waits for the worker's "ready" line. */
    private static void awaitReady(Process process) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).as("the worker's first line").isEqualTo("ready");
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor()).as("killed by SIGKILL (exit 128 + 9)").isEqualTo(137);
    }

    /** Reads a file strictly and returns the one version all its records have, failing on a torn file. */
    private long wholeVersion(Path file, Format format) {
        List<?> records = switch (format) {
            case JSON -> (List<?>) read(strict.readJson(file), file);
            case JSON_LINES -> read(strict.readJsonLines(file), file);
            case CSV -> read(strict.readCsv(file), file);
        };
        assertThat(records).as("%s holds a whole version", file).hasSize(RECORDS);
        long version = versionOf(records.get(0));
        for (int i = 0; i < records.size(); i++) {
            Object record = records.get(i);
            assertThat(versionOf(record)).as("record %d of %s", i, file).isEqualTo(version);
            assertThat(Long.parseLong(String.valueOf(((Map<?, ?>) record).get("i")))).isEqualTo(i);
        }
        return version;
    }

    private static <T> T read(ReadResult<T> result, Path file) {
        assertThat(result.source()).as("%s reads intact: %s", file, result.error()).isEqualTo(Source.PRIMARY);
        return result.data();
    }

    private static long versionOf(Object record) {
        return Long.parseLong(String.valueOf(((Map<?, ?>) record).get("v")));
    }

    private static List<Path> tempFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void aWriterKilledAtRandomMomentsLeavesAWholeVersionEveryTime() throws Exception {
        int kills = Integer.getInteger("kills", DEFAULT_KILLS);
        Map<Format, Long> lastSeen = new HashMap<>();
        int tempFilesSwept = 0;
        int midWrite = 0;
        for (int kill = 0; kill < kills; kill++) {
            Format format = FORMATS.get(kill % FORMATS.size());
            Path target = target(dir, format);
            long version = (kill + 1) * VERSIONS_PER_WORKER;
            Process process = start(target, format, version);
            awaitReady(process);
            Thread.sleep(random.nextInt(120));
            kill(process);

            if (Files.exists(target)) {
                long seen = wholeVersion(target, format);
                assertThat(seen).as("never older than a version seen before").isGreaterThanOrEqualTo(
                        lastSeen.getOrDefault(format, 0L));
                lastSeen.put(format, seen);
                Path backup = BackupManager.backupPath(target, 0);
                if (Files.exists(backup)) {
                    assertThat(wholeVersion(backup, format)).isLessThanOrEqualTo(seen);
                }
            } else {
                assertThat(lastSeen).as("the target exists once a version was seen").doesNotContainKey(format);
            }
            List<Path> temps = tempFiles(dir);
            if (!temps.isEmpty()) {
                midWrite++;
                long next = version + VERSIONS_PER_WORKER - 1;
                assertThat(strict.write(KillWorker.version(next, RECORDS), target, format).ok()).isTrue();
                assertThat(tempFiles(dir)).as("the next write removes the temp files of a killed writer")
                        .doesNotContainAnyElementsOf(temps);
                tempFilesSwept += temps.size();
                lastSeen.put(format, next);
            }
        }
        assertThat(midWrite).as("some kills hit a write in progress").isPositive();
        Figures.record("kills.single", kills);
        Figures.record("kills.single.midWrite", midWrite);
        Figures.record("kills.single.tempFilesSwept", tempFilesSwept);
    }

    @Test
    void twoWritersRacingOnOneFileKilledAtRandomMomentsLeaveAWholeVersion() throws Exception {
        int kills = Integer.getInteger("pairKills", DEFAULT_PAIR_KILLS);
        Path target = target(dir, Format.JSON_LINES);
        long lastSeen = 0;
        for (int kill = 0; kill < kills; kill++) {
            Process first = start(target, Format.JSON_LINES, (2 * kill + 1) * VERSIONS_PER_WORKER);
            Process second = start(target, Format.JSON_LINES, (2 * kill + 2) * VERSIONS_PER_WORKER);
            awaitReady(first);
            awaitReady(second);
            Thread.sleep(random.nextInt(150));
            kill(first);
            Thread.sleep(random.nextInt(30));
            kill(second);
            if (Files.exists(target)) {
                wholeVersion(target, Format.JSON_LINES);
                lastSeen++;
            }
        }
        assertThat(lastSeen).as("some pairs completed a write").isPositive();
        Figures.record("kills.pair", kills);
    }
}

package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.Source;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.fs.FileNames;
import io.hydralogger.fallbacks.testing.Figures;
import io.hydralogger.fallbacks.testing.KillWorker;
import io.hydralogger.fallbacks.write.BackupManager;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash safety with real processes: child JVMs ({@link KillWorker}) write, append to or update a
 * file in a loop and are killed with SIGKILL at random moments. After every kill: the target of
 * a whole-file write (and its backup) is a whole version, old or new, never a torn one, and the
 * next write removes the temp file the killed writer left behind; no acknowledged append or
 * update is lost; no two records share a line; the next append repairs a torn last line.
 *
 * <p>The kills per build ({@value #DEFAULT_WRITE_KILLS} during writes, {@value #DEFAULT_APPEND_KILLS}
 * during appends, {@value #DEFAULT_UPDATE_KILLS} during updates, {@value #DEFAULT_PAIR_ROUNDS}
 * rounds of two racing writers) can be raised with {@code -DwriteKills=N -DappendKills=N
 * -DupdateKills=N -DpairRounds=N}; {@code mvn verify -pl library -Pkills} runs over a thousand.
 */
class KillTest {
    private static final int DEFAULT_WRITE_KILLS = 60;
    private static final int DEFAULT_APPEND_KILLS = 20;
    private static final int DEFAULT_UPDATE_KILLS = 12;
    private static final int DEFAULT_PAIR_ROUNDS = 8;
    private static final int RECORDS = 5_000;
    private static final int APPEND_BATCH = 20;
    private static final List<Format> FORMATS = List.of(Format.JSON, Format.JSON_LINES, Format.CSV);
    /** Numbers a worker may use before the next worker's first: far more than it can reach. */
    private static final long PER_WORKER = 1_000_000;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final FallbackHandler strict = FallbackHandler.builder().recoveryPolicy(RecoveryPolicy.STRICT).build();
    private final Random random = new Random(Long.getLong("kill.seed", System.nanoTime()));
    private int workers;
    private final List<Process> started = new java.util.ArrayList<>();

    /** Kills any worker a failed assertion left running, so that no child JVM outlives the test. */
    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    private static Path target(Path dir, Format format) {
        return dir.resolve(switch (format) {
            case JSON -> "data.json";
            case JSON_LINES -> "data.jsonl";
            case CSV -> "data.csv";
            case TSV -> "data.tsv";
        });
    }

    /** A running worker and the file its output goes to. */
    private record Worker(Process process, Path output) {
        List<String> lines() throws IOException {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        }

        /** Waits until the worker printed "ready" (it has started and is about to work). */
        void awaitReady() throws IOException, InterruptedException {
            while (!Files.readString(output, StandardCharsets.UTF_8).startsWith("ready\n")) {
                assertThat(process.isAlive()).as("the worker died before it was ready").isTrue();
                Thread.sleep(5);
            }
        }

        /** Waits until the worker acknowledged an operation. */
        void awaitAcked() throws IOException, InterruptedException {
            while (acked().isEmpty()) {
                assertThat(process.isAlive()).as("the worker died before it acknowledged anything").isTrue();
                Thread.sleep(5);
            }
        }

        /** Kills the worker with SIGKILL and checks that nothing else ended it. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor()).as("killed by SIGKILL (exit 128 + 9)").isEqualTo(137);
        }

        /** The numbers of the operations the worker acknowledged. */
        Set<Long> acked() throws IOException {
            Set<Long> acked = new HashSet<>();
            for (String line : lines()) {
                if (line.startsWith("acked ")) {
                    acked.add(Long.parseLong(line.substring("acked ".length())));
                }
            }
            return acked;
        }
    }

    private Worker start(String mode, Path target, Format format, int records, long first) throws IOException {
        Path output = dir.resolve("worker-" + workers++ + ".out");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx128m",
                "-cp", System.getProperty("java.class.path"), KillWorker.class.getName(),
                mode, target.toString(), format.name(), Integer.toString(records), Long.toString(first));
        Process process = new ProcessBuilder(command).redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        started.add(process);
        return new Worker(process, output);
    }

    /** Reads a file strictly and returns the one version all its records have, failing on a torn file. */
    private long wholeVersion(Path file, Format format) {
        List<?> records = switch (format) {
            case JSON -> (List<?>) read(strict.readJson(file), file);
            case JSON_LINES -> read(strict.readJsonLines(file), file);
            case CSV -> read(strict.readCsv(file), file);
            case TSV -> read(strict.readTsv(file), file);
        };
        assertThat(records).as("%s holds a whole version", file).hasSize(RECORDS);
        long version = number(records.get(0), "v");
        for (int i = 0; i < records.size(); i++) {
            assertThat(number(records.get(i), "v")).as("record %d of %s", i, file).isEqualTo(version);
            assertThat(number(records.get(i), "i")).isEqualTo(i);
        }
        return version;
    }

    private static <T> T read(ReadResult<T> result, Path file) {
        assertThat(result.source()).as("%s reads intact: %s", file, result.error()).isEqualTo(Source.PRIMARY);
        return result.data();
    }

    private static long number(Object record, String key) {
        return Long.parseLong(String.valueOf(((Map<?, ?>) record).get(key)));
    }

    private static List<Path> tempFiles(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void aWriterKilledAtRandomMomentsLeavesAWholeVersionEveryTime() throws Exception {
        int kills = Integer.getInteger("writeKills", DEFAULT_WRITE_KILLS);
        Map<Format, Long> lastSeen = new HashMap<>();
        int tempFilesSwept = 0;
        int midWrite = 0;
        for (int kill = 0; kill < kills; kill++) {
            Format format = FORMATS.get(kill % FORMATS.size());
            Path target = target(dir, format);
            long version = (kill + 1) * PER_WORKER;
            Worker worker = start("write", target, format, RECORDS, version);
            worker.awaitReady();
            Thread.sleep(random.nextInt(120));
            worker.kill();

            if (Files.exists(target)) {
                long seen = wholeVersion(target, format);
                assertThat(seen).as("never older than a version seen before").isGreaterThanOrEqualTo(
                        lastSeen.getOrDefault(format, 0L));
                lastSeen.put(format, seen);
                Path backup = FileNames.backup(target, 0);
                if (Files.exists(backup)) {
                    assertThat(wholeVersion(backup, format)).isLessThanOrEqualTo(seen);
                }
            } else {
                assertThat(lastSeen).as("the target exists once a version was seen").doesNotContainKey(format);
            }
            List<Path> temps = tempFiles(dir);
            if (!temps.isEmpty()) {
                midWrite++;
                long next = version + PER_WORKER - 1;
                assertThat(strict.write(KillWorker.version(next, RECORDS), target, format).ok()).isTrue();
                assertThat(tempFiles(dir)).as("the next write removes the temp files of a killed writer")
                        .doesNotContainAnyElementsOf(temps);
                tempFilesSwept += temps.size();
                lastSeen.put(format, next);
            }
        }
        assertThat(midWrite).as("some kills hit a write in progress").isPositive();
        Figures.record("kills.write", kills);
        Figures.record("kills.write.midWrite", midWrite);
        Figures.record("kills.write.tempFilesSwept", tempFilesSwept);
    }

    @Test
    void anAppenderKilledAtRandomMomentsLosesNoAcknowledgedAppendAndNeverGluesLines() throws Exception {
        int kills = Integer.getInteger("appendKills", DEFAULT_APPEND_KILLS);
        Path target = dir.resolve("log.jsonl");
        Set<Long> acked = new HashSet<>();
        int tornTails = 0;
        for (int kill = 0; kill < kills; kill++) {
            Worker worker = start("append", target, Format.JSON_LINES, APPEND_BATCH, (kill + 1) * PER_WORKER);
            worker.awaitReady();
            Thread.sleep(random.nextInt(150));
            if (kill == kills - 1 && acked.isEmpty()) {
                // under heavy load no worker may have got to acknowledge an append in its random
                // moment: the last one is killed only after its first, so the check below has some
                worker.awaitAcked();
            }
            worker.kill();
            acked.addAll(worker.acked());

            if (!Files.exists(target)) {
                assertThat(acked).isEmpty();
                continue;
            }
            byte[] content = Files.readAllBytes(target);
            if (content.length > 0 && content[content.length - 1] != '\n') {
                tornTails++;
            }
            Map<Long, Integer> parts = wholeLines(content);
            for (long sequence : acked) {
                assertThat(parts.get(sequence)).as("acknowledged append %d is whole in the file", sequence)
                        .isEqualTo(APPEND_BATCH);
            }
        }
        assertThat(strict.appendJsonLines(KillWorker.batch(0, 1), target).ok()).isTrue();
        ReadResult<List<Object>> whole = strict.readJsonLines(target);
        assertThat(whole.source()).as("after the next append every line is whole: %s", whole.error())
                .isEqualTo(Source.PRIMARY);
        assertThat(acked).as("some appends were acknowledged").isNotEmpty();
        Figures.record("kills.append", kills);
        Figures.record("kills.append.acknowledged", acked.size());
        Figures.record("kills.append.tornTails", tornTails);
    }

    /**
     * Parses every newline-terminated line as one record (two records on one line fail here);
     * only the last line may lack its newline. Returns how many parts of each append are present.
     */
    private static Map<Long, Integer> wholeLines(byte[] content) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        Map<Long, Integer> parts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            Map<?, ?> record = MAPPER.readValue(line, Map.class);
            assertThat(seen.add(record.get("seq") + "/" + record.get("part"))).as("duplicate line %s", line).isTrue();
            parts.merge(number(record, "seq"), 1, Integer::sum);
        }
        return parts;
    }

    @Test
    void anUpdaterKilledAtRandomMomentsLosesNoAcknowledgedUpdate() throws Exception {
        int kills = Integer.getInteger("updateKills", DEFAULT_UPDATE_KILLS);
        Path target = dir.resolve("counter.json");
        long acknowledged = 0;
        for (int kill = 0; kill < kills; kill++) {
            Worker worker = start("update", target, Format.JSON, 0, (kill + 1) * PER_WORKER);
            worker.awaitReady();
            // the first update loads the read path's classes: give most workers time for a few
            Thread.sleep(100 + random.nextInt(600));
            worker.kill();
            acknowledged += worker.acked().size();

            if (Files.exists(target)) {
                Object data = read(strict.readJson(target), target);
                long count = number(data, "count");
                assertThat(count).as("no acknowledged update lost").isGreaterThanOrEqualTo(acknowledged);
                assertThat(count).as("at most the one unacknowledged update in flight").isLessThanOrEqualTo(
                        acknowledged + 1);
                acknowledged = count;
            } else {
                assertThat(acknowledged).isZero();
            }
        }
        assertThat(acknowledged).as("some updates were acknowledged").isPositive();
        Figures.record("kills.update", kills);
        Figures.record("kills.update.counter", acknowledged);
    }

    @Test
    void twoWritersRacingOnOneFileKilledAtRandomMomentsLeaveAWholeVersion() throws Exception {
        int rounds = Integer.getInteger("pairRounds", DEFAULT_PAIR_ROUNDS);
        Path target = target(dir, Format.JSON_LINES);
        int whole = 0;
        for (int round = 0; round < rounds; round++) {
            Worker first = start("write", target, Format.JSON_LINES, RECORDS, (2 * round + 1) * PER_WORKER);
            Worker second = start("write", target, Format.JSON_LINES, RECORDS, (2 * round + 2) * PER_WORKER);
            first.awaitReady();
            second.awaitReady();
            Thread.sleep(random.nextInt(150));
            first.kill();
            Thread.sleep(random.nextInt(30));
            second.kill();
            if (Files.exists(target)) {
                wholeVersion(target, Format.JSON_LINES);
                whole++;
            }
        }
        assertThat(whole).as("some pairs completed a write").isPositive();
        Figures.record("kills.pair", 2L * rounds);
    }
}

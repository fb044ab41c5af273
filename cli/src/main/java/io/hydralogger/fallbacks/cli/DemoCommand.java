package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.Fallbacks;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.RepairResult;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.sanitize.DataSanitizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code demo}: every feature on real files in a fresh folder, explained as it goes. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show every feature on real files in a fresh folder.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "D",
            description = "Folder to work in (created; default: a new temp folder).")
    Path dir;

    private PrintWriter out;
    private int section;

    /** An application record, to show that records are written by their components. */
    record User(int id, String name, String email, double score, boolean active, List<String> tags) {
    }

    /** An enum, written by name. */
    enum Plan { FREE, PRO }

    @Override
    public Integer call() throws IOException {
        out = Output.of(spec).out();
        Path folder = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("hydra-demo-");
        out.println("hydra-fallbacks demo, working in " + folder.toAbsolutePath());

        sanitising();
        atomicWritesWithBackups(folder);
        threeFormats(folder);
        damageDetectionAndSalvage(folder);
        writeFallback(folder);
        batches(folder);
        concurrentWriters(folder);
        asyncCalls(folder);
        statistics();
        out.println();
        out.println("Done. Every file above is in " + folder.toAbsolutePath());
        out.flush();
        return Main.OK;
    }

    /** Prints a section heading, numbered in the order the sections run. */
    private void heading(String title) {
        out.println();
        out.println("== " + (++section) + ". " + title);
    }

    private void sanitising() {
        heading("Sanitising: any Java value can be written");
        Map<String, Object> awkward = new LinkedHashMap<>();
        awkward.put("date", LocalDate.of(2026, 11, 26));
        awkward.put("instant", Instant.parse("2026-11-26T12:00:00Z"));
        awkward.put("id", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        awkward.put("bytes", "hydra".getBytes(StandardCharsets.UTF_8));
        awkward.put("not_a_number", Double.NaN);
        awkward.put("infinity", Double.POSITIVE_INFINITY);
        awkward.put("set", new LinkedHashSet<>(List.of("x", "y")));
        awkward.put("optional", Optional.of(new BigDecimal("12.50")));
        awkward.put("plan", Plan.PRO);
        awkward.put("record", new User(1, "Ada", "ada@example.com", 9.5, true, List.of("admin")));
        awkward.put("error", new IllegalStateException("disk on fire", new IOException("EIO")));
        awkward.put("bad_to_string", new Object() {
            @Override
            public String toString() {
                throw new UnsupportedOperationException("no text for you");
            }
        });
        awkward.put("self", awkward);
        out.println("A map holding a LocalDate, an Instant, a UUID, bytes, NaN, infinity, a Set, an Optional,");
        out.println("an enum, a record, an exception, an object whose toString() throws, and itself, becomes:");
        // made here, not in a static field: every command's class is loaded, and a mapper takes time
        JsonMapper json = JsonMapper.builder().build();
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(DataSanitizer.sanitizeForJson(awkward)));
    }

    private void atomicWritesWithBackups(Path folder) throws IOException {
        heading("Atomic, durable writes with a backup");
        Path users = folder.resolve("users.json");
        Fallbacks.safeWriteJson(users(3), users, 2);
        out.println("Wrote 3 users to " + users.getFileName() + " (temp file, fsync, atomic rename, folder fsync).");
        WriteResult second = Fallbacks.handler().writeJson(users(5), users, 2);
        out.printf("Wrote 5 users over it: ok=%s, %d records, %d bytes, backup kept: %s%n", second.ok(),
                second.records(), second.bytes(), second.backup().map(p -> p.getFileName().toString()).orElse("none"));
        Object backup = Fallbacks.safeReadJson(users.resolveSibling("users.json.bak"));
        out.printf("The backup is the previous version, a hard link, not a copy: %d users.%n", ((List<?>) backup).size());
        try (var leftovers = Files.list(folder)) {
            out.println("Temp files left behind: " + leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .count());
        }
    }

    private void threeFormats(Path folder) throws IOException {
        heading("JSON, JSON Lines and CSV");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(Map.of("seq", i, "event", "login", "meta", Map.of("ip", "10.0.0." + i)));
        }
        Path jsonl = folder.resolve("events.jsonl");
        Fallbacks.safeWriteJsonLines(events, jsonl);
        out.println(jsonl.getFileName() + ": one JSON value per line, " + Files.readAllLines(jsonl).size() + " lines.");
        Path csv = folder.resolve("users.csv");
        List<Object> rows = new ArrayList<>(users(2));
        rows.add(Map.of("id", 99, "name", "Late", "referrer", Map.of("campaign", "winter")));
        Fallbacks.safeWriteCsv(rows, csv);
        out.println(csv.getFileName() + ": nested maps become dotted columns, lists JSON text, and the header is");
        out.println("the union of every record's keys (the last record brought 'referrer.campaign'):");
        Files.readAllLines(csv).forEach(line -> out.println("  " + line));
        out.println("Read back: " + Fallbacks.safeReadCsv(csv).get(2));
    }

    private void damageDetectionAndSalvage(Path folder) throws IOException {
        heading("A file damaged on purpose: detection, salvage, backup, repair");
        Path file = folder.resolve("damaged.json");
        FallbackHandler handler = Fallbacks.handler();
        handler.writeJson(users(10), file);
        handler.writeJson(users(100), file);
        byte[] bytes = Files.readAllBytes(file);
        int middle = bytes.length / 2;
        java.util.Arrays.fill(bytes, middle, middle + 16, (byte) 0);
        Files.write(file, bytes);
        out.printf("Zeroed 16 bytes in the middle of %s (100 records), as a crash can.%n", file.getFileName());
        CorruptionReport report = CorruptionDetector.inspect(file, Format.JSON);
        out.println("detectCorruption: " + CorruptionDetector.detectCorruption(file, "json"));
        report.problems().forEach(p -> out.printf("  %s at byte %d, line %d: %s%n", p.kind().label(), p.offset(),
                p.line(), p.message()));
        ReadResult<Object> salvaged = handler.readJson(file);
        out.printf("Read (policy %s): source=%s, %d records, %d damaged stretch skipped%n",
                handler.recoveryPolicy(), salvaged.source().label(), ((List<?>) salvaged.data()).size(),
                salvaged.recordsSkipped());
        Files.write(file, new byte[bytes.length]);
        ReadResult<Object> fromBackup = handler.readJson(file);
        out.printf("Zeroed the whole file: source=%s (%s), %d records%n", fromBackup.source().label(),
                fromBackup.sourcePath().map(p -> p.getFileName().toString()).orElse("-"),
                ((List<?>) fromBackup.data()).size());
        Files.write(file, bytes);
        RepairResult repair = handler.repair(file, Format.JSON);
        out.printf("repair: kept %d records in %s; the damaged original is %s%n", repair.recordsKept(),
                file.getFileName(), repair.damagedCopy().map(p -> p.getFileName().toString()).orElse("-"));
        out.println("detectCorruption after the repair: " + CorruptionDetector.detectCorruption(file, Format.JSON));
    }

    private void writeFallback(Path folder) throws IOException {
        heading("A write that cannot land falls back to a JSON Lines file");
        Path notAFile = Files.createDirectories(folder.resolve("reports.json"));
        WriteResult result = Fallbacks.handler().writeJson(users(2), notAFile);
        out.println("Writing to " + notAFile.getFileName() + ", which is a folder: ok=" + result.ok());
        out.println("  error:    " + result.error().map(Throwable::getMessage).orElse("-"));
        out.println("  fallback: " + result.fallback().map(Path::toString).orElse("none") + " ("
                + result.fallback().map(this::lineCount).orElse(0L) + " records kept)");
        out.println("The library also logs it through SLF4J, as a WARN line that starts 'Failed to write'"
                + " (--verbose shows the library's lines).");
    }

    private void batches(Path folder) {
        heading("Batches: many records in one atomic write, streamed");
        Path events = folder.resolve("batch.jsonl");
        int count = 10_000;
        WriteResult result = Fallbacks.handler().write(
                IntStream.range(0, count).mapToObj(i -> Map.of("seq", i, "event", i % 7 == 0 ? "error" : "ok")), events,
                Format.JSON_LINES);
        out.printf("%,d records from a Stream (never held in memory) in one write: ok=%s, %,d bytes, %d ms%n",
                result.records(), result.ok(), result.bytes(), result.elapsed().toMillis());
    }

    private void concurrentWriters(Path folder) throws IOException {
        heading("Concurrent writers: threads replacing, appending to and updating files at once");
        Path shared = folder.resolve("shared.json");
        Path log = folder.resolve("log.jsonl");
        Path counter = folder.resolve("counter.json");
        int threads = 8;
        int rounds = 10;
        long waitsBefore = Fallbacks.stats().lockWaits();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Map<String, Object>> version = users(100 + t);
                String name = "thread-" + t;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int r = 0; r < rounds; r++) {
                        Fallbacks.safeWriteJson(version, shared);
                        Fallbacks.safeAppendJsonLines(List.of(Map.of("thread", name, "round", r),
                                Map.of("thread", name, "round", r, "second", true)), log);
                        Fallbacks.safeUpdateJson(counter, n -> n == null ? 1 : ((Number) n).intValue() + 1);
                    }
                }, pool));
            }
            writers.forEach(CompletableFuture::join);
        } finally {
            pool.shutdown();
        }
        List<?> last = (List<?>) Fallbacks.safeReadJson(shared);
        out.printf("%d threads wrote %d versions of %s (100 to %d records each); writers waited for the lock %d"
                + " times.%n", threads, threads * rounds, shared.getFileName(), 99 + threads,
                Fallbacks.stats().lockWaits() - waitsBefore);
        out.printf("The file is one writer's complete version, never a mix: %d records, ids 0..%d in order: %s%n",
                last.size(), last.size() - 1, sequential(last));
        out.printf("Meanwhile they appended 2 lines per call to %s: %d lines of %d, none torn or lost;%n",
                log.getFileName(), Fallbacks.safeReadJsonLines(log).size(), 2 * threads * rounds);
        out.printf("and incremented %s by read-modify-write under its lock: %s of %d.%n", counter.getFileName(),
                Fallbacks.safeReadJson(counter), threads * rounds);
        try (var leftovers = Files.list(folder)) {
            out.println("Temp files left behind: " + leftovers.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .count());
        }
    }

    private static boolean sequential(List<?> records) {
        for (int i = 0; i < records.size(); i++) {
            if (!(records.get(i) instanceof Map<?, ?> record) || !Integer.valueOf(i).equals(record.get("id"))) {
                return false;
            }
        }
        return true;
    }

    private void asyncCalls(Path folder) {
        heading("Async calls (on a dedicated pool, not the common pool)");
        CompletableFuture<Boolean> a = Fallbacks.asyncSafeWriteJson(users(10), folder.resolve("async-a.json"));
        CompletableFuture<Boolean> b = Fallbacks.asyncSafeWriteCsv(users(10), folder.resolve("async-b.csv"));
        out.println("Two writes ran concurrently: " + a.join() + ", " + b.join());
        Object read = Fallbacks.asyncSafeReadJson(folder.resolve("async-a.json")).join();
        out.println("Async read back " + ((List<?>) read).size() + " records.");
    }

    private void statistics() {
        heading("Performance statistics");
        // one column of names, one of values: whole numbers as they are, the rest (milliseconds)
        // rounded to two decimals, aligned on the right
        Map<String, String> shown = new LinkedHashMap<>();
        Fallbacks.getPerformanceStats().forEach((key, value) -> shown.put(key,
                value instanceof Double || value instanceof Float
                        ? String.format(Locale.ROOT, "%.2f", ((Number) value).doubleValue()) : String.valueOf(value)));
        int keys = shown.keySet().stream().mapToInt(String::length).max().orElse(0);
        int values = shown.values().stream().mapToInt(String::length).max().orElse(0);
        shown.forEach((key, value) -> out.printf("  %-" + keys + "s  %" + values + "s%n", key, value));
        out.println("Live locks now: " + Fallbacks.handler().stats().liveLocks() + " (locks go when nobody holds them).");
    }

    private long lineCount(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            return 0;
        }
    }

    static List<Map<String, Object>> users(int count) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", i);
            user.put("name", "user" + i);
            user.put("email", "user" + i + "@example.com");
            user.put("score", i * 1.5);
            user.put("active", i % 2 == 0);
            user.put("tags", List.of("a", "b"));
            user.put("meta", Map.of("k", i));
            users.add(user);
        }
        return users;
    }
}

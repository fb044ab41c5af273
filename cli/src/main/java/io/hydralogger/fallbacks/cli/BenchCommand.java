package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.sanitize.DataSanitizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: the original module's performance test. Write and read throughput per format,
 * the sanitiser cache (the same records sanitised with the cache emptied before each record,
 * then with it warm), and concurrent writers. Writes are durable (fsync), as by default.
 * One run on a shared machine is a rough figure: compare rows of the same run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure write and read speed, the cache and concurrent writers.",
            "The original performance test, on real files in a temp folder (removed afterwards): durable"
                + " writes and reads of each format, the sanitiser with its per-class cache cold and warm, and"
                + " threads writing files of their own, one shared file, and appending to one log.",
            "With --json, the figures as one JSON object."})
final class BenchCommand implements Callable<Integer> {
    /** The formats measured: TSV is CSV's code with another delimiter, so it is not measured apart. */
    private static final List<Format> BENCHED = List.of(Format.JSON, Format.JSON_LINES, Format.CSV);

    /** Records per write or append call in the concurrent part. */
    static final int BATCH = 1_000;
    /** At most this many records go through the sanitiser with a cold cache (each is slow). */
    static final int CACHE_SAMPLE = 2_000;
    /** Records of the untimed warm-up round, so that the figures are not the JIT compiler's. */
    static final int WARM_UP = 20_000;

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--records", paramLabel = "N", defaultValue = "100000",
            description = "Records per test (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "4",
            description = "Writer threads in the concurrent test (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    JsonOption json = new JsonOption();

    /** A record type for the sanitiser: taken apart by reflection, once per class when cached. */
    record User(int id, String name, String email, double score, boolean active, List<String> tags, Meta meta) {
    }

    /** A nested record. */
    record Meta(int k, String source) {
    }

    @Override
    public Integer call() throws IOException, InterruptedException, ExecutionException {
        if (records < 1 || threads < 1) {
            throw new CliException(Main.ERROR, "--records and --threads must be at least 1");
        }
        List<Map<String, Object>> data = DemoCommand.users(records);
        int sample = Math.min(records, CACHE_SAMPLE);
        FallbackHandler handler = FallbackHandler.builder().build();
        Path dir = Files.createTempDirectory("hydra-bench-");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("records", records);
        figures.put("threads", threads);
        figures.put("durability", "sync");
        try (Progress progress = Progress.records("bench", 9L * records + 2L * sample, main.quiet())) {
            List<Map<String, Object>> warmUp = data.subList(0, Math.min(records, WARM_UP));
            for (Format format : BENCHED) {
                throughput(handler, warmUp, dir.resolve("warm-up." + extension(format)), format);
            }
            Map<String, Object> formats = new LinkedHashMap<>();
            for (Format format : BENCHED) {
                formats.put(format.label(), throughput(handler, data, dir.resolve("bench." + extension(format)),
                        format));
                progress.stepBy(2L * records);
            }
            figures.put("formats", formats);
            figures.put("sanitizer_cache", cache(sample));
            progress.stepBy(2L * sample);
            figures.put("concurrent", concurrent(handler, data, dir, progress));
        } finally {
            delete(dir);
        }
        Output output = Output.of(spec);
        PrintWriter out = output.out();
        if (json.json) {
            output.json(out, figures);
        } else {
            printTable(out, figures);
        }
        out.flush();
        return Main.OK;
    }

    private static Map<String, Object> throughput(FallbackHandler handler, List<Map<String, Object>> data, Path file,
            Format format) {
        long start = System.nanoTime();
        WriteResult written = handler.write(data, file, format);
        long writeNanos = System.nanoTime() - start;
        if (!written.ok()) {
            throw OutputFile.failed(file, written);
        }
        start = System.nanoTime();
        ReadResult<?> read = switch (format) {
            case JSON -> handler.readJson(file);
            case JSON_LINES -> handler.readJsonLines(file);
            case CSV -> handler.readCsv(file);
            case TSV -> handler.readTsv(file);
        };
        long readNanos = System.nanoTime() - start;
        if (!read.ok()) {
            throw new CliException(Main.ERROR, "could not read " + file + " back");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("write_records_per_second", perSecond(data.size(), writeNanos));
        row.put("read_records_per_second", perSecond(data.size(), readNanos));
        row.put("bytes", written.bytes());
        return row;
    }

    /**
     * The same records through the sanitiser twice: first with the per-class cache emptied before
     * each record (every record pays for taking its classes apart), then with the cache warm.
     */
    private static Map<String, Object> cache(int sample) {
        List<User> users = new ArrayList<>(sample);
        for (int i = 0; i < sample; i++) {
            users.add(new User(i, "user" + i, "user" + i + "@example.com", i * 1.5, i % 2 == 0, List.of("a", "b"),
                    new Meta(i, "bench")));
        }
        DataSanitizer sanitizer = DataSanitizer.create();
        for (int i = 0; i < Math.min(sample, 1_000); i++) { // let the JIT compile both paths first
            sanitizer.clearCache();
            sanitizer.toJson(users.get(i));
        }
        long start = System.nanoTime();
        for (User user : users) {
            sanitizer.clearCache();
            sanitizer.toJson(user);
        }
        long cold = System.nanoTime() - start;
        start = System.nanoTime();
        for (User user : users) {
            sanitizer.toJson(user);
        }
        long warm = System.nanoTime() - start;
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("records", sample);
        row.put("cold_micros_per_record", round(cold / 1000.0 / sample));
        row.put("warm_micros_per_record", round(warm / 1000.0 / sample));
        row.put("speedup", round((double) cold / Math.max(1, warm)));
        return row;
    }

    /**
     * Writer threads sharing the records in calls of {@value #BATCH} records: whole-file writes
     * to files of their own, whole-file writes all to one file (the per-path lock serialises
     * them), and appends all to one log file (each call's lines forced to disk).
     */
    private Map<String, Object> concurrent(FallbackHandler handler, List<Map<String, Object>> data, Path dir,
            Progress progress) throws InterruptedException, ExecutionException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("threads", threads);
        row.put("records_per_call", Math.min(BATCH, data.size()));
        row.put("own_files_records_per_second",
                writers(data, (t, batch) -> handler.writeJsonLines(batch, dir.resolve("own-" + t + ".jsonl"))));
        progress.stepBy(records);
        row.put("one_file_records_per_second",
                writers(data, (t, batch) -> handler.writeJsonLines(batch, dir.resolve("shared.jsonl"))));
        progress.stepBy(records);
        row.put("appends_one_file_records_per_second",
                writers(data, (t, batch) -> handler.appendJsonLines(batch, dir.resolve("log.jsonl"))));
        progress.stepBy(records);
        return row;
    }

    /** One call of a writer thread. */
    @FunctionalInterface
    private interface Call {
        WriteResult write(int thread, List<Map<String, Object>> batch);
    }

    private long writers(List<Map<String, Object>> data, Call call) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    long written = 0;
                    for (int from = thread * BATCH; from < data.size(); from += threads * BATCH) {
                        List<Map<String, Object>> batch = data.subList(from, Math.min(data.size(), from + BATCH));
                        if (call.write(thread, batch).ok()) {
                            written += batch.size();
                        }
                    }
                    return written;
                }));
            }
            long total = 0;
            for (Future<Long> f : done) {
                total += f.get();
            }
            return perSecond(total, System.nanoTime() - start);
        } finally {
            pool.shutdown();
        }
    }

    @SuppressWarnings("unchecked")
    private static void printTable(PrintWriter out, Map<String, Object> figures) {
        out.printf("hydra-fallbacks bench: %,d records, durable writes (fsync); rough figures, compare within a run%n%n",
                (Integer) figures.get("records"));
        out.printf("%-12s %16s %16s %12s%n", "format", "write records/s", "read records/s", "file size");
        ((Map<String, Map<String, Object>>) figures.get("formats")).forEach((format, row) ->
                out.printf("%-12s %,16d %,16d %9.1f MB%n", format, (Long) row.get("write_records_per_second"),
                        (Long) row.get("read_records_per_second"), ((Long) row.get("bytes")) / 1e6));
        Map<String, Object> cache = (Map<String, Object>) figures.get("sanitizer_cache");
        out.printf("%nsanitiser cache, %,d records of a record type: cold %.2f us/record, warm %.2f us/record:"
                + " %.1fx faster%n", (Integer) cache.get("records"), (Double) cache.get("cold_micros_per_record"),
                (Double) cache.get("warm_micros_per_record"), (Double) cache.get("speedup"));
        Map<String, Object> concurrent = (Map<String, Object>) figures.get("concurrent");
        out.printf("concurrent JSON Lines writers, %d threads, %,d records per call:%n",
                (Integer) concurrent.get("threads"), (Integer) concurrent.get("records_per_call"));
        out.printf("  whole-file writes, a file each   %,12d records/s%n",
                (Long) concurrent.get("own_files_records_per_second"));
        out.printf("  whole-file writes, one file      %,12d records/s%n",
                (Long) concurrent.get("one_file_records_per_second"));
        out.printf("  appends, one log file            %,12d records/s%n",
                (Long) concurrent.get("appends_one_file_records_per_second"));
    }

    private static String extension(Format format) {
        return format == Format.JSON_LINES ? "jsonl" : format.label();
    }

    private static long perSecond(long count, long nanos) {
        return Math.round(count * 1e9 / Math.max(1, nanos));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

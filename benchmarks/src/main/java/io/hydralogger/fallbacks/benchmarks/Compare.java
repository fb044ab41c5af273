package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks in one JMH run and writes the table of ratios (safe / plain, higher is
 * better) with the machine, JDK, load and command into {@code docs/PERFORMANCE.md}, between the
 * markers {@value #BEGIN} and {@value #END}; the text around them is kept.
 *
 * <p>Arguments: {@code --out FILE} (default {@code docs/PERFORMANCE.md}), {@code --json FILE} (JMH's own results, default
 * {@code benchmarks/target/jmh-result.json}), {@code --command TEXT}
 * (the command to print), {@code --include REGEX} (repeatable; default every benchmark of this
 * package and the tool's start-up, which {@code --include ToolStartup} names alone), {@code
 * --quick} (one short iteration each: a smoke test, not figures), {@code --no-gc} (without the
 * allocation profiler), {@code --no-jmh} and {@code --no-paired} (one of the two phases only).
 */
public final class Compare {
    /** The marker before the generated part of the performance page. */
    public static final String BEGIN = "<!-- bench:begin (written by scripts/bench.sh; do not edit) -->";
    /** The marker after the generated part. */
    public static final String END = "<!-- bench:end -->";

    private static final String PACKAGE = Compare.class.getPackageName() + ".";
    /** The include that measures the tool's start-up ({@link ToolStartup}), not a JMH benchmark. */
    static final String STARTUP = "ToolStartup";

    /**
     * One line of the table: a subject benchmark against its baseline in the same run.
     *
     * @param label what is compared
     * @param benchmark the benchmark class's simple name
     * @param subject the method measured
     * @param baseline the method it is compared with
     * @param target the ratio to reach (baseline time / subject time)
     * @param targetText the target as the issue states it
     * @param recordsPerOp the records one operation handles, by the shape parameter
     */
    record Pair(String label, String benchmark, String subject, String baseline, double target, String targetText,
            ToIntFunction<String> recordsPerOp) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("JSON write (durable, backup) / Jackson writeValue", "WriteBenchmark", "safeJson", "plainJson",
                    1.0, ">= 1.0", Records::countFor),
            new Pair("JSON read / Jackson readValue", "ReadBenchmark", "safeJson", "plainJson", 1.0, ">= 1.0",
                    Records::countFor),
            new Pair("JSON Lines write / Jackson SequenceWriter", "WriteBenchmark", "safeJsonLines",
                    "plainJsonLines", 0.9, ">= 0.9", Records::countFor),
            new Pair("JSON Lines read / Jackson MappingIterator", "ReadBenchmark", "safeJsonLines",
                    "plainJsonLines", 0.9, ">= 0.9", Records::countFor),
            new Pair("CSV write / FastCSV", "WriteBenchmark", "safeCsv", "plainCsv", 0.9, ">= 0.9",
                    Records::countFor),
            new Pair("CSV read / FastCSV", "ReadBenchmark", "safeCsv", "plainCsv", 0.9, ">= 0.9",
                    Records::countFor),
            new Pair("sanitiser warm / cold cache (records of Java records)", "SanitizerBenchmark", "warm", "cold",
                    2.5, ">= 2.5", shape -> SanitizerBenchmark.RECORDS),
            new Pair("100 MB write, backups off / on (time on / off <= 1.05)", "BackupBenchmark", "backupsOn",
                    "backupsOff", 1 / 1.05, ">= 0.952", shape -> BackupBenchmark.RECORDS),
            new Pair("big JSON write, durable on all cores / Jackson writeValue on one, not forced",
                    "BigFileBenchmark", "safeWriteJson", "plainWriteJson", 1.5, ">= 1.5", BigFileBenchmark::countFor),
            new Pair("big JSON Lines write, durable on all cores / Jackson SequenceWriter on one",
                    "BigFileBenchmark", "safeWriteJsonLines", "plainWriteJsonLines", 1.5, ">= 1.5",
                    BigFileBenchmark::countFor),
            new Pair("big CSV write, durable on all cores / FastCSV CsvWriter on one", "BigFileBenchmark",
                    "safeWriteCsv", "plainWriteCsv", 1.5, ">= 1.5", BigFileBenchmark::countFor),
            new Pair("big JSON read, safe / Jackson readValue on one thread", "BigFileBenchmark", "safeReadJson",
                    "plainReadJson", 1.5, ">= 1.5", BigFileBenchmark::countFor),
            new Pair("big JSON Lines read, safe / Jackson MappingIterator on one thread", "BigFileBenchmark",
                    "safeReadJsonLines", "plainReadJsonLines", 1.5, ">= 1.5", BigFileBenchmark::countFor),
            new Pair("100 MB read, parallel / one thread (JSON Lines)", "ParallelReadBenchmark",
                    "parallelJsonLines", "sequentialJsonLines", 1.6, ">= 1.6", shape -> ParallelReadBenchmark.RECORDS),
            new Pair("100 MB read, parallel / one thread (JSON array)", "ParallelReadBenchmark",
                    "parallelJson", "sequentialJson", 1.6, ">= 1.6", shape -> ParallelReadBenchmark.RECORDS),
            new Pair("control: two threads / one thread, plain Jackson on halves", "ParallelReadBenchmark",
                    "controlTwoThreads", "controlOneThread", Double.NaN, "(what the machine gives)",
                    shape -> ParallelReadBenchmark.RECORDS));

    /**
     * One throughput line of the table: a benchmark that reads a file, in MB/s.
     *
     * @param label what is measured
     * @param benchmark the benchmark class's simple name
     * @param method the method measured
     * @param format the format of the file it reads, for its size
     * @param target the MB/s to reach, NaN for none
     * @param targetText the target as the issue states it
     */
    record Rate(String label, String benchmark, String method, Format format, double target, String targetText) {
    }

    static final List<Rate> RATES = List.of(
            new Rate("verify, intact 100 MB JSON Lines (all cores)", "VerifyBenchmark", "verifyJsonLines",
                    Format.JSON_LINES, 1000, ">= 1000 MB/s"),
            new Rate("verify, intact 100 MB JSON array (all cores)", "VerifyBenchmark", "verifyJson", Format.JSON,
                    1000, ">= 1000 MB/s"),
            new Rate("salvage (streaming, all cores), 100 MB JSON Lines damaged in the middle", "VerifyBenchmark",
                    "salvageJsonLines", Format.JSON_LINES, 500, ">= 500 MB/s"),
            new Rate("salvage (streaming, one thread), 100 MB JSON array damaged in the middle", "VerifyBenchmark",
                    "salvageJson", Format.JSON, 500, ">= 500 MB/s"));

    private Compare() {
    }

    /**
     * Runs the comparison.
     *
     * @param args see the class comment
     * @throws RunnerException if JMH fails
     * @throws IOException if the page cannot be written
     */
    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of("docs/PERFORMANCE.md");
        Path json = Path.of("benchmarks/target/jmh-result.json");
        String command = "java -cp benchmarks/target/benchmarks.jar " + Compare.class.getName();
        List<String> includes = new ArrayList<>();
        boolean quick = false;
        boolean gc = true;
        boolean jmh = true;
        boolean paired = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--command" -> command = args[++i];
                case "--include" -> includes.add(args[++i]);
                case "--quick" -> quick = true;
                case "--no-gc" -> gc = false;
                case "--no-jmh" -> jmh = false;
                case "--no-paired" -> paired = false;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        if (includes.isEmpty()) {
            includes.add(PACKAGE.replace(".", "\\.") + "(Write|Read|Sanitizer|Backup|BigFile|ParallelRead|Verify)Benchmark");
            includes.add(STARTUP);
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .addProfiler(LoadProfiler.class)
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        for (String include : includes) {
            if (!include.equals(STARTUP)) {
                options.include(include);
            }
        }
        if (gc) {
            options.addProfiler(GCProfiler.class);
        }
        if (quick) {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                    .measurementIterations(1).measurementTime(TimeValue.milliseconds(500));
        }
        double loadBefore = LoadProfiler.loadAverage();
        Instant started = Instant.now();
        Map<String, Paired.Outcome> outcomes = paired ? runPaired(includes, quick) : Map.of();
        List<ToolStartup.Figure> startup = paired && includes.contains(STARTUP) ? ToolStartup.measure(quick)
                : List.of();
        boolean benchmarks = includes.stream().anyMatch(include -> !include.equals(STARTUP));
        Collection<RunResult> results = jmh && benchmarks ? new Runner(options.build()).run() : List.of();
        double loadAfter = LoadProfiler.loadAverage();
        String table = render(results, outcomes, startup, command, started, loadBefore, loadAfter, quick);
        System.out.println(table);
        writeBetweenMarkers(out, table);
        System.out.println("written to " + out.toAbsolutePath());
    }

    /** Runs every pair interleaved (see {@link Paired}); keyed like the JMH figures, by subject. */
    private static Map<String, Paired.Outcome> runPaired(List<String> includes, boolean quick) {
        Map<String, Paired.Outcome> outcomes = new HashMap<>();
        for (Pair pair : PAIRS) {
            String className = PACKAGE + pair.benchmark();
            if (includes.stream().noneMatch(include -> java.util.regex.Pattern.compile(include)
                    .matcher(className + "." + pair.subject()).find())) {
                continue;
            }
            try {
                Class<?> benchmark = Class.forName(className);
                boolean shaped = java.util.Arrays.stream(benchmark.getFields()).anyMatch(f -> f.getName().equals("shape"));
                for (String shape : shaped ? List.of(Records.USERS, Records.KILOBYTE) : List.of("")) {
                    System.out.printf(Locale.ROOT, "# Paired: %s %s vs %s %s%n", pair.benchmark(), pair.subject(),
                            pair.baseline(), shape);
                    Paired.Outcome outcome = Paired.run(benchmark, shape, pair.subject(), pair.baseline(), quick);
                    System.out.printf(Locale.ROOT, "  ratio %.3f (subject %.2f ms, baseline %.2f ms, %d rounds,"
                            + " load %.1f)%n", outcome.ratio(), outcome.subjectMillis(), outcome.baselineMillis(),
                            outcome.rounds(), outcome.load());
                    outcomes.put(key(className + "." + pair.subject(), shape), outcome);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.out.println("  failed: " + e);
            }
        }
        for (Rate rate : RATES) {
            String name = PACKAGE + rate.benchmark() + "." + rate.method();
            if (includes.stream().noneMatch(include -> java.util.regex.Pattern.compile(include).matcher(name).find())) {
                continue;
            }
            try {
                System.out.printf(Locale.ROOT, "# Single: %s.%s%n", rate.benchmark(), rate.method());
                Paired.Outcome outcome = Paired.single(Class.forName(PACKAGE + rate.benchmark()), rate.method(), quick);
                System.out.printf(Locale.ROOT, "  %.2f ms (%d rounds, load %.1f)%n", outcome.subjectMillis(),
                        outcome.rounds(), outcome.load());
                outcomes.put(key(name, ""), outcome);
            } catch (ReflectiveOperationException | RuntimeException e) {
                System.out.println("  failed: " + e);
            }
        }
        return outcomes;
    }

    /** The figures of one benchmark method (with one shape). */
    private record Figures(double medianMillis, double meanMillis, double error, double bytesPerOp, double load) {
    }

    static String render(Collection<RunResult> results, Map<String, Paired.Outcome> outcomes,
            List<ToolStartup.Figure> startup, String command, Instant started, double loadBefore, double loadAfter,
            boolean quick) throws IOException {
        Map<String, Figures> figures = new HashMap<>();
        for (RunResult result : results) {
            BenchmarkParams params = result.getParams();
            figures.put(key(params.getBenchmark(), params.getParam("shape")), figuresOf(result));
        }
        StringBuilder page = new StringBuilder();
        page.append(BEGIN).append("\n\n");
        page.append("Measured ").append(started.truncatedTo(ChronoUnit.SECONDS)).append(" by\n\n```\n")
                .append(command).append("\n```\n\n");
        if (quick) {
            page.append("**Quick run (a few short rounds each): a smoke test, not figures to quote.**\n\n");
        }
        page.append(Machine.describe()).append('\n');
        page.append(String.format(Locale.ROOT, "Load average (1 min) before the run %.2f, after %.2f.%n%n",
                loadBefore, loadAfter));
        page.append("**Paired ratio** (the figure that counts): subject and baseline interleaved operation by"
                + " operation in one JVM, median of the per-round ratios baseline time / subject time; rec/s and"
                + " load from the same rounds. **JMH ratio**: the JMH medians of the two benchmarks, run one"
                + " after the other in their own forks (more exposed to load drift). Allocation from JMH's"
                + " `-prof gc`. **GC**: the share of the paired rounds' time spent in collector pauses,"
                + " subject / baseline (pauses stop every thread, so a parallel read gains only on the rest).\n\n");
        page.append("| comparison | records | subject rec/s | baseline rec/s | paired ratio | JMH ratio | target | met"
                + " | alloc B/rec subject / baseline | GC subject / baseline | load |\n");
        page.append("| --- | --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: |\n");
        List<String> shapes = List.of(Records.USERS, Records.KILOBYTE, "");
        for (Pair pair : PAIRS) {
            for (String shape : shapes) {
                Paired.Outcome outcome = outcomes.get(key(PACKAGE + pair.benchmark() + "." + pair.subject(), shape));
                Figures subject = figures.get(key(PACKAGE + pair.benchmark() + "." + pair.subject(), shape));
                Figures baseline = figures.get(key(PACKAGE + pair.benchmark() + "." + pair.baseline(), shape));
                boolean jmh = subject != null && baseline != null;
                if (outcome == null && !jmh) {
                    continue;
                }
                int records = pair.recordsPerOp().applyAsInt(shape);
                double jmhRatio = jmh ? baseline.medianMillis() / subject.medianMillis() : Double.NaN;
                double ratio = outcome != null ? outcome.ratio() : jmhRatio;
                String met = Double.isNaN(pair.target()) ? "" : ratio >= pair.target() ? "yes" : "**no**";
                double subjectMillis = outcome != null ? outcome.subjectMillis() : subject.medianMillis();
                double baselineMillis = outcome != null ? outcome.baselineMillis() : baseline.medianMillis();
                String load = outcome != null ? String.format(Locale.ROOT, "%.1f", outcome.load())
                        : String.format(Locale.ROOT, "%.1f / %.1f", subject.load(), baseline.load());
                page.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s |%n",
                        pair.label(), shape.isEmpty() ? records : shape + " x " + records,
                        perSecond(records, subjectMillis), perSecond(records, baselineMillis),
                        outcome == null ? "-" : String.format(Locale.ROOT, "**%.2f**", outcome.ratio()),
                        jmh ? String.format(Locale.ROOT, "%.2f", jmhRatio) : "-", pair.targetText(), met,
                        perRecord(jmh ? subject.bytesPerOp() : Double.NaN, records),
                        perRecord(jmh ? baseline.bytesPerOp() : Double.NaN, records),
                        outcome == null ? "-" : share(outcome.subjectGc()) + " / " + share(outcome.baselineGc()), load));
            }
        }
        StringBuilder rates = new StringBuilder();
        for (Rate rate : RATES) {
            String name = PACKAGE + rate.benchmark() + "." + rate.method();
            Paired.Outcome outcome = outcomes.get(key(name, ""));
            Figures jmhFigures = figures.get(key(name, ""));
            if (outcome == null && jmhFigures == null) {
                continue;
            }
            double megabytes = VerifyBenchmark.fileBytes(rate.format()) / 1e6;
            double inProcess = outcome == null ? Double.NaN : megabytes / (outcome.subjectMillis() / 1000);
            double jmhRate = jmhFigures == null ? Double.NaN : megabytes / (jmhFigures.medianMillis() / 1000);
            double shown = Double.isNaN(inProcess) ? jmhRate : inProcess;
            String met = Double.isNaN(rate.target()) ? "" : shown >= rate.target() ? "yes" : "**no**";
            rates.append(String.format(Locale.ROOT, "| %s | %.0f | **%.0f** | %s | %s | %s | %s | %s |%n", rate.label(),
                    megabytes, shown, Double.isNaN(jmhRate) ? "-" : String.format(Locale.ROOT, "%.0f", jmhRate),
                    rate.targetText(), met, outcome == null ? "-" : share(outcome.subjectGc()), outcome == null ? String.format(Locale.ROOT, "%.1f", jmhFigures.load())
                            : String.format(Locale.ROOT, "%.1f", outcome.load())));
        }
        if (rates.length() > 0) {
            page.append("\nThroughput (MB/s of file read; in-process median of single operations, and the JMH"
                    + " median; GC: the share of the time in collector pauses):\n\n| measurement | MB | MB/s | JMH MB/s"
                    + " | target | met | GC | load |\n| --- | ---: | ---: | ---: | --- | --- | ---: | ---: |\n")
                    .append(rates);
        }
        if (!startup.isEmpty()) {
            page.append(ToolStartup.table(startup));
        }
        if (!figures.isEmpty()) {
            page.append("\nEvery JMH benchmark (median of the measured iterations, ms per operation, ± the JMH"
                    + " 99.9% error of the mean, mean load over its iterations):\n\n| benchmark | shape | ms/op | ± |"
                    + " load |\n| --- | --- | ---: | ---: | ---: |\n");
            figures.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                String[] parts = entry.getKey().split("\\|", -1);
                page.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.1f |%n",
                        parts[0].substring(PACKAGE.length()), parts[1], entry.getValue().medianMillis(),
                        entry.getValue().error(), entry.getValue().load()));
            });
        }
        page.append('\n').append(END).append('\n');
        return page.toString();
    }

    private static String key(String benchmark, String shape) {
        return benchmark + "|" + (shape == null ? "" : shape);
    }

    private static Figures figuresOf(RunResult result) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
            for (IterationResult iteration : benchmark.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        scores.sort(null);
        int n = scores.size();
        double median = n % 2 == 1 ? scores.get(n / 2) : (scores.get(n / 2 - 1) + scores.get(n / 2)) / 2;
        Result<?> primary = result.getPrimaryResult();
        double factor = toMillis(primary.getScoreUnit());
        double bytes = Double.NaN;
        double load = Double.NaN;
        Map<String, ?> secondaries = result.getSecondaryResults();
        for (Map.Entry<String, ?> secondary : secondaries.entrySet()) {
            double score = ((Result<?>) secondary.getValue()).getScore();
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                bytes = score;
            } else if (secondary.getKey().endsWith(LoadProfiler.LOAD)) {
                load = score;
            }
        }
        return new Figures(median * factor, primary.getScore() * factor, primary.getScoreError() * factor, bytes,
                load);
    }

    private static double toMillis(String unit) {
        return switch (unit) {
            case "s/op" -> 1000;
            case "ms/op" -> 1;
            case "us/op" -> 1e-3;
            case "ns/op" -> 1e-6;
            default -> throw new IllegalStateException("benchmarks must measure time per operation, not " + unit);
        };
    }

    private static String perSecond(int records, double millis) {
        double perSecond = records / (millis / 1000);
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.2f M", perSecond / 1e6)
                : String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }

    private static String share(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String perRecord(double bytesPerOp, int records) {
        return Double.isNaN(bytesPerOp) ? "-" : String.format(Locale.ROOT, "%.0f", bytesPerOp / records);
    }

    static void writeBetweenMarkers(Path page, String generated) throws IOException {
        String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8)
                : "# Performance\n\n" + BEGIN + "\n" + END + "\n";
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        String updated;
        if (begin < 0 || end < begin) {
            updated = text + "\n" + generated;
        } else {
            int after = end + END.length();
            if (after < text.length() && text.charAt(after) == '\n') {
                after++;
            }
            updated = text.substring(0, begin) + generated + text.substring(after);
        }
        if (page.getParent() != null) {
            Files.createDirectories(page.getParent());
        }
        Files.writeString(page, updated, StandardCharsets.UTF_8);
    }
}

package io.hydralogger.fallbacks.benchmarks;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Appends from several JVMs at once to one file (JMH measures one JVM): for each case, starts
 * {@code processes} child JVMs that append to the same file for the same wall-clock window after
 * a common warm-up, and prints the events per second of all of them together. Cases:
 * {@code hydra-1} and {@code hydra-64} ({@code appendJsonLines} with 1 and 64 records per call,
 * durability as given), {@code logback} (Logback's prudent mode with Jackson-encoded lines), and
 * the four loggers of {@link LoggingBenchmark} ({@code hydra}, {@code hydra-async},
 * {@code logback-prudent}, {@code log4j2-locking}: one log call per event; the asynchronous one
 * counts the calls that returned in the window, its queue of at most 8,192 events is written after).
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * io.hydralogger.fallbacks.benchmarks.AppendProcesses [processes=2] [seconds=5] [durability=NONE]
 * [case,case,...]} (all cases by default).
 */
public final class AppendProcesses {
    private static final long WARMUP_MILLIS = 3_000;

    private AppendProcesses() {
    }

    /**
     * Runs every case, or (with {@code child} first) one child's share of a case.
     *
     * @param args {@code [processes [seconds [durability]]]}, or
     *     {@code child CASE FILE START_MILLIS SECONDS DURABILITY} for a child
     * @throws Exception if a child cannot be run
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args[1], Path.of(args[2]), Long.parseLong(args[3]), Integer.parseInt(args[4]),
                    Durability.valueOf(args[5]));
            return;
        }
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String durability = args.length > 2 ? args[2] : "NONE";
        List<String> cases = args.length > 3 ? List.of(args[3].split(","))
                : List.of("hydra-1", "hydra-64", "logback", "hydra", "hydra-async", "logback-prudent", "log4j2-locking");
        Path dir = Files.createTempDirectory("append-processes");
        System.out.printf(Locale.ROOT, "%d processes, %d s each after %d ms warm-up, durability %s%n", processes,
                seconds, WARMUP_MILLIS, durability);
        for (String name : cases) {
            Path file = dir.resolve(name + ".jsonl");
            long start = System.currentTimeMillis() + WARMUP_MILLIS + 1_000;
            List<Process> children = new ArrayList<>();
            for (int p = 0; p < processes; p++) {
                children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), AppendProcesses.class.getName(), "child",
                        name, file.toString(), String.valueOf(start), String.valueOf(seconds), durability)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            long events = 0;
            for (Process child : children) {
                String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
                    throw new IllegalStateException(name + ": a child failed: " + out);
                }
                events += Long.parseLong(out.trim());
            }
            long lines;
            try (var all = Files.lines(file)) {
                lines = all.count();
            }
            System.out.printf(Locale.ROOT, "%-15s %,12.0f events/s   (%,d lines in the file)%n", name,
                    (double) events / seconds, lines);
            Files.delete(file);
        }
        try (var files = Files.list(dir)) {
            for (Path leftover : files.toList()) {
                Files.deleteIfExists(leftover);
            }
        }
        Files.delete(dir);
    }

    /** Appends until the window closes; prints the events appended inside the window. */
    private static void child(String name, Path file, long start, int seconds, Durability durability)
            throws IOException {
        if (List.of(BenchLogger.KINDS).contains(name)) {
            childLogger(name, file, start, seconds);
            return;
        }
        int batch = name.equals("hydra-64") ? 64 : 1;
        List<Map<String, Object>> records = Records.users(batch);
        FallbackHandler handler = FallbackHandler.builder().durability(durability).build();
        long end = start + seconds * 1000L;
        long counted = 0;
        try (LogbackPrudent logback = name.equals("logback") ? new LogbackPrudent(file) : null) {
            for (long now = System.currentTimeMillis(); now < end; now = System.currentTimeMillis()) {
                if (logback != null) {
                    logback.append(records.get(0));
                } else if (!handler.appendJsonLines(records, file).ok()) {
                    throw new IOException("an append failed");
                }
                if (now >= start) {
                    counted += batch;
                }
            }
        }
        System.out.println(counted);
    }

    /** One of {@link LoggingBenchmark}'s loggers: one log call per event until the window closes. */
    private static void childLogger(String name, Path file, long start, int seconds) {
        System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
        long end = start + seconds * 1000L;
        long counted = 0;
        int i = 0;
        try (BenchLogger logger = BenchLogger.create(name, file)) {
            logger.enter("u-" + ProcessHandle.current().pid());
            for (long now = System.currentTimeMillis(); now < end; now = System.currentTimeMillis()) {
                logger.log(i++);
                if (now >= start) {
                    counted++;
                }
            }
        }
        System.out.println(counted);
    }
}

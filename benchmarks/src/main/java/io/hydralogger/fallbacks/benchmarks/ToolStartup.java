package io.hydralogger.fallbacks.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tool's start-up: {@code verify} of a file of 1,000 records run as a new process, again and
 * again, by the launcher ({@code ./hydra-fallbacks}, with its start-up archive: warm), by the
 * launcher right after the archive was removed (cold: the run makes it first), by the launcher
 * told to run without it, by {@code java -jar} with the JVM's defaults (what the launcher did
 * before), and Python's {@code json.load} of the same file for scale. Wall time from the start to
 * the end of the process; CPU time (user + system, all threads) from the kernel's account of
 * this JVM's finished children ({@code /proc/self/stat}, in ticks of 10 ms, so per run ±10 ms;
 * the medians of many runs are finer than that). Runs from the repository root, where
 * {@code scripts/bench.sh} starts it; the jar must be built.
 */
final class ToolStartup {
    /** Runs of each warm command; cold runs are fewer (each makes the archive). */
    static final int RUNS = 15;
    private static final int COLD_RUNS = 3;
    private static final Path LAUNCHER = Path.of("hydra-fallbacks").toAbsolutePath();
    private static final Path JAR = Path.of("cli/target/hydra-fallbacks-cli-all.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("cli/target/hydra-fallbacks-cli-all.jsa").toAbsolutePath();

    /**
     * The median figures of one way of starting.
     *
     * @param label how it was started
     * @param wallMillis median wall time
     * @param cpuMillis median CPU time
     * @param runs how many runs
     * @param load the one-minute load average, mean of before and after
     */
    record Figure(String label, double wallMillis, double cpuMillis, int runs, double load) {
    }

    private ToolStartup() {
    }

    /**
     * Measures every way of starting, interleaved run by run.
     *
     * @param quick fewer runs (a smoke test)
     * @return the figures, in the order of the table
     * @throws IOException if the sample file cannot be written
     */
    static List<Figure> measure(boolean quick) throws IOException {
        if (!Files.isRegularFile(JAR) || !Files.isRegularFile(LAUNCHER)) {
            throw new IllegalStateException("run from the repository root with the tool built: " + JAR);
        }
        Path folder = BenchFiles.newFolder();
        try {
            Path file = folder.resolve("small.json");
            Files.writeString(file, Plain.MAPPER.writeValueAsString(Records.users(1000)), StandardCharsets.UTF_8);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Map<String, List<String>> warm = new LinkedHashMap<>();
            warm.put("launcher, start-up archive made (warm)", List.of(LAUNCHER.toString(), "verify", file.toString()));
            warm.put("launcher, HYDRA_FALLBACKS_CDS=0 (no archive)",
                    List.of("env", "HYDRA_FALLBACKS_CDS=0", LAUNCHER.toString(), "verify", file.toString()));
            warm.put("java -jar, the JVM's defaults (before)", List.of(java, "-jar", JAR.toString(), "verify",
                    file.toString()));
            // the system's python, not a version manager's shim (which adds its own start-up)
            String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
            warm.put("python3 json.load of the same file (for scale)", List.of(python, "-c",
                    "import json,sys; print(len(json.load(open(sys.argv[1]))))", file.toString()));
            int runs = quick ? 3 : RUNS;
            double loadBefore = LoadProfiler.loadAverage();
            run(warm.get(warm.keySet().iterator().next()));
            Map<String, List<double[]>> samples = new LinkedHashMap<>();
            samples.put("launcher, first run after a build (makes the archive: cold)", new ArrayList<>());
            warm.keySet().forEach(label -> samples.put(label, new ArrayList<>()));
            for (int round = 0; round < runs; round++) {
                if (round < (quick ? 1 : COLD_RUNS)) {
                    Files.deleteIfExists(ARCHIVE);
                    samples.get(samples.keySet().iterator().next()).add(run(warm.values().iterator().next()));
                }
                for (Map.Entry<String, List<String>> command : warm.entrySet()) {
                    samples.get(command.getKey()).add(run(command.getValue()));
                }
            }
            double load = (loadBefore + LoadProfiler.loadAverage()) / 2;
            List<Figure> figures = new ArrayList<>();
            samples.forEach((label, times) -> figures.add(new Figure(label,
                    Paired.median(times.stream().map(t -> t[0]).toList()),
                    Paired.median(times.stream().map(t -> t[1]).toList()), times.size(), load)));
            return figures;
        } finally {
            BenchFiles.delete(folder);
        }
    }

    /** Runs a command to its end; {@return its wall and CPU milliseconds}. */
    private static double[] run(List<String> command) {
        try {
            long cpuBefore = childrenCpuTicks();
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            int exit = process.waitFor();
            long nanos = System.nanoTime() - start;
            if (exit != 0) {
                throw new IllegalStateException("exit " + exit + ": " + command);
            }
            return new double[] {nanos / 1e6, (childrenCpuTicks() - cpuBefore) * 10.0};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The CPU time of this process's finished and waited-for children and theirs, user and
     * system, in clock ticks (fields 16 and 17 of {@code /proc/self/stat}; 100 per second).
     */
    private static long childrenCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields[0] is field 3 (state): cutime is field 16, cstime field 17
        return Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
    }

    /**
     * {@return the table of the figures, Markdown}
     *
     * @param figures what {@link #measure} returned
     */
    static String table(List<Figure> figures) {
        StringBuilder table = new StringBuilder("\nTool start-up: `verify` of a JSON file of 1,000 records (136 KB),"
                + " a new process each run, runs of the ways interleaved; medians (CPU: user + system of every"
                + " thread, from the kernel's account of finished children, 10 ms ticks):\n\n"
                + "| started as | wall ms | CPU ms | runs | target | met | load |\n"
                + "| --- | ---: | ---: | ---: | --- | --- | ---: |\n");
        for (Figure figure : figures) {
            boolean target = figure.label().endsWith("(warm)");
            String met = target ? figure.wallMillis() <= 250 && figure.cpuMillis() <= 400 ? "yes" : "**no**" : "";
            table.append(String.format(Locale.ROOT, "| %s | **%.0f** | **%.0f** | %d | %s | %s | %.1f |%n",
                    figure.label(), figure.wallMillis(), figure.cpuMillis(), figure.runs(),
                    target ? "<= 250 wall, <= 400 CPU" : "", met, figure.load()));
        }
        return table.toString();
    }
}

package io.hydralogger.fallbacks.benchmarks;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Compares the read benchmark of two builds of the library, interleaved in one JVM: each build's
 * shaded {@code benchmarks.jar} in a class loader of its own, then rounds of one operation of
 * each, the order alternating, and the ratio the median of the rounds' ratios (old time / new
 * time: above 1, the new build is faster). Two JMH runs one after the other see different loads
 * on a shared machine; two operations a few milliseconds apart see nearly the same (see
 * {@link Paired}). The {@code plain*} methods run the same Jackson or FastCSV code in both builds:
 * their ratios show how far the machine alone moves a ratio.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.hydralogger.fallbacks.benchmarks.AcrossBuilds OLD.jar NEW.jar SHAPE ROUNDS}, where the jars
 * are two builds' {@code benchmarks/target/benchmarks.jar} (e.g. one made in {@code git worktree
 * add /tmp/old <commit>}), SHAPE is {@code users} or {@code 1kb}.
 */
public final class AcrossBuilds {
    private static final List<String> METHODS = List.of("safeJson", "plainJson", "safeJsonLines",
            "plainJsonLines", "safeCsv", "plainCsv");
    private static final int WARMUP_ROUNDS = 3;

    private AcrossBuilds() {
    }

    /**
     * Runs the comparison and prints one line per method.
     *
     * @param args the old build's jar, the new build's jar, the shape, the rounds per method
     * @throws Exception if a build cannot be loaded or a read fails
     */
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[3]);
        try (URLClassLoader oldBuild = load(Path.of(args[0])); URLClassLoader newBuild = load(Path.of(args[1]))) {
            Object old = setUp(oldBuild, args[2]);
            Object now = setUp(newBuild, args[2]);
            try {
                compare(old, now, args[2], rounds);
            } finally {
                old.getClass().getMethod("tearDown").invoke(old);
                now.getClass().getMethod("tearDown").invoke(now);
            }
        }
    }

    private static void compare(Object old, Object now, String shape, int rounds) throws Exception {
        for (String method : METHODS) {
            for (int warm = 0; warm < WARMUP_ROUNDS; warm++) {
                time(old, method);
                time(now, method);
            }
            List<Double> ratios = new ArrayList<>();
            List<Double> olds = new ArrayList<>();
            List<Double> news = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long a;
                long b;
                if (round % 2 == 0) {
                    a = time(old, method);
                    b = time(now, method);
                } else {
                    b = time(now, method);
                    a = time(old, method);
                }
                ratios.add((double) a / b);
                olds.add(a / 1e6);
                news.add(b / 1e6);
            }
            System.out.printf(Locale.ROOT, "%-6s %-15s old/new %.3f (old %.1f ms, new %.1f ms, %d rounds, load %s)%n",
                    shape, method, median(ratios), median(olds), median(news), rounds, load());
        }
    }

    private static URLClassLoader load(Path jar) throws IOException {
        return new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    private static Object setUp(ClassLoader build, String shape) throws ReflectiveOperationException {
        Class<?> benchmark = Class.forName(ReadBenchmark.class.getName(), true, build);
        Object state = benchmark.getConstructor().newInstance();
        benchmark.getField("shape").set(state, shape);
        benchmark.getMethod("setUp").invoke(state);
        return state;
    }

    private static long time(Object state, String name) throws ReflectiveOperationException {
        Method method = state.getClass().getMethod(name);
        long start = System.nanoTime();
        method.invoke(state);
        return System.nanoTime() - start;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}

package io.hydralogger.fallbacks.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Measures a subject against its baseline <em>interleaved</em>: after a warm-up, rounds of one
 * operation each, the order alternating from round to round, and the ratio is the median of the
 * rounds' ratios. On a shared machine whose load drifts by the second, two benchmarks run one
 * after the other (as JMH runs them) see different loads; two operations a few hundred
 * milliseconds apart see nearly the same, so this ratio is the steadier one. It reuses the JMH
 * benchmark classes: their {@code @Setup}, {@code @TearDown} and benchmark methods.
 */
final class Paired {
    private static final long WARMUP_NANOS = 3_000_000_000L;
    private static final long MEASURE_NANOS = 8_000_000_000L;
    private static final int MIN_ROUNDS = 10;
    private static final int MAX_ROUNDS = 200;
    private static final Blackhole BLACKHOLE = new Blackhole(
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");

    /**
     * The outcome of one pair.
     *
     * @param ratio median over the rounds of baseline time / subject time
     * @param subjectMillis median time of the subject
     * @param baselineMillis median time of the baseline
     * @param rounds how many rounds were measured
     * @param load mean one-minute load average before and after
     * @param subjectGc the share of the subject's measured time spent in collector pauses (0 to 1)
     * @param baselineGc the same for the baseline (NaN for a single measurement)
     */
    record Outcome(double ratio, double subjectMillis, double baselineMillis, int rounds, double load,
            double subjectGc, double baselineGc) {
    }

    /** Time and collector pauses of the operations measured so far, one method. */
    private static final class Tally {
        private long nanos;
        private long gcMillis;

        double gcShare() {
            return nanos == 0 ? Double.NaN : gcMillis * 1e6 / nanos;
        }
    }

    private Paired() {
    }

    /**
     * Runs one pair.
     *
     * @param benchmark the benchmark class
     * @param shape the value of its {@code shape} field, or empty when it has none
     * @param subject the subject method
     * @param baseline the baseline method
     * @param quick a few short rounds only (a smoke test)
     * @return the outcome
     * @throws ReflectiveOperationException if the class cannot be driven
     */
    static Outcome run(Class<?> benchmark, String shape, String subject, String baseline, boolean quick)
            throws ReflectiveOperationException {
        long warmupNanos = quick ? WARMUP_NANOS / 10 : WARMUP_NANOS;
        long measureNanos = quick ? MEASURE_NANOS / 10 : MEASURE_NANOS;
        int minRounds = quick ? 2 : MIN_ROUNDS;
        Object state = benchmark.getConstructor().newInstance();
        if (!shape.isEmpty()) {
            Field field = benchmark.getField("shape");
            field.set(state, shape);
        }
        double loadBefore = LoadProfiler.loadAverage();
        invokeAnnotated(state, Setup.class);
        try {
            Method a = benchmark.getMethod(subject, parameterTypes(benchmark, subject));
            Method b = benchmark.getMethod(baseline, parameterTypes(benchmark, baseline));
            long start = System.nanoTime();
            int warm = 0;
            while (System.nanoTime() - start < warmupNanos || warm < minRounds / 2 + 1) {
                time(state, a);
                time(state, b);
                warm++;
            }
            List<Double> ratios = new ArrayList<>();
            List<Double> as = new ArrayList<>();
            List<Double> bs = new ArrayList<>();
            Tally ga = new Tally();
            Tally gb = new Tally();
            start = System.nanoTime();
            for (int round = 0; round < MAX_ROUNDS
                    && (round < minRounds || System.nanoTime() - start < measureNanos); round++) {
                long ta;
                long tb;
                if (round % 2 == 0) {
                    ta = time(state, a, ga);
                    tb = time(state, b, gb);
                } else {
                    tb = time(state, b, gb);
                    ta = time(state, a, ga);
                }
                ratios.add((double) tb / ta);
                as.add(ta / 1e6);
                bs.add(tb / 1e6);
            }
            double load = (loadBefore + LoadProfiler.loadAverage()) / 2;
            return new Outcome(median(ratios), median(as), median(bs), ratios.size(), load, ga.gcShare(),
                    gb.gcShare());
        } finally {
            invokeAnnotated(state, TearDown.class);
        }
    }

    /**
     * Measures one operation alone, the same way: warm-up, then at least 10 operations and 8 s.
     *
     * @param benchmark the benchmark class (without a shape)
     * @param method the method measured
     * @param quick a few short rounds only (a smoke test)
     * @return the outcome; its ratio and baseline are NaN
     * @throws ReflectiveOperationException if the class cannot be driven
     */
    static Outcome single(Class<?> benchmark, String method, boolean quick) throws ReflectiveOperationException {
        long warmupNanos = quick ? WARMUP_NANOS / 10 : WARMUP_NANOS;
        long measureNanos = quick ? MEASURE_NANOS / 10 : MEASURE_NANOS;
        int minRounds = quick ? 2 : MIN_ROUNDS;
        Object state = benchmark.getConstructor().newInstance();
        double loadBefore = LoadProfiler.loadAverage();
        invokeAnnotated(state, Setup.class);
        try {
            Method op = benchmark.getMethod(method, parameterTypes(benchmark, method));
            long start = System.nanoTime();
            for (int warm = 0; System.nanoTime() - start < warmupNanos || warm < minRounds / 2 + 1; warm++) {
                time(state, op);
            }
            List<Double> times = new ArrayList<>();
            Tally tally = new Tally();
            start = System.nanoTime();
            while (times.size() < MAX_ROUNDS && (times.size() < minRounds || System.nanoTime() - start < measureNanos)) {
                times.add(time(state, op, tally) / 1e6);
            }
            double load = (loadBefore + LoadProfiler.loadAverage()) / 2;
            return new Outcome(Double.NaN, median(times), Double.NaN, times.size(), load, tally.gcShare(), Double.NaN);
        } finally {
            invokeAnnotated(state, TearDown.class);
        }
    }

    private static Class<?>[] parameterTypes(Class<?> benchmark, String name) throws NoSuchMethodException {
        for (Method method : benchmark.getMethods()) {
            if (method.getName().equals(name)) {
                return method.getParameterTypes();
            }
        }
        throw new NoSuchMethodException(benchmark.getName() + "." + name);
    }

    private static long time(Object state, Method method) throws ReflectiveOperationException {
        return time(state, method, new Tally());
    }

    private static long time(Object state, Method method, Tally tally) throws ReflectiveOperationException {
        Object[] args = method.getParameterCount() == 0 ? new Object[0] : new Object[] {BLACKHOLE};
        long gcBefore = gcMillis();
        long start = System.nanoTime();
        try {
            BLACKHOLE.consume(method.invoke(state, args));
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(method.getName() + " failed", e.getCause());
        }
        long nanos = System.nanoTime() - start;
        tally.nanos += nanos;
        tally.gcMillis += gcMillis() - gcBefore;
        return nanos;
    }

    /** {@return the collectors' pause time so far, in milliseconds} */
    private static long gcMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, collector.getCollectionTime());
        }
        return millis;
    }

    private static void invokeAnnotated(Object state, Class<? extends java.lang.annotation.Annotation> annotation)
            throws ReflectiveOperationException {
        for (Method method : state.getClass().getMethods()) {
            if (method.isAnnotationPresent(annotation)) {
                method.invoke(state);
            }
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

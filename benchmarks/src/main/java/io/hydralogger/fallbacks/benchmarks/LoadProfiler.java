package io.hydralogger.fallbacks.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Records the machine's one-minute load average ({@code /proc/loadavg}) after every iteration,
 * as the secondary result {@code load1}: on a shared machine every figure needs the load it was
 * measured under. Where there is no {@code /proc/loadavg} it records nothing.
 */
public final class LoadProfiler implements InternalProfiler {
    /** The name of the secondary result. */
    public static final String LOAD = "load1";

    /** Makes the profiler (JMH needs a public no-argument constructor). */
    public LoadProfiler() {
    }

    @Override
    public String getDescription() {
        return "one-minute load average of the machine after each iteration";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // the load is read after the iteration, when it reflects the work done during it
    }

    @Override
    public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
            IterationParams iterationParams, IterationResult result) {
        double load = loadAverage();
        if (Double.isNaN(load)) {
            return List.of();
        }
        return List.of(new ScalarResult(LOAD, load, "procs", AggregationPolicy.AVG));
    }

    /** {@return the one-minute load average, or NaN where it cannot be read} */
    static double loadAverage() {
        try {
            String text = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII);
            return Double.parseDouble(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

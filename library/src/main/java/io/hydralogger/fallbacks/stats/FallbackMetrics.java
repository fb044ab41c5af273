package io.hydralogger.fallbacks.stats;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Publishes the statistics of a handler to Micrometer. Micrometer is an optional dependency of
 * this library: add {@code io.micrometer:micrometer-core} to use this class; nothing else needs it.
 *
 * <p>Meters, all named {@code hydra.fallbacks.*} and carrying the tags given here:
 * counters {@code writes}, {@code reads} and {@code appends} (tag {@code result} = {@code ok} or
 * {@code failed}), {@code records.written}, {@code bytes.written}, {@code records.read},
 * {@code bytes.read}, {@code corruptions.detected}, {@code records.salvaged},
 * {@code records.skipped}, {@code backup.restores}, {@code fallback.writes}, {@code lock.waits};
 * timers (count and total time) {@code write.latency}, {@code read.latency},
 * {@code append.latency}, {@code lock.wait.latency}; gauges {@code locks.live} (the facade's
 * {@code file_locks_held}), {@code locks.entries} ({@code file_locks_count}) and
 * {@code sanitizer.cache.size}; the counter {@code sanitizer.cache.lookups} (tag {@code result} =
 * {@code hit} or {@code miss}, reset by clearing the runtime's caches). The meters read the live counters
 * whenever the registry asks; after {@link FallbackStats#reset()} they start again from zero,
 * which registries treat as a counter reset.
 */
// Micrometer types in this class's signatures are not re-exported (requires static, not
// transitive): whoever uses this class has Micrometer, and the rest of the library needs none
@SuppressWarnings("exports")
public final class FallbackMetrics implements MeterBinder {
    private static final String PREFIX = "hydra.fallbacks.";

    private final FallbackStats stats;
    private final Tags tags;

    /**
     * Binds the statistics of a handler, with no extra tags.
     *
     * @param stats the statistics, e.g. {@code Fallbacks.handler().stats()}
     */
    public FallbackMetrics(FallbackStats stats) {
        this(stats, Tags.empty());
    }

    /**
     * Binds the statistics of a handler with tags that tell it apart from others.
     *
     * @param stats the statistics
     * @param tags tags added to every meter
     */
    public FallbackMetrics(FallbackStats stats, Iterable<Tag> tags) {
        this.stats = Objects.requireNonNull(stats, "stats must not be null");
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags must not be null"));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "writes", "whole-file writes", StatsSnapshot::writesOk, "result", "ok");
        counter(registry, "writes", "whole-file writes", StatsSnapshot::writesFailed, "result", "failed");
        counter(registry, "reads", "reads", StatsSnapshot::readsOk, "result", "ok");
        counter(registry, "reads", "reads", StatsSnapshot::readsFailed, "result", "failed");
        counter(registry, "appends", "append calls", StatsSnapshot::appends, "result", "ok");
        counter(registry, "appends", "append calls", StatsSnapshot::appendsFailed, "result", "failed");
        counter(registry, "records.written", "records written by writes and appends", StatsSnapshot::recordsWritten);
        counter(registry, "bytes.written", "bytes written by writes and appends", StatsSnapshot::bytesWritten);
        counter(registry, "records.read", "records read", StatsSnapshot::recordsRead);
        counter(registry, "bytes.read", "bytes of the files read", StatsSnapshot::bytesRead);
        counter(registry, "corruptions.detected", "damaged files met by reads", StatsSnapshot::corruptionsDetected);
        counter(registry, "records.salvaged", "records salvaged from damaged files", StatsSnapshot::recordsSalvaged);
        counter(registry, "records.skipped", "records skipped in damaged files", StatsSnapshot::recordsSkipped);
        counter(registry, "backup.restores", "reads served from a backup", StatsSnapshot::backupRestores);
        counter(registry, "fallback.writes", "fallback files written", StatsSnapshot::fallbackWrites);
        counter(registry, "lock.waits", "lock acquisitions that had to wait", StatsSnapshot::lockWaits);
        timer(registry, "write.latency", "durations of writes and updates", StatsSnapshot::writeLatency);
        timer(registry, "read.latency", "durations of reads", StatsSnapshot::readLatency);
        timer(registry, "append.latency", "durations of append calls", StatsSnapshot::appendLatency);
        timer(registry, "lock.wait.latency", "waits for a lock that was not free", StatsSnapshot::lockWaitLatency);
        Gauge.builder(PREFIX + "locks.live", stats, FallbackStats::liveLocks)
                .description("files whose write lock is held or waited for now, in this JVM")
                .tags(tags).register(registry);
        Gauge.builder(PREFIX + "locks.entries", stats, FallbackStats::fileLocks)
                .description("files with a lock entry now: held, waited for, or kept open between appends")
                .tags(tags).register(registry);
        Gauge.builder(PREFIX + "sanitizer.cache.size", stats, FallbackStats::sanitizerCacheSize)
                .description("classes in the sanitiser's cache").tags(tags).register(registry);
        FunctionCounter.builder(PREFIX + "sanitizer.cache.lookups", stats, FallbackStats::sanitizerCacheHits)
                .description("look-ups of the sanitiser's cache").tags(tags).tags("result", "hit").register(registry);
        FunctionCounter.builder(PREFIX + "sanitizer.cache.lookups", stats, FallbackStats::sanitizerCacheMisses)
                .description("look-ups of the sanitiser's cache").tags(tags).tags("result", "miss").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description,
            ToLongFunction<StatsSnapshot> value, String... extraTags) {
        FunctionCounter.builder(PREFIX + name, stats, s -> value.applyAsLong(s.snapshot()))
                .description(description).tags(tags).tags(extraTags).register(registry);
    }

    private void timer(MeterRegistry registry, String name, String description,
            Function<StatsSnapshot, StatsSnapshot.LatencySummary> latency) {
        FunctionTimer.builder(PREFIX + name, stats, s -> latency.apply(s.snapshot()).count(),
                s -> totalMillis(latency.apply(s.snapshot())), TimeUnit.MILLISECONDS)
                .description(description).tags(tags).register(registry);
    }

    private static double totalMillis(StatsSnapshot.LatencySummary latency) {
        return latency.count() * latency.meanMillis();
    }
}

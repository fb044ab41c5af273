package io.hydralogger.fallbacks.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statistics of one handler (the facade's default handler, or one of your own) since it was
 * made or last {@link #reset()}: counters, latency summaries, and the state of the caches and
 * locks of its runtime (shared by every handler of that runtime). Thread-safe and cheap to read; a
 * {@link #snapshot()} is a consistent-enough copy for reporting, not a transaction. Only the
 * handler records into it.
 */
public interface FallbackStats {
    /** {@return a copy of the counters now} */
    StatsSnapshot snapshot();

    /**
     * Sets every counter and latency summary of {@link #snapshot()} back to zero. The cache and
     * lock figures are the runtime's: {@code FallbackRuntime.clearCaches()} empties the caches and
     * zeroes the sanitiser's hit and miss counts.
     */
    void reset();

    /** {@return the number of files whose lock is held or waited for now, in this JVM} */
    int liveLocks();

    /**
     * {@return the number of files the runtime has a lock entry for now: locks held or waited for
     * ({@link #liveLocks()}), and files kept open between appends (at most 64, closed by
     * {@code clearCaches()})} A whole-file write leaves no entry behind, so this is 0 between
     * writes of a program that does not append; it never grows without bound.
     */
    int fileLocks();

    /**
     * {@return how many classes the sanitiser's per-class cache holds now} It holds at most 4,096
     * and empties itself when full, so it never needs clearing to save memory.
     */
    int sanitizerCacheSize();

    /**
     * {@return how many times the sanitiser found how to take a class apart in its per-class cache}
     * Since the runtime was made or its caches last cleared. Each write or thread of appends asks
     * once per class it meets and remembers its last four classes itself (not counted again).
     */
    long sanitizerCacheHits();

    /**
     * {@return how many times the sanitiser had to take a class apart (by reflection) because its
     * per-class cache did not have it} Since the runtime was made or its caches last cleared; each
     * class costs one miss, and one more after every clearing.
     */
    long sanitizerCacheMisses();

    /** {@return how many files' corruption reports are cached now} */
    int corruptionCacheSize();

    /**
     * The statistics under the snake_case keys of the original module ({@code get_performance_stats}),
     * then the counters of {@link StatsSnapshot#toMap()}:
     * <ul>
     *   <li>{@code sanitizer_cache_size}: classes in the sanitiser's per-class cache now
     *       ({@link #sanitizerCacheSize()}; not a count of hits, and no reason to clear the caches:
     *       the cache is bounded);
     *   <li>{@code sanitizer_cache_hits}, {@code sanitizer_cache_misses}: look-ups of that cache that
     *       found a class, and classes taken apart anew ({@link #sanitizerCacheHits()},
     *       {@link #sanitizerCacheMisses()});
     *   <li>{@code corruption_cache_size}: files whose corruption report is cached
     *       ({@link #corruptionCacheSize()});
     *   <li>{@code file_locks_count}: files with a lock entry now, held or kept open between
     *       appends ({@link #fileLocks()}); {@code file_locks_held}: of those, locks held or waited
     *       for now ({@link #liveLocks()});
     *   <li>the counters and latencies of {@link StatsSnapshot#toMap()}.
     * </ul>
     *
     * @return a new, ordered, modifiable map
     */
    default Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sanitizer_cache_size", sanitizerCacheSize());
        map.put("sanitizer_cache_hits", sanitizerCacheHits());
        map.put("sanitizer_cache_misses", sanitizerCacheMisses());
        map.put("corruption_cache_size", corruptionCacheSize());
        map.put("file_locks_count", fileLocks());
        map.put("file_locks_held", liveLocks());
        map.putAll(snapshot().toMap());
        return map;
    }
}

package io.hydralogger.fallbacks.stats;

/**
 * The statistics of one handler (the facade's default handler, or one of your own) since it was
 * made or last {@link #reset()}: counters, latency summaries and cache sizes. Thread-safe and
 * cheap to read; a {@link #snapshot()} is a consistent-enough copy for reporting, not a
 * transaction. Only the handler records into it.
 */
public interface FallbackStats {
    /** {@return a copy of the counters now} */
    StatsSnapshot snapshot();

    /** Sets every counter and latency summary back to zero (the cache sizes are not counters). */
    void reset();

    /** {@return the number of files whose write lock is held or waited for now, in this JVM} */
    int liveLocks();

    /** {@return how many classes the sanitiser's per-class cache holds now} */
    int sanitizerCacheSize();

    /** {@return how many files' corruption reports are cached now} */
    int corruptionCacheSize();
}

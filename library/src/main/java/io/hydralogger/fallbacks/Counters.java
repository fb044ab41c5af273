package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.stats.FallbackStats;
import io.hydralogger.fallbacks.stats.StatsSnapshot;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one handler, recorded by its operations and read through {@link FallbackStats}
 * (which has no recording methods, so no caller can forge the counts). Every method is
 * thread-safe and cheap (striped adders).
 */
final class Counters implements FallbackStats {
    private final LongAdder writesOk = new LongAdder();
    private final LongAdder writesFailed = new LongAdder();
    private final LongAdder readsOk = new LongAdder();
    private final LongAdder readsFailed = new LongAdder();
    private final LongAdder recordsWritten = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder recordsRead = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder corruptionsDetected = new LongAdder();
    private final LongAdder recordsSalvaged = new LongAdder();
    private final LongAdder recordsSkipped = new LongAdder();
    private final LongAdder backupRestores = new LongAdder();
    private final LongAdder fallbackWrites = new LongAdder();
    private final LongAdder appends = new LongAdder();
    private final LongAdder appendsFailed = new LongAdder();
    private final LongAdder lockWaits = new LongAdder();
    private final Latency writeLatency = new Latency();
    private final Latency readLatency = new Latency();
    private final Latency appendLatency = new Latency();
    private final Latency lockWaitLatency = new Latency();
    private final FallbackRuntime runtime;

    Counters(FallbackRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Counts a write that landed.
     *
     * @param records records written
     * @param bytes bytes written
     * @param nanos how long it took
     */
    void writeSucceeded(long records, long bytes, long nanos) {
        writesOk.increment();
        recordsWritten.add(records);
        bytesWritten.add(bytes);
        writeLatency.record(nanos);
    }

    /**
     * Counts a write that failed.
     *
     * @param nanos how long it took
     */
    void writeFailed(long nanos) {
        writesFailed.increment();
        writeLatency.record(nanos);
    }

    /**
     * Counts a read that produced data.
     *
     * @param records records read
     * @param bytes bytes read
     * @param nanos how long it took
     */
    void readSucceeded(long records, long bytes, long nanos) {
        readsOk.increment();
        recordsRead.add(records);
        bytesRead.add(bytes);
        readLatency.record(nanos);
    }

    /**
     * Counts a read that produced nothing.
     *
     * @param nanos how long it took
     */
    void readFailed(long nanos) {
        readsFailed.increment();
        readLatency.record(nanos);
    }

    /**
     * Counts a damaged file found, with what salvage made of it.
     *
     * @param salvaged records salvaged
     * @param skipped records skipped
     */
    void corruptionDetected(long salvaged, long skipped) {
        corruptionsDetected.increment();
        recordsSalvaged.add(salvaged);
        recordsSkipped.add(skipped);
    }

    /** Counts a read served from a backup. */
    void backupRestored() {
        backupRestores.increment();
    }

    /** Counts records kept in a fallback file. */
    void fallbackWritten() {
        fallbackWrites.increment();
    }

    /**
     * Counts one append call that landed.
     *
     * @param records records appended
     * @param bytes bytes appended
     * @param nanos how long it took
     */
    void appended(long records, long bytes, long nanos) {
        appends.increment();
        recordsWritten.add(records);
        bytesWritten.add(bytes);
        appendLatency.record(nanos);
    }

    /**
     * Counts one append call that failed (its records went to a fallback file).
     *
     * @param nanos how long it took
     */
    void appendFailed(long nanos) {
        appendsFailed.increment();
        appendLatency.record(nanos);
    }

    /**
     * Counts a lock that was not free at once.
     *
     * @param nanos how long the wait took
     */
    void lockWaited(long nanos) {
        lockWaits.increment();
        lockWaitLatency.record(nanos);
    }

    @Override
    public int liveLocks() {
        return runtime.locks.size();
    }

    @Override
    public int fileLocks() {
        return runtime.locks.entries();
    }

    @Override
    public int sanitizerCacheSize() {
        return runtime.sanitizer.cacheSize();
    }

    @Override
    public long sanitizerCacheHits() {
        return runtime.sanitizer.cacheHits();
    }

    @Override
    public long sanitizerCacheMisses() {
        return runtime.sanitizer.cacheMisses();
    }

    @Override
    public int corruptionCacheSize() {
        return runtime.reports.size();
    }

    @Override
    public void reset() {
        for (LongAdder adder : new LongAdder[] {writesOk, writesFailed, readsOk, readsFailed, recordsWritten,
            bytesWritten, recordsRead, bytesRead, corruptionsDetected, recordsSalvaged, recordsSkipped,
            backupRestores, fallbackWrites, appends, appendsFailed, lockWaits}) {
            adder.reset();
        }
        for (Latency latency : new Latency[] {writeLatency, readLatency, appendLatency, lockWaitLatency}) {
            latency.reset();
        }
    }

    @Override
    public StatsSnapshot snapshot() {
        return new StatsSnapshot(writesOk.sum(), writesFailed.sum(), readsOk.sum(), readsFailed.sum(),
                recordsWritten.sum(), bytesWritten.sum(), recordsRead.sum(), bytesRead.sum(),
                corruptionsDetected.sum(), recordsSalvaged.sum(), recordsSkipped.sum(), backupRestores.sum(),
                fallbackWrites.sum(), appends.sum(), appendsFailed.sum(), lockWaits.sum(), writeLatency.summary(),
                readLatency.summary(), appendLatency.summary(), lockWaitLatency.summary());
    }

    /** Count, mean and maximum of durations. */
    private static final class Latency {
        private final LongAdder count = new LongAdder();
        private final LongAdder totalNanos = new LongAdder();
        private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

        void record(long nanos) {
            count.increment();
            totalNanos.add(nanos);
            maxNanos.accumulate(nanos);
        }

        void reset() {
            count.reset();
            totalNanos.reset();
            maxNanos.reset();
        }

        StatsSnapshot.LatencySummary summary() {
            long n = count.sum();
            double total = TimeUnit.NANOSECONDS.toMicros(totalNanos.sum()) / 1000.0;
            return new StatsSnapshot.LatencySummary(n, n == 0 ? 0 : total / n, maxNanos.get() / 1_000_000.0);
        }
    }
}

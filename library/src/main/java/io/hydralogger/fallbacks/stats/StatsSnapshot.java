package io.hydralogger.fallbacks.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counters of a handler at one moment (see {@link FallbackStats}).
 *
 * @param writesOk whole-file writes that landed
 * @param writesFailed whole-file writes that did not land (their records went to a fallback file)
 * @param readsOk reads that produced data, from any source
 * @param readsFailed reads that produced nothing
 * @param recordsWritten records written by writes and appends
 * @param bytesWritten bytes written by writes and appends
 * @param recordsRead records read
 * @param bytesRead bytes of the files read
 * @param corruptionsDetected damaged files met by reads
 * @param recordsSalvaged records salvaged from damaged files
 * @param recordsSkipped records skipped in damaged files
 * @param backupRestores reads served from a backup
 * @param fallbackWrites fallback files written
 * @param appends append calls that landed
 * @param appendsFailed append calls that did not land (their records went to a fallback file)
 * @param lockWaits lock acquisitions that had to wait
 * @param writeLatency durations of writes (and updates)
 * @param readLatency durations of reads
 * @param appendLatency durations of append calls
 * @param lockWaitLatency durations of the waits for a lock that was not free at once
 */
public record StatsSnapshot(long writesOk, long writesFailed, long readsOk, long readsFailed, long recordsWritten,
        long bytesWritten, long recordsRead, long bytesRead, long corruptionsDetected, long recordsSalvaged,
        long recordsSkipped, long backupRestores, long fallbackWrites, long appends, long appendsFailed,
        long lockWaits, LatencySummary writeLatency, LatencySummary readLatency, LatencySummary appendLatency,
        LatencySummary lockWaitLatency) {

    /**
     * Durations of one kind of operation.
     *
     * @param count how many
     * @param meanMillis their mean, in milliseconds
     * @param maxMillis the longest, in milliseconds
     */
    public record LatencySummary(long count, double meanMillis, double maxMillis) {
    }

    /**
     * The counters under the snake_case keys of the original module's statistics.
     *
     * @return a new, ordered, modifiable map
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("writes_ok", writesOk);
        map.put("writes_failed", writesFailed);
        map.put("reads_ok", readsOk);
        map.put("reads_failed", readsFailed);
        map.put("records_written", recordsWritten);
        map.put("bytes_written", bytesWritten);
        map.put("records_read", recordsRead);
        map.put("bytes_read", bytesRead);
        map.put("corruptions_detected", corruptionsDetected);
        map.put("records_salvaged", recordsSalvaged);
        map.put("records_skipped", recordsSkipped);
        map.put("backup_restores", backupRestores);
        map.put("fallback_writes", fallbackWrites);
        map.put("appends", appends);
        map.put("appends_failed", appendsFailed);
        map.put("lock_waits", lockWaits);
        putLatency(map, "write_latency", writeLatency);
        putLatency(map, "read_latency", readLatency);
        putLatency(map, "append_latency", appendLatency);
        putLatency(map, "lock_wait_latency", lockWaitLatency);
        return map;
    }

    private static void putLatency(Map<String, Object> map, String name, LatencySummary latency) {
        map.put(name + "_count", latency.count());
        map.put(name + "_mean_ms", latency.meanMillis());
        map.put(name + "_max_ms", latency.maxMillis());
    }
}

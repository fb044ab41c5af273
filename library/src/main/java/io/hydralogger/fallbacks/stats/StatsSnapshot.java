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
     * The counters under snake_case keys, each the component of the same name:
     * <ul>
     *   <li>{@code writes_ok}, {@code writes_failed}: whole-file writes (and updates) that landed,
     *       and that did not (their records went to a fallback file);
     *   <li>{@code reads_ok}, {@code reads_failed}: reads that gave data (from the file, a salvage,
     *       a backup or a fallback file), and reads that gave nothing;
     *   <li>{@code records_written}, {@code bytes_written}: by writes and appends that landed;
     *   <li>{@code records_read}, {@code bytes_read}: by reads that gave data;
     *   <li>{@code corruptions_detected}: damaged files met by reads, updates and repairs;
     *       {@code records_salvaged}, {@code records_skipped}: what salvage made of them;
     *   <li>{@code backup_restores}: reads served from a backup, and backups restored;
     *   <li>{@code fallback_writes}: fallback files written (by failed writes and appends);
     *   <li>{@code appends}, {@code appends_failed}: append calls that landed, and that did not;
     *   <li>{@code lock_waits}: lock acquisitions that found the lock taken and had to wait;
     *   <li>{@code write_latency_*}, {@code read_latency_*}, {@code append_latency_*},
     *       {@code lock_wait_latency_*}: three keys each, {@code _count} (how many),
     *       {@code _mean_ms} and {@code _max_ms} (milliseconds, unrounded).
     * </ul>
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

package io.hydralogger.fallbacks;

/** What a read does when the file is missing or damaged. */
public enum RecoveryPolicy {
    /**
     * The default, as the original module: use the records salvaged from the damaged file; if
     * nothing could be salvaged, try the backups newest first, then the fallback files.
     */
    SALVAGE_THEN_BACKUP,
    /** Prefer an intact backup (newest first) over salvage; salvage only when no backup is intact. */
    BACKUP_THEN_SALVAGE,
    /** No recovery: a damaged or missing file is a failed read. */
    STRICT
}

package io.hydralogger.fallbacks;

import java.io.IOException;

/**
 * Why an operation left a file untouched on purpose: it would have made the file worse, leaving
 * it with fewer records than a salvage read finds in it now (a repair that would keep no record
 * of a non-empty file, a restore of a backup that holds fewer records, an update that would start
 * from less than the file holds). The operation can be forced where its method says so.
 */
public final class RefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why, in one line
     */
    public RefusedException(String message) {
        super(message);
    }
}

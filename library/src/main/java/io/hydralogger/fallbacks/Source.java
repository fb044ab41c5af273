package io.hydralogger.fallbacks;

import java.util.Locale;

/** Where the data of a read came from. The CLI prints the same words ({@link #label()}). */
public enum Source {
    /** The file itself, intact. */
    PRIMARY,
    /** The file itself, damaged: the valid records were salvaged and the rest skipped. */
    SALVAGED,
    /** A backup generation of the file, because the file was missing or beyond salvage. */
    BACKUP,
    /** A fallback file left by a write that could not land. */
    FALLBACK,
    /** Nothing could be read. */
    NONE;

    /** {@return the lower-case word for this source: primary, salvaged, backup, fallback, none} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

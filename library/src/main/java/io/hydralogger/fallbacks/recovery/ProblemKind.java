package io.hydralogger.fallbacks.recovery;

import java.util.Locale;

/** The kinds of damage a corruption report names. */
public enum ProblemKind {
    /** The file ends in the middle of a value (a JSON array never closed, a cut-off row). */
    TRUNCATED,
    /** Bytes that are not valid JSON or CSV where a value should be. */
    INVALID_SYNTAX,
    /** A JSON Lines file whose last line has no newline and does not parse: a torn write. */
    TORN_LAST_LINE,
    /** A CSV row with more or fewer fields than the header. */
    WRONG_FIELD_COUNT,
    /** A CSV quote that never closes, or text after a closing quote. */
    BROKEN_QUOTING,
    /** NUL bytes, as a crash leaves at the end of a file whose size grew before its data. */
    NUL_BYTES,
    /** Bytes that are not valid UTF-8. */
    INVALID_UTF8,
    /** A file of zero bytes (or only whitespace) where content was expected. */
    EMPTY_FILE,
    /** Content after a complete JSON document. */
    TRAILING_DATA,
    /** Nesting deeper than the read limit. */
    TOO_DEEP,
    /** A string, number, name or document longer than the read limit. */
    TOO_LONG,
    /** The file does not exist. */
    MISSING,
    /** The file could not be read (permissions, I/O error). */
    UNREADABLE;

    /** {@return the lower-case name used in reports, e.g. {@code torn_last_line}} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

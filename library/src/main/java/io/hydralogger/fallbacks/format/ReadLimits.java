package io.hydralogger.fallbacks.format;

import tools.jackson.core.StreamReadConstraints;

/**
 * Limits that keep a hostile file from exhausting the stack or the heap. A file past a limit is
 * reported as damaged ({@code too_deep} or {@code too_long}); it never crashes the reader.
 *
 * @param maxNestingDepth deepest nesting of arrays and objects (default 500)
 * @param maxStringLength longest string, in characters (default 20,000,000)
 * @param maxNumberLength longest number, in characters (default 1,000)
 * @param maxDocumentBytes largest file, in bytes; -1 for no limit (the default)
 */
public record ReadLimits(int maxNestingDepth, int maxStringLength, int maxNumberLength, long maxDocumentBytes) {
    /** The defaults: Jackson 3's own, and no limit on the file size. */
    public static final ReadLimits DEFAULTS = new ReadLimits(500, 20_000_000, 1000, -1);

    /**
     * Checks the limits.
     *
     * @param maxNestingDepth deepest nesting of arrays and objects (default 500)
     * @param maxStringLength longest string, in characters (default 20,000,000)
     * @param maxNumberLength longest number, in characters (default 1,000)
     * @param maxDocumentBytes largest file, in bytes; -1 for no limit (the default)
     * @throws IllegalArgumentException if a limit is not positive (-1 is allowed for the size)
     */
    public ReadLimits {
        if (maxNestingDepth <= 0 || maxStringLength <= 0 || maxNumberLength <= 0
                || (maxDocumentBytes <= 0 && maxDocumentBytes != -1)) {
            throw new IllegalArgumentException("read limits must be positive (size may be -1): " + maxNestingDepth
                    + ", " + maxStringLength + ", " + maxNumberLength + ", " + maxDocumentBytes);
        }
    }

    /** {@return these limits as Jackson stream-read constraints} */
    public StreamReadConstraints toConstraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .maxDocumentLength(maxDocumentBytes)
                .build();
    }
}

package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Format;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * One pass of salvage over one file, pulled record by record: the common part of the engines
 * of each format. In counting mode (no values) the engine validates what it would return but
 * builds nothing, which is what inspection needs. Not thread-safe.
 */
abstract class Engine implements Closeable {
    /** Returned by {@link #next()} when the file has no more records. */
    static final Object END = new Object();
    /** Problems listed one by one in a report; the rest are summed up in one last problem. */
    static final int MAX_LISTED_PROBLEMS = 1000;

    private final Path path;
    private final Format format;
    private final boolean values;
    private final List<Problem> problems = new ArrayList<>();
    private long unlisted;
    private ProblemKind unlistedKind;
    private long valid;
    private long skipped;
    private boolean lostUncountable;
    private final List<String> notes = new ArrayList<>();

    Engine(Path path, Format format, boolean values) {
        this.path = path;
        this.format = format;
        this.values = values;
    }

    /** {@return whether records are built (false: only validated and counted)} */
    final boolean values() {
        return values;
    }

    /**
     * Moves to the next valid record.
     *
     * @return the record (null in counting mode or for a JSON null), or {@link #END}
     * @throws IOException if the file cannot be read
     */
    final Object next() throws IOException {
        Object record = advance();
        if (record != END) {
            valid++;
        }
        return record;
    }

    /** Finds the next record; see {@link #next()}. */
    abstract Object advance() throws IOException;

    /**
     * {@return how far into the file the records handed out reach, when the engine knows it
     * better than the reads of its file tell (helper threads read ahead), or -1: then the reads
     * of the file say how far the engine got}
     */
    long bytesTaken() {
        return -1;
    }

    /** Counts damaged stretches (lines, rows, runs of bytes) that had to be dropped. */
    final void skipped(long count) {
        skipped += count;
    }

    /** Notes something that looks wrong without being damage (one line). */
    final void note(String note) {
        notes.add(note);
    }

    /** Notes that a damaged stretch may have held any number of records: the records lost cannot be counted. */
    final void lostUncountable() {
        lostUncountable = true;
    }

    /** Notes a problem found at a place of the file. */
    final void problem(ProblemKind kind, long offset, long line, String message) {
        if (problems.size() < MAX_LISTED_PROBLEMS) {
            problems.add(new Problem(kind, offset, line, message));
        } else {
            unlisted++;
            if (unlistedKind == null) {
                unlistedKind = kind;
            }
        }
    }

    /**
     * What an engine found, before it is made a report: what a scan on several threads joins
     * with the finds of the other stretches into the report one engine would have made.
     *
     * @param listed the problems listed one by one (at most {@link #MAX_LISTED_PROBLEMS})
     * @param unlisted how many more there were
     * @param unlistedKind the kind of the first of those, or null
     * @param valid the intact records
     * @param skipped the damaged stretches skipped
     * @param lostUncountable whether the records lost cannot be counted
     * @param notes the notes
     */
    record Finds(List<Problem> listed, long unlisted, ProblemKind unlistedKind, long valid, long skipped,
            boolean lostUncountable, List<String> notes) {
    }

    /**
     * Takes over what another engine found over a stretch of the same file: its problems (line
     * numbers shifted by the lines before the stretch) and its counts but the records, which
     * this engine counts as it returns them.
     *
     * @param finds what the other engine found
     * @param linesBefore the line breaks before the stretch
     */
    final void takeOver(Finds finds, long linesBefore) {
        for (Problem found : finds.listed()) {
            problem(found.kind(), found.offset(), found.line() > 0 ? found.line() + linesBefore : found.line(),
                    found.message());
        }
        if (finds.unlisted() > 0) {
            if (unlistedKind == null) {
                unlistedKind = finds.unlistedKind();
            }
            unlisted += finds.unlisted();
        }
        skipped += finds.skipped();
        lostUncountable |= finds.lostUncountable();
        notes.addAll(finds.notes());
    }

    /** {@return what was found so far, not yet a report} */
    final Finds finds() {
        return new Finds(List.copyOf(problems), unlisted, unlistedKind, valid, skipped, lostUncountable,
                List.copyOf(notes));
    }

    /** {@return what was found so far: complete once {@link #next()} returned {@link #END}} */
    final CorruptionReport report() {
        List<Problem> all = problems;
        if (unlisted > 0) {
            all = new ArrayList<>(problems);
            all.add(new Problem(unlistedKind, -1, -1, unlisted + " more problems not listed"));
        }
        return new CorruptionReport(path, format, all, valid, skipped, lostUncountable ? -1 : skipped, notes);
    }

    /**
     * Names the kind of damage behind a parser error.
     *
     * @param error what the parser threw
     * @return the kind
     */
    static ProblemKind classify(Throwable error) {
        if (error instanceof StackOverflowError) {
            return ProblemKind.TOO_DEEP;
        }
        if (error instanceof OutOfMemoryError) {
            return ProblemKind.TOO_LONG;
        }
        String message = String.valueOf(error.getMessage());
        if (message.contains("nesting depth")) {
            return ProblemKind.TOO_DEEP;
        }
        if (error instanceof StreamConstraintsException) {
            return ProblemKind.TOO_LONG;
        }
        if (message.contains("UTF-8") || message.contains("UTF8")) {
            return ProblemKind.INVALID_UTF8;
        }
        if (message.contains("code 0)")) {
            return ProblemKind.NUL_BYTES;
        }
        if (message.contains("end-of-input")) {
            return ProblemKind.TRUNCATED;
        }
        return ProblemKind.INVALID_SYNTAX;
    }

    /**
     * Walks over the value at the parser's current token without building it, decoding strings
     * so that bytes that are not UTF-8 are found as a full read would find them.
     *
     * @param parser the parser, at the first token of a value
     */
    static void walk(JsonParser parser) {
        int depth = 0;
        JsonToken token = parser.currentToken();
        while (token != null) {
            switch (token) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case VALUE_STRING -> parser.getStringLength();
                default -> {
                    // names are decoded by the parser; numbers and literals are checked as read
                }
            }
            if (depth == 0) {
                return;
            }
            token = parser.nextToken();
        }
    }

    /** {@return the first line of an error's message, for a report} */
    static String describe(Throwable error) {
        if (error instanceof StackOverflowError) {
            return "nesting too deep for the stack";
        }
        if (error instanceof OutOfMemoryError) {
            return "a value too large for the memory";
        }
        String message = error.getMessage();
        if (message == null) {
            return error.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

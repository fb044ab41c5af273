package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.format.ReadRules;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Salvages a JSON Lines file line by line, by the {@link ReadRules}: a line that is not exactly
 * one JSON value is skipped and reported; blank lines, CRLF and CR line breaks and a UTF-8 byte
 * order mark are not damage. A last line without its line break is kept when it is a complete
 * value, except a number (it may have lost digits): that is a torn last line.
 */
final class JsonLinesEngine extends Engine {
    private final JsonMapper mapper;
    private final ObjectReader reader;
    private final LineReader lines;

    JsonLinesEngine(Path path, FileBytes file, JsonMapper mapper, ReadLimits limits, boolean values)
            throws IOException {
        super(path, Format.JSON_LINES, values);
        this.mapper = mapper;
        this.reader = mapper.readerFor(Object.class);
        long start = file.contentStart();
        this.lines = new LineReader(new BufferedInputStream(file.streamAt(start), 64 * 1024), start, lineCap(limits));
    }

    /**
     * The longest line kept in memory: a string at the limit may need up to 4 bytes per
     * character plus escapes, but never more than a quarter of the heap.
     */
    static int lineCap(ReadLimits limits) {
        long byLimits = limits.maxStringLength() * 6L + 1024 * 1024;
        if (limits.maxDocumentBytes() > 0) {
            byLimits = Math.min(byLimits, limits.maxDocumentBytes());
        }
        long byHeap = Runtime.getRuntime().maxMemory() / 4;
        return (int) Math.max(1024, Math.min(Math.min(byLimits, byHeap), Integer.MAX_VALUE - 16));
    }

    @Override
    @Nullable Object advance() throws IOException {
        while (lines.next()) {
            if (lines.blank()) {
                continue;
            }
            long offset = lines.offset();
            long line = lines.number();
            if (lines.hasNul()) {
                skip(ProblemKind.NUL_BYTES, "NUL bytes in the line");
                continue;
            }
            if (lines.tooLong()) {
                skip(ProblemKind.TOO_LONG, "a line longer than the read limits allow");
                continue;
            }
            try (JsonParser parser = mapper.createParser(lines.bytes(), 0, lines.length())) {
                try {
                    Object value = parse(parser);
                    if (value != Skipped.CUT) {
                        return value;
                    }
                    skip(ProblemKind.TORN_LAST_LINE,
                            "the last line has no line ending and ends in a number: it may be cut short");
                } catch (JacksonException | StackOverflowError | OutOfMemoryError e) {
                    ProblemKind kind = e instanceof SecondValue ? ProblemKind.INVALID_SYNTAX : kindOf(e, parser);
                    if (!lines.terminated() && (kind == ProblemKind.TRUNCATED || kind == ProblemKind.INVALID_SYNTAX)) {
                        kind = ProblemKind.TORN_LAST_LINE;
                    }
                    problem(kind, offset, line, describe(e));
                    skipped(1);
                }
            }
        }
        return END;
    }

    private void skip(ProblemKind kind, String message) {
        problem(kind, lines.offset(), lines.number(), message);
        skipped(1);
    }

    /** Parses the line as exactly one value; {@link Skipped#CUT} for a number that may be cut. */
    private @Nullable Object parse(JsonParser parser) {
        JsonToken first = parser.nextToken();
        if (!lines.terminated() && ReadRules.mayBeCut(first)) {
            parser.nextToken();
            return Skipped.CUT;
        }
        Object value;
        if (values()) {
            value = reader.readValue(parser);
        } else {
            walk(parser);
            value = null;
        }
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new SecondValue(parser, after);
        }
        return value;
    }

    /** The kind of damage behind a parser error on the current line. */
    private ProblemKind kindOf(Throwable error, JsonParser parser) throws IOException {
        byte[] bytes = lines.bytes();
        return DamageKinds.kindOf(error, parser, offset -> bytes[(int) offset] & 0xFF, 0, 0, lines.length());
    }

    /** A line that holds more than one value (invalid syntax for JSON Lines). */
    private static final class SecondValue extends StreamReadException {
        private static final long serialVersionUID = 1L;

        SecondValue(JsonParser parser, JsonToken after) {
            super(parser, "more than one JSON value on the line (" + after + " after the first)");
        }
    }


    /** Marks a line that parsed but is not kept. */
    private enum Skipped { CUT }

    @Override
    public void close() {
        // the file belongs to the caller
    }
}

package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Salvages a JSON file. A top-level array keeps every complete element before the first damage;
 * then it resynchronises: it looks for the next element start (a brace or bracket right after a
 * comma) and parses from there as if an array began, accepting an element only when a comma or
 * the closing bracket follows it, and dropping the whole stretch when that closing bracket turns
 * out to close an array nested in a damaged element (something other than the end of the file
 * or junk follows it). A UTF-8 byte order mark at the start is skipped. A file of several top-level values is JSON Lines under a .json name and
 * is salvaged as such; a single value is all or nothing. Never invents a record: a number cut
 * off by the end of the file (it might have had more digits) is dropped too.
 */
final class JsonEngine extends Engine {
    /**
     * Put before the bytes of every parse: four bytes without a zero keep Jackson from taking
     * a file whose damage begins with NUL bytes for UTF-16 or UTF-32; the file is UTF-8.
     */
    private static final byte[] PREFIX = {' ', ' ', ' ', ' '};
    /** Put before a resynchronised run: it parses as if an array began there. */
    private static final byte[] OPEN_ARRAY = {' ', ' ', ' ', '['};

    private final FileBytes file;
    private final JsonMapper mapper;
    private final ObjectReader reader;
    private final ReadLimits limits;

    private @Nullable JsonParser main;
    private long lastGoodEnd;
    /** Where the JSON text starts: after a UTF-8 byte order mark, or 0. */
    private long contentStart;
    private long scanFrom = -1;
    private @Nullable JsonParser emit;
    private long emitLeft;
    private long countLeft;
    private boolean started;
    private boolean singleValue;
    private @Nullable Engine delegate;
    /** Where a damaged element's damage was met, until {@link #settleLoss} counts its stretch; -1: none. */
    private long lossFrom = -1;

    JsonEngine(Path path, FileBytes file, JsonMapper mapper, ReadLimits limits, boolean values) {
        super(path, Format.JSON, values);
        this.file = file;
        this.mapper = mapper;
        this.limits = limits;
        this.reader = mapper.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    @Nullable Object advance() throws IOException {
        while (true) {
            if (delegate != null) {
                Object record = delegate.advance();
                if (record == END) {
                    mergeDelegate();
                }
                return record;
            }
            if (emit != null) {
                if (emitLeft > 0) {
                    emitLeft--;
                    emit.nextToken();
                    return element(emit);
                }
                emit.close();
                emit = null;
                continue;
            }
            if (countLeft > 0) {
                countLeft--;
                return null;
            }
            if (!started) {
                started = true;
                Object root = start();
                if (root != END) {
                    return root;
                }
                continue;
            }
            if (main != null) {
                Object record = stepArray();
                if (record != END) {
                    return record;
                }
                continue;
            }
            if (scanFrom >= 0) {
                resync();
                continue;
            }
            return END;
        }
    }

    /** Reads the root: an array goes on element by element; any other value is all or nothing. */
    private @Nullable Object start() throws IOException {
        lastGoodEnd = -1;
        contentStart = file.contentStart();
        if (file.skipWhitespace(contentStart) < 0) {
            problem(ProblemKind.EMPTY_FILE, 0, 1, file.size() == 0 ? "the file is empty" : "the file holds only white space");
            return END;
        }
        JsonParser parser = parserAt(PREFIX, contentStart);
        try {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                main = parser;
                lastGoodEnd = offset(parser.currentLocation());
                return END;
            }
            Object value = element(parser);
            long end = offset(parser.currentLocation());
            return afterRoot(parser, value, end);
        } catch (JacksonException | StackOverflowError | OutOfMemoryError e) {
            fail(e, parser, true);
            parser.close();
            return END;
        }
    }

    /** After a single root value: the end of the file, more values (JSON Lines), or junk. */
    private @Nullable Object afterRoot(JsonParser parser, @Nullable Object value, long end) throws IOException {
        try (parser) {
            JsonToken next;
            try {
                next = parser.nextToken();
            } catch (JacksonException e) {
                ProblemKind kind = kindOf(e, parser, contentStart - PREFIX.length, contentStart);
                problem(kind == ProblemKind.INVALID_SYNTAX ? ProblemKind.TRAILING_DATA : kind, end, file.lineAt(end),
                        "content after the complete JSON value: " + describe(e));
                skipped(1);
                lostUncountable();
                singleValue = true;
                return value;
            }
            if (next == null) {
                singleValue = true;
                return value;
            }
        }
        problem(ProblemKind.TRAILING_DATA, end, file.lineAt(end),
                "more than one top-level value: read as JSON Lines, one value per line");
        delegate = new JsonLinesEngine(Path.of(""), file, mapper, limits, values());
        return END;
    }

    /** {@return whether the file held one top-level value that is not an array (known once read)} */
    boolean singleValue() {
        return singleValue;
    }

    private void mergeDelegate() {
        CorruptionReport report = Objects.requireNonNull(delegate).report();
        for (Problem p : report.problems()) {
            problem(p.kind(), p.offset(), p.line(), p.message());
        }
        skipped(report.skippedRecords());
        if (report.lostRecords() < 0) {
            lostUncountable();
        }
        delegate = null;
    }

    /** Reads the next element of the intact part of the top-level array. */
    private @Nullable Object stepArray() throws IOException {
        long elementStart = -1;
        JsonParser main = Objects.requireNonNull(this.main, "the array is open");
        try {
            JsonToken token = main.nextToken();
            if (token == JsonToken.END_ARRAY) {
                long end = offset(main.currentLocation());
                main.close();
                this.main = null;
                if (checkEnd(end)) {
                    scanFrom = end;
                }
                return END;
            }
            elementStart = offset(main.currentTokenLocation());
            if (token != null && token.isNumeric()) {
                Object number = element(main);
                long after = file.skipWhitespace(numberEnd(elementStart));
                int b = after < 0 ? -1 : file.byteAt(after);
                if (b != ',' && b != ']') {
                    throw new CutNumber(after < 0 ? file.size() : after);
                }
                lastGoodEnd = offset(main.currentLocation());
                return number;
            }
            Object value = element(main);
            lastGoodEnd = offset(main.currentLocation());
            return value;
        } catch (JacksonException | StackOverflowError | OutOfMemoryError | CutNumber e) {
            long at = fail(e, main, elementStart < 0);
            if (elementStart >= 0) {
                lossFrom = at;
            }
            main.close();
            this.main = null;
            scanFrom = elementStart >= 0 && !(e instanceof CutNumber) ? elementStart + 1 : lastGoodEnd;
            return END;
        }
    }

    /** {@return the offset just past the number that starts at {@code start}} */
    private long numberEnd(long start) throws IOException {
        long p = start;
        for (int b = file.byteAt(p); b >= 0 && "0123456789+-.eE".indexOf(b) >= 0; b = file.byteAt(++p)) {
            // digits, signs, point and exponent
        }
        return p;
    }

    /**
     * After the top-level array closed: only white space may follow. Damage can close the array
     * early (a stray bracket), so intact elements may still follow the junk: the caller goes on
     * looking for them.
     *
     * @return whether junk follows
     */
    private boolean checkEnd(long end) throws IOException {
        long junk = file.skipWhitespace(end);
        if (junk < 0) {
            return false;
        }
        int b = file.byteAt(junk);
        problem(b == 0 ? ProblemKind.NUL_BYTES : ProblemKind.TRAILING_DATA, junk, file.lineAt(junk),
                "content after the end of the top-level array (" + (file.size() - junk) + " bytes)");
        skipped(1);
        lostUncountable();
        return true;
    }

    /**
     * Reports the damage a parse met.
     *
     * @param uncountable whether the records the damaged stretch held cannot be counted (else
     *     the caller settles that once it knows where the stretch ends)
     * @return where the damage was met
     */
    private long fail(Throwable e, JsonParser parser, boolean uncountable) throws IOException {
        long offset;
        long line;
        if (e instanceof CutNumber cut) {
            offset = cut.offset;
            line = file.lineAt(offset);
            problem(ProblemKind.TRUNCATED, offset, line, "a number cut off by the end of the file or by damage");
        } else {
            offset = errorOffset(e, parser, contentStart - PREFIX.length);
            line = file.lineAt(offset);
            problem(kindOf(e, parser, contentStart - PREFIX.length, contentStart), offset, line, describe(e));
        }
        skipped(1);
        if (uncountable) {
            lostUncountable();
        }
        return offset;
    }

    /**
     * Counts the records the stretch of an element damaged at {@code from} held, now that it ends at
     * {@code end} (the next intact element or the end of the file): the damage was inside that element,
     * so when no comma lies in the rest but the one before the next element, one record. Else not countable.
     */
    private void settleLoss(long from, long end, boolean commaBeforeEnd) throws IOException {
        if (from >= 0 && (end < from || file.count(',', from, end) > (commaBeforeEnd ? 1 : 0))) {
            lostUncountable();
        }
    }

    private long errorOffset(Throwable e, JsonParser parser, long base) {
        return Math.max(0, Math.min(file.size(), DamageKinds.stopOf(e, parser) + base));
    }

    /** The kind of damage behind an error of a parser whose file bytes begin at {@code start}. */
    private ProblemKind kindOf(Throwable e, JsonParser parser, long base, long start) throws IOException {
        return DamageKinds.kindOf(e, parser, file::byteAt, base, start, file.size());
    }

    /** Looks for the next run of intact elements after damage; validates it before using it. */
    private void resync() throws IOException {
        long candidate = file.findElementStart(scanFrom);
        if (candidate < 0) {
            settleLoss(lossFrom, file.size(), false);
            lossFrom = -1;
            scanFrom = -1;
            return;
        }
        long pending = lossFrom;
        lossFrom = -1;
        Run run = validate(candidate);
        if (run.accepted > 0) {
            settleLoss(pending, candidate, true);
            if (values()) {
                emit = runParser(candidate);
                emit.nextToken();
                emitLeft = run.accepted;
            } else {
                countLeft = run.accepted;
            }
        } else {
            lossFrom = pending;
        }
        scanFrom = run.next;
        if (scanFrom < 0) {
            settleLoss(lossFrom, file.size(), false);
            lossFrom = -1;
        }
    }

    /** What a parse from a candidate element start found. */
    private record Run(long accepted, long next) {
    }

    private JsonParser parserAt(byte[] prefix, long start) {
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(prefix), file.streamAt(start));
        return mapper.createParser(in);
    }

    /** {@return the file offset of a location of a parser made by {@code parserAt(PREFIX, contentStart)}} */
    private long offset(tools.jackson.core.TokenStreamLocation location) {
        return contentStart + location.getByteOffset() - PREFIX.length;
    }

    private JsonParser runParser(long start) {
        return parserAt(OPEN_ARRAY, start);
    }

    /**
     * Parses from a candidate as if an array began there, without building anything: counts the
     * elements followed by a comma or the closing bracket and says where to look next.
     */
    private Run validate(long candidate) throws IOException {
        long base = candidate - OPEN_ARRAY.length;
        long accepted = 0;
        long previousEnd = -1;
        try (JsonParser parser = runParser(candidate)) {
            parser.nextToken();
            while (true) {
                JsonToken token;
                try {
                    token = parser.nextToken();
                } catch (JacksonException | StackOverflowError | OutOfMemoryError e) {
                    if (previousEnd >= 0) {
                        long separator = file.skipWhitespace(previousEnd);
                        if (separator >= 0 && file.byteAt(separator) == ',') {
                            accepted++;
                        }
                    }
                    reportRunEnd(e, parser, base, accepted, false);
                    return new Run(accepted, previousEnd >= 0 ? previousEnd : candidate + 1);
                }
                if (previousEnd >= 0) {
                    accepted++;
                }
                if (token == JsonToken.END_ARRAY || token == null) {
                    long end = base + parser.currentLocation().getByteOffset();
                    return closed(accepted, end);
                }
                long elementStart = base + parser.currentTokenLocation().getByteOffset();
                try {
                    walk(parser);
                } catch (JacksonException | StackOverflowError | OutOfMemoryError e) {
                    reportRunEnd(e, parser, base, accepted, true);
                    return new Run(accepted, elementStart + 1);
                }
                previousEnd = base + parser.currentLocation().getByteOffset();
            }
        }
    }

    /** A run that reached a closing bracket: the end of the file's array, or a nested one. */
    private Run closed(long accepted, long end) throws IOException {
        long after = file.skipWhitespace(end);
        if (after < 0) {
            return new Run(accepted, -1);
        }
        int b = file.byteAt(after);
        if (b == ',' || b == '}' || b == ']') {
            return new Run(0, end);
        }
        if (accepted > 0) {
            checkEnd(end);
        }
        return new Run(accepted, end);
    }

    /** Reports the damage that ended a run of accepted elements: inside an element, its loss is settled later. */
    private void reportRunEnd(Throwable e, JsonParser parser, long base, long accepted, boolean insideElement)
            throws IOException {
        if (accepted > 0) {
            long offset = errorOffset(e, parser, base);
            problem(kindOf(e, parser, base, base + OPEN_ARRAY.length), offset, file.lineAt(offset), describe(e));
            skipped(1);
            if (insideElement) {
                lossFrom = offset;
            } else {
                lostUncountable();
            }
        }
    }

    /** Reads (or in counting mode validates) the value at the parser's current token. */
    private @Nullable Object element(JsonParser parser) {
        if (values()) {
            return reader.readValue(parser);
        }
        walk(parser);
        return null;
    }


    @Override
    public void close() throws IOException {
        if (main != null) {
            main.close();
        }
        if (emit != null) {
            emit.close();
        }
    }

    /** A number element not followed by a separator: it may be cut short, so it is dropped. */
    private static final class CutNumber extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient long offset;

        CutNumber(long offset) {
            super("value cut off", null, false, false);
            this.offset = offset;
        }
    }
}

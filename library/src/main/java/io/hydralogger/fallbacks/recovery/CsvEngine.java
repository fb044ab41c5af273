package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.format.ReadRules;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Salvages a CSV or TSV file with a header row by the {@link ReadRules} (RFC 4180 quoting with the
 * dialect's delimiter; LF, CRLF or CR line breaks; a byte order mark, which names the charset, or
 * the dialect's charset; text that is not UTF-8 is read through a {@link Utf8Transcoder}). A quoted field keeps its bytes exactly, line
 * breaks included. A row with the wrong number of fields, NUL bytes or bytes that are not UTF-8 is
 * skipped. A quoted field may span lines; but when the quote does not close properly
 * within {@value #MAX_SPAN_LINES} lines (or {@value #MAX_SPAN_BYTES} bytes), or the row it
 * makes has the wrong number of fields, only the line where the quote opened is dropped and the
 * following lines are read again as rows: an unclosed quote never swallows the rest of the file.
 * A last row without a line break is a record when it is complete (quotes closed, the header's
 * number of fields); one that ends inside a quoted field is a torn last line. Empty lines are
 * not rows.
 */
final class CsvEngine extends Engine {
    /** Most lines one quoted field may span. */
    static final int MAX_SPAN_LINES = 1000;
    /** Most bytes one row spanning lines may have. */
    static final int MAX_SPAN_BYTES = 1024 * 1024;

    private final LineReader lines;
    private final char delimiter;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Deque<Line> pending = new ArrayDeque<>();
    private @Nullable List<String> header;
    private boolean done;

    CsvEngine(Path path, Format format, FileBytes file, ReadLimits limits, Dialect dialect, boolean values)
            throws IOException {
        super(path, format, values);
        this.delimiter = dialect.delimiter();
        byte[] head = new byte[3];
        int length = 0;
        for (int b = file.byteAt(0); length < head.length && b >= 0; b = file.byteAt(++length)) {
            head[length] = (byte) b;
        }
        Optional<Charset> bom = ReadRules.bomCharset(head, length);
        Charset charset = bom.orElse(dialect.charset());
        long start = bom.map(ReadRules::bomLength).orElse(0);
        InputStream text = new BufferedInputStream(file.streamAt(start), 64 * 1024);
        if (!charset.equals(StandardCharsets.UTF_8)) {
            text = new BufferedInputStream(new Utf8Transcoder(text, charset), 64 * 1024);
            start = 0;
        }
        this.lines = new LineReader(text, start, JsonLinesEngine.lineCap(limits));
    }

    /** One physical line, decoded (text is null when it could not be), and the line break after it. */
    private record Line(long offset, long number, @Nullable String text, String lineBreak,
            @Nullable ProblemKind damage) {
        boolean terminated() {
            return !lineBreak.isEmpty();
        }

        /** {@return the text of a line that is not damaged (only a damaged line has none)} */
        String undamaged() {
            return Objects.requireNonNull(text, "a damaged line has no text");
        }
    }

    @Override
    @Nullable Object advance() throws IOException {
        while (!done) {
            Line first = take();
            if (first == null) {
                break;
            }
            if (first.damage == null && first.undamaged().isEmpty()) {
                continue;
            }
            List<String> fields = row(first);
            if (fields == null) {
                if (header == null) {
                    problem(ProblemKind.INVALID_SYNTAX, first.offset, first.number,
                            "the header row is damaged: no row can be matched to its columns");
                    lostUncountable();
                    done = true;
                }
                continue;
            }
            if (header == null) {
                header = fields;
                if (fields.size() == 1) {
                    ReadRules.delimiterHint(first.undamaged(), delimiter).ifPresent(this::note);
                }
                continue;
            }
            if (!ReadRules.isCompleteCsvRow(true, fields.size(), header.size())) {
                problem(ProblemKind.WRONG_FIELD_COUNT, first.offset, first.number,
                        "the row has " + fields.size() + " fields, the header " + header.size());
                skipped(1);
                continue;
            }
            if (!values()) {
                return null;
            }
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                record.putIfAbsent(header.get(i), fields.get(i));
            }
            return record;
        }
        return END;
    }

    /**
     * Reads the row that starts at {@code first}, following a quoted field over lines.
     *
     * @return the fields, or null when the row was dropped (and reported)
     */
    private @Nullable List<String> row(Line first) throws IOException {
        if (first.damage != null) {
            return drop(first, first.damage, first.damage == ProblemKind.NUL_BYTES ? "NUL bytes in the row"
                    : first.damage == ProblemKind.INVALID_UTF8 ? "bytes that are not UTF-8 in the row"
                    : "a row longer than the read limits allow");
        }
        List<String> fields = new ArrayList<>();
        Parse result = parse(first.undamaged(), delimiter, fields);
        if (result == Parse.BROKEN) {
            return drop(first, first.terminated() ? ProblemKind.BROKEN_QUOTING : ProblemKind.TORN_LAST_LINE,
                    "text after a closing quote");
        }
        if (result == Parse.COMPLETE) {
            return fields;
        }
        List<Line> span = new ArrayList<>();
        span.add(first);
        StringBuilder text = new StringBuilder(first.undamaged());
        Line last = first;
        while (last.terminated() && span.size() < MAX_SPAN_LINES && text.length() <= MAX_SPAN_BYTES) {
            Line line = take();
            if (line == null) {
                break;
            }
            span.add(line);
            String lineBreak = last.lineBreak;
            last = line;
            if (line.damage != null) {
                break;
            }
            text.append(lineBreak).append(line.undamaged());
            fields.clear();
            result = parse(text, delimiter, fields);
            if (result != Parse.OPEN) {
                if (result == Parse.COMPLETE && (header == null || fields.size() == header.size())) {
                    return fields;
                }
                break;
            }
        }
        for (int i = span.size() - 1; i >= 1; i--) {
            pending.addFirst(span.get(i));
        }
        boolean torn = span.size() == 1 && !first.terminated();
        return drop(first, torn ? ProblemKind.TORN_LAST_LINE : ProblemKind.BROKEN_QUOTING,
                torn ? "the last row ends inside a quoted field" : "a quote opened in this row does not close properly");
    }

    private @Nullable List<String> drop(Line line, ProblemKind kind, String message) {
        problem(kind, line.offset, line.number, message);
        skipped(1);
        return null;
    }

    private @Nullable Line take() throws IOException {
        if (!pending.isEmpty()) {
            return pending.pollFirst();
        }
        if (!lines.next()) {
            return null;
        }
        ProblemKind damage = null;
        String text = null;
        if (lines.hasNul()) {
            damage = ProblemKind.NUL_BYTES;
        } else if (lines.tooLong()) {
            damage = ProblemKind.TOO_LONG;
        } else {
            try {
                text = decoder.decode(ByteBuffer.wrap(lines.bytes(), 0, lines.length())).toString();
            } catch (CharacterCodingException e) {
                damage = ProblemKind.INVALID_UTF8;
            }
        }
        return new Line(lines.offset(), lines.number(), text, lines.lineBreak(), damage);
    }

    /** How far a row's text parsed. */
    private enum Parse { COMPLETE, OPEN, BROKEN }

    /** Splits a row's text into fields (RFC 4180; a quote inside an unquoted field is text). */
    static Parse parse(CharSequence text, char delimiter, List<String> fields) {
        int n = text.length();
        int i = 0;
        StringBuilder field = new StringBuilder();
        while (true) {
            field.setLength(0);
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        return Parse.OPEN;
                    }
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                if (i < n && text.charAt(i) != delimiter) {
                    return Parse.BROKEN;
                }
            } else {
                while (i < n && text.charAt(i) != delimiter) {
                    field.append(text.charAt(i));
                    i++;
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return Parse.COMPLETE;
            }
            i++;
        }
    }

    @Override
    public void close() {
        done = true;
    }
}

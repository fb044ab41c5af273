package io.hydralogger.fallbacks.format;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one set of rules that decides what a file holds, used by every path that reads one: the
 * strict reads, {@link io.hydralogger.fallbacks.recovery.CorruptionDetector#inspect inspection},
 * {@link io.hydralogger.fallbacks.recovery.DataRecovery salvage},
 * the torn-tail check of appends, and through them every command of the tool. A file is intact
 * when these rules find every byte of it in a record; they follow RFC 8259 (JSON), JSON Lines
 * and RFC 4180 (CSV) as other programs write them:
 *
 * <ul>
 *   <li>A UTF-8 byte order mark at the start of a file is skipped, in every format.
 *   <li>LF, CRLF and a lone CR are all line breaks.
 *   <li>A quoted CSV field keeps its bytes exactly, line breaks included.
 *   <li>The last line or row needs no line break of its own: it is a record when it is
 *       complete. A JSON Lines line is complete when it is exactly one JSON value that could not
 *       be the prefix of a longer one: any value but a number ({@code 12} may be the first digits
 *       of {@code 123}; {@code null}, {@code true}, strings, objects and arrays end themselves).
 *       A CSV row is complete when its quotes are closed and it has the header's number of
 *       fields.
 *   <li>A CSV cell never holds a NUL byte; a JSON value never holds one outside a string escape.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class ReadRules {
    /** The UTF-8 encoding of the byte order mark U+FEFF. */
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReadRules() {
    }

    /**
     * {@return the length of the UTF-8 byte order mark at the start of {@code head} (3), or 0}
     *
     * @param head the first bytes of a file
     * @param length how many of them there are
     */
    public static int bomLength(byte[] head, int length) {
        if (length < UTF8_BOM.length) {
            return 0;
        }
        for (int i = 0; i < UTF8_BOM.length; i++) {
            if (head[i] != UTF8_BOM[i]) {
                return 0;
            }
        }
        return UTF8_BOM.length;
    }

    /**
     * {@return the charset a byte order mark at the start of {@code head} names (UTF-8, UTF-16LE
     * or UTF-16BE), or empty when there is none}
     *
     * @param head the first bytes of a file
     * @param length how many of them there are
     */
    public static Optional<Charset> bomCharset(byte[] head, int length) {
        if (bomLength(head, length) > 0) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        if (length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        return Optional.empty();
    }

    /**
     * {@return whether a file that starts with these bytes may be read as UTF-8 bytes: no byte
     * order mark of UTF-16 or UTF-32 and no zero byte among its first four bytes (a file in
     * those encodings, with or without a mark, has one). Byte-level cuts into lines or elements
     * are only made in such a file}
     *
     * @param head the first bytes of a file
     * @param length how many of them there are
     */
    public static boolean mayBeUtf8(byte[] head, int length) {
        for (int i = 0; i < Math.min(length, 4); i++) {
            int b = head[i] & 0xFF;
            if (b == 0 || b == 0xFE || b == 0xFF) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the length of the byte order mark of a charset that {@link #bomCharset} found}
     *
     * @param charset the charset
     */
    public static int bomLength(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) ? UTF8_BOM.length : 2;
    }

    /**
     * Says, in one line, when a CSV header obviously uses another delimiter than the one asked
     * for: it is one field with that delimiter, and two or more with a comma, semicolon, tab or
     * bar. Without this, such a file reads as one silent column.
     *
     * @param header the header line, as text
     * @param delimiter the delimiter asked for
     * @return the note, or empty when nothing looks wrong
     */
    public static Optional<String> delimiterHint(String header, char delimiter) {
        if (header.indexOf(delimiter) >= 0) {
            return Optional.empty();
        }
        for (char other : new char[] {',', ';', '\t', '|'}) {
            if (other != delimiter && header.indexOf(other) >= 0) {
                return Optional.of("the header has no " + name(delimiter) + " but " + name(other)
                        + ": it looks " + name(other) + "-separated, and reads as one column (give the delimiter "
                        + name(other) + ")");
            }
        }
        return Optional.empty();
    }

    private static String name(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    /**
     * {@return whether a byte or character is a line break (LF or CR; CRLF is one line break)}
     *
     * @param c the byte or character
     */
    public static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r';
    }

    /**
     * {@return whether a JSON value that starts with this token may have been cut short when no
     * line break follows it: only a number (more digits may have been lost)}
     *
     * @param first the value's first token
     */
    public static boolean mayBeCut(@Nullable JsonToken first) {
        return first != null && first.isNumeric();
    }

    /**
     * The JSON Lines rule for a parser that reads many lines at once (the strict reads, the quick
     * look of an inspection on several threads): every value on a line of its own, and a last
     * value without a line break after it one that {@link #mayBeCut could not have been cut}.
     * Call {@link #ownLine} at each value's first token, {@link #sameLine} after the value was
     * read, {@link #complete} at the end of the input. Line numbers are the parser's (Jackson
     * counts LF, CRLF and a lone CR as one line break each). Not thread-safe: one per parser.
     */
    public static final class JsonLines {
        private long lastLine;
        private long line;
        private boolean lastMayBeCut;

        /** A check of a parser that has not read a token yet. */
        public JsonLines() {
            // the first value may start on line 1
        }

        /**
         * {@return whether the value whose first token the parser is at starts a line of its own
         * (no value before it ended on its line)}
         *
         * @param parser the parser, at the value's first token
         */
        public boolean ownLine(JsonParser parser) {
            line = parser.currentTokenLocation().getLineNr();
            return line != lastLine;
        }

        /**
         * {@return whether the value just read ended on the line it started on}
         *
         * @param parser the parser, at the value's last token
         * @param first the value's first token
         */
        public boolean sameLine(JsonParser parser, @Nullable JsonToken first) {
            // the line of the value's last token (after a root-level number Jackson has already
            // counted the line break that ended it, so not the parser's current location)
            lastLine = parser.currentTokenLocation().getLineNr();
            lastMayBeCut = mayBeCut(first);
            return lastLine == line;
        }

        /**
         * {@return whether the input, now read to its end, ends in a complete record: a line break
         * after the last value, or a last value that could not have been cut}
         *
         * @param parser the parser, at the end of the input
         */
        public boolean complete(JsonParser parser) {
            return !lastMayBeCut || parser.currentLocation().getLineNr() != lastLine;
        }

        /** {@return the line the last value read ended on (0 before the first)} */
        public long lastLine() {
            return lastLine;
        }

        /** {@return the line the value checked by {@link #ownLine} starts on} */
        public long line() {
            return line;
        }
    }

    /**
     * Says whether the bytes of a last line that has no line break are a complete JSON Lines
     * record: exactly one JSON value, which {@link #mayBeCut could not have been cut}.
     *
     * @param mapper the mapper whose parser reads the line (its limits apply)
     * @param bytes the line, without a line break
     * @param offset where the line starts in {@code bytes}
     * @param length the line's length
     * @return whether the line is a complete record
     */
    public static boolean isCompleteJsonLine(JsonMapper mapper, byte[] bytes, int offset, int length) {
        return isCompleteJsonLine(() -> mapper.createParser(bytes, offset, length));
    }

    /**
     * Says whether a last line that has no line break is a complete JSON Lines record; see
     * {@link #isCompleteJsonLine(JsonMapper, byte[], int, int)}. The line is streamed, so its
     * length does not matter.
     *
     * @param mapper the mapper whose parser reads the line (its limits apply)
     * @param line the bytes of the line, without a line break (not closed)
     * @return whether the line is a complete record
     */
    public static boolean isCompleteJsonLine(JsonMapper mapper, InputStream line) {
        return isCompleteJsonLine(() -> mapper.createParser(line));
    }

    private static boolean isCompleteJsonLine(Supplier<JsonParser> open) {
        try (JsonParser parser = open.get()) {
            JsonToken first = parser.nextToken();
            if (first == null || mayBeCut(first)) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (JacksonException | StackOverflowError e) {
            return false;
        }
    }

    /**
     * {@return whether a CSV row is a complete record: its quotes closed and the header's
     * number of fields (a line break after it is not needed)}
     *
     * @param quotesClosed whether every quoted field of the row was closed
     * @param fields the row's number of fields
     * @param headerFields the header's number of fields
     */
    public static boolean isCompleteCsvRow(boolean quotesClosed, int fields, int headerFields) {
        return quotesClosed && fields == headerFields;
    }
}

package io.hydralogger.fallbacks.internal.cuts;

import java.io.IOException;
import java.util.Arrays;

/**
 * Guesses where a JSON array of records may be cut between two top-level elements, by looking
 * only near each place to cut, so that work on several threads can start everywhere at once
 * instead of reading the file from its start. A record array repeats how its elements open: the
 * first element starts {@code {"id":} (with the writer's spacing), and so does every other. Near
 * a target the guess is the first comma between a {@code }} and such an opening. That comma is
 * outside any string (the quote after the brace opens one: a quote that closed a string could
 * not be followed by the key's first character), but it may lie inside an element, between two
 * nested objects that open alike. So a guess is never trusted: the caller's parses of the pieces
 * prove it, and a wrong one only costs time. Hand-written because no JSON library cuts without
 * parsing from the start. Holds no state.
 */
public final class ElementOpening {
    /** The longest opening looked for: the brace, the first key with its quotes, the colon. */
    static final int MAX_OPENING = 300;
    /** How many bytes of the file's start are looked at for the opening. */
    static final int HEAD = 4096;
    /** How far past a target a look-alike is looked for at first (64 KiB), then at most (1 MiB). */
    private static final int[] SEARCH = {64 << 10, 1 << 20};

    private ElementOpening() {
    }

    /** Reads bytes of a file. */
    @FunctionalInterface
    public interface Bytes {
        /**
         * Reads bytes.
         *
         * @param from the first byte's offset
         * @param length how many (fewer only at the end of the file)
         * @return the bytes
         * @throws IOException if the file cannot be read
         */
        byte[] read(long from, int length) throws IOException;
    }

    /**
     * {@return how the first element of the array at {@code begin} opens, or null when the text
     * there is no array whose first element is an object with a plain first key}
     *
     * @param file the file
     * @param begin where the array's text starts, after any byte order mark (white space is
     *     skipped; a byte order mark there is not, as it is none of JSON's)
     * @param size the file's size
     * @throws IOException if the file cannot be read
     */
    public static byte[] of(Bytes file, long begin, long size) throws IOException {
        return of(file.read(begin, (int) Math.min(HEAD, size - begin)));
    }

    /**
     * {@return the first comma at or after {@code from} that has a closing brace before it and
     * {@code opening} after it (white space between), or -1 when there is none near}
     *
     * @param file the file
     * @param from where to start looking
     * @param size the file's size
     * @param opening what {@link #of} found
     * @throws IOException if the file cannot be read
     */
    public static long commaAfter(Bytes file, long from, long size, byte[] opening) throws IOException {
        for (int length : SEARCH) {
            byte[] window = file.read(from, (int) Math.min(length, size - from));
            int comma = commaBefore(window, opening);
            if (comma >= 0) {
                return from + comma;
            }
            if (window.length < length) {
                break;
            }
        }
        return -1;
    }

    /** How the first element opens, from the text's first bytes; see {@link #of(Bytes, long, long)}. */
    static byte[] of(byte[] head) {
        int i = skipSpace(head, 0);
        if (i >= head.length || head[i] != '[') {
            return null;
        }
        int brace = skipSpace(head, i + 1);
        if (brace >= head.length || head[brace] != '{') {
            return null;
        }
        int quote = skipSpace(head, brace + 1);
        if (quote + 1 >= head.length || head[quote] != '"' || !startsKey(head[quote + 1])) {
            return null;
        }
        int end = quote + 1;
        while (end < head.length && head[end] != '"' && head[end] != '\\' && (head[end] & 0xFF) >= 0x20) {
            end++;
        }
        if (end >= head.length || head[end] != '"') {
            return null;
        }
        int colon = skipSpace(head, end + 1);
        if (colon >= head.length || head[colon] != ':' || colon + 1 - brace > MAX_OPENING) {
            return null;
        }
        return Arrays.copyOfRange(head, brace, colon + 1);
    }

    /** The index of the first comma in {@code window} between a brace and the opening, or -1. */
    static int commaBefore(byte[] window, byte[] opening) {
        for (int brace = 0; brace + opening.length <= window.length; brace++) {
            if (window[brace] != '{' || !Arrays.equals(window, brace, brace + opening.length, opening, 0,
                    opening.length)) {
                continue;
            }
            int comma = skipSpaceBack(window, brace - 1);
            if (comma < 0 || window[comma] != ',') {
                continue;
            }
            int close = skipSpaceBack(window, comma - 1);
            if (close >= 0 && window[close] == '}') {
                return comma;
            }
        }
        return -1;
    }

    /**
     * Whether a byte may start the key of the opening: not a byte that may follow a quote that
     * closes a string (white space, a comma, a colon, a closing bracket), nor a quote, a backslash
     * or a control character.
     */
    private static boolean startsKey(byte b) {
        return (b & 0xFF) > 0x20 && b != ',' && b != ':' && b != '}' && b != ']' && b != '"' && b != '\\';
    }

    private static int skipSpace(byte[] bytes, int from) {
        int i = from;
        while (i < bytes.length && isSpace(bytes[i])) {
            i++;
        }
        return i;
    }

    private static int skipSpaceBack(byte[] bytes, int from) {
        int i = from;
        while (i >= 0 && isSpace(bytes[i])) {
            i--;
        }
        return i;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}

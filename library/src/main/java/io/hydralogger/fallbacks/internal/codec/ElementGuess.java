package io.hydralogger.fallbacks.internal.codec;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Guesses where a JSON array of records may be cut between two top-level elements, by looking
 * only near each place to cut, so that {@link ParallelReader} can start every chunk at once
 * instead of waiting for {@link ArrayScanner} to read the file from its start. A record array
 * repeats how its elements open: the first element starts {@code {"id":} (with the writer's
 * spacing), and so does every other. Near a target the guess is the first comma between a
 * {@code }} and such an opening. That comma is outside any string (the quote after the brace
 * opens one: a quote that closed a string could not be followed by the key's first character),
 * but it may lie inside an element, between two nested objects that open alike. So a guess is
 * never trusted: the chunks' parses prove it (see {@link ParallelReader}), and a wrong one only
 * sends the file to the one-thread parse. Hand-written because no JSON library cuts without
 * parsing from the start. Holds no state.
 */
final class ElementGuess {
    /** The longest opening looked for: the brace, the first key with its quotes, the colon. */
    static final int MAX_OPENING = 80;
    /** How far past a target a look-alike is looked for (1 MiB). */
    static final int SEARCH = 1 << 20;
    private static final int HEAD = 4096;

    private ElementGuess() {
    }

    /**
     * Guesses one comma at or after each target.
     *
     * @param channel the file
     * @param size its size
     * @param targets where each cut should be at the earliest, ascending
     * @return the commas, ascending, one per target; null when the first element is not an object
     *     with a plain first key, or no look-alike is near a target
     * @throws IOException if the file cannot be read
     */
    static long[] commas(FileChannel channel, long size, long[] targets) throws IOException {
        byte[] opening = opening(read(channel, 0, (int) Math.min(size, HEAD)));
        if (opening == null) {
            return null;
        }
        long[] commas = new long[targets.length];
        long from = 0;
        for (int i = 0; i < targets.length; i++) {
            long start = Math.max(targets[i], from);
            byte[] window = read(channel, start, (int) Math.min(SEARCH, size - start));
            int comma = commaBefore(window, opening);
            if (comma < 0) {
                return null;
            }
            commas[i] = start + comma;
            from = commas[i] + 1;
        }
        return commas;
    }

    /**
     * {@return how the first element opens: from its brace to the colon after its first key, or
     * null when the text is no array whose first element is an object with a plain first key}
     *
     * @param head the first bytes of the file
     */
    static byte[] opening(byte[] head) {
        int i = skipSpace(head, head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB
                && head[2] == (byte) 0xBF ? 3 : 0);
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

    /**
     * {@return the index of the first comma in {@code window} that has a closing brace before it
     * and the opening after it (whitespace between), or -1}
     *
     * @param window bytes of the file
     * @param opening how an element opens
     */
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
     * closes a string (whitespace, a comma, a colon, a closing bracket), nor a quote, a backslash
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

    private static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Math.max(0, length));
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}

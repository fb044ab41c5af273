package io.hydralogger.fallbacks.recovery;

import java.io.IOException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * Tells the kind of damage behind a parser error from the error's type, the parser's state and
 * the bytes where it stopped, never from the error's message text (which a Jackson upgrade may
 * reword). Jackson throws one type for most damage ({@code StreamReadException}), so the bytes
 * decide between bytes that are not UTF-8 (before the place the parser stopped: Jackson decodes a
 * name only once it has read all of it), a NUL byte (at that place) and a cut (that place is the
 * end of the input). Holds no state.
 */
final class DamageKinds {
    private DamageKinds() {
    }

    /** The bytes a parser read, by offset in the coordinates of {@link #kindOf}. */
    @FunctionalInterface
    interface Input {
        /**
         * {@return the byte at an offset, 0 to 255}
         *
         * @param offset where, at least the start and less than the end of the input
         * @throws IOException if the byte cannot be read
         */
        int byteAt(long offset) throws IOException;
    }

    /**
     * Names the kind of damage behind a parser error.
     *
     * @param error what the parser threw
     * @param parser the parser that threw it
     * @param input the bytes it read
     * @param base the offset in {@code input} of the parser's offset 0 (before any prefix it was given)
     * @param start where its bytes of {@code input} begin (bytes before it are not looked at)
     * @param end where its input ends
     * @return the kind
     * @throws IOException if the input cannot be read
     */
    static ProblemKind kindOf(Throwable error, JsonParser parser, Input input, long base, long start, long end)
            throws IOException {
        if (error instanceof StackOverflowError) {
            return ProblemKind.TOO_DEEP;
        }
        if (error instanceof OutOfMemoryError) {
            return ProblemKind.TOO_LONG;
        }
        if (error instanceof StreamConstraintsException) {
            boolean tooDeep = parser.streamReadContext().getNestingDepth()
                    > parser.streamReadConstraints().getMaxNestingDepth();
            return tooDeep ? ProblemKind.TOO_DEEP : ProblemKind.TOO_LONG;
        }
        if (error instanceof UnexpectedEndOfInputException) {
            return ProblemKind.TRUNCATED;
        }
        long at = Math.max(start, Math.min(end, stopOf(error, parser) + base));
        // the token before the one that failed, or the failed one: a name is decoded once read whole
        long token = Math.max(start, Math.min(at, parser.currentTokenLocation().getByteOffset() + base));
        long notUtf8 = firstNotUtf8(input, token, at);
        boolean nul = at < end && input.byteAt(at) == 0;
        if (notUtf8 >= 0 && (!nul || notUtf8 == at - 1)) {
            return ProblemKind.INVALID_UTF8;
        }
        if (nul) {
            return ProblemKind.NUL_BYTES;
        }
        return at >= end ? ProblemKind.TRUNCATED : ProblemKind.INVALID_SYNTAX;
    }

    /**
     * {@return where a parser stopped: the error's location, else the parser's, both relative to its input}
     *
     * @param error what the parser threw
     * @param parser the parser
     */
    static long stopOf(Throwable error, JsonParser parser) {
        long offset = -1;
        if (error instanceof JacksonException jackson && jackson.getLocation() != null) {
            offset = jackson.getLocation().getByteOffset();
        }
        if (offset < 0) {
            TokenStreamLocation location = parser.currentLocation();
            offset = location.getByteOffset();
        }
        return offset;
    }

    /**
     * Where {@code [from, to)} first stops being UTF-8 (RFC 3629: no overlong forms, no
     * surrogates, nothing above U+10FFFF): the offset of the byte that broke it, or -1.
     * {@code from} is where a token or the input begins. A character cut at {@code to} is not
     * judged (the parser stopped inside it for another reason).
     */
    private static long firstNotUtf8(Input input, long from, long to) throws IOException {
        long i = from;
        while (i < to) {
            int b = input.byteAt(i);
            if (b < 0x80) {
                i++;
                continue;
            }
            int more;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                more = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                more = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                more = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            for (int k = 1; k <= more; k++) {
                if (i + k >= to) {
                    return -1;
                }
                int c = input.byteAt(i + k);
                if (k == 1 ? c < low || c > high : (c & 0xC0) != 0x80) {
                    return i + k;
                }
            }
            i += more + 1;
        }
        return -1;
    }
}

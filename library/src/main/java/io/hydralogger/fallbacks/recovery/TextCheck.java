package io.hydralogger.fallbacks.recovery;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * One quick pass over bytes, before a fast scan trusts them: that they are UTF-8 (so that a
 * parser need not decode every string to find out), hold no NUL byte, and have no line longer
 * than a cap; and how many line breaks they hold (LF, CRLF, a lone CR: the {@code ReadRules}).
 * Eight bytes at a time while they are plain ASCII without line breaks (the bit tricks of
 * "SWAR": a byte equal to {@code c} is a zero byte of {@code word ^ c * 0x0101...}). The UTF-8
 * it accepts is the standard's and no more (no overlong forms, no surrogates, nothing above
 * U+10FFFF), so whatever it passes, Jackson decodes. Holds no state.
 */
final class TextCheck {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = '\n' * ONES;
    private static final long CRS = '\r' * ONES;

    private TextCheck() {
    }

    /**
     * Checks the bytes {@code [from, to)}.
     *
     * @param bytes the bytes
     * @param from the first
     * @param to the end (exclusive)
     * @param lineCap the longest line allowed, in bytes
     * @return the number of line breaks, or -1 when the bytes are not UTF-8, hold a NUL or have a
     *     line longer than the cap
     */
    static long lineBreaks(byte[] bytes, int from, int to, long lineCap) {
        long breaks = 0;
        int lineStart = from;
        int i = from;
        while (i < to) {
            if (i + Long.BYTES <= to) {
                long word = (long) LONGS.get(bytes, i);
                if ((word & HIGHS) == 0 && !hasZero(word) && !hasZero(word ^ LFS) && !hasZero(word ^ CRS)) {
                    i += Long.BYTES;
                    continue;
                }
            }
            int b = bytes[i] & 0xFF;
            if (b == '\n' || b == '\r') {
                if (i - lineStart > lineCap) {
                    return -1;
                }
                breaks++;
                i += b == '\r' && i + 1 < to && bytes[i + 1] == '\n' ? 2 : 1;
                lineStart = i;
            } else if (b == 0) {
                return -1;
            } else if (b < 0x80) {
                i++;
            } else {
                int length = sequence(bytes, i, to);
                if (length < 0) {
                    return -1;
                }
                i += length;
            }
        }
        return to - lineStart > lineCap ? -1 : breaks;
    }

    /**
     * Counts the line breaks in the bytes {@code [from, to)}, whatever else they hold.
     *
     * @param bytes the bytes
     * @param from the first
     * @param to the end (exclusive)
     * @return the number of line breaks (LF, CRLF and a lone CR count one each)
     */
    static long countBreaks(byte[] bytes, int from, int to) {
        long breaks = 0;
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 >= to || bytes[i + 1] != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    private static boolean hasZero(long word) {
        return ((word - ONES) & ~word & HIGHS) != 0;
    }

    /** The length of the UTF-8 sequence at {@code at} (a lead byte of 0x80 or more), or -1. */
    private static int sequence(byte[] bytes, int at, int to) {
        int lead = bytes[at] & 0xFF;
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                low = 0xA0;
            } else if (lead == 0xED) {
                high = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                low = 0x90;
            } else if (lead == 0xF4) {
                high = 0x8F;
            }
        } else {
            return -1;
        }
        if (at + length > to) {
            return -1;
        }
        int second = bytes[at + 1] & 0xFF;
        if (second < low || second > high) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[at + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return -1;
            }
        }
        return length;
    }
}

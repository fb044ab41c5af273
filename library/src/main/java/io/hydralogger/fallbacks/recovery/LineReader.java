package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.ReadRules;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits bytes into lines at every line break {@link ReadRules} knows (LF, CRLF and a lone CR),
 * in constant memory: a line longer than the cap is not kept, only flagged, and the reader goes
 * on at the next line. The line break itself is not part of the line; {@link #lineBreak()} says
 * which one it was, so that a caller can put a quoted field back together byte for byte. Not
 * thread-safe; the line's bytes are valid until the next call.
 */
final class LineReader {
    /** The bytes of each kind of line break, by {@link #lineBreak()}. */
    private static final String[] BREAKS = {"", "\n", "\r", "\r\n"};

    private final InputStream in;
    private final int cap;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int length;
    private long offset;
    private long nextOffset;
    private long number;
    private int lineBreak;
    private boolean tooLong;
    private boolean nul;

    LineReader(InputStream in, long startOffset, int cap) {
        this.in = in;
        this.cap = cap;
        this.nextOffset = startOffset;
    }

    /** {@return whether a line was read (false at the end of the input)} */
    boolean next() throws IOException {
        length = 0;
        tooLong = false;
        nul = false;
        lineBreak = 0;
        offset = nextOffset;
        boolean any = false;
        while (lineBreak == 0) {
            if (position == limit && !fill()) {
                break;
            }
            any = true;
            int start = position;
            int end = start;
            while (end < limit && !ReadRules.isLineBreak(buffer[end])) {
                end++;
            }
            append(start, end);
            nextOffset += end - start;
            position = end;
            if (end < limit) {
                byte first = buffer[position++];
                nextOffset++;
                lineBreak = first == '\n' ? 1 : 2;
                if (first == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                    nextOffset++;
                    lineBreak = 3;
                }
            }
        }
        if (!any) {
            return false;
        }
        number++;
        return true;
    }

    /** Reads more bytes into the buffer; false at the end of the input. */
    private boolean fill() throws IOException {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    private void append(int start, int end) {
        for (int i = start; i < end; i++) {
            if (buffer[i] == 0) {
                nul = true;
                break;
            }
        }
        if (tooLong) {
            return;
        }
        int count = end - start;
        if ((long) length + count > cap) {
            tooLong = true;
            length = 0;
            if (line.length > 256) {
                line = new byte[256];
            }
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(cap, Math.max((long) line.length * 2, (long) length + count)));
        }
        System.arraycopy(buffer, start, line, length, count);
        length += count;
    }

    /** {@return the bytes of the line, without its line break} */
    byte[] bytes() {
        return line;
    }

    /** {@return how many bytes of {@link #bytes()} are the line} */
    int length() {
        return length;
    }

    /** {@return the byte offset where the line starts} */
    long offset() {
        return offset;
    }

    /** {@return the 1-based line number} */
    long number() {
        return number;
    }

    /** {@return whether a line break ended the line (false for a last line without one)} */
    boolean terminated() {
        return lineBreak != 0;
    }

    /** {@return the line break that ended the line: {@code "\n"}, {@code "\r"}, {@code "\r\n"}, or empty} */
    String lineBreak() {
        return BREAKS[lineBreak];
    }

    /** {@return whether the line was longer than the cap (its bytes are then not kept)} */
    boolean tooLong() {
        return tooLong;
    }

    /** {@return whether the line holds a NUL byte} */
    boolean hasNul() {
        return nul;
    }

    /** {@return whether the line holds nothing but blanks} */
    boolean blank() {
        if (tooLong) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}

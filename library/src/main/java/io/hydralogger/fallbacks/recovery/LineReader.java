package io.hydralogger.fallbacks.recovery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits bytes into lines at {@code \n}, in constant memory: a line longer than the cap is not
 * kept, only flagged, and the reader goes on at the next line. A {@code \r} before the
 * {@code \n} is dropped. Not thread-safe; the line's bytes are valid until the next call.
 */
final class LineReader {
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
    private boolean terminated;
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
        terminated = false;
        offset = nextOffset;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    break;
                }
            }
            any = true;
            int start = position;
            int end = start;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            append(start, end);
            nextOffset += end - start;
            if (end < limit) {
                position = end + 1;
                nextOffset++;
                terminated = true;
                break;
            }
            position = limit;
        }
        if (!any) {
            return false;
        }
        number++;
        if (terminated && length > 0 && !tooLong && line[length - 1] == '\r') {
            length--;
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

    /** {@return the bytes of the line, without its line ending} */
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

    /** {@return whether the line ended with {@code \n} (false for a last line without one)} */
    boolean terminated() {
        return terminated;
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
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}

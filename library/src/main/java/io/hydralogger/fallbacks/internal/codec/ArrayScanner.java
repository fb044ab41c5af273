package io.hydralogger.fallbacks.internal.codec;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds the commas between the top-level elements of a JSON array, for {@link ParallelReader} to
 * cut it at: a byte scanner that knows strings and escapes but nothing else of JSON, several
 * times faster than a parse. Inside strings, where most of the bytes of records are, it looks at
 * eight bytes at once for a quote or a backslash (the bit trick of "SWAR": a byte equal to
 * {@code c} is a zero byte of {@code word ^ c * 0x0101...}). Hand-written because no JSON library
 * offers a scan without a parse. Holds no state.
 */
final class ArrayScanner {
    private static final int BUFFER = 256 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;

    private ArrayScanner() {
    }

    /**
     * Completes each future in turn with the first comma between top-level elements at or after
     * its target; with -1 when there is none (the root is not an array, the file ends, it
     * cannot be read, or the thread was interrupted).
     *
     * @param channel the file
     * @param size its size
     * @param targets where each cut should be at the earliest, ascending
     * @param commas the futures to complete, one per target
     */
    static void findCommas(FileChannel channel, long size, long[] targets, List<CompletableFuture<Long>> commas) {
        int next = 0;
        try {
            byte[] bytes = new byte[BUFFER];
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            long base = 0;
            int depth = 0;
            boolean inString = false;
            boolean escaped = false;
            boolean started = false;
            long target = targets[0];
            scan:
            while (base < size && !Thread.currentThread().isInterrupted()) {
                buffer.clear();
                int read = channel.read(buffer, base);
                if (read <= 0) {
                    break;
                }
                int i = 0;
                while (i < read) {
                    if (inString) {
                        if (escaped) {
                            escaped = false;
                            i++;
                            continue;
                        }
                        i = nextQuoteOrBackslash(bytes, i, read);
                        if (i == read) {
                            break;
                        }
                        if (bytes[i++] == '\\') {
                            escaped = true;
                        } else {
                            inString = false;
                        }
                        continue;
                    }
                    byte b = bytes[i];
                    switch (b) {
                        case '"' -> inString = true;
                        case '[', '{' -> {
                            if (depth == 0 && (started || b == '{')) {
                                break scan;
                            }
                            started = true;
                            depth++;
                        }
                        case ']', '}' -> {
                            if (--depth == 0) {
                                break scan;
                            }
                        }
                        case ',' -> {
                            if (depth == 1 && base + i >= target) {
                                commas.get(next++).complete(base + i);
                                if (next == commas.size()) {
                                    return;
                                }
                                target = targets[next];
                            }
                        }
                        default -> {
                            if (depth == 0 && !isSpaceOrBom(b)) {
                                break scan;
                            }
                        }
                    }
                    i++;
                }
                base += read;
            }
        } catch (IOException | RuntimeException e) {
            // the chunks waiting for a cut give up; the caller parses on one thread
        }
        for (int i = next; i < commas.size(); i++) {
            commas.get(i).complete(-1L);
        }
    }

    /** The index of the first quote or backslash at or after {@code from}, or {@code end}. */
    static int nextQuoteOrBackslash(byte[] bytes, int from, int end) {
        int i = from;
        while (i + Long.BYTES <= end) {
            long word = (long) LONGS.get(bytes, i);
            long quotes = word ^ QUOTES;
            long backslashes = word ^ BACKSLASHES;
            long found = ((quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += Long.BYTES;
        }
        while (i < end && bytes[i] != '"' && bytes[i] != '\\') {
            i++;
        }
        return i;
    }

    private static boolean isSpaceOrBom(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == (byte) 0xEF || b == (byte) 0xBB
                || b == (byte) 0xBF;
    }
}

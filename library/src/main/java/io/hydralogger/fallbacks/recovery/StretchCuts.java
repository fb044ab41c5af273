package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.internal.cuts.ElementOpening;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where to cut a large file into stretches that threads can look at on their own, each found by
 * reading a little of the file near where a cut should be. JSON Lines: after a line feed. A JSON
 * array: at a comma that looks like one between two top-level elements ({@link ElementOpening}:
 * a {@code },{"id":} in the file where the array starts {@code [{"id":}, the guess the parallel
 * parse cuts at too). That is a guess: a nested array of objects that open alike can look the
 * same. A wrong guess costs time, never a wrong report:
 * the stretch before a cut then does not parse as a run of whole elements, and the file is
 * inspected on one thread ({@link ParallelScan}). Holds no state.
 */
final class StretchCuts {
    /** How far past a target a line break may be looked for. */
    private static final int SEARCH = 1 << 20;

    private StretchCuts() {
    }

    /**
     * Cuts a JSON Lines file after a line feed near every {@code chunkBytes}.
     *
     * @param file the file
     * @param begin where its content starts
     * @param chunkBytes about how long a stretch is
     * @return the cuts: the first is {@code begin}, the last the file's size; null when a
     *     stretch has no line feed near its end, or there would be one stretch only
     */
    static List<Long> lines(FileBytes file, long begin, int chunkBytes) throws IOException {
        List<Long> cuts = new ArrayList<>();
        cuts.add(begin);
        long size = file.size();
        long target = begin + chunkBytes;
        while (target < size) {
            long cut = -1;
            for (long p = target - 1; p < size && p < target + SEARCH; p++) {
                if (file.byteAt(p) == '\n') {
                    cut = p + 1;
                    break;
                }
            }
            if (cut < 0) {
                return null;
            }
            if (cut < size) {
                cuts.add(cut);
            }
            target = cut + chunkBytes;
        }
        cuts.add(size);
        return cuts.size() > 2 ? cuts : null;
    }

    /**
     * Cuts a JSON array at commas that look like ones between top-level elements, near every
     * {@code chunkBytes} ({@link ElementOpening}).
     *
     * @param file the file
     * @param begin where its content starts
     * @param chunkBytes about how long a stretch is
     * @return the cuts: the first is {@code begin - 1}, then the offset of each comma, the last
     *     the file's size; a stretch runs from the byte after one cut to the next. Null when the
     *     root is no array of objects, or there would be one stretch only
     */
    static List<Long> elements(FileBytes file, long begin, int chunkBytes) throws IOException {
        ElementOpening.Bytes bytes = (from, length) -> read(file, from, length);
        long size = file.size();
        byte[] opening = ElementOpening.of(bytes, begin, size);
        if (opening == null) {
            return null;
        }
        List<Long> cuts = new ArrayList<>();
        cuts.add(begin - 1);
        long target = begin + chunkBytes;
        while (target < size) {
            long comma = ElementOpening.commaAfter(bytes, target, size, opening);
            if (comma < 0) {
                break;
            }
            cuts.add(comma);
            target = comma + chunkBytes;
        }
        cuts.add(size);
        return cuts.size() > 2 ? cuts : null;
    }

    /** Reads {@code length} bytes from {@code from}, fewer at the end of the file. */
    private static byte[] read(FileBytes file, long from, int length) throws IOException {
        byte[] bytes = new byte[length];
        int done = 0;
        try (InputStream in = file.streamAt(from)) {
            while (done < length) {
                int read = in.read(bytes, done, length - done);
                if (read < 0) {
                    break;
                }
                done += read;
            }
        }
        return done == length ? bytes : Arrays.copyOf(bytes, done);
    }
}

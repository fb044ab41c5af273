package io.hydralogger.fallbacks.recovery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where to cut a large file into stretches that threads can look at on their own, each found by
 * reading a little of the file near where a cut should be. JSON Lines: after a line feed. A JSON
 * array: at a comma that looks like one between two top-level elements, the objects of the array
 * having been seen to start with the same name (a {@code },{"id":} in the file where the array
 * starts {@code [{"id":}). That is a guess: text in a string, or a nested array of objects that
 * start with the same name, can look alike. A wrong guess costs time, never a wrong report:
 * the stretch before a cut then does not parse as a run of whole elements, and the file is
 * inspected on one thread ({@link ParallelScan}). Holds no state.
 */
final class StretchCuts {
    /** How far past a target a cut may be looked for. */
    private static final int SEARCH = 1 << 20;
    /** The longest first name of an element looked for. */
    private static final int MAX_NAME = 256;

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
    static @Nullable List<Long> lines(FileBytes file, long begin, int chunkBytes) throws IOException {
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
     * {@code chunkBytes}.
     *
     * @param file the file
     * @param begin where its content starts
     * @param chunkBytes about how long a stretch is
     * @return the cuts: the first is {@code begin - 1}, then the offset of each comma, the last
     *     the file's size; a stretch runs from the byte after one cut to the next. Null when the
     *     root is no array of objects, or there would be one stretch only
     */
    static @Nullable List<Long> elements(FileBytes file, long begin, int chunkBytes) throws IOException {
        byte[] name = firstName(file, begin);
        if (name == null) {
            return null;
        }
        List<Long> cuts = new ArrayList<>();
        cuts.add(begin - 1);
        long size = file.size();
        long target = begin + chunkBytes;
        while (target < size) {
            long comma = -1;
            for (long p = target; p < size && p < target + SEARCH; p++) {
                if (file.byteAt(p) == ',' && looksLikeBoundary(file, p, name)) {
                    comma = p;
                    break;
                }
            }
            if (comma < 0) {
                break;
            }
            cuts.add(comma);
            target = comma + chunkBytes;
        }
        cuts.add(size);
        return cuts.size() > 2 ? cuts : null;
    }

    /** The first name of the first element, quotes included, when the root is an array of objects. */
    private static byte @Nullable [] firstName(FileBytes file, long begin) throws IOException {
        long p = skipSpace(file, begin, 1);
        if (file.byteAt(p) != '[') {
            return null;
        }
        p = skipSpace(file, p + 1, 1);
        if (file.byteAt(p) != '{') {
            return null;
        }
        long start = skipSpace(file, p + 1, 1);
        return nameAt(file, start);
    }

    /** The quoted name starting at {@code start} (without escapes), or null. */
    private static byte @Nullable [] nameAt(FileBytes file, long start) throws IOException {
        if (file.byteAt(start) != '"') {
            return null;
        }
        for (long q = start + 1; q < start + MAX_NAME; q++) {
            int b = file.byteAt(q);
            if (b < 0 || b == '\\') {
                return null;
            }
            if (b == '"') {
                byte[] name = new byte[(int) (q - start + 1)];
                for (int i = 0; i < name.length; i++) {
                    name[i] = (byte) file.byteAt(start + i);
                }
                return name;
            }
        }
        return null;
    }

    /** Whether the comma at {@code comma} has {@code }} before it and <code>{name:</code> after. */
    private static boolean looksLikeBoundary(FileBytes file, long comma, byte[] name) throws IOException {
        long before = skipSpace(file, comma - 1, -1);
        if (before < 0 || file.byteAt(before) != '}') {
            return false;
        }
        long open = skipSpace(file, comma + 1, 1);
        if (file.byteAt(open) != '{') {
            return false;
        }
        long start = skipSpace(file, open + 1, 1);
        for (int i = 0; i < name.length; i++) {
            if (file.byteAt(start + i) != (name[i] & 0xFF)) {
                return false;
            }
        }
        return file.byteAt(skipSpace(file, start + name.length, 1)) == ':';
    }

    /** The first offset from {@code at} in direction {@code step} that holds no JSON white space. */
    private static long skipSpace(FileBytes file, long at, int step) throws IOException {
        long p = at;
        int b = file.byteAt(p);
        while (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
            p += step;
            b = file.byteAt(p);
        }
        return p;
    }
}

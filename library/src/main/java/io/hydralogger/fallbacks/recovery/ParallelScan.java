package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.format.ReadRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Inspection of large JSON Lines and JSON array files on several threads, with the report of the
 * one-thread inspection. The file is cut into stretches of about {@code chunkBytes} at record
 * boundaries ({@link StretchCuts}), each looked at by {@link FastScan} on a thread of its own
 * (at most threads + 1 stretches in memory at once), and the finds are joined in file order.
 *
 * <p>Why the report is the one-thread report. A JSON Lines file is judged line by line, so a
 * stretch of whole lines is judged alike wherever it is read: a stretch that is not plainly
 * intact is read by the salvage engine itself over just that stretch ({@link FileBytes#stretch}),
 * and only its line numbers are shifted by the lines before it. An array is judged as a whole
 * (after damage, the engine's resynchronisation runs on from where it was), so unless every
 * stretch is plainly intact the engine reads the whole file on one thread; when every stretch
 * is, each cut was a true boundary (stretch 0 starts at the start, and a stretch that starts at a
 * boundary parses as whole elements only if it also ends at one), and an intact file's report is
 * its element count. A file that may be UTF-16 or UTF-32, or that a mapper with other than
 * Jackson's standard parsing features reads, is inspected on one thread.
 */
final class ParallelScan {
    /** Files smaller than this (8 MiB) are inspected on one thread. */
    static final long THRESHOLD = 8L << 20;
    /** About how many bytes one thread looks at in one go (4 MiB). */
    static final int CHUNK_BYTES = 4 << 20;

    private ParallelScan() {
    }

    /**
     * Whether a file is worth inspecting on several threads: JSON Lines or JSON, at least
     * {@link #THRESHOLD} bytes, two threads or more, a mapper with Jackson's standard parsing
     * features, and the size limit not passed.
     *
     * @param format the format
     * @param size the file's size
     * @param mapper the mapper the engines parse with
     * @param limits the read limits
     * @param threads the threads that may work at once
     * @return whether to call {@link #scan}
     */
    static boolean worthIt(Format format, long size, JsonMapper mapper, ReadLimits limits, int threads) {
        return (format == Format.JSON_LINES || format == Format.JSON) && size >= THRESHOLD && threads >= 2
                && (limits.maxDocumentBytes() <= 0 || size <= limits.maxDocumentBytes()) && standard(mapper);
    }

    /** Whether the mapper parses as Jackson does by default. */
    private static boolean standard(JsonMapper mapper) {
        JsonMapper plain = JsonMapper.builder().build();
        return mapper.tokenStreamFactory().getStreamReadFeatures() == plain.tokenStreamFactory().getStreamReadFeatures()
                && mapper.tokenStreamFactory().getFormatReadFeatures()
                        == plain.tokenStreamFactory().getFormatReadFeatures();
    }

    /**
     * Inspects a file on several threads.
     *
     * @param path the file
     * @param format JSON Lines or JSON
     * @param mapper the mapper the engines parse with
     * @param limits the read limits
     * @param executor runs the stretches (the calling thread cuts, waits and joins)
     * @param threads how many stretches are looked at at once
     * @param chunkBytes about how many bytes a stretch holds
     * @return the report, the one the one-thread inspection gives
     * @throws IOException if the file cannot be read
     */
    static CorruptionReport scan(Path path, Format format, JsonMapper mapper, ReadLimits limits, Executor executor,
            int threads, int chunkBytes) throws IOException {
        return scan(path, format, mapper, limits, executor, threads, chunkBytes, DataRecovery.NO_PROGRESS);
    }

    /**
     * Inspects a file on several threads, telling how far it got.
     *
     * @param path the file
     * @param format JSON Lines or JSON
     * @param mapper the mapper the engines parse with
     * @param limits the read limits
     * @param executor runs the stretches (the calling thread cuts, waits and joins)
     * @param threads how many stretches are looked at at once
     * @param chunkBytes about how many bytes a stretch holds
     * @param progress told on the calling thread where the stretches looked at so far end
     * @return the report, the one the one-thread inspection gives
     * @throws IOException if the file cannot be read
     */
    static CorruptionReport scan(Path path, Format format, JsonMapper mapper, ReadLimits limits, Executor executor,
            int threads, int chunkBytes, LongConsumer progress) throws IOException {
        try (FileBytes file = FileBytes.asUtf8(FileBytes.open(path))) {
            long begin = file.contentStart();
            boolean lines = format == Format.JSON_LINES;
            List<Long> cuts = !utf8(file, begin) ? null
                    : lines ? StretchCuts.lines(file, begin, chunkBytes) : StretchCuts.elements(file, begin, chunkBytes);
            List<StretchQueue.Part> parts = cuts == null ? null
                    : parts(path, lines, file, mapper, limits, executor, threads, cuts, progress);
            if (parts == null) {
                return oneThread(path, lines, mapper, limits, file, progress);
            }
            return join(path, format, parts);
        }
    }

    /** Looks at every stretch; null when an array stretch was not plainly intact. */
    private static @Nullable List<StretchQueue.Part> parts(Path path, boolean lines, FileBytes file, JsonMapper mapper,
            ReadLimits limits, Executor executor, int threads, List<Long> cuts, LongConsumer progress)
            throws IOException {
        List<StretchQueue.Part> parts = new ArrayList<>();
        try (StretchQueue queue = new StretchQueue(cuts, threads, executor, (from, to, first, last) -> lines
                ? Stretches.lines(path, file, mapper, limits, false, from, to)
                : Stretches.elements(file, mapper, limits, false, from, to, first, last))) {
            while (queue.hasNext()) {
                StretchQueue.Part part = queue.next();
                if (part == null) {
                    return null;
                }
                parts.add(part);
                progress.accept(queue.reached());
            }
        }
        return parts;
    }

    /** The one-thread inspection, for a file this class does not cut. */
    private static CorruptionReport oneThread(Path path, boolean lines, JsonMapper mapper, ReadLimits limits,
            FileBytes file, LongConsumer progress) throws IOException {
        FileBytes whole = file.stretch(0, file.size());
        try (Engine engine = lines ? new JsonLinesEngine(path, whole, mapper, limits, false)
                : new JsonEngine(path, whole, mapper, limits, false)) {
            long records = 0;
            while (engine.next() != Engine.END) {
                if (++records % DataRecovery.PROGRESS_EVERY == 0) {
                    progress.accept(whole.furthest());
                }
            }
            progress.accept(whole.furthest());
            return engine.report();
        }
    }

    /** Whether the file is UTF-8 as far as its first bytes tell: no byte order mark of UTF-16 or UTF-32, no zero byte. */
    static boolean utf8(FileBytes file, long begin) throws IOException {
        byte[] head = new byte[4];
        int length = 0;
        for (long p = begin; length < head.length && p < file.size(); p++) {
            head[length++] = (byte) file.byteAt(p);
        }
        return ReadRules.mayBeUtf8(head, length);
    }

    /** Joins the finds of the stretches, in file order, into the report one engine makes. */
    private static CorruptionReport join(Path path, Format format, List<StretchQueue.Part> parts) {
        List<Problem> listed = new ArrayList<>();
        long unlisted = 0;
        ProblemKind unlistedKind = null;
        long valid = 0;
        long skipped = 0;
        boolean lostUncountable = false;
        List<String> notes = new ArrayList<>();
        long linesBefore = 0;
        for (StretchQueue.Part part : parts) {
            Engine.Finds finds = part.finds();
            for (Problem problem : finds.listed()) {
                if (listed.size() < Engine.MAX_LISTED_PROBLEMS) {
                    long line = problem.line() > 0 ? problem.line() + linesBefore : problem.line();
                    listed.add(new Problem(problem.kind(), problem.offset(), line, problem.message()));
                } else {
                    unlisted++;
                    unlistedKind = unlistedKind == null ? problem.kind() : unlistedKind;
                }
            }
            if (finds.unlisted() > 0) {
                unlisted += finds.unlisted();
                unlistedKind = unlistedKind == null ? finds.unlistedKind() : unlistedKind;
            }
            valid += finds.valid();
            skipped += finds.skipped();
            lostUncountable |= finds.lostUncountable();
            notes.addAll(finds.notes());
            linesBefore += part.lineBreaks();
        }
        if (unlisted > 0) {
            listed.add(new Problem(Objects.requireNonNull(unlistedKind), -1, -1, unlisted + " more problems not listed"));
        }
        return new CorruptionReport(path, format, listed, valid, skipped, lostUncountable ? -1 : skipped, notes);
    }
}

package io.hydralogger.fallbacks.internal.codec;

import io.hydralogger.fallbacks.format.ReadRules;
import io.hydralogger.fallbacks.internal.cuts.ElementOpening;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses large JSON Lines and JSON array files on several threads, with the same records in the
 * same order as a parse on one thread. The file is cut into chunks at record boundaries: JSON
 * Lines after a newline; a JSON array at a comma between two top-level elements. An array of
 * records is cut where {@link ElementOpening} finds, near the middle, a comma before an element
 * that opens as the first one does, so every chunk starts parsing at once; any other array is
 * cut where {@link ArrayScanner}, a byte scanner that knows strings and escapes and runs ahead
 * of the parsers, finds a top-level comma (chunk 0 starts at once, the others when their cut is
 * found; the first chunks are made longer for that). Each chunk is parsed by Jackson on its own
 * thread (an array chunk as {@code [} + its elements + {@code ]}, with no trailing tokens allowed
 * whatever the mapper says), and the lists are joined in order.
 *
 * <p>Why this is exact: chunk 0 starts at the start of the file, and a chunk that starts at a
 * record boundary parses without error, holding one record or more, only if it also ends at one
 * (a cut inside a value leaves an unterminated string, object, array or comment; a cut inside a
 * nested array closes the chunk's array early, and what follows is a trailing token). So, chunk
 * by chunk from the first, when every chunk parses every cut was a true boundary, whether found
 * by the scanner or guessed, and the result is the one-thread result. When any chunk fails (the
 * others are stopped at their next read), or the file cannot be cut (no newline near a cut; a
 * JSON root that is not an array, or too few elements), the answer is empty and the caller
 * parses the file on one thread, which also reports the damage exactly where it is.
 *
 * <p>Used for files of at least {@link #THRESHOLD} bytes on machines with two cores or more;
 * chunks are parsed on the pool the caller gives (a runtime's {@code hydra-fallbacks-parse-N}
 * threads) and on the calling thread. Thread-safe; holds no state.
 */
public final class ParallelReader {
    /** Files smaller than this (64 MiB) are parsed on one thread. */
    public static final long THRESHOLD = 64L << 20;
    /** At most this many chunks, however many cores there are. */
    static final int MAX_CHUNKS = 4;
    /** How far past the ideal cut a JSON Lines boundary may be looked for. */
    private static final int MAX_LINE_SEARCH = 1 << 20;
    /** About how long a scan for element boundaries takes, as a share of a parse of as much. */
    static final double SCAN_COST = 0.2;
    private static final byte[] OPEN = {'['};
    private static final byte[] CLOSE = {']'};
    private static final byte[] NONE = {};

    private ParallelReader() {
    }

    /**
     * Whether a file is worth parsing in parallel: at least {@link #THRESHOLD} bytes, at least
     * two cores, and within the mapper's document length limit (which a chunk could not enforce).
     *
     * @param mapper the mapper that will parse it
     * @param size the file's size in bytes
     * @return true to try {@link #readJsonLines} or {@link #readJsonArray}
     */
    public static boolean worthIt(JsonMapper mapper, long size) {
        long maxDocument = mapper.tokenStreamFactory().streamReadConstraints().getMaxDocumentLength();
        return size >= THRESHOLD && defaultChunks() >= 2 && (maxDocument <= 0 || size <= maxDocument);
    }

    /** {@return the number of chunks for this machine: its cores, at most {@value #MAX_CHUNKS}} */
    public static int defaultChunks() {
        return Math.min(Runtime.getRuntime().availableProcessors(), MAX_CHUNKS);
    }

    /**
     * Parses a JSON Lines file in {@code chunks} pieces at once.
     *
     * @param mapper the mapper
     * @param path the file
     * @param type the type of each line's value
     * @param chunks how many pieces (at least 2)
     * @param pool the threads that parse the chunks after the first (the caller parses that one)
     * @param <T> the record type
     * @return the records in file order, or empty when the file must be parsed on one thread
     * @throws IOException if the file cannot be opened or the thread is interrupted
     */
    public static <T> Optional<List<T>> readJsonLines(JsonMapper mapper, Path path, JavaType type, int chunks,
            ExecutorService pool) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (!FileHead.mayBeUtf8(channel)) {
                return Optional.empty();
            }
            long size = channel.size();
            long[] cuts = new long[chunks + 1];
            cuts[chunks] = size;
            for (int i = 1; i < chunks; i++) {
                long cut = lineBoundary(channel, Math.max(cuts[i - 1], size * i / chunks), size);
                if (cut < 0) {
                    return Optional.empty();
                }
                cuts[i] = cut;
            }
            AtomicBoolean failed = new AtomicBoolean();
            List<Parse<List<T>>> parts = new ArrayList<>(chunks);
            for (int i = 0; i < chunks; i++) {
                ChunkStream in = new ChunkStream(channel, cuts[i], NONE, NONE, failed);
                in.end(cuts[i + 1]);
                parts.add(() -> {
                    try (in; StrictJsonLines<T> values = Codecs.jsonLines(mapper, in, type)) {
                        return values.readAll(new ArrayList<>());
                    }
                });
            }
            List<List<T>> lists = runAll(parts, pool, failed);
            if (lists == null) {
                return Optional.empty();
            }
            List<T> all = new ArrayList<>(lists.stream().mapToInt(List::size).sum());
            lists.forEach(all::addAll);
            return Optional.of(all);
        }
    }

    /**
     * Parses a JSON file whose root is an array, bound to a list type, in {@code chunks} pieces
     * at once.
     *
     * @param mapper the mapper
     * @param path the file
     * @param type the type of the whole document; only {@code Object} and types an
     *     {@code ArrayList} can be (such as {@code List<User>}) are parsed in parallel
     * @param chunks how many pieces (at least 2)
     * @param pool the threads that parse the chunks after the first (the caller parses that one)
     * @return the list, or empty when the file must be parsed on one thread
     * @throws IOException if the file cannot be opened or the thread is interrupted
     */
    public static Optional<Object> readJsonArray(JsonMapper mapper, Path path, JavaType type, int chunks,
            ExecutorService pool) throws IOException {
        if (!type.isTypeOrSuperTypeOf(ArrayList.class)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            if (!FileHead.mayBeUtf8(channel)) {
                return Optional.empty();
            }
            long size = channel.size();
            long[] even = new long[chunks - 1];
            for (int i = 1; i < chunks; i++) {
                even[i - 1] = size * i / chunks;
            }
            long[] guessed = guessCommas(channel, size, even);
            long[] targets = guessed != null ? even : cutTargets(size, chunks);
            List<CompletableFuture<Long>> commas = new ArrayList<>(chunks - 1);
            for (int i = 1; i < chunks; i++) {
                commas.add(guessed != null ? CompletableFuture.completedFuture(guessed[i - 1]) : new CompletableFuture<>());
            }
            ObjectReader reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            AtomicBoolean failed = new AtomicBoolean();
            List<Parse<Object>> parts = new ArrayList<>(chunks);
            for (int i = 0; i < chunks; i++) {
                int index = i;
                parts.add(() -> {
                    long start = 0;
                    if (index > 0) {
                        long comma = commas.get(index - 1).get();
                        if (comma < 0) {
                            throw new IOException("no element boundary to cut at");
                        }
                        start = comma + 1;
                    }
                    ChunkStream in = new ChunkStream(channel, start, index == 0 ? NONE : OPEN,
                            index == chunks - 1 ? NONE : CLOSE, failed);
                    if (index == chunks - 1) {
                        in.end(size);
                    } else {
                        in.end(targets[index], commas.get(index));
                    }
                    try (in) {
                        return reader.readValue(in);
                    }
                });
            }
            Future<?> scanner = guessed != null ? null
                    : pool.submit(() -> ArrayScanner.findCommas(channel, size, targets, commas));
            List<Object> lists = runAll(parts, pool, failed);
            if (scanner != null) {
                scanner.cancel(true);
            }
            return lists == null ? Optional.empty() : join(lists);
        }
    }

    /** One guessed comma at or after each target ({@link ElementOpening}), ascending; or null. */
    private static long @Nullable [] guessCommas(FileChannel channel, long size, long[] targets) throws IOException {
        ElementOpening.Bytes bytes = (from, length) -> {
            ByteBuffer buffer = ByteBuffer.allocate(Math.max(0, length));
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) >= 0) {
                // positional reads until full or the end
            }
            return Arrays.copyOf(buffer.array(), buffer.position());
        };
        byte[] start = bytes.read(0, (int) Math.min(3, size));
        byte[] opening = ElementOpening.of(bytes, ReadRules.bomLength(start, start.length), size);
        if (opening == null) {
            return null;
        }
        long[] commas = new long[targets.length];
        long from = 0;
        for (int i = 0; i < targets.length; i++) {
            commas[i] = ElementOpening.commaAfter(bytes, Math.max(targets[i], from), size, opening);
            if (commas[i] < 0) {
                return null;
            }
            from = commas[i] + 1;
        }
        return commas;
    }

    /**
     * Joins the chunks' lists; empty when one is not a non-empty {@code ArrayList}: every chunk
     * holds one element at least, or a comma right after the {@code [} or before the {@code ]}
     * (which a parse of the whole file rejects) could have been taken for a cut.
     */
    private static Optional<Object> join(List<Object> lists) {
        int total = 0;
        for (Object list : lists) {
            if (list == null || list.getClass() != ArrayList.class || ((List<?>) list).isEmpty()) {
                return Optional.empty();
            }
            total += ((List<?>) list).size();
        }
        List<Object> all = new ArrayList<>(total);
        for (Object list : lists) {
            all.addAll((List<?>) list);
        }
        return Optional.of(all);
    }

    /**
     * The start of the first line at or after {@code from}, or -1 when there is none near.
     */
    static long lineBoundary(FileChannel channel, long from, long size) throws IOException {
        if (from <= 0) {
            return 0;
        }
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = from - 1;
        long limit = Math.min(size, from + MAX_LINE_SEARCH);
        while (position < limit) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                return -1;
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    return position + i + 1;
                }
            }
            position += read;
        }
        return -1;
    }

    /**
     * Where to cut a JSON array of {@code size} bytes into {@code chunks}: chunk 0 is parsed
     * at once, chunk i only once the scanner has found its first comma, which takes the time
     * to scan that far (about a fifth of the time to parse as far, {@link #SCAN_COST}). So the
     * first chunks are made longer, that all end at about the same time: chunk i ends at
     * {@code a(i) / a(chunks)} of the file, with {@code a(1) = 1} and
     * {@code a(i + 1) = a(i) (1 - SCAN_COST) + 1}.
     *
     * @return the ideal end of each chunk but the last, in bytes
     */
    static long[] cutTargets(long size, int chunks) {
        double[] a = new double[chunks + 1];
        a[1] = 1;
        for (int i = 1; i < chunks; i++) {
            a[i + 1] = a[i] * (1 - SCAN_COST) + 1;
        }
        long[] targets = new long[chunks - 1];
        for (int i = 1; i < chunks; i++) {
            targets[i - 1] = (long) (size * a[i] / a[chunks]);
        }
        return targets;
    }

    /** The parse of one chunk. */
    @FunctionalInterface
    private interface Parse<R> {
        R parse() throws Exception;
    }

    /**
     * Runs chunk 0 on the calling thread and the others on the pool; returns the results in
     * order, or null if any chunk failed. The first failure sets {@code failed}, which stops the
     * other chunks' streams at their next read.
     */
    private static <R> @Nullable List<R> runAll(List<Parse<R>> chunks, ExecutorService pool, AtomicBoolean failed)
            throws IOException {
        List<Future<R>> futures = new ArrayList<>(chunks.size());
        for (int i = 1; i < chunks.size(); i++) {
            Parse<R> chunk = chunks.get(i);
            futures.add(pool.submit(() -> parseOrFlag(chunk, failed)));
        }
        List<R> results = new ArrayList<>(chunks.size());
        try {
            results.add(parseOrFlag(chunks.get(0), failed));
        } catch (Exception e) {
            // the flag is set
        }
        try {
            for (Future<R> future : futures) {
                if (failed.get()) {
                    future.cancel(true);
                    continue;
                }
                try {
                    results.add(future.get());
                } catch (ExecutionException e) {
                    failed.set(true);
                }
            }
        } catch (InterruptedException e) {
            failed.set(true);
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while parsing in parallel");
        }
        return failed.get() ? null : results;
    }

    private static <R> R parseOrFlag(Parse<R> chunk, AtomicBoolean failed) throws Exception {
        try {
            return chunk.parse();
        } catch (Exception | Error e) {
            failed.set(true);
            throw e;
        }
    }

    /**
     * A byte range of the file as a stream, with bytes before and after it: the range is read
     * with positional reads, so chunks share one channel. Its end may be learnt late: up to a
     * safe bound the stream reads freely, and there it waits for the scanner's answer.
     */
    private static final class ChunkStream extends InputStream {
        private final FileChannel channel;
        private final byte[] prefix;
        private final byte[] suffix;
        private final AtomicBoolean failed;
        private int prefixRead;
        private int suffixRead;
        private long position;
        private long end = -1;
        private long safeEnd;
        private @Nullable Future<Long> lateEnd;

        ChunkStream(FileChannel channel, long start, byte[] prefix, byte[] suffix, AtomicBoolean failed) {
            this.channel = channel;
            this.failed = failed;
            this.position = start;
            this.prefix = prefix;
            this.suffix = suffix;
        }

        void end(long knownEnd) {
            end = knownEnd;
            safeEnd = knownEnd;
        }

        void end(long lowerBound, Future<Long> answer) {
            safeEnd = lowerBound;
            lateEnd = answer;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (failed.get()) {
                throw new IOException("another chunk failed: the file is parsed on one thread");
            }
            if (prefixRead < prefix.length) {
                int n = Math.min(length, prefix.length - prefixRead);
                System.arraycopy(prefix, prefixRead, bytes, offset, n);
                prefixRead += n;
                return n;
            }
            if (position >= safeEnd && end < 0) {
                end = awaitEnd();
                safeEnd = end;
            }
            if (position < safeEnd) {
                int n = (int) Math.min(length, safeEnd - position);
                int read = channel.read(ByteBuffer.wrap(bytes, offset, n), position);
                if (read < 0) {
                    throw new IOException("the file ended early: it changed while being read");
                }
                position += read;
                return read;
            }
            if (suffixRead < suffix.length) {
                int n = Math.min(length, suffix.length - suffixRead);
                System.arraycopy(suffix, suffixRead, bytes, offset, n);
                suffixRead += n;
                return n;
            }
            return -1;
        }

        private long awaitEnd() throws IOException {
            try {
                long answer = Objects.requireNonNull(lateEnd, "no end was asked for").get();
                if (answer < position) {
                    throw new IOException("no element boundary to cut at");
                }
                return answer;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the scanner");
            } catch (ExecutionException e) {
                throw new IOException("the scanner failed", e.getCause());
            }
        }
    }
}

package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The salvage of a large JSON Lines file on several threads: stretches of whole lines are read
 * ahead by helper threads (the fast look of {@link FastScan}, or the {@link JsonLinesEngine} over
 * a stretch that is not plainly intact) while the caller takes the records of the stretches
 * before, in file order. The records and the report are those of one {@link JsonLinesEngine}
 * over the whole file, since a JSON Lines file is judged line by line; only the line numbers
 * of a stretch's problems are shifted by the lines before it. Memory stays bounded: at most
 * threads + 1 stretches' records are held at once. Closing it stops the helpers and shuts down
 * their pool. Not thread-safe.
 */
final class ParallelLinesEngine extends Engine {
    /** About how many bytes of records one stretch holds (1 MiB): their records are in memory. */
    static final int CHUNK_BYTES = 1 << 20;

    private final StretchQueue stretches;
    private final ExecutorService pool;
    private Iterator<Object> current = Collections.emptyIterator();
    private long linesBefore;

    /**
     * Starts reading ahead.
     *
     * @param path the file
     * @param file its bytes
     * @param mapper the mapper the engine parses with
     * @param limits the read limits
     * @param cuts where the stretches start and end ({@link StretchCuts#lines})
     * @param threads how many stretches are read at once
     * @param pool the helper threads, shut down on {@link #close()}
     */
    ParallelLinesEngine(Path path, FileBytes file, JsonMapper mapper, ReadLimits limits, List<Long> cuts, int threads,
            ExecutorService pool) {
        super(path, Format.JSON_LINES, true);
        this.pool = pool;
        this.stretches = new StretchQueue(cuts, threads, pool,
                (from, to, first, last) -> Stretches.lines(path, file, mapper, limits, true, from, to));
    }

    @Override
    Object advance() throws IOException {
        while (!current.hasNext()) {
            if (!stretches.hasNext()) {
                return END;
            }
            StretchQueue.Part part = stretches.next();
            takeOver(part.finds(), linesBefore);
            linesBefore += part.lineBreaks();
            current = part.records().iterator();
        }
        return current.next();
    }

    /** {@return where the stretches whose records were taken end: the helpers read ahead of it} */
    @Override
    long bytesTaken() {
        return stretches.reached();
    }

    @Override
    public void close() {
        try {
            stretches.close();
        } finally {
            pool.shutdown();
        }
    }
}

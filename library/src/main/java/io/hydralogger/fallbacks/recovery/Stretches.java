package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work on one stretch of a file for {@link StretchQueue}: the fast look of {@link FastScan},
 * and for a stretch of JSON Lines that is not plainly intact the salvage engine over just that
 * stretch. Holds no state.
 */
final class Stretches {
    private Stretches() {
    }

    /**
     * A stretch of whole JSON Lines lines, {@code [from, to)}.
     *
     * @param path the file (for the engine's report)
     * @param file its bytes
     * @param mapper the mapper the engine parses with
     * @param limits the read limits
     * @param values whether to build the records
     * @param from the first byte (the start of a line)
     * @param to the end (after a line break, or the end of the file)
     * @return the records, finds and line breaks of the stretch
     * @throws IOException if the file cannot be read
     */
    static StretchQueue.Part lines(Path path, FileBytes file, JsonMapper mapper, ReadLimits limits, boolean values,
            long from, long to) throws IOException {
        byte[] bytes = read(file, from, to, 0, 0);
        FastScan.Intact intact = FastScan.jsonLines(mapper, values, bytes, 0, bytes.length, limits);
        if (intact != null) {
            return new StretchQueue.Part(intact.records(), intact(intact.count()), intact.lineBreaks());
        }
        List<Object> records = values ? new ArrayList<>() : null;
        try (Engine engine = new JsonLinesEngine(path, file.stretch(from, to), mapper, limits, values)) {
            for (Object record = engine.next(); record != Engine.END; record = engine.next()) {
                if (records != null) {
                    records.add(record);
                }
            }
            return new StretchQueue.Part(records, engine.finds(), TextCheck.countBreaks(bytes, 0, bytes.length));
        }
    }

    /**
     * A stretch of the elements of a JSON array: from the byte after the cut {@code cut} to
     * {@code to}, framed as an array of its own unless it starts or ends the file.
     *
     * @param file the file's bytes
     * @param mapper the mapper the engine parses with
     * @param limits the read limits
     * @param values whether to build the records
     * @param cut the cut before the stretch (a comma, or the byte before the content)
     * @param to the end (a comma, or the end of the file)
     * @param first whether it starts the file
     * @param last whether it ends the file
     * @return the elements, or null when they are not plainly intact
     * @throws IOException if the file cannot be read
     */
    static StretchQueue.Part elements(FileBytes file, JsonMapper mapper, ReadLimits limits, boolean values,
            long cut, long to, boolean first, boolean last) throws IOException {
        byte[] bytes = read(file, cut + 1, to, first ? 0 : 1, last ? 0 : 1);
        if (!first) {
            bytes[0] = '[';
        }
        if (!last) {
            bytes[bytes.length - 1] = ']';
        }
        FastScan.Intact intact = FastScan.arrayElements(mapper, values, bytes, 0, bytes.length, limits);
        return intact == null ? null : new StretchQueue.Part(intact.records(), intact(intact.count()), 0);
    }

    /** The finds of an intact stretch of {@code count} records. */
    private static Engine.Finds intact(long count) {
        return new Engine.Finds(List.of(), 0, null, count, 0, false, List.of());
    }

    /** The bytes {@code [from, to)} of the file, with room before and after. */
    private static byte[] read(FileBytes file, long from, long to, int before, int after) throws IOException {
        int length = Math.toIntExact(to - from);
        byte[] bytes = new byte[before + length + after];
        try (InputStream in = file.streamAt(from)) {
            int done = 0;
            while (done < length) {
                int read = in.read(bytes, before + done, length - done);
                if (read < 0) {
                    throw new IOException("the file ended early: it changed while being read");
                }
                done += read;
            }
        }
        return bytes;
    }
}

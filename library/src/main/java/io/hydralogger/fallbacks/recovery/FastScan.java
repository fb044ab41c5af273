package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.format.ReadRules;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quick look at a stretch of a file, for the scan on several threads ({@link ParallelScan}):
 * one parser over the whole stretch instead of one per line, and strings not decoded once
 * {@link TextCheck} found the bytes to be UTF-8. It answers only "every record here is intact:
 * these" or "look closer" (null): at anything odd (damage, a line that holds two values or a
 * value spread over two lines, a last line that may be cut short) the stretch goes to the
 * salvage engine of its format, so no report depends on this class. What an intact JSON Lines
 * record is, it asks {@link ReadRules.JsonLines}, as the strict reads do; its own checks
 * (UTF-8, no NUL, no line over the engine's cap: {@link TextCheck}) only narrow what it trusts.
 * Holds no state.
 */
final class FastScan {
    private FastScan() {
    }

    /**
     * What an intact stretch held.
     *
     * @param records the records, in order, or null when only counted
     * @param count how many records
     * @param lineBreaks how many line breaks the stretch holds
     */
    record Intact(List<Object> records, long count, long lineBreaks) {
    }

    /**
     * Looks at a stretch of a JSON Lines file that starts at the start of a line and, unless it
     * is the end of the file, ends with a line break.
     *
     * @param mapper the mapper the salvage engine parses with
     * @param values whether to build the records (false: only count them)
     * @param bytes the bytes
     * @param from the first byte of the stretch
     * @param to the end of the stretch (exclusive)
     * @param limits the read limits
     * @return the records, or null when the salvage engine must read the stretch
     */
    static Intact jsonLines(JsonMapper mapper, boolean values, byte[] bytes, int from, int to,
            ReadLimits limits) {
        long breaks = TextCheck.lineBreaks(bytes, from, to, JsonLinesEngine.lineCap(limits));
        if (breaks < 0) {
            return null;
        }
        boolean decode = to - from > limits.maxStringLength();
        ObjectReader reader = values ? reader(mapper) : null;
        List<Object> records = values ? new ArrayList<>() : null;
        long count = 0;
        ReadRules.JsonLines rule = new ReadRules.JsonLines();
        try (JsonParser parser = mapper.createParser(bytes, from, to - from)) {
            for (JsonToken first = parser.nextToken(); first != null; first = parser.nextToken()) {
                if (!rule.ownLine(parser)) {
                    return null;
                }
                if (reader != null) {
                    records.add(reader.readValue(parser));
                } else {
                    skip(parser, decode);
                }
                if (!rule.sameLine(parser, first)) {
                    return null;
                }
                count++;
            }
            // a stretch that does not end the file ends with a line break, so this holds there
            if (!rule.complete(parser)) {
                return null;
            }
        } catch (JacksonException | StackOverflowError | OutOfMemoryError e) {
            return null;
        }
        return new Intact(records, count, breaks);
    }

    /**
     * Looks at a stretch of the elements of a JSON array, framed as an array of its own: the
     * caller puts {@code [} before a stretch that does not start the file and {@code ]} after one
     * that does not end it.
     *
     * @param mapper the mapper the salvage engine parses with
     * @param values whether to build the records (false: only count them)
     * @param bytes the framed bytes
     * @param from the first byte (the {@code [}, after any byte order mark)
     * @param to the end (exclusive)
     * @param limits the read limits
     * @return the elements, or null when the salvage engine must read the file
     */
    static Intact arrayElements(JsonMapper mapper, boolean values, byte[] bytes, int from, int to,
            ReadLimits limits) {
        if (TextCheck.lineBreaks(bytes, from, to, Long.MAX_VALUE) < 0) {
            return null;
        }
        boolean decode = to - from > limits.maxStringLength();
        ObjectReader reader = values ? reader(mapper) : null;
        List<Object> records = values ? new ArrayList<>() : null;
        long count = 0;
        try (JsonParser parser = mapper.createParser(bytes, from, to - from)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    return null;
                }
                if (reader != null) {
                    records.add(reader.readValue(parser));
                } else {
                    skip(parser, decode);
                }
                count++;
            }
            if (parser.nextToken() != null) {
                return null;
            }
        } catch (JacksonException | StackOverflowError | OutOfMemoryError e) {
            return null;
        }
        return new Intact(records, count, 0);
    }

    /** The reader that builds records as the salvage engines build them. */
    private static ObjectReader reader(JsonMapper mapper) {
        return mapper.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Passes the value at the parser's token. Strings need not be decoded when the bytes are
     * known to be UTF-8, unless one could be longer than the limit (which only decoding checks).
     */
    private static void skip(JsonParser parser, boolean decode) {
        if (decode) {
            Engine.walk(parser);
        } else {
            parser.skipChildren();
        }
    }
}

package io.hydralogger.fallbacks.internal.codec;

import io.hydralogger.fallbacks.format.ReadRules;
import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.ObjectReader;

/**
 * The values of a JSON Lines text read strictly by the {@link ReadRules}, through one streaming
 * parser (as fast as Jackson's own {@code MappingIterator}): every value must sit on a line of
 * its own (LF, CRLF and CR are line breaks; blank lines are allowed), and a last value without a
 * line break after it must be one that cannot have been cut short (not a number). Anything else
 * is a {@link StreamReadException} when it is reached, as is any syntax error. Not thread-safe.
 *
 * @param <T> the type each line is bound to
 */
final class StrictJsonLines<T> implements Iterator<T>, Closeable {
    private final JsonParser parser;
    private final ObjectReader reader;
    private final ReadRules.JsonLines rule = new ReadRules.JsonLines();
    private JsonToken next;
    private boolean done;

    /**
     * Reads the values of a parser that has not read a token yet.
     *
     * @param parser the parser (closed with this)
     * @param reader binds each value
     */
    StrictJsonLines(JsonParser parser, ObjectReader reader) {
        this.parser = parser;
        this.reader = reader;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (done) {
            return false;
        }
        next = parser.nextToken();
        if (next == null) {
            done = true;
            if (!rule.complete(parser)) {
                throw new StreamReadException(parser,
                        "the last line has no line break and ends in a number: it may be cut short");
            }
            return false;
        }
        if (!rule.ownLine(parser)) {
            throw new StreamReadException(parser, "more than one JSON value on line " + rule.lastLine());
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        JsonToken first = next;
        next = null;
        T value = reader.readValue(parser);
        if (!rule.sameLine(parser, first)) {
            throw new StreamReadException(parser, "a JSON value spans lines " + rule.line() + " to "
                    + rule.lastLine() + ": JSON Lines holds one value per line");
        }
        return value;
    }

    /**
     * Reads all remaining values.
     *
     * @param into where they go
     * @return {@code into}
     */
    List<T> readAll(List<T> into) {
        while (hasNext()) {
            into.add(next());
        }
        return into;
    }

    @Override
    public void close() {
        parser.close();
    }
}

package io.hydralogger.fallbacks.internal.codec;

import java.io.Closeable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of one JSON document read strictly, in constant memory: the elements of a
 * top-level array one by one, or the document itself when it is not an array. Only white space
 * may follow the document; an empty document is damage too (as inspection reports it). Damage
 * is a {@link tools.jackson.core.JacksonException} when it is reached. Not thread-safe.
 */
final class StrictJsonRecords implements Iterator<Object>, Closeable {
    private final JsonParser parser;
    private final ObjectReader reader;
    private boolean started;
    private boolean array;
    private boolean done;
    private boolean ready;

    StrictJsonRecords(JsonMapper mapper, JsonParser parser) {
        this.parser = parser;
        this.reader = mapper.readerFor(Object.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    @Override
    public boolean hasNext() {
        if (ready) {
            return true;
        }
        if (done) {
            return false;
        }
        JsonToken token = parser.nextToken();
        if (!started) {
            started = true;
            if (token == null) {
                throw new StreamReadException(parser, "the document is empty");
            }
            array = token == JsonToken.START_ARRAY;
            if (array) {
                token = parser.nextToken();
            } else {
                ready = true;
                return true;
            }
        }
        if (array && token != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new StreamReadException(parser, "the top-level array is not closed");
            }
            ready = true;
            return true;
        }
        expectEnd();
        return false;
    }

    /** Only white space may follow the document. */
    private void expectEnd() {
        done = true;
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw new StreamReadException(parser, "content after the end of the document (" + after + ")");
        }
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ready = false;
        Object value = reader.readValue(parser);
        if (!array) {
            expectEnd();
        }
        return value;
    }

    @Override
    public void close() {
        parser.close();
    }
}

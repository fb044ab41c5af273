package io.hydralogger.fallbacks.internal.codec;

import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;

/**
 * Serialises chunks of JSON records on other threads, byte for byte as the one generator of a
 * write on one thread would: JSON Lines records are independent lines; the elements of a JSON
 * array are written by a generator of the same writer inside an array after a placeholder
 * element, and the bytes after the placeholder are what that generator writes after any
 * element (the separator, then the indentation of the array's level when pretty-printing).
 */
final class JsonChunks {
    private JsonChunks() {
    }

    /**
     * One serialised chunk: the bytes {@code [from, to)} of the buffer are the records, and
     * {@code tail} what closes the array after the last of them (null for JSON Lines).
     */
    record Encoded(ChunkBuffer buffer, int records, int from, int to, byte @Nullable [] tail) implements ChunkPipeline.Chunk {
        /** Writes the records' bytes. */
        void writeTo(OutputStream out) throws IOException {
            buffer.writeTo(out, from, to);
        }
    }

    /**
     * Serialises records as JSON Lines.
     *
     * @param lines a writer with an empty root value separator
     * @return the encoder
     */
    static ChunkPipeline.Encoder<Encoded> lines(ObjectWriter lines, Sanitizer sanitizer) {
        return (records, buffer) -> {
            try (JsonGenerator generator = lines.createGenerator(buffer)) {
                Consumer<Object> walk = sanitizer.sanitizerTo(new GeneratorSink(generator));
                for (Object record : records) {
                    walk.accept(record);
                    generator.writeRaw('\n');
                }
            }
            return new Encoded(buffer, records.size(), 0, buffer.size(), null);
        };
    }

    /**
     * Serialises elements of the array {@code root} that follow at least one element already
     * written.
     *
     * @param writer the writer of the whole document
     * @param root the value whose elements these are (for the sanitiser's cycle check)
     * @param finalNewline whether the document ends with a line break (pretty-printed)
     * @return the encoder
     */
    static ChunkPipeline.Encoder<Encoded> elements(ObjectWriter writer, Object root, boolean finalNewline,
            Sanitizer sanitizer) {
        return (records, buffer) -> {
            int from;
            int to;
            try (JsonGenerator generator = writer.createGenerator(buffer)) {
                generator.writeStartArray();
                generator.writeNumber(0);
                generator.flush();
                from = buffer.size();
                Consumer<Object> walk = sanitizer.elementSanitizerTo(root, new GeneratorSink(generator));
                for (Object record : records) {
                    walk.accept(record);
                }
                generator.flush();
                to = buffer.size();
                generator.writeEndArray();
                if (finalNewline) {
                    generator.writeRaw('\n');
                }
            }
            byte[] tail = Arrays.copyOfRange(buffer.bytes(), to, buffer.size());
            return new Encoded(buffer, records.size(), from, to, tail);
        };
    }
}

package io.hydralogger.fallbacks.internal.codec;

import io.hydralogger.fallbacks.internal.sanitize.RootElements;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON documents and JSON Lines through the sanitiser straight into a Jackson generator.
 * A write begins on the calling thread; past {@link WriteThreads#SWITCH_BYTES} (see
 * {@link WriteProgress}) the remaining records of a JSON Lines file, or the remaining elements of a
 * document that is an array of records, are serialised in chunks on several threads
 * ({@link JsonChunks}) and written in order, the same bytes as on one thread.
 */
final class JsonWrite {
    private JsonWrite() {
    }

    /**
     * Writes any value as one JSON document; an iterable, iterator, stream or array becomes a
     * JSON array streamed element by element.
     *
     * @param mapper the mapper whose factory makes the generator
     * @param data the value
     * @param indent spaces per level, or -1 for compact output
     * @param out where the bytes go (not closed)
     * @param threads what else the write may use
     * @param sanitizer takes the value apart
     * @return the number of top-level array elements, or 1 for any other value
     * @throws IOException if writing fails
     */
    static long document(JsonMapper mapper, @Nullable Object data, int indent, OutputStream out, WriteThreads threads,
            Sanitizer sanitizer) throws IOException {
        ObjectWriter writer = documentWriter(mapper, indent);
        HandedOut handedOut = HandedOut.in(data);
        RootElements elements = threads.parallel() || handedOut.keeps() ? sanitizer.elementsOf(data) : null;
        if (elements == null) {
            try (JsonGenerator generator = writer.createGenerator(new ShieldedOutputStream(out))) {
                GeneratorSink sink = new GeneratorSink(generator);
                sanitizer.sanitizeTo(data, sink);
                if (indent >= 0) {
                    generator.writeRaw('\n');
                }
                return sink.records();
            }
        }
        try (elements) {
            handedOut.writtenAsJsonArray();
            return elements(writer, elements, indent >= 0, out, threads, sanitizer, handedOut);
        }
    }

    /** The elements of an array document: as the walk of the whole document writes them. */
    private static long elements(ObjectWriter writer, RootElements elements, boolean finalNewline, OutputStream out,
            WriteThreads threads, Sanitizer sanitizer, HandedOut handedOut) throws IOException {
        ShieldedOutputStream counted = new ShieldedOutputStream(out);
        WriteProgress progress = new WriteProgress(threads, counted, handedOut);
        long count = 0;
        // the end of the array is written explicitly; abandoning it must not write one
        try (JsonGenerator generator = writer.without(StreamWriteFeature.AUTO_CLOSE_CONTENT).createGenerator(counted)) {
            Consumer<Object> walk = sanitizer.elementSanitizerTo(elements.root(), new GeneratorSink(generator));
            generator.writeStartArray();
            while (elements.hasNext() && !progress.switchNow(count)) {
                Object element = elements.next();
                progress.saw(element);
                walk.accept(element);
                count++;
                progress.wrote(count, generator);
            }
            if (!elements.hasNext()) {
                generator.writeEndArray();
                if (finalNewline) {
                    generator.writeRaw('\n');
                }
                return count;
            }
        }
        byte[][] tail = new byte[1][];
        count += ChunkPipeline.run(elements, progress.recordsPerChunk(count), threads, progress,
                JsonChunks.elements(writer, elements.root(), finalNewline, sanitizer), chunk -> {
                    chunk.writeTo(counted);
                    tail[0] = chunk.tail();
                });
        counted.write(tail[0]);
        return count;
    }

    /**
     * Writes records as JSON Lines: one compact JSON value and a newline per record.
     *
     * @param mapper the mapper whose factory makes the generator
     * @param records the records
     * @param out where the bytes go (not closed)
     * @param threads what else the write may use
     * @param sanitizer takes the records apart
     * @return the number of records written
     * @throws IOException if writing fails
     */
    static long lines(JsonMapper mapper, Iterator<?> records, OutputStream out, WriteThreads threads,
            Sanitizer sanitizer) throws IOException {
        ObjectWriter lines = mapper.writer().withRootValueSeparator("");
        ShieldedOutputStream counted = new ShieldedOutputStream(out);
        HandedOut handedOut = HandedOut.in(records);
        handedOut.writtenAsJsonLines();
        WriteProgress progress = new WriteProgress(threads, counted, handedOut);
        long count = 0;
        try (JsonGenerator generator = lines.createGenerator(counted)) {
            Consumer<Object> walk = sanitizer.sanitizerTo(new GeneratorSink(generator));
            while (records.hasNext() && !progress.switchNow(count)) {
                Object record = records.next();
                progress.saw(record);
                walk.accept(record);
                generator.writeRaw('\n');
                count++;
                progress.wrote(count, generator);
            }
        }
        if (records.hasNext()) {
            count += ChunkPipeline.run(records, progress.recordsPerChunk(count), threads, progress,
                    JsonChunks.lines(lines, sanitizer), chunk -> chunk.writeTo(counted));
        }
        return count;
    }

    /** The writer of a document: compact, or pretty-printed in Python's style with the indent. */
    private static ObjectWriter documentWriter(JsonMapper mapper, int indent) {
        ObjectWriter writer = mapper.writer();
        if (indent >= 0) {
            DefaultIndenter indenter = new DefaultIndenter(" ".repeat(indent), "\n");
            writer = writer.with(new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectNameValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(indenter)
                    .withArrayIndenter(indenter));
        }
        return writer;
    }
}

package io.hydralogger.fallbacks;

import de.siegmar.fastcsv.reader.CsvParseException;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.codec.Codecs;
import io.hydralogger.fallbacks.recovery.CorruptFileException;
import io.hydralogger.fallbacks.recovery.Problem;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * A strict stream of records whose damage surfaces as one domain exception,
 * {@link CorruptFileException}, instead of Jackson's or FastCSV's. For a file, the problem is
 * the first one its inspection finds (the rules every other path uses, so {@code verify} and the
 * stream name the same damage); for bytes from a stream, which cannot be read again, it is told
 * from the exception's type, never from its message text.
 */
final class StrictStream {
    private StrictStream() {
    }

    /**
     * Opens a file's records, strictly.
     *
     * @param context the handler's settings
     * @param path the file
     * @param format its format
     * @return the records; damage surfaces as the first problem the file's inspection finds
     * @throws IOException if the file cannot be opened
     */
    static Stream<Object> open(Context context, Path path, Format format) throws IOException {
        return of(codecStream(context, Files.newInputStream(path), format), path,
                damaged -> context.inspect(damaged, format).problems().stream().findFirst());
    }

    /**
     * Reads records from any input, strictly.
     *
     * @param context the handler's settings
     * @param in the bytes
     * @param format their format
     * @return the records; damage is told from the exception's type
     */
    static Stream<Object> of(Context context, InputStream in, Format format) {
        return of(codecStream(context, in, format), null, damaged -> Optional.empty());
    }

    private static Stream<Object> codecStream(Context context, InputStream in, Format format) {
        return switch (format) {
            case JSON -> Codecs.streamJson(context.mapper, in);
            case JSON_LINES -> Codecs.streamJsonLines(context.mapper, in);
            case CSV, TSV -> Codecs.streamCsv(in, context.dialect.forFormat(format));
        };
    }

    /**
     * Wraps a stream of the codecs.
     *
     * @param records the records, read as the stream is consumed
     * @param path the file, or null for bytes from a stream
     * @param inspect the first problem of the file, when it is a file
     * @return the same records; closing it closes {@code records}
     */
    private static Stream<Object> of(Stream<Object> records, @Nullable Path path,
            Function<Path, Optional<Problem>> inspect) {
        Iterator<Object> source = records.iterator();
        Iterator<Object> checked = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return source.hasNext();
                } catch (RuntimeException e) {
                    throw translate(e, path, inspect);
                }
            }

            @Override
            public Object next() {
                try {
                    return source.next();
                } catch (RuntimeException e) {
                    throw translate(e, path, inspect);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(checked, Spliterator.ORDERED), false)
                .onClose(records::close);
    }

    /** The domain exception for damage; an I/O error stays an I/O error; anything else as it is. */
    static RuntimeException translate(RuntimeException e, @Nullable Path path,
            Function<Path, Optional<Problem>> inspect) {
        if (e instanceof JacksonIOException io) {
            return new UncheckedIOException(io.getCause());
        }
        boolean badText = e instanceof UncheckedIOException u && u.getCause() instanceof CharConversionException;
        if (path != null && (e instanceof JacksonException || e instanceof CsvParseException || badText)) {
            Optional<Problem> first = inspect.apply(path);
            if (first.isPresent()) {
                return new CorruptFileException(path, first.get(), e);
            }
        }
        if (e instanceof JacksonException jackson) {
            TokenStreamLocation at = jackson.getLocation();
            long offset = at == null ? -1 : at.getByteOffset();
            long line = at == null ? -1 : at.getLineNr();
            return new CorruptFileException(path, new Problem(kindOf(jackson), offset, line,
                    Failures.describe(jackson)), jackson);
        }
        if (badText) {
            return new CorruptFileException(path, new Problem(ProblemKind.INVALID_UTF8, -1, -1,
                    Failures.describe(Objects.requireNonNull(e.getCause()))), e);
        }
        if (e instanceof CsvParseException csv) {
            return new CorruptFileException(path, new Problem(ProblemKind.INVALID_SYNTAX, -1, -1,
                    Failures.describe(csv)), csv);
        }
        return e;
    }

    /** A read limit passed is {@code too_long} here: without the parser its depth is not known. */
    private static ProblemKind kindOf(JacksonException e) {
        if (e instanceof UnexpectedEndOfInputException) {
            return ProblemKind.TRUNCATED;
        }
        if (e instanceof StreamConstraintsException) {
            return ProblemKind.TOO_LONG;
        }
        return ProblemKind.INVALID_SYNTAX;
    }
}

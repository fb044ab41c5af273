package io.hydralogger.fallbacks.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;

/**
 * The records of an input file, read in constant memory, that end at the first damage instead
 * of throwing: what came before it is kept, and {@link #damage()} says where and what it was.
 * I/O errors are still thrown. Single-pass; close it.
 */
final class RecordInput implements Iterator<Object>, AutoCloseable {
    private final Path file;
    private final Stream<Object> stream;
    private final Iterator<Object> records;
    private long count;
    private String damage;

    private RecordInput(Path file, Stream<Object> stream) {
        this.file = file;
        this.stream = stream;
        this.records = stream.iterator();
    }

    /**
     * Opens a file.
     *
     * @param handler the handler that parses it
     * @param file the file
     * @param format its format
     * @param progress counts the bytes read
     * @return the records
     * @throws IOException if the file cannot be opened
     */
    static RecordInput open(FallbackHandler handler, Path file, Format format, Progress progress) throws IOException {
        return new RecordInput(file, handler.stream(progress.open(file), format));
    }

    @Override
    public boolean hasNext() {
        if (damage != null) {
            return false;
        }
        try {
            return records.hasNext();
        } catch (JacksonException | CsvParseException e) {
            if (e instanceof JacksonIOException) {
                throw e;
            }
            damage = describe(e);
            return false;
        }
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        count++;
        return records.next();
    }

    /** {@return how many records were handed out} */
    long count() {
        return count;
    }

    /** {@return where and what the damage that ended the records was, if they ended at damage} */
    Optional<String> damage() {
        return Optional.ofNullable(damage);
    }

    /**
     * Fails with exit code 1 when the records ended at damage.
     *
     * @param done what was done with the records before it, for the message
     * @throws CliException if the input is damaged
     */
    void failIfDamaged(String done) {
        if (damage != null) {
            throw new CliException(Main.CORRUPTED, file + " is damaged: " + damage + "; " + done + " the "
                    + count + " records before it ('hydra-fallbacks recover' salvages what follows)");
        }
    }

    private static String describe(RuntimeException e) {
        if (e instanceof JacksonException jackson) {
            TokenStreamLocation at = jackson.getLocation();
            String where = at == null || at.getLineNr() < 0 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String message = Errors.firstLine(jackson.getOriginalMessage());
            int source = message.indexOf(" (start marker at [Source");
            return (source < 0 ? message : message.substring(0, source)) + where;
        }
        return Errors.firstLine(e.getMessage());
    }

    @Override
    public void close() {
        stream.close();
    }
}

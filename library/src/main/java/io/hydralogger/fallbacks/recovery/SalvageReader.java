package io.hydralogger.fallbacks.recovery;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The records salvaged from a file, read one at a time in constant memory (see
 * {@link DataRecovery#open}). Must be closed. Once {@link #hasNext()} has returned false,
 * {@link #report()} lists every problem found. Not thread-safe.
 */
public final class SalvageReader implements Iterator<Object>, Closeable {
    private final Engine engine;
    private final FileBytes file;
    private Object next;
    private boolean fetched;

    SalvageReader(Engine engine, FileBytes file) {
        this.engine = engine;
        this.file = file;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    @Override
    public boolean hasNext() {
        if (!fetched) {
            try {
                next = engine.next();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fetched = true;
        }
        return next != Engine.END;
    }

    /**
     * {@inheritDoc}
     *
     * @return the next salvaged record: a {@code Map}, {@code List}, {@code String}, number,
     *     {@code Boolean} or null for JSON and JSON Lines; a {@code Map<String, String>} for CSV
     * @throws UncheckedIOException if the file cannot be read
     */
    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        fetched = false;
        return next;
    }

    /**
     * {@return whether the file is a JSON file of one top-level value that is not an array;
     * its one record is then that value, not an element}
     */
    public boolean singleValue() {
        return engine instanceof JsonEngine json && json.singleValue();
    }

    /**
     * {@return how many bytes of the file have been read so far, read-ahead included: a little
     * ahead of the records handed out} For progress
     * shown to a user (bytes done of the file's size).
     */
    public long bytesRead() {
        long taken = engine.bytesTaken();
        return taken >= 0 ? taken : file.furthest();
    }

    /** {@return the problems found and the records counted so far; complete at the end} */
    public CorruptionReport report() {
        return engine.report();
    }

    @Override
    public void close() throws IOException {
        try (file) {
            engine.close();
        }
    }
}

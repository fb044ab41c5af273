package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.ReadRules;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Random access to the bytes of a file for the salvage engines: streams that start at any
 * offset (each with its own position), single-byte peeks through a window, and line numbers of
 * offsets. Not thread-safe.
 */
final class FileBytes implements Closeable {
    private static final int WINDOW = 64 * 1024;

    private final FileChannel channel;
    private final long size;
    private final ByteBuffer window = ByteBuffer.allocate(WINDOW);
    private long windowStart = -1;
    private int windowLength;
    private long countedTo;
    private long linesBefore;
    /** The end of the furthest bytes read so far, by peeks and streams: how far a reader got. */
    private long furthest;

    /** Where the bytes start: 0, or the start of a stretch (see {@link #stretch}). */
    private final long start;
    /** Whether closing this closes the channel (not for a stretch). */
    private final boolean owner;

    private FileBytes(FileChannel channel) throws IOException {
        this(channel, 0, channel.size(), true);
    }

    private FileBytes(FileChannel channel, long start, long end, boolean owner) {
        this.channel = channel;
        this.start = start;
        this.size = end;
        this.owner = owner;
    }

    /**
     * A stretch of the same file, for an engine that salvages only it: its bytes end at
     * {@code end} (for the engine, the file ends there), and its content starts at
     * {@code start} (a byte order mark counts only at the start of the file). Closing it leaves
     * the file open; not thread-safe, but each stretch may be read on a thread of its own.
     *
     * @param start the first byte
     * @param end the end (exclusive)
     * @return the stretch
     */
    FileBytes stretch(long start, long end) {
        return new FileBytes(channel, start, end, false);
    }

    static FileBytes open(Path path) throws IOException {
        return new FileBytes(FileChannel.open(path, StandardOpenOption.READ));
    }

    /**
     * The bytes of a JSON or JSON Lines file as UTF-8, which the engines read: a file that
     * starts with a UTF-16 byte order mark (Windows tools and Python's {@code 'utf-16'} codec
     * write one) is transcoded by a {@link Utf8Transcoder} into a temp file of its own, which
     * is deleted as it is opened on Unix (when it is closed elsewhere), so nothing is left behind.
     * Offsets in reports then count the UTF-8 bytes of the text, as for a CSV file in another
     * charset; lines are the same. Any other file is opened as it is. Closes {@code file} when
     * it returns another.
     *
     * @param file the file, just opened
     * @return its bytes as UTF-8, the byte order mark gone
     * @throws IOException if the file cannot be read or the temp file cannot be written
     */
    static FileBytes asUtf8(FileBytes file) throws IOException {
        byte[] head = new byte[3];
        int length = 0;
        while (length < head.length && file.byteAt(length) >= 0) {
            head[length] = (byte) file.byteAt(length);
            length++;
        }
        Optional<Charset> charset = ReadRules.bomCharset(head, length);
        if (charset.isEmpty() || charset.get().equals(StandardCharsets.UTF_8)) {
            return file;
        }
        try (file) {
            Path temp = Files.createTempFile("hydra-fallbacks-", ".utf8");
            FileChannel copy;
            try {
                copy = FileChannel.open(temp, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            try (InputStream text = new Utf8Transcoder(new BufferedInputStream(
                    file.streamAt(ReadRules.bomLength(charset.get())), WINDOW), charset.get())) {
                byte[] buffer = new byte[WINDOW];
                for (int read = text.read(buffer); read >= 0; read = text.read(buffer)) {
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, read);
                    while (bytes.hasRemaining()) {
                        copy.write(bytes);
                    }
                }
                return new FileBytes(copy);
            } catch (IOException | RuntimeException e) {
                copy.close();
                throw e;
            }
        }
    }

    long size() {
        return size;
    }

    /** {@return where the content starts: after a UTF-8 byte order mark, or 0; a stretch's start} */
    long contentStart() throws IOException {
        if (start > 0) {
            return start;
        }
        byte[] head = new byte[3];
        int length = 0;
        while (length < head.length && byteAt(length) >= 0) {
            head[length] = (byte) byteAt(length);
            length++;
        }
        return ReadRules.bomLength(head, length);
    }

    /**
     * {@return the end of the furthest bytes read so far, by peeks and streams (read-ahead
     * included)} How far a reader that goes from start to end has got, for progress.
     */
    long furthest() {
        return furthest;
    }

    /** {@return the byte at {@code position} (0-255), or -1 past the end} */
    int byteAt(long position) throws IOException {
        if (position < 0 || position >= size) {
            return -1;
        }
        if (windowStart < 0 || position < windowStart || position >= windowStart + windowLength) {
            window.clear();
            windowStart = position;
            windowLength = 0;
            while (window.hasRemaining()) {
                int read = channel.read(window, position + window.position());
                if (read < 0) {
                    break;
                }
            }
            windowLength = window.position();
            furthest = Math.max(furthest, windowStart + windowLength);
            if (windowLength == 0) {
                return -1;
            }
        }
        return window.get((int) (position - windowStart)) & 0xFF;
    }

    /** {@return the offset of the first byte at or after {@code from} that is not JSON white space, or -1} */
    long skipWhitespace(long from) throws IOException {
        for (long p = from; p < size; p++) {
            int b = byteAt(p);
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return p;
            }
        }
        return -1;
    }

    /**
     * Finds where a JSON array element may start after damage: an opening brace or bracket
     * whose nearest non-blank byte before it is a comma.
     *
     * @param from where to start looking
     * @return the offset of the candidate, or -1 when there is none
     */
    long findElementStart(long from) throws IOException {
        int previous = 0;
        for (long p = from; p < size; p++) {
            int b = byteAt(p);
            if ((b == '{' || b == '[') && previous == ',') {
                return p;
            }
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                previous = b;
            }
        }
        return -1;
    }

    /** {@return how many bytes {@code b} lie between {@code from} (inclusive) and {@code end}} */
    long count(int b, long from, long end) throws IOException {
        long count = 0;
        for (long p = from; p < end; p++) {
            if (byteAt(p) == b) {
                count++;
            }
        }
        return count;
    }

    /** {@return the 1-based line of {@code offset}, counting LF, CRLF and a lone CR as line breaks} */
    long lineAt(long offset) throws IOException {
        if (offset < countedTo) {
            countedTo = 0;
            linesBefore = 0;
        }
        long end = Math.min(offset, size);
        for (long p = countedTo; p < end; p++) {
            int b = byteAt(p);
            if (b == '\n' || b == '\r' && byteAt(p + 1) != '\n') {
                linesBefore++;
            }
        }
        countedTo = Math.max(countedTo, end);
        return linesBefore + 1;
    }

    /** {@return a stream of the bytes from {@code start} to the end, with a position of its own} */
    InputStream streamAt(long start) {
        return new InputStream() {
            private long position = start;

            @Override
            public int read() throws IOException {
                int b = byteAt(position);
                if (b >= 0) {
                    position++;
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (position >= size) {
                    return -1;
                }
                int read = channel.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, size - position)),
                        position);
                if (read > 0) {
                    position += read;
                    furthest = Math.max(furthest, position);
                }
                return read;
            }
        };
    }

    @Override
    public void close() throws IOException {
        if (owner) {
            channel.close();
        }
    }
}

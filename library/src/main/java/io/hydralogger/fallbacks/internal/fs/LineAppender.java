package io.hydralogger.fallbacks.internal.fs;

import io.hydralogger.fallbacks.format.ReadRules;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends whole lines to a file (JSON Lines logs): the append half of the write protocol.
 *
 * <p>A file is {@link #open(Path) opened} once and appended to any number of times. Each
 * {@link #append(OpenFile, List)} first looks at the end of the file (unless the file still ends
 * where the last append through the same open file left it). A last line without
 * its line break was left by a writer that died mid-append; it is never glued onto. If that tail
 * is a complete record (as the predicate given at construction judges: for JSON Lines the
 * {@link ReadRules}), only the line break was lost, and it is added. Otherwise the torn bytes are
 * kept as evidence in a new file {@code <name>.torn-<UTC timestamp>} beside the target (with the target's permissions)
 * and cut off the target. Then the new lines are written in one gathering write at the end of
 * the file and, unless {@code sync} is {@link Sync#NONE}, forced before the call returns (a new file's folder
 * is forced too). If writing fails, the file is cut back to where the new lines began, so that a
 * failed append leaves no partial line behind (a failed {@code force} is not retried: the call
 * fails and the lines may or may not be on disk).
 *
 * <p>Not synchronised: the caller holds the file's exclusive lock (in-JVM and, across
 * processes, the OS lock), as the append operation does. Immutable.
 */
public final class LineAppender {
    private static final Logger LOG = LoggerFactory.getLogger(LineAppender.class);
    private static final int SCAN_BLOCK = 64 * 1024;
    private static final int MAX_NAME_TRIES = 100;

    private final Sync sync;
    private final Clock clock;
    private final Predicate<InputStream> completeLine;

    /**
     * Creates an appender.
     *
     * @param sync what appends force before they return
     * @param clock the clock for the names of evidence files
     * @param completeLine whether the bytes of a last line that lacks its line break (given as a
     *     stream, whatever their length) are a complete record (then only the line break is added)
     */
    public LineAppender(Sync sync, Clock clock, Predicate<InputStream> completeLine) {
        this.sync = Objects.requireNonNull(sync, "sync must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.completeLine = Objects.requireNonNull(completeLine, "completeLine must not be null");
    }

    /**
     * Opens a file for appending, creating it when missing. The file stays open for any number
     * of {@link #append(OpenFile, List)} calls, by this or another appender.
     *
     * @param target the real file (links already followed); its folder must exist
     * @return the open file; the caller closes it
     * @throws IOException if the file cannot be opened
     */
    public static OpenFile open(Path target) throws IOException {
        boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            return new OpenFile(target, channel, fileKey(target), !existed);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Appends lines at the end of an open file.
     *
     * @param file the open file; the caller holds its lock
     * @param lines whole lines, each ending with a newline, written in this order
     * @return the bytes appended
     * @throws IOException if the file cannot be repaired, written or forced; the file then ends
     *     where it ended before (after the repair of a torn line, if that was done)
     */
    public long append(OpenFile file, List<ByteBuffer> lines) throws IOException {
        return append(file, lines, false);
    }

    /**
     * Appends lines at the end of an open file, trusting, when told to, that it still ends where
     * the last append through it left it: then the file is not even looked at (no {@code fstat}).
     *
     * @param file the open file; the caller holds its lock
     * @param lines whole lines, each ending with a newline, written in this order
     * @param unchanged whether the caller knows that no one wrote the file since the last append
     *     through {@code file} (its OS lock was held all along)
     * @return the bytes appended
     * @throws IOException if the file cannot be repaired, written or forced; the file then ends
     *     where it ended before (after the repair of a torn line, if that was done)
     */
    public long append(OpenFile file, List<ByteBuffer> lines, boolean unchanged) throws IOException {
        FileChannel channel = file.channel;
        long start;
        if (unchanged && file.knownEnd >= 0) {
            start = file.knownEnd;
        } else {
            long size = channel.size();
            start = size == 0 || size == file.knownEnd ? size : repairTail(file.target, channel, size);
        }
        file.knownEnd = -1;
        ByteBuffer[] buffers = lines.toArray(ByteBuffer[]::new);
        long written = 0;
        try {
            if (buffers.length == 1) {
                // one positioned write (pwrite): no seek
                while (buffers[0].hasRemaining()) {
                    written += channel.write(buffers[0], start + written);
                }
            } else {
                channel.position(start);
                while (hasRemaining(buffers)) {
                    written += channel.write(buffers);
                }
            }
            if (sync.files()) {
                channel.force(false);
                if (file.created && sync.folders()) {
                    Folders.force(Folders.parentOf(file.target));
                }
            }
        } catch (IOException e) {
            cutBack(channel, start, e);
            throw e;
        }
        file.created = false;
        file.knownEnd = start + written;
        return written;
    }

    private static @Nullable Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * A file open for appends. It remembers where the last append through it ended, so the next
     * one skips the look at the tail when no one else has written since. Not thread-safe: use it
     * under the file's lock.
     */
    public static final class OpenFile implements Closeable {
        private final Path target;
        private final FileChannel channel;
        private final @Nullable Object key;
        private boolean created;
        private long knownEnd = -1;

        private OpenFile(Path target, FileChannel channel, @Nullable Object key, boolean created) {
            this.target = target;
            this.channel = channel;
            this.key = key;
            this.created = created;
        }

        /** {@return the file this was opened on} */
        public Path target() {
            return target;
        }

        /**
         * Whether the path still names the file this has open: false after the file was
         * replaced (a whole-file write renames a new file over it), renamed away (log
         * rotation) or deleted, when appends must go to a freshly opened file.
         *
         * @return whether appends through this still land in the file at the path
         * @throws IOException if the path cannot be looked at
         */
        public boolean isCurrent() throws IOException {
            return channel.isOpen() && key != null && key.equals(fileKey(target));
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Appends write UTF-8 lines: a file whose byte order mark says it is UTF-16 would be made
     * unreadable by them, so it is left as it is and the append fails.
     */
    private static void refuseOtherCharsets(Path target, FileChannel channel, long size) throws IOException {
        byte[] head = readFully(channel, 0, (int) Math.min(size, 3));
        Optional<Charset> charset = ReadRules.bomCharset(head, head.length);
        if (charset.isPresent() && !charset.get().equals(StandardCharsets.UTF_8)) {
            throw new IOException(target + " is " + charset.get() + " text (its byte order mark says so), and"
                    + " appends write UTF-8 lines, which would make it unreadable: it is left as it is (convert it"
                    + " to UTF-8 to append to it)");
        }
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer buffer : buffers) {
            if (buffer.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Makes the file end with a line break; returns where new lines start. */
    private long repairTail(Path target, FileChannel channel, long size) throws IOException {
        refuseOtherCharsets(target, channel, size);
        if (ReadRules.isLineBreak(readFully(channel, size - 1, 1)[0])) {
            return size;
        }
        long lineStart = lastNewline(channel, size - 1) + 1;
        long tailLength = size - lineStart;
        if (completeLine.test(new RangeStream(channel, lineStart, size))) {
            writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}), size);
            LOG.info("added the newline missing after the last line of {}", target);
            return size + 1;
        }
        Path evidence = keepEvidence(target, channel, lineStart, tailLength);
        channel.truncate(lineStart);
        LOG.warn("the last line of {} was torn ({} bytes, left by a writer that died); kept it in {} and cut it off",
                target, tailLength, evidence);
        return lineStart;
    }

    /** The offset of the last line break (LF or CR) before {@code end}, or -1. */
    private static long lastNewline(FileChannel channel, long end) throws IOException {
        long blockEnd = end;
        while (blockEnd > 0) {
            long blockStart = Math.max(0, blockEnd - SCAN_BLOCK);
            byte[] block = readFully(channel, blockStart, (int) (blockEnd - blockStart));
            for (int i = block.length - 1; i >= 0; i--) {
                if (ReadRules.isLineBreak(block[i])) {
                    return blockStart + i;
                }
            }
            blockEnd = blockStart;
        }
        return -1;
    }

    private Path keepEvidence(Path target, FileChannel channel, long from, long length) throws IOException {
        String stamp = FileNames.timestamp(clock);
        for (int attempt = 0; attempt < MAX_NAME_TRIES; attempt++) {
            Path evidence = FileNames.torn(target, stamp, attempt);
            FileChannel out;
            try {
                out = TempFiles.createLike(target, evidence);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            try (out) {
                long copied = 0;
                while (copied < length) {
                    copied += channel.transferTo(from + copied, length - copied, out);
                }
                if (sync.files()) {
                    out.force(true);
                }
            }
            if (sync.folders()) {
                // the evidence's name must be on disk before the torn bytes are cut off the target
                Folders.force(Folders.parentOf(evidence));
            }
            return evidence;
        }
        throw new FileAlreadyExistsException(FileNames.torn(target, stamp, 0).toString(), null,
                "no free name for the evidence of a torn line");
    }

    /** The bytes of a file from one offset to another, read at their positions (the channel's own is left alone). */
    private static final class RangeStream extends InputStream {
        private final FileChannel channel;
        private final long end;
        private long position;

        RangeStream(FileChannel channel, long start, long end) {
            this.channel = channel;
            this.position = start;
            this.end = end;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (position >= end) {
                return -1;
            }
            int read = channel.read(ByteBuffer.wrap(bytes, offset, (int) Math.min(length, end - position)), position);
            if (read > 0) {
                position += read;
            }
            return read;
        }
    }

    private static byte[] readFully(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("the file shrank while it was read");
            }
        }
        return buffer.array();
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes, position + bytes.position());
        }
    }

    private static void cutBack(FileChannel channel, long size, IOException cause) {
        try {
            channel.truncate(size);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}

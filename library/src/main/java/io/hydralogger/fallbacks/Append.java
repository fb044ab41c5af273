package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadRules;
import io.hydralogger.fallbacks.internal.codec.LineEncoder;
import io.hydralogger.fallbacks.internal.fs.Folders;
import io.hydralogger.fallbacks.internal.fs.LineAppender;
import io.hydralogger.fallbacks.internal.fs.PathLocks;
import io.hydralogger.fallbacks.internal.fs.PendingAppend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON Lines append: encode the call's lines in memory (no lock held), queue them on the
 * file's lock and write them, grouped with other threads' appends, through the file kept open
 * with the lock ({@link LineAppender}: torn tail repaired first, one gathering write, one
 * {@code force}). A failed append leaves the file as it ended and its records in a fallback file.
 */
final class Append {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);

    private final Context context;
    private final LineAppender appender;
    /** Each thread's encoder, kept between calls (a generator and a buffer per call cost more than the write). */
    private final ThreadLocal<LineEncoder> encoders;

    Append(Context context) {
        this.context = context;
        this.appender = new LineAppender(context.sync(), context.clock, this::isCompleteValue);
        this.encoders = ThreadLocal.withInitial(() -> new LineEncoder(context.mapper, context.runtime.sanitizer));
    }

    WriteResult append(Iterable<?> records, Path path) {
        long start = System.nanoTime();
        LineEncoder kept = encoders.get();
        // an append made while this thread encodes (from a record's getter, say) gets an encoder of its own
        LineEncoder encoder = kept.busy() ? new LineEncoder(context.mapper, context.runtime.sanitizer) : kept;
        long count;
        try {
            count = encoder.encode(records.iterator());
        } catch (RuntimeException | Error e) {
            if (encoder == kept) {
                encoders.remove();
            }
            throw e;
        }
        if (encoder == kept && !encoder.reusable()) {
            encoders.remove();
        }
        if (count == 0) {
            return WriteResult.written(path, Format.JSON_LINES, 0, 0, Optional.empty(), System.nanoTime() - start);
        }
        // the encoder's own buffer, not a copy: this call returns only once its lines are written
        // (by this thread or by the one that wrote its group), and only then is the buffer reused
        PendingAppend append = new PendingAppend(encoder.buffer(), encoder.size());
        try {
            context.locks.append(path, append, this::appendGroup);
        } catch (IllegalStateException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            context.locks.forget(path);
            Exception cause = Failures.unwrap(e);
            Optional<Path> fallbackFile = context.fallbacks.keep(path, records.iterator(), cause, "append to",
                    "the file ends as before");
            long nanos = System.nanoTime() - start;
            context.stats.appendFailed(nanos);
            return WriteResult.failed(path, Format.JSON_LINES, fallbackFile, cause, nanos);
        }
        long nanos = System.nanoTime() - start;
        context.stats.appended(count, append.length(), nanos);
        return WriteResult.written(path, Format.JSON_LINES, append.length(), count, Optional.empty(), nanos);
    }

    /**
     * Rotates a file under its lock (a hold that is not an append, so it ends this JVM's lease and
     * every appender looks at the file afresh at its next append): see
     * {@link FallbackHandler#rotate(Path, RotationRule)}.
     */
    Optional<Path> rotate(Path path, RotationRule rule) throws IOException {
        IOException[] failure = new IOException[1];
        Optional<Path> rotated = context.locks.run(path, false, target -> {
            try {
                return rename(target, rule);
            } catch (IOException e) {
                failure[0] = e;
                return Optional.<Path>empty();
            }
        }, cause -> {
            failure[0] = cause instanceof IOException io ? io : new IOException(cause);
            return Optional.empty();
        });
        context.locks.forget(path);
        if (failure[0] != null) {
            throw failure[0];
        }
        return rotated;
    }

    private Optional<Path> rename(Path target, RotationRule rule) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(target, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile() || attributes.size() == 0) {
            return Optional.empty();
        }
        Path name;
        try {
            name = rule.rotatedName(target, attributes.size(), attributes.lastModifiedTime());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (name == null) {
            return Optional.empty();
        }
        if (Files.exists(name, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(name.toString(), target.toString(), "the rotated name is taken");
        }
        if (context.sync().files()) {
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
        Files.move(target, name, StandardCopyOption.ATOMIC_MOVE);
        if (context.sync().folders()) {
            Folders.force(Folders.parentOf(target));
        }
        return Optional.of(name);
    }

    /**
     * Writes a group of appends through the file kept open with the lock, opening it afresh when
     * there is none yet or the path names another file now. A file that failed is closed.
     */
    private void appendGroup(Path target, List<PendingAppend> group, PathLocks.Held held) throws IOException {
        // while this JVM kept the OS lock (a lease), no one can have replaced, renamed or written
        // the file: it is not looked at again
        boolean unchanged = held.continuous();
        LineAppender.OpenFile file = held.attachment() instanceof LineAppender.OpenFile open
                && (unchanged || open.isCurrent()) ? open : null;
        if (file == null) {
            unchanged = false;
            closeQuietly(held.attachment());
            held.attach(null);
            file = LineAppender.open(target);
            held.attach(file);
        }
        try {
            appender.append(file, buffers(group), unchanged);
        } catch (IOException | RuntimeException e) {
            held.attach(null);
            closeQuietly(file);
            throw e;
        }
    }

    private static List<ByteBuffer> buffers(List<PendingAppend> group) {
        if (group.size() == 1) {
            return List.of(group.get(0).buffer());
        }
        List<ByteBuffer> buffers = new ArrayList<>(group.size());
        for (PendingAppend append : group) {
            buffers.add(append.buffer());
        }
        return buffers;
    }

    private static void closeQuietly(@Nullable AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed: {}", closeable, e.toString());
            }
        }
    }

    /**
     * Whether the last line of a file, found without its line break, is a whole record whose line
     * break alone was lost: the {@link ReadRules} that salvage and the strict read follow too.
     */
    private boolean isCompleteValue(InputStream line) {
        return ReadRules.isCompleteJsonLine(context.mapper, line);
    }

}

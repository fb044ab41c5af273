package io.hydralogger.fallbacks.appender;

import io.hydralogger.fallbacks.FallbackHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rotates a log file by size and by time, safely with several processes appending to it.
 *
 * <p>A file is due from {@code maxFileSize} bytes on, or when its last line was written in an
 * earlier UTC period than now. A due file is renamed to {@code <stem>.<period>.<n><ext>}
 * ({@code app.2026-12-02.3.jsonl}: the UTC day, or hour for hourly rotation, in which it was last
 * written, and the next free number for that period) by the library's
 * {@link FallbackHandler#rotate}, which checks and renames under the file's own lock: no append
 * of any process is in progress then, and every appender notices the rename at its next append
 * and creates a new file. Every process applies the same rule to the file's own attributes, so
 * they agree on when to rotate without talking to each other, a file is rotated once however many
 * processes see it due, and no rotated name is reused. Then the oldest rotated files beyond
 * {@code maxHistory} are deleted.
 *
 * <p>The file is not looked at before every write: only after this process wrote an eighth of
 * {@code maxFileSize} since the last look, when a period boundary has passed, or 50 ms after the
 * last look (for the bytes other processes wrote). A file may so grow past {@code maxFileSize} by
 * what all writers write in those 50 ms. Thread-safe.
 */
final class Rotator {
    private static final Pattern LABEL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:T\\d{2})?");
    private static final long LOOK_EVERY_NANOS = 50_000_000;

    private final FallbackHandler handler;
    private final Path file;
    private final long maxFileSize;
    private final RotationPeriod period;
    private final int maxHistory;
    private final Pattern rotatedName;
    private final String stem;
    private final String extension;
    /** When (System.nanoTime) and after how many more bytes of this process the file is looked at again. */
    private volatile long nextLook = System.nanoTime();
    private final AtomicLong bytesUntilLook = new AtomicLong();

    /**
     * @param handler the handler that appends to the file
     * @param file the log file, absolute
     * @param config the rotation settings
     */
    Rotator(FallbackHandler handler, Path file, LogFileConfig config) {
        this.handler = handler;
        this.file = file;
        this.maxFileSize = config.maxFileSize();
        this.period = config.rotation();
        this.maxHistory = config.maxHistory();
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.stem = dot > 0 ? name.substring(0, dot) : name;
        this.extension = dot > 0 ? name.substring(dot) : "";
        this.rotatedName = Pattern.compile(Pattern.quote(stem) + "\\.(" + LABEL.pattern() + ")\\.(\\d{1,9})"
                + Pattern.quote(extension));
    }

    /**
     * Counts bytes this process wrote to the file.
     *
     * @param bytes how many
     */
    void written(long bytes) {
        if (maxFileSize > 0 && bytesUntilLook.addAndGet(-bytes) <= 0) {
            nextLook = System.nanoTime();
        }
    }

    /**
     * Rotates the file if it is due (when it is time to look at it).
     *
     * @return the rotated file, or null when the file was not due (or not looked at)
     * @throws IOException if the file was due and could not be rotated (it is then left as it is)
     */
    Path rotateIfDue() throws IOException {
        long now = System.nanoTime();
        if (now - nextLook < 0) {
            return null;
        }
        nextLook = now + lookDelay();
        bytesUntilLook.set(Math.max(1, maxFileSize / 8));
        Optional<Path> rotated = handler.rotate(file, this::nameIfDue);
        if (rotated.isPresent()) {
            prune();
        }
        return rotated.orElse(null);
    }

    /** Until the next look: 50 ms, or less when a period boundary comes sooner. */
    private long lookDelay() {
        if (period == RotationPeriod.NONE) {
            return LOOK_EVERY_NANOS;
        }
        return Math.min(LOOK_EVERY_NANOS, period.untilNext(System.currentTimeMillis()) * 1_000_000);
    }

    /** The rule the library applies under the lock: the rotated name when the file is due, else null. */
    private Path nameIfDue(Path target, long size, FileTime lastModified) {
        long modified = lastModified.toMillis();
        // the system clock: the one the file system stamps the last-modified time with
        boolean due = maxFileSize > 0 && size >= maxFileSize || period.crossed(modified, System.currentTimeMillis());
        if (!due) {
            return null;
        }
        try {
            return nextName(target, period.label(modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first free name for a file of the period: one more than the highest number in use. */
    private Path nextName(Path target, String label) throws IOException {
        int highest = 0;
        for (Rotated rotated : rotatedFiles()) {
            if (rotated.label.equals(label)) {
                highest = Math.max(highest, rotated.number);
            }
        }
        return target.resolveSibling(stem + "." + label + "." + (highest + 1) + extension);
    }

    /** Deletes the oldest rotated files beyond {@code maxHistory}. */
    private void prune() throws IOException {
        List<Rotated> rotated = rotatedFiles();
        rotated.sort(Comparator.comparing(Rotated::label).thenComparingInt(Rotated::number));
        for (int i = 0; i < rotated.size() - maxHistory; i++) {
            Files.deleteIfExists(rotated.get(i).path);
        }
    }

    /**
     * The rotated files of this log, in no order.
     *
     * @return the files
     * @throws IOException if the folder cannot be listed
     */
    List<Rotated> rotatedFiles() throws IOException {
        List<Rotated> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.getParent())) {
            for (Path entry : entries) {
                Matcher matcher = rotatedName.matcher(entry.getFileName().toString());
                if (matcher.matches()) {
                    found.add(new Rotated(entry, matcher.group(1), Integer.parseInt(matcher.group(2))));
                }
            }
        }
        return found;
    }

    /** A rotated file: its path, its period's label and its number within the period. */
    record Rotated(Path path, String label, int number) {
    }
}

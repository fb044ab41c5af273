package io.hydralogger.fallbacks.appender;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rotates a log file by size and by time, safely with several processes appending to it.
 *
 * <p>Before a write, the file's size and last-modified time are looked at: from
 * {@code maxFileSize} bytes on, or when its last line was written in an earlier period than now,
 * it is renamed to {@code <stem>.<period>.<n><ext>} ({@code app.2026-12-02.3.jsonl}: the UTC day,
 * or hour for hourly rotation, in which it was last written, and the next free number for that
 * period), and the oldest rotated files beyond {@code maxHistory} are deleted. The next append of
 * any process creates a new file: appenders compare the file they hold open with the one at the
 * path before each append (its file key), so they notice and reopen.
 *
 * <p>Rotators of one file are serialised by an in-JVM lock and an OS lock on
 * {@code .<name>.rotate.lock} beside it, and the condition is checked again under the lock, so
 * a file is rotated once however many processes see it due at once, and no rotated name is
 * reused. Every process applies the same rule to the file's own attributes, so they agree on when
 * to rotate without talking to each other. Lines being appended while the file is renamed
 * land in the renamed file (the rename does not move the data), whole: nothing is lost or written
 * twice. Thread-safe.
 */
final class Rotator {
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
    private static final Pattern LABEL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:T\\d{2})?");

    private final Path file;
    private final long maxFileSize;
    private final RotationPeriod period;
    private final int maxHistory;
    private final boolean force;
    private final Pattern rotatedName;
    private final String stem;
    private final String extension;

    /**
     * @param file the log file, absolute
     * @param config the rotation settings
     */
    Rotator(Path file, LogFileConfig config) {
        this.file = file;
        this.maxFileSize = config.maxFileSize();
        this.period = config.rotation();
        this.maxHistory = config.maxHistory();
        this.force = config.durability() != LogDurability.NONE;
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        this.stem = dot > 0 ? name.substring(0, dot) : name;
        this.extension = dot > 0 ? name.substring(dot) : "";
        this.rotatedName = Pattern.compile(Pattern.quote(stem) + "\\.(" + LABEL.pattern() + ")\\.(\\d{1,9})"
                + Pattern.quote(extension));
    }

    /**
     * Rotates the file if it is due.
     *
     * @return the rotated file, or null when the file was not due (or another rotator was first)
     * @throws IOException if the file was due and could not be rotated (it is then left as it is)
     */
    Path rotateIfDue() throws IOException {
        if (!isDue(attributes())) {
            return null;
        }
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        jvmLock.lock();
        // one thread of this JVM at a time opens the lock file, so closing it drops no other lock
        try (FileChannel lockFile = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS); FileLock held = lockFile.lock()) {
            BasicFileAttributes attributes = attributes();
            if (!isDue(attributes)) {
                return null;
            }
            if (force) {
                forceFile(file);
            }
            Path rotated = nextName(period.label(attributes.lastModifiedTime().toMillis()));
            Files.move(file, rotated, StandardCopyOption.ATOMIC_MOVE);
            if (force) {
                forceFile(file.getParent());
            }
            prune();
            return rotated;
        } finally {
            jvmLock.unlock();
        }
    }

    private boolean isDue(BasicFileAttributes attributes) {
        if (attributes == null || !attributes.isRegularFile() || attributes.size() == 0) {
            return false;
        }
        return maxFileSize > 0 && attributes.size() >= maxFileSize
                // the system clock: the one the file system stamps the last-modified time with
                || period.crossed(attributes.lastModifiedTime().toMillis(), System.currentTimeMillis());
    }

    private BasicFileAttributes attributes() throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private Path lockFile() {
        return file.resolveSibling("." + file.getFileName() + ".rotate.lock");
    }

    /** The first free name for a file of the period: one more than the highest number in use. */
    private Path nextName(String label) throws IOException {
        int highest = 0;
        for (Rotated rotated : rotatedFiles()) {
            if (rotated.label.equals(label)) {
                highest = Math.max(highest, rotated.number);
            }
        }
        return file.resolveSibling(stem + "." + label + "." + (highest + 1) + extension);
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

    private static void forceFile(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** A rotated file: its path, its period's label and its number within the period. */
    record Rotated(Path path, String label, int number) {
    }
}

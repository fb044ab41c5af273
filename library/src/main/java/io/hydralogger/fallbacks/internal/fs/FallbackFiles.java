package io.hydralogger.fallbacks.internal.fs;

import io.hydralogger.fallbacks.internal.codec.Codecs;
import io.hydralogger.fallbacks.internal.codec.WrittenRecords;
import io.hydralogger.fallbacks.internal.sanitize.Sanitizer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the records of a failed write to a JSON Lines fallback file, so that they are not lost.
 *
 * <p>The file is {@code <name>.fallback-<UTC timestamp>.jsonl} beside the target; when the
 * target's folder cannot be written, it is {@code <name>.<hash of the folder>.fallback-<UTC
 * timestamp>.jsonl} in the fallback folder (default {@code <java.io.tmpdir>/hydra-fallbacks/}).
 * That folder lies in a shared temp folder, so it is created {@code rwx------}, refused when it
 * is a link or belongs to another user, and every fallback file is created exclusively (never
 * through a planted link) as {@code rw-------}. Thread-safe.
 */
public final class FallbackFiles {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final int MAX_NAME_TRIES = 100;

    private final Path folder;
    private final Clock clock;
    private final Sync sync;
    private final Sanitizer sanitizer;

    /**
     * Creates a fallback writer.
     *
     * @param folder the fallback folder for targets whose own folder cannot be written
     * @param clock the clock for the timestamps in file names
     * @param sync what is forced: the fallback file, and its folder
     * @param sanitizer takes the records apart
     */
    public FallbackFiles(Path folder, Clock clock, Sync sync, Sanitizer sanitizer) {
        this.folder = folder;
        this.clock = clock;
        this.sync = sync;
        this.sanitizer = sanitizer;
    }

    /** {@return the default fallback folder, {@code <java.io.tmpdir>/hydra-fallbacks}} */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"), "hydra-fallbacks");
    }

    /** {@return the fallback folder of this writer} */
    public Path folder() {
        return folder;
    }

    /**
     * Writes records as JSON Lines to a new fallback file for {@code target}: beside it if its
     * folder can be written, else in the fallback folder.
     *
     * @param target the file whose write failed
     * @param records the records to keep
     * @param mapper the mapper for the JSON
     * @return the fallback file
     * @throws IOException if neither place can take the records
     */
    public Path write(Path target, Iterator<?> records, JsonMapper mapper) throws IOException {
        return write(target, WrittenRecords.NONE, records, mapper);
    }

    /**
     * Writes records as JSON Lines to a new fallback file for {@code target}, as
     * {@link #write(Path, Iterator, JsonMapper)}, after the records a failed write had already
     * written (copied from its bytes).
     *
     * @param target the file whose write failed
     * @param written the records the failed write had written, copied first
     * @param records the other records to keep
     * @param mapper the mapper for the JSON
     * @return the fallback file
     * @throws IOException if neither place can take the records
     */
    public Path write(Path target, WrittenRecords written, Iterator<?> records, JsonMapper mapper)
            throws IOException {
        String stamp = FileNames.timestamp(clock);
        Path beside = FileNames.fallbackBeside(target, stamp);
        RecordBuffer replay = new RecordBuffer(records);
        try {
            return writeNew(beside, written, replay.iterator(), mapper);
        } catch (IOException | RuntimeException besideFailure) {
            ensurePrivateFolder(folder);
            Path shared = FileNames.fallbackShared(folder, target, stamp);
            try {
                return writeNew(shared, written, replay.replay(), mapper);
            } catch (IOException | RuntimeException e) {
                e.addSuppressed(besideFailure);
                throw e;
            }
        }
    }

    /**
     * Lists the fallback files of {@code target}, beside it and in the fallback folder, newest
     * first.
     *
     * @param target the file
     * @return the fallback files found
     */
    public List<Path> list(Path target) {
        List<Path> found = new ArrayList<>();
        collect(Folders.parentOf(target), FileNames.fallbackPrefix(target, false), found);
        collect(folder, FileNames.fallbackPrefix(target, true), found);
        found.sort(Comparator.comparing((Path p) -> p.getFileName().toString()
                .substring(p.getFileName().toString().lastIndexOf(FileNames.FALLBACK))).reversed());
        return found;
    }

    private static void collect(Path dir, String prefix, List<Path> found) {
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, entry -> {
            String n = entry.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(FileNames.FALLBACK_EXTENSION);
        })) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            // an unreadable folder has no fallback files we could use
        }
    }

    private Path writeNew(Path base, WrittenRecords written, Iterator<?> records, JsonMapper mapper)
            throws IOException {
        for (int attempt = 0; attempt < MAX_NAME_TRIES; attempt++) {
            Path candidate = FileNames.fallbackFile(base, attempt);
            FileChannel channel;
            try {
                channel = openPrivate(candidate);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            try (channel) {
                OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024) {
                    @Override
                    public void close() throws IOException {
                        flush();
                    }
                };
                written.copyTo(out);
                Codecs.writeJsonLines(mapper, sanitizer, records, out);
                if (sync.files()) {
                    channel.force(true);
                }
                if (sync.folders()) {
                    Folders.force(Folders.parentOf(candidate));
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(candidate);
                throw e;
            }
            return candidate;
        }
        throw new FileAlreadyExistsException(base.toString(), null, "no free fallback file name");
    }

    private static FileChannel openPrivate(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        if (supportsPosix(Folders.parentOf(file))) {
            FileAttribute<Set<PosixFilePermission>> attribute = PosixFilePermissions.asFileAttribute(OWNER_FILE);
            return FileChannel.open(file, options, attribute);
        }
        return FileChannel.open(file, options);
    }

    private static boolean supportsPosix(Path dir) {
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * Creates the fallback folder private to this user, or checks that an existing one is a
     * real folder of this user and narrows its permissions to {@code rwx------}.
     */
    static void ensurePrivateFolder(Path dir) throws IOException {
        if (!supportsPosix(dir.getParent() == null ? dir : dir.getParent())) {
            Files.createDirectories(dir);
            return;
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
            } catch (FileAlreadyExistsException e) {
                // made by another thread or process meanwhile: checked below
            }
        }
        PosixFileAttributes attributes = Files.getFileAttributeView(dir, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS).readAttributes();
        if (!attributes.isDirectory()) {
            throw new FileSystemException(dir.toString(), null, "the fallback folder is not a folder (a link?)");
        }
        Path probe = Files.createTempFile(dir, ".owner", ".probe");
        try {
            if (!Files.getOwner(probe).equals(attributes.owner())) {
                throw new FileSystemException(dir.toString(), null,
                        "the fallback folder belongs to another user: " + attributes.owner());
            }
        } finally {
            Files.deleteIfExists(probe);
        }
        if (!attributes.permissions().equals(OWNER_FOLDER)) {
            Files.setPosixFilePermissions(dir, OWNER_FOLDER);
        }
    }

    /**
     * Remembers the records handed to the first attempt, so that a second attempt in another
     * place writes them all again.
     */
    private static final class RecordBuffer {
        private final Iterator<?> source;
        private final List<Object> seen = new ArrayList<>();

        RecordBuffer(Iterator<?> source) {
            this.source = source;
        }

        Iterator<Object> iterator() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public Object next() {
                    Object next = source.next();
                    seen.add(next);
                    return next;
                }
            };
        }

        Iterator<Object> replay() {
            Iterator<Object> rest = iterator();
            Iterator<Object> first = new ArrayList<>(seen).iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return first.hasNext() || rest.hasNext();
                }

                @Override
                public Object next() {
                    return first.hasNext() ? first.next() : rest.next();
                }
            };
        }
    }
}

package io.hydralogger.fallbacks.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The provider of a {@link RecordingFileSystem}: records, maybe fails, then delegates. */
final class RecordingProvider extends FileSystemProvider {
    private final RecordingFileSystem fs;

    RecordingProvider(RecordingFileSystem fs) {
        this.fs = fs;
    }

    private FileSystemProvider real() {
        return fs.delegate().provider();
    }

    private static Path unwrap(Path path) {
        return RecordingPath.unwrap(path);
    }

    @Override
    public String getScheme() {
        return "recording";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("made with new RecordingFileSystem()");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        return fs;
    }

    @Override
    public Path getPath(URI uri) {
        return fs.wrap(Path.of(uri));
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path real = unwrap(path);
        boolean creates = options.contains(StandardOpenOption.CREATE_NEW)
                || options.contains(StandardOpenOption.CREATE) && !Files.exists(real);
        int handle = fs.newHandle();
        try {
            FileChannel channel = fs.perform(creates ? OpKind.CREATE : OpKind.OPEN, real, null, handle, 0, new byte[0],
                    () -> real().newFileChannel(real, options, attrs));
            boolean truncated = options.contains(StandardOpenOption.TRUNCATE_EXISTING)
                    && options.contains(StandardOpenOption.WRITE) && !creates;
            return new RecordingChannel(fs, real, handle, channel, Files.isDirectory(real),
                    options.contains(StandardOpenOption.APPEND), truncated);
        } catch (IOException | RuntimeException e) {
            fs.closed(handle);
            throw e;
        }
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        Path real = unwrap(dir);
        fs.record(OpKind.LIST, real, null, -1, 0, new byte[0]);
        DirectoryStream<Path> stream = real().newDirectoryStream(real, entry -> filter.accept(fs.wrap(entry)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> entries = stream.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return entries.hasNext();
                    }

                    @Override
                    public Path next() {
                        return fs.wrap(entries.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                stream.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        Path real = unwrap(dir);
        fs.perform(OpKind.CREATE_DIRECTORY, real, null, -1, 0, new byte[0], () -> {
            real().createDirectory(real, attrs);
            return null;
        });
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        Path real = unwrap(link);
        Path destination = unwrap(target);
        fs.perform(OpKind.SYMLINK, real, destination, -1, 0, new byte[0], () -> {
            real().createSymbolicLink(real, destination, attrs);
            return null;
        });
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        Path realLink = unwrap(link);
        Path realExisting = unwrap(existing);
        fs.perform(OpKind.LINK, realExisting, realLink, -1, 0, new byte[0], () -> {
            real().createLink(realLink, realExisting);
            return null;
        });
    }

    @Override
    public void delete(Path path) throws IOException {
        Path real = unwrap(path);
        fs.perform(OpKind.DELETE, real, null, -1, 0, new byte[0], () -> {
            real().delete(real);
            return null;
        });
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        Path real = unwrap(path);
        if (!Files.exists(real, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        return fs.perform(OpKind.DELETE, real, null, -1, 0, new byte[0], () -> real().deleteIfExists(real));
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return fs.wrap(real().readSymbolicLink(unwrap(link)));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        Path from = unwrap(source);
        Path to = unwrap(target);
        fs.perform(OpKind.COPY, from, to, -1, 0, new byte[0], () -> {
            real().copy(from, to, options);
            return null;
        });
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        Path from = unwrap(source);
        Path to = unwrap(target);
        fs.perform(OpKind.RENAME, from, to, -1, 0, new byte[0], () -> {
            real().move(from, to, options);
            return null;
        });
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return real().isSameFile(unwrap(path), unwrap(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return real().isHidden(unwrap(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return real().getFileStore(unwrap(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        real().checkAccess(unwrap(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return real().getFileAttributeView(unwrap(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return real().readAttributes(unwrap(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        return real().readAttributes(unwrap(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        Path real = unwrap(path);
        fs.perform(OpKind.SET_ATTRIBUTE, real, null, -1, 0, new byte[0], () -> {
            real().setAttribute(real, attribute, value, options);
            return null;
        });
    }
}

package io.hydralogger.fallbacks.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;

/** A path of a {@link RecordingFileSystem}: a real path seen through it. */
final class RecordingPath implements Path {
    private final RecordingFileSystem fs;
    private final Path delegate;

    RecordingPath(RecordingFileSystem fs, Path delegate) {
        this.fs = fs;
        this.delegate = delegate;
    }

    /** The real path behind a path of this file system (or the path itself if it is real). */
    static Path unwrap(Path path) {
        if (path instanceof RecordingPath recording) {
            return recording.delegate;
        }
        if (path == null || path.getFileSystem() == java.nio.file.FileSystems.getDefault()) {
            return path;
        }
        throw new ProviderMismatchException("not a path of the recording file system: " + path);
    }

    Path delegate() {
        return delegate;
    }

    private Path wrap(Path path) {
        return path == null ? null : new RecordingPath(fs, path);
    }

    @Override
    public FileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return delegate.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return wrap(delegate.getRoot());
    }

    @Override
    public Path getFileName() {
        return wrap(delegate.getFileName());
    }

    @Override
    public Path getParent() {
        return wrap(delegate.getParent());
    }

    @Override
    public int getNameCount() {
        return delegate.getNameCount();
    }

    @Override
    public Path getName(int index) {
        return wrap(delegate.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return wrap(delegate.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return other.getFileSystem() == fs && delegate.startsWith(unwrap(other));
    }

    @Override
    public boolean endsWith(Path other) {
        return other.getFileSystem() == fs && delegate.endsWith(unwrap(other));
    }

    @Override
    public Path normalize() {
        return wrap(delegate.normalize());
    }

    @Override
    public Path resolve(Path other) {
        return wrap(delegate.resolve(other instanceof RecordingPath r ? r.delegate : delegate.getFileSystem()
                .getPath(other.toString())));
    }

    @Override
    public Path relativize(Path other) {
        return wrap(delegate.relativize(unwrap(other)));
    }

    @Override
    public URI toUri() {
        return delegate.toUri();
    }

    @Override
    public Path toAbsolutePath() {
        return wrap(delegate.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return wrap(delegate.toRealPath(options));
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("no watch service in the recording file system");
    }

    @Override
    public int compareTo(Path other) {
        return delegate.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordingPath path && path.fs == fs && path.delegate.equals(delegate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fs, delegate);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}

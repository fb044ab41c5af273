package io.hydralogger.fallbacks.testing;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * A file system that delegates every operation to the real (default) one, records each
 * operation as an {@link Op}, and can fail the k-th operation that matches a condition
 * (fault injection). Paths of this file system ({@link #wrap(Path)}) are handed to the library
 * like any other path; the library reaches the disk only through {@code Files} and
 * {@code FileChannel}, so everything it does passes through here.
 *
 * <p>An injected fault throws an {@link IOException} <em>instead</em> of the operation (a
 * failing close still releases the handle, as the OS does). Thread-safe for recording;
 * configure faults before the operations run.
 */
public final class RecordingFileSystem extends FileSystem {
    private final FileSystem delegate = FileSystems.getDefault();
    private final RecordingProvider provider = new RecordingProvider(this);
    private final List<Op> ops = new ArrayList<>();
    private final Set<Integer> openHandles = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Op>> listeners = new ArrayList<>();
    private int nextHandle;
    private Predicate<Op> faultCondition = op -> false;
    private int faultAt = -1;
    private int matched;
    private boolean sticky;
    private int faultsInjected;
    private Op lastInjected;

    /** Creates a recording file system over the default one. */
    public RecordingFileSystem() {
    }

    /**
     * The path of this file system that stands for a real path.
     *
     * @param real a path of the default file system
     * @return the same path, seen through this file system
     */
    public Path wrap(Path real) {
        Objects.requireNonNull(real, "real must not be null");
        if (real instanceof RecordingPath recording) {
            return recording;
        }
        return new RecordingPath(this, real);
    }

    /**
     * The real path behind a path of a recording file system.
     *
     * @param path a path of a recording file system, or a real path
     * @return the real path
     */
    public static Path real(Path path) {
        return RecordingPath.unwrap(path);
    }

    /**
     * Fails the {@code k}-th operation (from 1) that satisfies {@code condition}; the others run.
     * Counting starts now.
     *
     * @param condition which operations count (for example {@code op -> op.kind().mutates()})
     * @param k which of them fails
     */
    public synchronized void failAt(Predicate<Op> condition, int k) {
        this.faultCondition = Objects.requireNonNull(condition, "condition must not be null");
        this.faultAt = k;
        this.matched = 0;
        this.sticky = false;
    }

    /**
     * Fails the {@code k}-th operation (from 1) that satisfies {@code condition} and every
     * matching one after it, like a disk that has become full or read-only. Counting starts now.
     *
     * @param condition which operations count
     * @param k the first of them to fail
     */
    public synchronized void failFrom(Predicate<Op> condition, int k) {
        failAt(condition, k);
        this.sticky = true;
    }

    /** Runs every operation from now on. */
    public synchronized void noFaults() {
        failAt(op -> false, -1);
    }

    /** {@return how many faults were injected so far} */
    public synchronized int faultsInjected() {
        return faultsInjected;
    }

    /** {@return the operation most recently failed on purpose, or null if none was} */
    public synchronized Op lastInjected() {
        return lastInjected;
    }

    /**
     * Calls {@code listener} with every operation before it runs (from the thread that runs it).
     *
     * @param listener the listener
     */
    public synchronized void onOperation(Consumer<Op> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    /** {@return a copy of the operations recorded so far, failed ones included} */
    public synchronized List<Op> ops() {
        return List.copyOf(ops);
    }

    /** Forgets the operations recorded so far. */
    public synchronized void clearOps() {
        ops.clear();
    }

    /** {@return the channels opened through this file system and not closed yet} */
    public Set<Integer> openHandles() {
        return Set.copyOf(openHandles);
    }

    synchronized int newHandle() {
        int handle = nextHandle++;
        openHandles.add(handle);
        return handle;
    }

    void closed(int handle) {
        openHandles.remove(handle);
    }

    /**
     * Records an operation that is about to run, and fails it if it is the one to fail.
     *
     * @throws IOException the injected fault
     */
    int record(OpKind kind, Path path, Path other, int handle, long position, byte[] data) throws IOException {
        Op op;
        List<Consumer<Op>> toCall;
        synchronized (this) {
            op = new Op(ops.size(), kind, path, other, handle, position, data, false);
            boolean fail = faultCondition.test(op) && (sticky ? ++matched >= faultAt : ++matched == faultAt);
            if (fail) {
                op = new Op(op.index(), kind, path, other, handle, position, data, true);
                faultsInjected++;
                lastInjected = op;
            }
            ops.add(op);
            toCall = List.copyOf(listeners);
        }
        for (Consumer<Op> listener : toCall) {
            listener.accept(op);
        }
        if (op.failed()) {
            throw new IOException("injected fault: " + op);
        }
        return op.index();
    }

    /** Records an operation that happened as part of another one and cannot fail on its own. */
    synchronized void note(OpKind kind, Path path, int handle, long position) {
        ops.add(new Op(ops.size(), kind, path, null, handle, position, new byte[0], false));
    }

    /**
     * Records an operation, fails it if it is the one to fail, else runs it; an operation that
     * throws is recorded as failed (it did not happen).
     */
    <T> T perform(OpKind kind, Path path, Path other, int handle, long position, byte[] data, IoAction<T> action)
            throws IOException {
        int index = record(kind, path, other, handle, position, data);
        try {
            return action.run();
        } catch (IOException | RuntimeException e) {
            synchronized (this) {
                Op op = ops.get(index);
                ops.set(index, new Op(index, op.kind(), op.path(), op.other(), op.handle(), op.position(), op.data(),
                        true));
            }
            throw e;
        }
    }

    /** An I/O operation to run. */
    @FunctionalInterface
    interface IoAction<T> {
        T run() throws IOException;
    }

    FileSystem delegate() {
        return delegate;
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("the default file system cannot be closed");
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return delegate.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return StreamSupport.stream(delegate.getRootDirectories().spliterator(), false).map(this::wrap)
                .collect(Collectors.toList());
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return delegate.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return delegate.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(delegate.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher matcher = delegate.getPathMatcher(syntaxAndPattern);
        return path -> matcher.matches(RecordingPath.unwrap(path));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return delegate.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
        throw new UnsupportedOperationException("no watch service in the recording file system");
    }
}

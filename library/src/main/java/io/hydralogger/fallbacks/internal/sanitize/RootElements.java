package io.hydralogger.fallbacks.internal.sanitize;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.BaseStream;
import org.jspecify.annotations.Nullable;

/**
 * The elements of a value that the sanitiser writes as an array of its elements (an iterable, an
 * iterator, a stream or an array of objects), handed out one by one in the order the walk of the
 * whole value meets them; an iteration that fails ends with the marker element the walk writes
 * in its place. Lets a writer split the records of one JSON document among threads, each walking
 * its elements with {@link Sanitizer#elementSanitizerTo(Object, ValueSink)}. Not thread-safe.
 */
public final class RootElements implements Iterator<Object>, AutoCloseable {
    private final Object root;
    private final Iterator<?> iterator;
    private final @Nullable BaseStream<?, ?> stream;
    private @Nullable Object next;
    private boolean ready;
    private boolean ended;

    private RootElements(Object root, Iterator<?> iterator, @Nullable BaseStream<?, ?> stream) {
        this.root = root;
        this.iterator = iterator;
        this.stream = stream;
    }

    /**
     * The elements of a value, when the sanitiser writes it as an array of them.
     *
     * @param cache the per-class cache that says how the value is written
     * @param root the value
     * @return its elements, or null when the value is written otherwise (an object, a scalar, a
     *     primitive array)
     */
    static @Nullable RootElements of(ShapeCache cache, @Nullable Object root) {
        if (root == null) {
            return null;
        }
        return switch (cache.shapeOf(root.getClass()).kind) {
            case ITERABLE -> new RootElements(root, ((Iterable<?>) root).iterator(), null);
            case ITERATOR -> new RootElements(root, (Iterator<?>) root, null);
            case STREAM -> new RootElements(root, ((BaseStream<?, ?>) root).iterator(), (BaseStream<?, ?>) root);
            case OBJECT_ARRAY -> new RootElements(root, Arrays.asList((Object[]) root).iterator(), null);
            default -> null;
        };
    }

    /** {@return the value whose elements these are} */
    public Object root() {
        return root;
    }

    @Override
    public boolean hasNext() {
        if (!ready && !ended) {
            try {
                if (iterator.hasNext()) {
                    next = iterator.next();
                } else {
                    ended = true;
                }
            } catch (RuntimeException e) {
                next = Walker.iterationFailed(e);
                ended = true;
                ready = true;
                return true;
            }
            ready = !ended;
        }
        return ready;
    }

    @Override
    public @Nullable Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ready = false;
        Object element = next;
        next = null;
        return element;
    }

    /** Closes the stream the elements came from, if they came from one. */
    @Override
    public void close() {
        if (stream != null) {
            stream.close();
        }
    }
}

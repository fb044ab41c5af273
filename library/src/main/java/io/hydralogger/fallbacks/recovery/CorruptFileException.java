package io.hydralogger.fallbacks.recovery;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A strict read met damage: which file, and the problem where the read stopped (its kind, byte
 * offset, line and message). The handler's strict streams ({@code FallbackHandler.stream}) throw
 * it in place of the parsers' own exceptions, after delivering the records before the damage.
 * Unchecked, since a stream cannot throw checked exceptions; an I/O error is an
 * {@link java.io.UncheckedIOException} instead. To salvage what is left, read the file with
 * recovery ({@code FallbackHandler.recover}).
 */
public final class CorruptFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient @Nullable Path path;
    private final transient Problem problem;

    /**
     * Makes the exception.
     *
     * @param path the file, or null for bytes that came from a stream
     * @param problem what is wrong, and where
     * @param cause the parser's exception
     * @throws NullPointerException if problem is null
     */
    public CorruptFileException(@Nullable Path path, Problem problem, Throwable cause) {
        super((path == null ? "the input" : path.toString()) + " is damaged: " + problem.kind().label()
                + (problem.line() > 0 ? " at line " + problem.line() : "")
                + (problem.offset() >= 0 ? ", byte " + problem.offset() : "") + ": " + problem.message(), cause);
        this.path = path;
        this.problem = Objects.requireNonNull(problem, "problem must not be null");
    }

    /** {@return the damaged file; empty for bytes that came from a stream} */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** {@return what is wrong, and where} */
    public Problem problem() {
        return problem;
    }
}

package io.hydralogger.fallbacks.recovery;

import java.util.Objects;

/**
 * One problem found in a file.
 *
 * @param kind what is wrong
 * @param offset the byte offset where it starts, or -1 when not known
 * @param line the 1-based line where it starts, or -1 when not known
 * @param message a human-readable description
 */
public record Problem(ProblemKind kind, long offset, long line, String message) {
    /**
     * Checks the components.
     *
     * @param kind what is wrong
     * @param offset the byte offset where it starts, or -1 when not known
     * @param line the 1-based line where it starts, or -1 when not known
     * @param message a human-readable description
     * @throws NullPointerException if kind or message is null
     */
    public Problem {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(message, "message must not be null");
    }
}

package io.hydralogger.fallbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import tools.jackson.core.JacksonException;

/** How the operations name and unwrap the exceptions they meet. */
final class Failures {
    private Failures() {
    }

    /**
     * The exception to report: the I/O error inside an unchecked wrapper, else the exception.
     *
     * @param e what was caught
     * @return the cause worth reporting
     */
    static Exception unwrap(Exception e) {
        if (e instanceof UncheckedIOException unchecked) {
            return Objects.requireNonNull(unchecked.getCause());
        }
        if (e instanceof JacksonException && e.getCause() instanceof IOException io) {
            return io;
        }
        return e;
    }

    /**
     * One line for a log message: the exception's simple name and the first line of its message.
     *
     * @param e the exception
     * @return the line
     */
    static String describe(Throwable e) {
        String message = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (message == null) {
            return type;
        }
        int newline = message.indexOf('\n');
        return type + ": " + (newline < 0 ? message : message.substring(0, newline));
    }
}

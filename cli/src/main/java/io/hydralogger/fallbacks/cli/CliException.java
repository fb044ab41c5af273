package io.hydralogger.fallbacks.cli;

/**
 * A failure the tool reports as one line on stderr with its own exit code: a usage problem the
 * option parser cannot see (a format that cannot be told from a file name), or a damaged file.
 */
final class CliException extends RuntimeException {
    private final int exitCode;

    /**
     * Creates the failure.
     *
     * @param exitCode the exit code of the tool
     * @param message the line to print
     */
    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * Creates the failure of an operation that failed for a reason of its own.
     *
     * @param exitCode the exit code of the tool
     * @param message the line to print
     * @param cause why the operation failed (its stack trace comes with {@code --verbose}), or null
     */
    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** {@return the exit code of the tool} */
    int exitCode() {
        return exitCode;
    }
}

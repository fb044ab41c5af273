package io.hydralogger.fallbacks.appender;

/**
 * Where a log file reports what went wrong (and what it did about it): the logging framework's
 * own status channel, never an exception thrown into the application. The Logback appender
 * passes these to its {@code StatusManager} ({@code addInfo}/{@code addWarn}/{@code addError}),
 * the Log4j2 appender to its {@code StatusLogger} and {@code ErrorHandler}. Called from any
 * thread; implementations must be thread-safe.
 */
public interface StatusListener {
    /**
     * Something worth knowing happened (a file was rotated, the log file takes events again).
     *
     * @param message what
     */
    void info(String message);

    /**
     * Something went wrong that loses nothing and keeps events in the log file (a rotation
     * failed and the file goes on growing, a timed {@code force} failed).
     *
     * @param message what
     * @param cause the failure, or null
     */
    void warn(String message, Throwable cause);

    /**
     * The log file did not take events: they went to a fallback file (the message names it), or
     * they are lost (neither the log file nor a fallback file took them; dropped from a full
     * queue; the message counts them).
     *
     * @param message what, and where the events went or how many were lost
     * @param cause the failure, or null
     */
    void error(String message, Throwable cause);
}

package io.hydralogger.fallbacks.appender;

import java.util.Locale;

/** What an asynchronous log file does with an event when its queue is full. */
public enum QueueFullPolicy {
    /**
     * The logging thread waits until the writer has made room: nothing is lost, and a disk that
     * cannot keep up slows the application down. The default. (An event logged by the writer
     * thread itself, e.g. the library's own warning about a failed write, is never waited for:
     * it is dropped and counted instead, since the writer cannot make room while it waits.)
     */
    BLOCK,
    /**
     * The event is dropped and counted; the count is reported through the logging framework's
     * status channel (at most every 10 seconds, and at stop). The application never waits.
     */
    DROP;

    /**
     * Reads a policy as written in a configuration file: {@code block} or {@code drop}, in any case.
     *
     * @param text the name
     * @return the policy
     * @throws IllegalArgumentException if the name is neither
     */
    public static QueueFullPolicy parse(String text) {
        return Names.parse(QueueFullPolicy.class, text);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

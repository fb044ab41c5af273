package io.hydralogger.fallbacks.appender;

import java.util.Locale;

/** When the lines a log file has taken are forced to stable storage. */
public enum LogDurability {
    /**
     * Never forced by the appender: the lines survive the death of the process (they are in the
     * kernel's cache once written) but a power loss or kernel crash may lose the last ones. The
     * fastest; what Logback's and Log4j2's file appenders do by default.
     */
    NONE,
    /**
     * Every batch is forced before the call that wrote it returns (asynchronous mode: before the
     * writer takes the next batch). Threads appending at once share one {@code force} (group
     * commit), so this costs one {@code fdatasync} per group, not per event.
     */
    BATCH,
    /**
     * Forced at most once every {@code forceIntervalMillis}, by a timer, after lines were written:
     * a power loss loses at most the lines of the last interval, and the writers never wait for
     * a {@code force}.
     */
    INTERVAL;

    /**
     * Reads a durability as written in a configuration file: {@code none}, {@code batch} or
     * {@code interval}, in any case.
     *
     * @param text the name
     * @return the durability
     * @throws IllegalArgumentException if the name is none of these
     */
    public static LogDurability parse(String text) {
        return Names.parse(LogDurability.class, text);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

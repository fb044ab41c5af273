package io.hydralogger.fallbacks.appender;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One log event as an Elastic Common Schema record: the map that becomes one JSON line. Field
 * names are ECS's, dotted at the top level as the ECS logging libraries write them, so that
 * Filebeat, Logstash, Vector or {@code jq} read the file without configuration:
 *
 * <pre>{@code {"@timestamp":"2026-12-02T10:15:30.123Z","log.level":"INFO","message":"...",
 *  "ecs.version":"1.2.0","service.name":"...","log.logger":"...","process.thread.name":"...",
 *  "tags":["MARKER"],"error.type":"...","error.message":"...","error.stack_trace":"...",
 *  "<MDC key>":"...","<key-value key>":<any value>}}</pre>
 *
 * <p>{@code @timestamp} is UTC with milliseconds. Context fields (MDC, key-value pairs, map
 * messages) come last and never replace the fields above; their values may be any object, which
 * the library's sanitiser makes JSON when the line is written. Not thread-safe: one per event.
 */
public final class EcsRecord {
    /** When the event happened: ISO-8601, UTC, milliseconds. */
    public static final String TIMESTAMP = "@timestamp";
    /** The level's name: {@code ERROR}, {@code WARN}, {@code INFO}, {@code DEBUG}, {@code TRACE}. */
    public static final String LEVEL = "log.level";
    /** The formatted message. */
    public static final String MESSAGE = "message";
    /** The version of ECS the record follows. */
    public static final String ECS_VERSION = "ecs.version";
    /** The logger's name. */
    public static final String LOGGER = "log.logger";
    /** The name of the thread that logged the event. */
    public static final String THREAD = "process.thread.name";
    /** The configured service name. */
    public static final String SERVICE_NAME = "service.name";
    /** The configured data set. */
    public static final String EVENT_DATASET = "event.dataset";
    /** The event's markers, as a list of names. */
    public static final String TAGS = "tags";
    /** The class name of the logged throwable. */
    public static final String ERROR_TYPE = "error.type";
    /** The logged throwable's message. */
    public static final String ERROR_MESSAGE = "error.message";
    /** The logged throwable's stack trace, causes included, as one string. */
    public static final String ERROR_STACK_TRACE = "error.stack_trace";
    /** The value of {@value #ECS_VERSION}: the version the ECS logging libraries write. */
    public static final String ECS_VERSION_VALUE = "1.2.0";

    private static volatile Second lastSecond = new Second(Long.MIN_VALUE, "");

    private final Map<String, Object> fields = new LinkedHashMap<>(24);
    private List<String> tags;

    private EcsRecord(long epochSecond, int nanoOfSecond, String level, String message) {
        fields.put(TIMESTAMP, timestamp(epochSecond, nanoOfSecond));
        fields.put(LEVEL, level);
        fields.put(MESSAGE, message == null ? "" : message);
        fields.put(ECS_VERSION, ECS_VERSION_VALUE);
    }

    /**
     * Starts a record with the fields every event has.
     *
     * @param epochSecond when, seconds since the epoch
     * @param nanoOfSecond when, the nanoseconds within that second
     * @param level the level's name
     * @param message the formatted message (null is written as an empty message)
     * @return the record
     */
    public static EcsRecord of(long epochSecond, int nanoOfSecond, String level, String message) {
        return new EcsRecord(epochSecond, nanoOfSecond, level, message);
    }

    /**
     * Adds the configured service name and data set.
     *
     * @param serviceName the name, or null for none
     * @param dataset the data set, or null for none
     * @return this record
     */
    public EcsRecord service(String serviceName, String dataset) {
        putIfPresent(SERVICE_NAME, serviceName);
        putIfPresent(EVENT_DATASET, dataset);
        return this;
    }

    /**
     * Adds where the event came from.
     *
     * @param logger the logger's name, or null
     * @param thread the thread's name, or null
     * @return this record
     */
    public EcsRecord origin(String logger, String thread) {
        putIfPresent(LOGGER, logger);
        putIfPresent(THREAD, thread);
        return this;
    }

    /**
     * Adds a tag (a marker's name).
     *
     * @param tag the tag; null is ignored
     * @return this record
     */
    public EcsRecord tag(String tag) {
        if (tag != null) {
            if (tags == null) {
                tags = new ArrayList<>(2);
                fields.put(TAGS, tags);
            }
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return this;
    }

    /**
     * Adds the logged throwable.
     *
     * @param type its class name
     * @param message its message, or null
     * @param stackTrace its stack trace with causes, or null
     * @return this record
     */
    public EcsRecord error(String type, String message, String stackTrace) {
        putIfPresent(ERROR_TYPE, type);
        putIfPresent(ERROR_MESSAGE, message);
        putIfPresent(ERROR_STACK_TRACE, stackTrace);
        return this;
    }

    /**
     * Adds the logged throwable.
     *
     * @param thrown the throwable, or null for none
     * @return this record
     */
    public EcsRecord error(Throwable thrown) {
        return thrown == null ? this : error(thrown.getClass().getName(), thrown.getMessage(), stackTrace(thrown));
    }

    /**
     * Adds a context field (MDC entry, key-value pair, map message entry), unless a field of that
     * name is there already.
     *
     * @param key the name; null is ignored
     * @param value any value, sanitised when written; may be null
     * @return this record
     */
    public EcsRecord field(String key, Object value) {
        if (key != null) {
            fields.putIfAbsent(key, value);
        }
        return this;
    }

    /**
     * Adds context fields (an MDC), unless fields of those names are there already.
     *
     * @param context the fields, or null for none
     * @return this record
     */
    public EcsRecord fields(Map<String, ?> context) {
        if (context != null) {
            context.forEach(this::field);
        }
        return this;
    }

    /** {@return the record's fields in their order; the map is this record's own, not a copy} */
    public Map<String, Object> toMap() {
        return fields;
    }

    private void putIfPresent(String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    /**
     * Formats a moment as {@code @timestamp} has it: {@code 2026-12-02T10:15:30.123Z}.
     *
     * @param epochSecond seconds since the epoch
     * @param nanoOfSecond nanoseconds within the second
     * @return the text
     */
    public static String timestamp(long epochSecond, int nanoOfSecond) {
        Second second = lastSecond;
        if (second.epochSecond != epochSecond) {
            String text = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).toString();
            // LocalDateTime leaves out ":00" seconds; the prefix always has them
            second = new Second(epochSecond, (text.length() == 16 ? text + ":00" : text) + ".");
            lastSecond = second;
        }
        int millis = nanoOfSecond / 1_000_000;
        char[] digits = {(char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10), 'Z'};
        return second.prefix.concat(new String(digits));
    }

    /**
     * The stack trace of a throwable as {@link Throwable#printStackTrace()} prints it, causes and
     * suppressed ones included.
     *
     * @param thrown the throwable
     * @return the text
     */
    public static String stackTrace(Throwable thrown) {
        StringWriter text = new StringWriter(1024);
        try (PrintWriter out = new PrintWriter(text)) {
            thrown.printStackTrace(out);
        }
        return text.toString();
    }

    /** The text of one whole second, {@code 2026-12-02T10:15:30.}, kept for the next event. */
    private record Second(long epochSecond, String prefix) {
    }
}

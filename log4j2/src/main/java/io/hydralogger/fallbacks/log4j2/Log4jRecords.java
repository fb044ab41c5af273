package io.hydralogger.fallbacks.log4j2;

import io.hydralogger.fallbacks.appender.EcsRecord;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;

/**
 * Turns Log4j2 events into ECS records: time, level, formatted message, logger, thread, the
 * configured service; the marker's name as {@code tags}; the throwable as
 * {@code error.*}; the context data (thread context, and the key-value pairs of SLF4J's fluent
 * API, which Log4j2's SLF4J binding puts there) as fields of their own. A map message
 * ({@code MapMessage}, {@code StringMapMessage}) gives its entries as fields, and its
 * {@code message} entry, when it has one, as the message. Immutable.
 */
final class Log4jRecords {
    private final String serviceName;
    private final String eventDataset;

    /**
     * @param serviceName the service name of every record, or null
     * @param eventDataset the data set of every record, or null
     */
    Log4jRecords(String serviceName, String eventDataset) {
        this.serviceName = serviceName;
        this.eventDataset = eventDataset;
    }

    /** {@return the record of an event} */
    Map<String, Object> toRecord(LogEvent event) {
        Instant time = event.getInstant();
        Message message = event.getMessage();
        MapMessage<?, ?> map = message instanceof MapMessage<?, ?> m ? m : null;
        String text = map == null ? message.getFormattedMessage() : map.get(EcsRecord.MESSAGE);
        EcsRecord record = EcsRecord.of(time.getEpochSecond(), time.getNanoOfSecond(), event.getLevel().name(), text)
                .service(serviceName, eventDataset)
                .origin(event.getLoggerName(), event.getThreadName());
        if (event.getMarker() != null) {
            record.tag(event.getMarker().getName());
        }
        record.error(event.getThrown());
        event.getContextData().forEach(record::field);
        if (map != null) {
            map.getData().forEach(record::field);
        }
        return record.toMap();
    }
}

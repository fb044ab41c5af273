package io.hydralogger.fallbacks.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.hydralogger.fallbacks.appender.EcsRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Turns Logback events into ECS records: time, level, formatted message, logger, thread, the
 * configured service; the event's markers as {@code tags}; the throwable as
 * {@code error.*} with Logback's own stack trace text; then the MDC and the event's key-value
 * pairs as fields of their own. Immutable.
 */
final class LogbackRecords {
    private final String serviceName;
    private final String eventDataset;

    /**
     * @param serviceName the service name of every record, or null
     * @param eventDataset the data set of every record, or null
     */
    LogbackRecords(String serviceName, String eventDataset) {
        this.serviceName = serviceName;
        this.eventDataset = eventDataset;
    }

    /** {@return the record of an event} */
    Map<String, Object> toRecord(ILoggingEvent event) {
        Instant time = event.getInstant();
        EcsRecord record = EcsRecord.of(time.getEpochSecond(), time.getNano(), event.getLevel().toString(),
                        event.getFormattedMessage())
                .service(serviceName, eventDataset)
                .origin(event.getLoggerName(), event.getThreadName());
        List<Marker> markers = event.getMarkerList();
        if (markers != null) {
            for (Marker marker : markers) {
                record.tag(marker.getName());
            }
        }
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            record.error(thrown.getClassName(), thrown.getMessage(), ThrowableProxyUtil.asString(thrown));
        }
        record.fields(event.getMDCPropertyMap());
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                record.field(pair.key, pair.value);
            }
        }
        return record.toMap();
    }
}

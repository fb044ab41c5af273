package io.hydralogger.fallbacks.log4j2;

import io.hydralogger.fallbacks.appender.LogDurability;
import io.hydralogger.fallbacks.appender.LogFile;
import io.hydralogger.fallbacks.appender.LogFileConfig;
import io.hydralogger.fallbacks.appender.QueueFullPolicy;
import io.hydralogger.fallbacks.appender.RotationPeriod;
import io.hydralogger.fallbacks.appender.StatusListener;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.appender.rolling.FileSize;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.validation.constraints.Required;

/**
 * A Log4j2 appender (the plugin {@code HydraJsonLines}) that writes each event as one Elastic
 * Common Schema JSON line ({@code @timestamp}, {@code log.level}, {@code message},
 * {@code log.logger}, {@code process.thread.name}, {@code error.*}, context data as fields)
 * through hydra-fallbacks' safe append: whole lines, safe between threads and between processes
 * (several JVMs may log to one file), a torn last line of a crashed writer repaired, and every
 * event the file cannot take kept in a fallback file. Errors go to the appender's
 * {@code ErrorHandler}, other reports to Log4j2's {@code StatusLogger}; nothing is thrown into the
 * application. Its layout, if one is given, is not used: the lines are ECS JSON.
 *
 * <pre>{@code
 * <Appenders>
 *   <HydraJsonLines name="JSON" fileName="logs/app.jsonl"
 *       durability="none" forceIntervalMillis="1000"
 *       async="false" queueSize="8192" whenQueueFull="block"
 *       maxFileSize="100 MB" rotation="daily" maxHistory="10"
 *       fallbackFolder="/var/tmp/app-fallbacks" serviceName="checkout"/>
 * </Appenders>
 * }</pre>
 *
 * <p>See {@link LogFile} for what each setting does and what is promised. In asynchronous mode an
 * immutable copy of each event ({@link LogEvent#toImmutable()}) is queued and turned into JSON on
 * the writer thread.
 */
@Plugin(name = "HydraJsonLines", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class JsonLinesAppender extends AbstractAppender {
    private final LogFile<LogEvent> logFile;
    private final boolean async;

    private JsonLinesAppender(String name, Filter filter, Property[] properties, LogFileConfig config,
            Log4jRecords records) {
        super(name, filter, null, true, properties);
        this.async = config.async();
        this.logFile = LogFile.open(config, records::toRecord, new Status());
    }

    /**
     * The builder Log4j2 configures from the plugin's attributes.
     *
     * @param <B> the builder's own type
     * @return a builder
     */
    @PluginBuilderFactory
    public static <B extends Builder<B>> B newBuilder() {
        return new Builder<B>().asBuilder();
    }

    @Override
    public void append(LogEvent event) {
        logFile.append(async ? event.toImmutable() : event);
    }

    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        boolean stopped = super.stop(timeout, timeUnit, false);
        logFile.stop();
        setStopped();
        return stopped;
    }

    /** {@return the events lost since start (dropped from a full queue, or taken by no file)} */
    public long lostEvents() {
        return logFile.lost();
    }

    /** {@return the events that went to a fallback file since start} */
    public long fallbackEvents() {
        return logFile.fellBack();
    }

    /** Passes the log file's reports to the error handler and the status logger. */
    private final class Status implements StatusListener {
        @Override
        public void info(String message) {
            LOGGER.info("{}: {}", getName(), message);
        }

        @Override
        public void warn(String message, Throwable cause) {
            LOGGER.warn(getName() + ": " + message, cause);
        }

        @Override
        public void error(String message, Throwable cause) {
            JsonLinesAppender.this.error(getName() + ": " + message, cause);
        }
    }

    /**
     * The plugin's attributes; see the class comment.
     *
     * @param <B> the builder's own type
     */
    public static class Builder<B extends Builder<B>> extends AbstractAppender.Builder<B>
            implements org.apache.logging.log4j.core.util.Builder<JsonLinesAppender> {
        @PluginBuilderAttribute
        @Required(message = "HydraJsonLines needs a fileName")
        private String fileName;

        @PluginBuilderAttribute
        private String durability = LogDurability.NONE.toString();

        @PluginBuilderAttribute
        private long forceIntervalMillis = 1000;

        @PluginBuilderAttribute
        private boolean async;

        @PluginBuilderAttribute
        private int queueSize = 8192;

        @PluginBuilderAttribute
        private String whenQueueFull = QueueFullPolicy.BLOCK.toString();

        @PluginBuilderAttribute
        private String maxFileSize;

        @PluginBuilderAttribute
        private String rotation = RotationPeriod.NONE.toString();

        @PluginBuilderAttribute
        private int maxHistory = 10;

        @PluginBuilderAttribute
        private String fallbackFolder;

        @PluginBuilderAttribute
        private String serviceName;

        @PluginBuilderAttribute
        private String eventDataset;

        /** Creates a builder; Log4j2 sets its fields from the configuration. */
        public Builder() {
            // fields are set by Log4j2 or by the setters
        }

        /**
         * @param fileName the log file (JSON Lines); required
         * @return this builder
         */
        public B setFileName(String fileName) {
            this.fileName = fileName;
            return asBuilder();
        }

        /**
         * @param durability {@code none} (the default), {@code batch} or {@code interval}
         * @return this builder
         */
        public B setDurability(String durability) {
            this.durability = durability;
            return asBuilder();
        }

        /**
         * @param forceIntervalMillis the longest time between a write and its force, for durability
         *     {@code interval}; default 1000
         * @return this builder
         */
        public B setForceIntervalMillis(long forceIntervalMillis) {
            this.forceIntervalMillis = forceIntervalMillis;
            return asBuilder();
        }

        /**
         * @param queueSize the queue's capacity in events (asynchronous mode); default 8192
         * @return this builder
         */
        public B setQueueSize(int queueSize) {
            this.queueSize = queueSize;
            return asBuilder();
        }

        /**
         * @param whenQueueFull {@code block} (the default) or {@code drop}
         * @return this builder
         */
        public B setWhenQueueFull(String whenQueueFull) {
            this.whenQueueFull = whenQueueFull;
            return asBuilder();
        }

        /**
         * @param maxHistory how many rotated files are kept; default 10
         * @return this builder
         */
        public B setMaxHistory(int maxHistory) {
            this.maxHistory = maxHistory;
            return asBuilder();
        }

        /**
         * @param serviceName the {@code service.name} of every record; default none
         * @return this builder
         */
        public B setServiceName(String serviceName) {
            this.serviceName = serviceName;
            return asBuilder();
        }

        /**
         * @param eventDataset the {@code event.dataset} of every record; default none
         * @return this builder
         */
        public B setEventDataset(String eventDataset) {
            this.eventDataset = eventDataset;
            return asBuilder();
        }

        /**
         * @param async whether events are queued and written by a writer thread; default false
         * @return this builder
         */
        public B setAsync(boolean async) {
            this.async = async;
            return asBuilder();
        }

        /**
         * @param maxFileSize the size from which the file is rotated, e.g. {@code 100 MB}; default none
         * @return this builder
         */
        public B setMaxFileSize(String maxFileSize) {
            this.maxFileSize = maxFileSize;
            return asBuilder();
        }

        /**
         * @param rotation {@code none} (the default), {@code hourly} or {@code daily}
         * @return this builder
         */
        public B setRotation(String rotation) {
            this.rotation = rotation;
            return asBuilder();
        }

        /**
         * @param fallbackFolder where fallback files go when the log file's folder cannot take them
         * @return this builder
         */
        public B setFallbackFolder(String fallbackFolder) {
            this.fallbackFolder = fallbackFolder;
            return asBuilder();
        }

        /**
         * Builds the appender, or reports a misconfiguration to the status logger.
         *
         * @return the appender, or null when an attribute is invalid (Log4j2 then leaves it out)
         */
        @Override
        public JsonLinesAppender build() {
            LogFileConfig config;
            try {
                long size = maxFileSize == null || maxFileSize.isBlank() ? 0 : FileSize.parse(maxFileSize, -1);
                if (size < 0) {
                    throw new IllegalArgumentException("maxFileSize '" + maxFileSize + "' is not a size such as 100 MB");
                }
                config = LogFileConfig.builder(Path.of(fileName))
                        .durability(LogDurability.parse(durability))
                        .forceInterval(Duration.ofMillis(forceIntervalMillis))
                        .async(async)
                        .queueSize(queueSize)
                        .whenQueueFull(QueueFullPolicy.parse(whenQueueFull))
                        .maxFileSize(size)
                        .rotation(RotationPeriod.parse(rotation))
                        .maxHistory(maxHistory)
                        .fallbackFolder(fallbackFolder == null || fallbackFolder.isBlank() ? null
                                : Path.of(fallbackFolder))
                        .build();
            } catch (IllegalArgumentException e) {
                LOGGER.error("HydraJsonLines appender {} is misconfigured: {}", getName(), e.getMessage());
                return null;
            }
            return new JsonLinesAppender(getName(), getFilter(), getPropertyArray(), config,
                    new Log4jRecords(serviceName, eventDataset));
        }
    }
}

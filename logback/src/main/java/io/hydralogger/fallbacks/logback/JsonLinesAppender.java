package io.hydralogger.fallbacks.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.util.FileSize;
import ch.qos.logback.core.util.ReentryGuard;
import ch.qos.logback.core.util.ReentryGuardFactory;
import io.hydralogger.fallbacks.appender.LogDurability;
import io.hydralogger.fallbacks.appender.LogFile;
import io.hydralogger.fallbacks.appender.LogFileConfig;
import io.hydralogger.fallbacks.appender.QueueFullPolicy;
import io.hydralogger.fallbacks.appender.RotationPeriod;
import io.hydralogger.fallbacks.appender.StatusListener;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A Logback appender that writes each event as one Elastic Common Schema JSON line
 * ({@code @timestamp}, {@code log.level}, {@code message}, {@code log.logger},
 * {@code process.thread.name}, {@code error.*}, MDC and key-value pairs as fields) through
 * hydra-fallbacks' safe append: whole lines, safe between threads and between processes (several
 * JVMs may log to one file), a torn last line of a crashed writer repaired, and every event the
 * file cannot take kept in a fallback file. Problems are reported to Logback's status manager
 * ({@code addError}/{@code addWarn}/{@code addInfo}), never thrown into the application.
 *
 * <pre>{@code
 * <appender name="JSON" class="io.hydralogger.fallbacks.logback.JsonLinesAppender">
 *   <file>logs/app.jsonl</file>
 *   <durability>none</durability>          <!-- none | batch | interval -->
 *   <forceIntervalMillis>1000</forceIntervalMillis>
 *   <async>false</async>
 *   <queueSize>8192</queueSize>
 *   <whenQueueFull>block</whenQueueFull>   <!-- block | drop -->
 *   <maxFileSize>100MB</maxFileSize>       <!-- rotation by size; none by default -->
 *   <rotation>daily</rotation>             <!-- none | hourly | daily (UTC) -->
 *   <maxHistory>10</maxHistory>
 *   <fallbackFolder>/var/tmp/app-fallbacks</fallbackFolder>
 *   <serviceName>checkout</serviceName>
 * </appender>
 * }</pre>
 *
 * <p>See {@link LogFile} for what each setting does and what is promised. In asynchronous mode the
 * events are made ready for another thread ({@link ILoggingEvent#prepareForDeferredProcessing()})
 * before they are queued, and turned into JSON on the writer thread. Events that the appender's
 * own writing logs on the same thread (the library's warning about a failed write) are not
 * written again (a re-entry guard); their content reaches the status manager.
 */
public class JsonLinesAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private String file;
    private String durability = LogDurability.NONE.toString();
    private long forceIntervalMillis = 1000;
    private boolean async;
    private int queueSize = 8192;
    private String whenQueueFull = QueueFullPolicy.BLOCK.toString();
    private FileSize maxFileSize;
    private String rotation = RotationPeriod.NONE.toString();
    private int maxHistory = 10;
    private String fallbackFolder;
    private String serviceName;
    private String eventDataset;
    private volatile LogFile<ILoggingEvent> logFile;

    /** Creates an appender; configure it with the setters (or {@code logback.xml}), then start it. */
    public JsonLinesAppender() {
        // settings come from the setters
    }

    @Override
    public void start() {
        if (file == null || file.isBlank()) {
            addError("no <file> set for the appender named [" + name + "]");
            return;
        }
        LogFileConfig config;
        try {
            config = LogFileConfig.builder(Path.of(file))
                    .durability(LogDurability.parse(durability))
                    .forceInterval(Duration.ofMillis(forceIntervalMillis))
                    .async(async)
                    .queueSize(queueSize)
                    .whenQueueFull(QueueFullPolicy.parse(whenQueueFull))
                    .maxFileSize(maxFileSize == null ? 0 : maxFileSize.getSize())
                    .rotation(RotationPeriod.parse(rotation))
                    .maxHistory(maxHistory)
                    .fallbackFolder(fallbackFolder == null || fallbackFolder.isBlank() ? null : Path.of(fallbackFolder))
                    .build();
        } catch (IllegalArgumentException e) {
            addError("the appender named [" + name + "] is misconfigured: " + e.getMessage(), e);
            return;
        }
        LogbackRecords records = new LogbackRecords(serviceName, eventDataset);
        logFile = LogFile.open(config, records::toRecord, new Status());
        super.start();
    }

    @Override
    protected ReentryGuard buildReentryGuard() {
        // the library logs a failed write through SLF4J on the writing thread: that event must
        // not come back into this appender (it would fail the same way, again and again)
        return ReentryGuardFactory.makeGuard(ReentryGuardFactory.GuardType.THREAD_LOCAL);
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogFile<ILoggingEvent> current = logFile;
        if (current == null) {
            return;
        }
        if (async) {
            event.prepareForDeferredProcessing();
        }
        current.append(event);
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        LogFile<ILoggingEvent> current = logFile;
        if (current != null) {
            current.stop();
        }
    }

    /** {@return the events lost since start (dropped from a full queue, or taken by no file)} */
    public long getLostEvents() {
        LogFile<ILoggingEvent> current = logFile;
        return current == null ? 0 : current.lost();
    }

    /** {@return the events that went to a fallback file since start} */
    public long getFallbackEvents() {
        LogFile<ILoggingEvent> current = logFile;
        return current == null ? 0 : current.fellBack();
    }

    /** @param file the log file (JSON Lines); required */
    public void setFile(String file) {
        this.file = file;
    }

    /** {@return the log file} */
    public String getFile() {
        return file;
    }

    /** @param durability {@code none} (the default), {@code batch} or {@code interval} */
    public void setDurability(String durability) {
        this.durability = durability;
    }

    /** @param millis the longest time between a write and its force, for durability {@code interval}; default 1000 */
    public void setForceIntervalMillis(long millis) {
        this.forceIntervalMillis = millis;
    }

    /** @param async whether events are queued and written by a writer thread; default false */
    public void setAsync(boolean async) {
        this.async = async;
    }

    /** @param queueSize the queue's capacity in events (asynchronous mode); default 8192 */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** @param policy {@code block} (the default) or {@code drop}: what a full queue does with an event */
    public void setWhenQueueFull(String policy) {
        this.whenQueueFull = policy;
    }

    /** @param size the size from which the file is rotated, e.g. {@code 100MB}; default none */
    public void setMaxFileSize(FileSize size) {
        this.maxFileSize = size;
    }

    /** @param period {@code none} (the default), {@code hourly} or {@code daily}: rotation by UTC time */
    public void setRotation(String period) {
        this.rotation = period;
    }

    /** @param files how many rotated files are kept; default 10 */
    public void setMaxHistory(int files) {
        this.maxHistory = files;
    }

    /** @param folder where fallback files go when the log file's folder cannot take them */
    public void setFallbackFolder(String folder) {
        this.fallbackFolder = folder;
    }

    /** @param serviceName the {@code service.name} of every record; default none */
    public void setServiceName(String serviceName) {
        this.serviceName = serviceName;
    }

    /** @param dataset the {@code event.dataset} of every record; default none */
    public void setEventDataset(String dataset) {
        this.eventDataset = dataset;
    }

    /** Passes the log file's reports to Logback's status manager. */
    private final class Status implements StatusListener {
        @Override
        public void info(String message) {
            addInfo(message);
        }

        @Override
        public void warn(String message, Throwable cause) {
            addWarn(message, cause);
        }

        @Override
        public void error(String message, Throwable cause) {
            addError(message, cause);
        }
    }
}

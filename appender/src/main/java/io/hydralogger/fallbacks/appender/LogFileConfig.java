package io.hydralogger.fallbacks.appender;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link LogFile} is written: where, how durably, synchronously or through a queue, and
 * when it is rotated. Immutable; made with {@link #builder(Path)}, whose defaults are those of a
 * plain file appender: synchronous, never forced, no rotation.
 *
 * @param file the log file (JSON Lines)
 * @param durability when written lines are forced
 * @param forceInterval the longest time between a write and its {@code force}, for
 *     {@link LogDurability#INTERVAL}
 * @param async whether events are queued and written by a writer thread of their own
 * @param queueSize how many events the queue holds (asynchronous mode)
 * @param whenQueueFull what happens to an event when the queue is full (asynchronous mode)
 * @param maxFileSize the size from which the file is rotated before the next write; 0 for none
 * @param rotation rotation by time
 * @param maxHistory how many rotated files are kept; older ones are deleted
 * @param fallbackFolder where fallback files go when the log file's own folder cannot take them
 *     (empty: the library's default, {@code <java.io.tmpdir>/hydra-fallbacks})
 * @param retryInterval after the log file refused events, how long events go straight to the
 *     fallback file before the log file is tried again
 * @param stopTimeout how long {@link LogFile#stop()} waits for the queue to be written
 */
public record LogFileConfig(Path file, LogDurability durability, Duration forceInterval, boolean async,
        int queueSize, QueueFullPolicy whenQueueFull, long maxFileSize, RotationPeriod rotation, int maxHistory,
        Optional<Path> fallbackFolder, Duration retryInterval, Duration stopTimeout) {

    /** Checks the values; see {@link Builder} for the limits. */
    public LogFileConfig {
        Objects.requireNonNull(file, "file must not be null");
        Objects.requireNonNull(durability, "durability must not be null");
        Objects.requireNonNull(whenQueueFull, "whenQueueFull must not be null");
        Objects.requireNonNull(rotation, "rotation must not be null");
        Objects.requireNonNull(fallbackFolder, "fallbackFolder must not be null");
        positive(forceInterval, "forceInterval");
        positive(retryInterval, "retryInterval");
        positive(stopTimeout, "stopTimeout");
        if (queueSize < 1) {
            throw new IllegalArgumentException("queueSize must be at least 1: " + queueSize);
        }
        if (maxFileSize < 0) {
            throw new IllegalArgumentException("maxFileSize must not be negative: " + maxFileSize);
        }
        if (maxHistory < 1) {
            throw new IllegalArgumentException("maxHistory must be at least 1: " + maxHistory);
        }
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name + " must not be null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }

    /** {@return whether the file is rotated at all, by size or by time} */
    public boolean rotates() {
        return maxFileSize > 0 || rotation != RotationPeriod.NONE;
    }

    /**
     * A builder with the defaults: {@link LogDurability#NONE} (force interval 1 s when set to
     * {@link LogDurability#INTERVAL}), synchronous (queue of 8,192 events that
     * {@link QueueFullPolicy#BLOCK blocks} when full, if made asynchronous), no rotation (10 rotated
     * files kept when on), the library's fallback folder, a retry of the log file 1 s after it
     * refused events, 30 s to write the queue at stop.
     *
     * @param file the log file
     * @return the builder
     */
    public static Builder builder(Path file) {
        return new Builder(file);
    }

    /** Builds a {@link LogFileConfig}; not thread-safe. */
    public static final class Builder {
        private final Path file;
        private LogDurability durability = LogDurability.NONE;
        private Duration forceInterval = Duration.ofSeconds(1);
        private boolean async;
        private int queueSize = 8192;
        private QueueFullPolicy whenQueueFull = QueueFullPolicy.BLOCK;
        private long maxFileSize;
        private RotationPeriod rotation = RotationPeriod.NONE;
        private int maxHistory = 10;
        private Path fallbackFolder;
        private Duration retryInterval = Duration.ofSeconds(1);
        private Duration stopTimeout = Duration.ofSeconds(30);

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file must not be null");
        }

        /**
         * Sets when lines are forced.
         *
         * @param durability the durability
         * @return this builder
         */
        public Builder durability(LogDurability durability) {
            this.durability = durability;
            return this;
        }

        /**
         * Sets the longest time between a write and its {@code force} ({@link LogDurability#INTERVAL}).
         *
         * @param interval a positive duration
         * @return this builder
         */
        public Builder forceInterval(Duration interval) {
            this.forceInterval = interval;
            return this;
        }

        /**
         * Sets whether events are queued and written by a writer thread.
         *
         * @param async whether
         * @return this builder
         */
        public Builder async(boolean async) {
            this.async = async;
            return this;
        }

        /**
         * Sets the queue's capacity (asynchronous mode).
         *
         * @param events at least 1
         * @return this builder
         */
        public Builder queueSize(int events) {
            this.queueSize = events;
            return this;
        }

        /**
         * Sets what happens when the queue is full (asynchronous mode).
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder whenQueueFull(QueueFullPolicy policy) {
            this.whenQueueFull = policy;
            return this;
        }

        /**
         * Sets the size from which the file is rotated before the next write.
         *
         * @param bytes the size; 0 for no rotation by size
         * @return this builder
         */
        public Builder maxFileSize(long bytes) {
            this.maxFileSize = bytes;
            return this;
        }

        /**
         * Sets rotation by time.
         *
         * @param period the period
         * @return this builder
         */
        public Builder rotation(RotationPeriod period) {
            this.rotation = period;
            return this;
        }

        /**
         * Sets how many rotated files are kept.
         *
         * @param files at least 1
         * @return this builder
         */
        public Builder maxHistory(int files) {
            this.maxHistory = files;
            return this;
        }

        /**
         * Sets the folder for fallback files when the log file's folder cannot take them.
         *
         * @param folder the folder, or null for the library's default
         * @return this builder
         */
        public Builder fallbackFolder(Path folder) {
            this.fallbackFolder = folder;
            return this;
        }

        /**
         * Sets how long events go straight to the fallback file after the log file refused them.
         *
         * @param interval a positive duration
         * @return this builder
         */
        public Builder retryInterval(Duration interval) {
            this.retryInterval = interval;
            return this;
        }

        /**
         * Sets how long {@link LogFile#stop()} waits for the queue to be written.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException if a required value is null
         */
        public LogFileConfig build() {
            return new LogFileConfig(file, durability, forceInterval, async, queueSize, whenQueueFull, maxFileSize,
                    rotation, maxHistory, Optional.ofNullable(fallbackFolder), retryInterval, stopTimeout);
        }
    }
}

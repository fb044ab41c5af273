package io.hydralogger.fallbacks.appender;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * When a log file is rotated by time: at the start of each UTC hour or day, the file holding the
 * lines of the period before is renamed, so that each rotated file holds (about) one period.
 */
public enum RotationPeriod {
    /** No rotation by time (rotation by size may still be on). */
    NONE(ChronoUnit.DAYS, "uuuu-MM-dd"),
    /** A new file every UTC hour; rotated files are named after their hour, {@code app.2026-12-02T10.1.jsonl}. */
    HOURLY(ChronoUnit.HOURS, "uuuu-MM-dd'T'HH"),
    /** A new file every UTC day; rotated files are named after their day, {@code app.2026-12-02.1.jsonl}. */
    DAILY(ChronoUnit.DAYS, "uuuu-MM-dd");

    private final ChronoUnit unit;
    private final DateTimeFormatter label;

    RotationPeriod(ChronoUnit unit, String pattern) {
        this.unit = unit;
        this.label = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    /**
     * Whether a period boundary lies between two moments, so that a file last written at the
     * first must be rotated before lines are written at the second.
     *
     * @param lastWritten when the file was last written, in epoch milliseconds
     * @param now the time now, in epoch milliseconds
     * @return false for {@link #NONE}; else whether {@code now} is in a later period
     */
    public boolean crossed(long lastWritten, long now) {
        return this != NONE && start(lastWritten) < start(now);
    }

    /**
     * The label of the period a moment falls in, as rotated file names carry it ({@link #NONE}
     * labels by day, for files rotated by size only).
     *
     * @param epochMillis the moment
     * @return {@code 2026-12-02}, or {@code 2026-12-02T10} for {@link #HOURLY}
     */
    public String label(long epochMillis) {
        return label.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * How long until the next period starts.
     *
     * @param epochMillis the time now, in epoch milliseconds
     * @return the milliseconds to the next boundary (for {@link #NONE}, to the next UTC day)
     */
    public long untilNext(long epochMillis) {
        return start(epochMillis) + unit.getDuration().toMillis() - epochMillis;
    }

    private long start(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).truncatedTo(unit).toEpochMilli();
    }

    /**
     * Reads a period as written in a configuration file: {@code none}, {@code hourly} or
     * {@code daily}, in any case.
     *
     * @param text the name
     * @return the period
     * @throws IllegalArgumentException if the name is none of these
     */
    public static RotationPeriod parse(String text) {
        return Names.parse(RotationPeriod.class, text);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}

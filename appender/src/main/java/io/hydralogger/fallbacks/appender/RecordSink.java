package io.hydralogger.fallbacks.appender;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.FallbackHandlerBuilder;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Writes batches of records to the log file through the library's append
 * ({@link FallbackHandler#appendJsonLines}: whole lines, thread- and process-safe, a torn tail
 * repaired first), rotating the file first when it is due, and keeps every record when the file
 * cannot take it.
 *
 * <p>When an append fails (disk full, no permission, folder gone), the library leaves the file as
 * it was and writes the records to a fallback file; from then on, the records go straight to that
 * fallback file (appended, so one outage makes one file, not one per event) and the log file is
 * tried again once per retry interval. Entering and leaving that state, and records that no file
 * took, are reported once each through the {@link StatusListener}. Thread-safe.
 */
final class RecordSink {
    private final FallbackHandler handler;
    private final Path file;
    private final Rotator rotator;
    private final IntervalForcer forcer;
    private final StatusListener status;
    private final long retryMillis;
    private final Clock clock;
    private final LongAdder written = new LongAdder();
    private final LongAdder fellBack = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final Object state = new Object();
    /** While the log file refuses records: the file they go to instead; written under state. */
    private volatile Path detour;
    /** The first fallback file of the current detour, and how many files it used; guarded by state. */
    private Path firstDetour;
    private int detourFiles;
    /** The records of the current detour; guarded by state. */
    private long detoured;
    /** When the log file is tried again; guarded by state. */
    private long retryAt;
    /** The last rotation failure reported, so that a lasting one is reported once; guarded by state. */
    private String rotationFailure;

    RecordSink(LogFileConfig config, Clock clock, StatusListener status) {
        FallbackHandlerBuilder builder = FallbackHandler.builder()
                .durability(config.durability() == LogDurability.BATCH ? Durability.SYNC : Durability.NONE);
        config.fallbackFolder().ifPresent(builder::fallbackFolder);
        this.handler = builder.build();
        this.file = config.file().toAbsolutePath();
        this.rotator = config.rotates() ? new Rotator(handler, file, config) : null;
        this.forcer = config.durability() == LogDurability.INTERVAL
                ? new IntervalForcer(file, config.forceInterval().toNanos(), status) : null;
        this.status = status;
        this.retryMillis = config.retryInterval().toMillis();
        this.clock = clock;
    }

    /**
     * Writes records as lines of the log file, or of the fallback file while the log file
     * refuses them. Never throws for I/O.
     *
     * @param records the records, in order
     */
    void write(List<Map<String, Object>> records) {
        Path fallback = currentDetour();
        if (fallback == null) {
            rotate();
            WriteResult result = handler.appendJsonLines(records, file);
            if (result.ok()) {
                written.add(records.size());
                if (rotator != null) {
                    rotator.written(result.bytes());
                }
                if (forcer != null) {
                    forcer.written();
                }
                if (detour != null) {
                    backOnLogFile();
                }
                return;
            }
            refused(records.size(), result);
        } else {
            WriteResult result = handler.appendJsonLines(records, fallback);
            if (result.ok()) {
                fellBack.add(records.size());
                synchronized (state) {
                    detoured += records.size();
                }
                return;
            }
            refused(records.size(), result);
        }
    }

    /** The fallback file while the log file is not to be tried yet; null when it is to be tried. */
    private Path currentDetour() {
        if (detour == null) {
            return null;
        }
        synchronized (state) {
            return detour != null && clock.millis() < retryAt ? detour : null;
        }
    }

    private void rotate() {
        if (rotator == null) {
            return;
        }
        try {
            Path rotated = rotator.rotateIfDue();
            if (rotated != null) {
                status.info("rotated " + file + " to " + rotated.getFileName());
            }
            synchronized (state) {
                rotationFailure = null;
            }
        } catch (IOException | RuntimeException e) {
            String failure = e.toString();
            boolean first;
            synchronized (state) {
                first = !failure.equals(rotationFailure);
                rotationFailure = failure;
            }
            if (first) {
                status.warn("could not rotate " + file + " (" + failure + "); it goes on growing until a rotation"
                        + " succeeds", e);
            }
        }
    }

    /** An append (to the log file or the fallback file) failed; the library says where the records went. */
    private void refused(int count, WriteResult result) {
        Throwable cause = result.error().orElse(null);
        if (result.fallback().isEmpty()) {
            lost.add(count);
            status.error(count + " events could not be written to " + result.path() + " nor to a fallback file"
                    + " and are lost: " + cause, cause);
            return;
        }
        fellBack.add(count);
        Path fallback = result.fallback().get();
        boolean entering;
        synchronized (state) {
            entering = detour == null;
            if (entering) {
                firstDetour = fallback;
                detourFiles = 0;
            }
            if (!fallback.equals(detour)) {
                detourFiles++;
            }
            detour = fallback;
            detoured += count;
            retryAt = clock.millis() + retryMillis;
        }
        if (entering) {
            status.error("could not write to " + file + " (" + cause + "); events go to the fallback file " + fallback
                    + " until it takes them again (tried every " + retryMillis + " ms)", cause);
        }
    }

    /** The log file took records after a detour: reports where the detour's records are. */
    private void backOnLogFile() {
        String files;
        long count;
        synchronized (state) {
            if (detour == null) {
                return;
            }
            files = detourFiles == 1 ? firstDetour.toString()
                    : detourFiles + " fallback files from " + firstDetour + " to " + detour;
            count = detoured;
            detour = null;
            detoured = 0;
        }
        status.info(file + " takes events again; the " + count + " events it refused are in " + files);
    }

    /** Forces what a timed force has not yet forced (at stop). */
    void flush() {
        if (forcer != null) {
            forcer.flush();
        }
    }

    /** {@return records written to the log file} */
    long written() {
        return written.sum();
    }

    /** {@return records written to a fallback file} */
    long fellBack() {
        return fellBack.sum();
    }

    /** {@return records that no file took} */
    long lost() {
        return lost.sum();
    }
}

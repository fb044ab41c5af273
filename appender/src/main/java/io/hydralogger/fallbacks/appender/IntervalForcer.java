package io.hydralogger.fallbacks.appender;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Forces a log file at most once per interval, some time after lines were written
 * ({@link LogDurability#INTERVAL}): the first write after a {@code force} schedules the next one
 * for one interval after it, on a shared daemon timer thread {@code hydra-appender-force}, so
 * writers never wait for the disk. A file that is new since the last {@code force} has its folder
 * forced too, so that its name survives a power loss with its lines. Thread-safe.
 */
final class IntervalForcer {
    private static final ScheduledExecutorService TIMER = timer();

    private final Path file;
    private final long intervalNanos;
    private final StatusListener status;
    /** Whether a force is scheduled; guarded by this. */
    private boolean scheduled;
    /** When the last force started; guarded by this. */
    private long lastForce = System.nanoTime();
    /** The file key of the file last forced; touched by one force at a time (guarded by forcing). */
    private Object forcedKey;
    private final Object forcing = new Object();

    IntervalForcer(Path file, long intervalNanos, StatusListener status) {
        this.file = file;
        this.intervalNanos = intervalNanos;
        this.status = status;
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "hydra-appender-force");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Lines were written: makes sure a force follows within one interval. */
    void written() {
        long delay;
        synchronized (this) {
            if (scheduled) {
                return;
            }
            scheduled = true;
            delay = Math.max(0, lastForce + intervalNanos - System.nanoTime());
        }
        TIMER.schedule(this::scheduledForce, delay, TimeUnit.NANOSECONDS);
    }

    private void scheduledForce() {
        synchronized (this) {
            scheduled = false;
            lastForce = System.nanoTime();
        }
        forceNow();
    }

    /** Forces now if lines were written since the last force (at stop). */
    void flush() {
        boolean due;
        synchronized (this) {
            due = scheduled;
        }
        if (due) {
            forceNow();
        }
    }

    private void forceNow() {
        synchronized (forcing) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.force(false);
                Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                if (!Objects.equals(key, forcedKey)) {
                    try (FileChannel folder = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
                        folder.force(true);
                    }
                    forcedKey = key;
                }
            } catch (NoSuchFileException e) {
                // rotated away meanwhile: the rotation forced it before the rename
            } catch (IOException | RuntimeException e) {
                status.warn("could not force " + file + " (durability interval): " + e, e);
            }
        }
    }
}

package io.hydralogger.fallbacks.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for work that may take a while, shown only where someone watches:
 * when stderr is a terminal, {@code --quiet} is not given, and the work has run longer than
 * {@value #DEFAULT_DELAY_MILLIS} ms (short work shows nothing). Standard output never carries it.
 *
 * <p>The environment variable {@value #ENV} forces the choice: {@code 0} never shows a bar,
 * {@code 1} shows one even when stderr is not a terminal. The system property
 * {@value #DELAY_PROPERTY} sets the delay in milliseconds. Not thread-safe: one thread reports.
 */
final class Progress implements AutoCloseable {
    /** The environment variable that forces bars on (1) or off (0). */
    static final String ENV = "HYDRA_FALLBACKS_PROGRESS";
    /** The system property with the delay before a bar appears, in milliseconds. */
    static final String DELAY_PROPERTY = "hydra-fallbacks.progress.delay-ms";
    /** How long work runs before its bar appears, unless {@value #DELAY_PROPERTY} says otherwise. */
    static final long DEFAULT_DELAY_MILLIS = 500;

    private static final Progress NONE = new Progress(null, 0, " records", 1, false);

    private final String task;
    private final long total;
    private final String unit;
    private final long unitSize;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private final long delayNanos;
    private long done;
    private long records = -1;
    private ProgressBar bar;

    private Progress(String task, long total, String unit, long unitSize, boolean enabled) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.unitSize = unitSize;
        this.enabled = enabled;
        this.delayNanos = Duration.ofMillis(Long.getLong(DELAY_PROPERTY, DEFAULT_DELAY_MILLIS)).toNanos();
    }

    /**
     * Starts tracking work counted in records.
     *
     * @param task the label shown before the bar
     * @param total how many records the work has; -1 when unknown (the bar then counts and
     *     shows the speed)
     * @param quiet whether {@code --quiet} was given
     * @return the progress; does nothing when no bar may be shown
     */
    static Progress records(String task, long total, boolean quiet) {
        return shown(quiet) ? new Progress(task, total, " records", 1, true) : NONE;
    }

    /**
     * Starts tracking the reading of files: bytes done of their size, and the records read. The
     * bar counts in B, KiB, MiB or GiB, whichever shows the total as 10 units or more.
     *
     * @param task the label shown before the bar
     * @param totalBytes the size of what is read; 0 or less when unknown (the bar then counts
     *     bytes and shows the speed)
     * @param quiet whether {@code --quiet} was given
     * @return the progress; does nothing when no bar may be shown
     */
    static Progress bytes(String task, long totalBytes, boolean quiet) {
        if (!shown(quiet)) {
            return NONE;
        }
        long total = totalBytes > 0 ? totalBytes : -1;
        String[] units = {" B", " KiB", " MiB", " GiB"};
        int unit = 0;
        while (unit < units.length - 1 && Math.abs(total) >= 10L << (10 * (unit + 1))) {
            unit++;
        }
        return new Progress(task, total, units[unit], 1L << (10 * unit), true);
    }

    /** {@return whether a bar may be drawn (else every call does nothing)} */
    boolean enabled() {
        return enabled;
    }

    /**
     * {@return the size of a file to read, or -1 when it has none to tell (missing, not a regular file)}
     *
     * @param file the file
     */
    static long sizeOf(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Sets the bytes and the records done so far.
     *
     * @param bytes how many bytes were read
     * @param recordsDone how many records were read
     */
    void update(long bytes, long recordsDone) {
        records = recordsDone;
        stepTo(bytes);
    }

    /**
     * Adds records done.
     *
     * @param units how many more are done
     */
    void stepBy(long units) {
        stepTo(done + units);
    }

    /**
     * Sets the records done so far.
     *
     * @param units how many are done
     */
    void stepTo(long units) {
        if (!enabled) {
            return;
        }
        done = units;
        if (bar == null) {
            long elapsed = System.nanoTime() - startNanos;
            if (elapsed < delayNanos) {
                return;
            }
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(unit, unitSize).setUpdateIntervalMillis(200)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .showSpeed(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                    .startsFrom(0, Duration.ofNanos(elapsed)).build();
        }
        bar.stepTo(done);
        if (records >= 0) {
            bar.setExtraMessage(String.format(Locale.ROOT, " %,d records", records));
        }
    }

    /**
     * {@return records that tell this progress how far their reading got: every
     * {@value Tracked#EVERY} records and at their end}
     *
     * @param records the records
     * @param bytesRead how many bytes of the file were read so far
     */
    Tracked track(Iterator<?> records, LongSupplier bytesRead) {
        return new Tracked(records, bytesRead, this);
    }

    /** Records read from a file, telling a progress the bytes and records read. Single-pass. */
    static final class Tracked implements Iterator<Object> {
        /** How many records are read between two updates of the progress. */
        static final int EVERY = 256;

        private final Iterator<?> records;
        private final LongSupplier bytesRead;
        private final Progress progress;
        private long count;

        private Tracked(Iterator<?> records, LongSupplier bytesRead, Progress progress) {
            this.records = records;
            this.bytesRead = bytesRead;
            this.progress = progress;
        }

        @Override
        public boolean hasNext() {
            boolean more = records.hasNext();
            if (!more) {
                progress.update(bytesRead.getAsLong(), count);
            }
            return more;
        }

        @Override
        public Object next() {
            Object record = records.next();
            if (++count % EVERY == 0) {
                progress.update(bytesRead.getAsLong(), count);
            }
            return record;
        }

        /** {@return how many records were handed out} */
        long count() {
            return count;
        }
    }

    /** Draws the bar's final state, if it was shown, and ends the line. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Whether a bar may be shown: not quiet, and stderr a terminal unless the environment says. */
    static boolean shown(boolean quiet) {
        if (quiet) {
            return false;
        }
        String forced = System.getenv(ENV);
        if ("0".equals(forced)) {
            return false;
        }
        return "1".equals(forced) || stderrIsTerminal();
    }

    /**
     * On Linux the link {@code /proc/self/fd/2} names stderr's file: a terminal is a
     * {@code /dev/pts/N} or {@code /dev/ttyN}. Elsewhere, {@code System.console()} is the
     * best the JDK offers (it needs stdin and stdout to be the terminal too).
     */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        if (Files.isSymbolicLink(fd)) {
            try {
                String target = Files.readSymbolicLink(fd).toString().toLowerCase(Locale.ROOT);
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (IOException | UnsupportedOperationException e) {
                return false;
            }
        }
        return System.console() != null;
    }
}

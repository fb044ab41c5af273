package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The corruption reports of the files a runtime's handlers read, so that a file read again
 * unchanged is not inspected again (at most {@value #SIZE} files, least recently used dropped).
 * The key is the file's real path, the format, the limits and the dialect, plus what changes
 * whenever the file does: its size, modification time and, where the file system has them, its
 * inode, device and change time ({@code ctime}, which no program can set back). A report is kept only when those
 * were the same before and after the inspection, so it never outlives a change of the file.
 * Thread-safe.
 */
final class ReportCache {
    /** Most files whose report is kept. */
    static final int SIZE = 256;

    private final Map<Key, CorruptionReport> reports = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CorruptionReport> eldest) {
            return size() > SIZE;
        }
    };

    /**
     * Inspects a file, or gives the report of its last inspection when it has not changed since.
     *
     * @param path the file
     * @param format its format
     * @param limits the limits that guard against hostile content
     * @param dialect the delimiter and charset of CSV and TSV files
     * @return the report (see {@link CorruptionDetector#inspect(Path, Format, ReadLimits, Dialect)})
     */
    CorruptionReport inspect(Path path, Format format, ReadLimits limits, Dialect dialect) {
        Dialect applied = dialect.forFormat(format);
        Optional<Stamp> before = stamp(path, format, limits, applied);
        if (before.isEmpty()) {
            return CorruptionDetector.inspect(path, format, limits, applied);
        }
        CorruptionReport cached;
        synchronized (reports) {
            cached = reports.get(before.get().key);
        }
        if (cached != null) {
            return new CorruptionReport(path, format, cached.problems(), cached.validRecords(), cached.skippedRecords(),
                    cached.lostRecords(), cached.notes());
        }
        CorruptionReport report = CorruptionDetector.inspect(path, format, limits, applied);
        keep(before.get(), path, report);
        return report;
    }

    /**
     * Notes the version of a file before it is read, for {@link #keep}.
     *
     * @param path the file
     * @param format its format
     * @param limits the limits it is read with
     * @param dialect the delimiter and charset of CSV and TSV files
     * @return the version, or empty when the file's attributes cannot be read (a missing file)
     */
    Optional<Stamp> stamp(Path path, Format format, ReadLimits limits, Dialect dialect) {
        try {
            return Optional.of(new Stamp(Key.of(path, format, limits, dialect.forFormat(format))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Keeps the report of a file read from the version {@code before} (an inspection, or a whole
     * salvage with the inspection's mapper, whose report is the same), if the file is still that
     * version.
     *
     * @param before the version of the file when the read began
     * @param path the file
     * @param report its report
     */
    void keep(Stamp before, Path path, CorruptionReport report) {
        Key key = before.key;
        try {
            if (key.equals(Key.of(path, key.format(), key.limits(), key.dialect()))) {
                synchronized (reports) {
                    reports.put(key, report);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the file went away meanwhile: nothing to keep
        }
    }

    /** One version of one file read one way, noted before it is read. */
    static final class Stamp {
        private final Key key;

        private Stamp(Key key) {
            this.key = key;
        }
    }

    /** {@return how many reports are kept now} */
    int size() {
        synchronized (reports) {
            return reports.size();
        }
    }

    /** Forgets every report. */
    void clear() {
        synchronized (reports) {
            reports.clear();
        }
    }

    /** What identifies one version of one file read one way. */
    private record Key(Path real, Format format, ReadLimits limits, Dialect dialect, long size, Object modified,
            Object identity) {
        static Key of(Path path, Format format, ReadLimits limits, Dialect dialect) throws IOException {
            Path real = path.toRealPath();
            BasicFileAttributes basic = Files.readAttributes(real, BasicFileAttributes.class);
            Object identity;
            try {
                Map<String, Object> unix = Files.readAttributes(real, "unix:ino,dev,ctime");
                identity = List.of(unix.get("ino"), unix.get("dev"), unix.get("ctime"));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                identity = String.valueOf(basic.fileKey());
            }
            return new Key(real, format, limits, dialect, basic.size(), basic.lastModifiedTime(), identity);
        }
    }
}

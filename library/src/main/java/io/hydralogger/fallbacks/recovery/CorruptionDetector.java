package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds corruption in JSON, JSON Lines and CSV files: {@link #inspect(Path, Format)} reads a
 * file once, streaming, and lists every problem with its kind, byte offset and line (the same
 * pass as a salvage by {@link DataRecovery}, without building the records).
 *
 * <p>Answers are cached (at most {@value #CACHE_SIZE} files, least recently used dropped). The
 * key is the file's real path, the format and the limits, plus what changes whenever the file
 * does: its size, modification time and, where the file system has them, its inode, device and
 * change time ({@code ctime}, which no program can set back). An answer is cached only when
 * those were the same before and after the read, so it never outlives a change of the file.
 * {@link #clearCache()} empties it (the facade's {@code clearAllCaches()} calls it). Thread-safe.
 */
public final class CorruptionDetector {
    /** Most files whose answer is cached. */
    public static final int CACHE_SIZE = 256;

    private static final Map<Key, CorruptionReport> CACHE = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CorruptionReport> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private CorruptionDetector() {
    }

    /**
     * Says whether a file is corrupted. A missing file is not corrupted (there is nothing to
     * be); an unreadable one is.
     *
     * @param path the file
     * @param format its format
     * @return true if the file has any problem
     */
    public static boolean detectCorruption(Path path, Format format) {
        CorruptionReport report = inspect(path, format);
        return !report.intact() && report.problems().get(0).kind() != ProblemKind.MISSING;
    }

    /**
     * Says whether a file is corrupted; see {@link #detectCorruption(Path, Format)}.
     *
     * @param path the file
     * @param format the format name ({@code json}, {@code jsonl}, {@code csv}, …; see
     *     {@link Format#parse(String)}), or null to choose by the file's extension
     * @return true if the file has any problem
     * @throws IllegalArgumentException if the format name is unknown
     */
    public static boolean detectCorruption(Path path, String format) {
        return detectCorruption(path, format == null ? Format.of(path) : Format.parse(format));
    }

    /**
     * Inspects a file with the default read limits.
     *
     * @param path the file
     * @param format its format
     * @return the report: intact, or every problem found (a missing or unreadable file is one
     *     problem of kind {@code missing} or {@code unreadable})
     */
    public static CorruptionReport inspect(Path path, Format format) {
        return inspect(path, format, ReadLimits.DEFAULTS);
    }

    /**
     * Inspects a file.
     *
     * @param path the file
     * @param format its format
     * @param limits the limits that guard against hostile content
     * @return the report
     */
    public static CorruptionReport inspect(Path path, Format format, ReadLimits limits) {
        return inspect(path, format, limits, Dialect.of(Objects.requireNonNull(format, "format must not be null")));
    }

    /**
     * Inspects a delimited file written in another dialect (a delimiter other than the comma, a
     * charset other than UTF-8 for files without a byte order mark); other formats ignore it.
     *
     * @param path the file
     * @param format its format
     * @param limits the limits that guard against hostile content
     * @param dialect the delimiter and charset of CSV and TSV files (a TSV file is always
     *     tab-separated)
     * @return the report
     */
    public static CorruptionReport inspect(Path path, Format format, ReadLimits limits, Dialect dialect) {
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(limits, "limits must not be null");
        Objects.requireNonNull(dialect, "dialect must not be null");
        Dialect applied = dialect.forFormat(format);
        try {
            Key before = Key.of(path, format, limits, applied);
            CorruptionReport cached;
            synchronized (CACHE) {
                cached = CACHE.get(before);
            }
            if (cached != null) {
                return new CorruptionReport(path, format, cached.problems(), cached.validRecords(),
                        cached.skippedRecords(), cached.lostRecords(), cached.notes());
            }
            CorruptionReport report = DataRecovery.scan(path, format, DataRecovery.mapperFor(limits), limits, applied);
            if (before.equals(Key.of(path, format, limits, applied))) {
                synchronized (CACHE) {
                    CACHE.put(before, report);
                }
            }
            return report;
        } catch (NoSuchFileException e) {
            return failed(path, format, ProblemKind.MISSING, "the file does not exist");
        } catch (IOException | RuntimeException e) {
            return failed(path, format, ProblemKind.UNREADABLE, "the file cannot be read: " + Engine.describe(e));
        }
    }

    private static CorruptionReport failed(Path path, Format format, ProblemKind kind, String message) {
        return new CorruptionReport(path, format, List.of(new Problem(kind, -1, -1, message)), 0, 0);
    }

    /** {@return how many answers are cached now} */
    public static int cacheSize() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    /** Forgets every cached answer. */
    public static void clearCache() {
        synchronized (CACHE) {
            CACHE.clear();
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

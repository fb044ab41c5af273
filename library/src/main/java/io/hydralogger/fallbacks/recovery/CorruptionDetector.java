package io.hydralogger.fallbacks.recovery;

import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Finds corruption in JSON, JSON Lines and CSV files: {@link #inspect(Path, Format)} reads a
 * file once, streaming, and lists every problem with its kind, byte offset and line (the same
 * pass as a salvage by {@link DataRecovery}, without building the records).
 *
 * <p>These static methods keep no state: each call reads the file. A handler keeps the answers
 * for the files it reads in its runtime's cache, keyed so that an answer never outlives a change
 * of the file. Thread-safe.
 */
public final class CorruptionDetector {
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
     * Says whether a file is corrupted, the file given by name as in the original module's
     * {@code detect_corruption("file.json", "json")}; see {@link #detectCorruption(Path, Format)}.
     *
     * @param path the file name
     * @param format the format name, or null to choose by the file's extension
     * @return true if the file has any problem
     * @throws IllegalArgumentException if the format name is unknown or the file name is empty
     */
    public static boolean detectCorruption(String path, String format) {
        return detectCorruption(pathOf(path), format);
    }

    /**
     * Says whether a file given by name is corrupted; see {@link #detectCorruption(Path, Format)}.
     *
     * @param path the file name
     * @param format its format
     * @return true if the file has any problem
     * @throws IllegalArgumentException if the file name is empty
     */
    public static boolean detectCorruption(String path, Format format) {
        return detectCorruption(pathOf(path), format);
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
        return inspect(path, format, limits, dialect, DataRecovery.NO_PROGRESS);
    }

    /**
     * Inspects a file as {@link #inspect(Path, Format, ReadLimits, Dialect)} does, telling how far
     * it got: for a progress bar of a long inspection.
     *
     * @param path the file
     * @param format its format
     * @param limits the limits that guard against hostile content
     * @param dialect the delimiter and charset of CSV and TSV files
     * @param progress told now and then, on the calling thread, how many bytes of the file were
     *     read so far (read-ahead included; at most the file's size)
     * @return the report
     */
    public static CorruptionReport inspect(Path path, Format format, ReadLimits limits, Dialect dialect,
            LongConsumer progress) {
        Objects.requireNonNull(progress, "progress must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(format, "format must not be null");
        Objects.requireNonNull(limits, "limits must not be null");
        Objects.requireNonNull(dialect, "dialect must not be null");
        Dialect applied = dialect.forFormat(format);
        try {
            return DataRecovery.scan(path, format, DataRecovery.mapperFor(limits), limits, applied, progress);
        } catch (NoSuchFileException e) {
            return failed(path, format, ProblemKind.MISSING, "the file does not exist");
        } catch (IOException | RuntimeException e) {
            return failed(path, format, ProblemKind.UNREADABLE, "the file cannot be read: " + Engine.describe(e));
        }
    }

    /** A file name as a path; the empty string names no file (it would be the working folder). */
    private static Path pathOf(String name) {
        if (Objects.requireNonNull(name, "path must not be null").isEmpty()) {
            throw new IllegalArgumentException("the empty string names no file");
        }
        return Path.of(name);
    }

    private static CorruptionReport failed(Path path, Format format, ProblemKind kind, String message) {
        return new CorruptionReport(path, format, List.of(new Problem(kind, -1, -1, message)), 0, 0);
    }
}

package io.hydralogger.fallbacks;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.internal.codec.Codecs;
import io.hydralogger.fallbacks.internal.fs.Links;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.recovery.Problem;
import io.hydralogger.fallbacks.recovery.ProblemKind;
import io.hydralogger.fallbacks.recovery.SalvageReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JavaType;

/**
 * The read with recovery: strictly first (the fast path); when that fails, by the handler's
 * recovery policy: salvage, backups newest first, fallback files. Takes no lock.
 */
final class RecoveringRead {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);

    private final Context context;

    RecoveringRead(Context context) {
        this.context = context;
    }

    /** Reads a file; throws for any problem. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(Path path) throws IOException;
    }

    /** Counts the records of what was read. */
    @FunctionalInterface
    private interface Counter<T> {
        long count(T data);
    }

    /** Turns the records a recovery found into the data of a read. */
    @FunctionalInterface
    private interface Shaper<T> {
        T shape(List<Object> records, boolean singleValue);
    }

    <T> ReadResult<T> json(Path path, JavaType type) {
        return read(path, Format.JSON, p -> Codecs.<T>readJson(context.mapper, p, type, context.runtime.parsing), RecoveringRead::countOf,
                (records, single) -> convert(single ? records.get(0) : records, type));
    }

    <T> ReadResult<List<T>> jsonLines(Path path, JavaType type) {
        return read(path, Format.JSON_LINES, p -> Codecs.<T>readJsonLines(context.mapper, p, type, context.runtime.parsing), List::size,
                (records, single) -> {
                    List<T> typed = new ArrayList<>(records.size());
                    for (Object record : records) {
                        typed.add(convert(record, type));
                    }
                    return typed;
                });
    }

    ReadResult<List<Map<String, String>>> csv(Path path, Format format) {
        return read(path, format, p -> Codecs.readCsv(p, context.dialect.forFormat(format)), List::size,
                RecoveringRead::csvRows);
    }

    /** The read of {@code format} that an update gets its current data from. */
    ReadResult<?> any(Path path, Format format) {
        switch (format) {
            case JSON:
                return json(path, context.mapper.constructType(Object.class));
            case CSV:
            case TSV:
                return csv(path, format);
            default:
                return jsonLines(path, context.mapper.constructType(Object.class));
        }
    }

    private <T> ReadResult<T> read(Path path, Format format, Reader<T> reader, Counter<? super T> counter,
            Shaper<T> shaper) {
        long start = System.nanoTime();
        Exception cause;
        try {
            T data = reader.read(path);
            context.stats.readSucceeded(data == null ? 0 : counter.count(data), Files.size(path),
                    System.nanoTime() - start);
            return new ReadResult<>(data, path, format, Source.PRIMARY, Optional.of(path), Optional.empty(), 0,
                    Optional.empty());
        } catch (IOException | RuntimeException e) {
            cause = Failures.unwrap(e);
        }
        if (context.recoveryPolicy != RecoveryPolicy.STRICT) {
            try (RecoveredRecords recovered = recoverAll(path, format)) {
                if (recovered.source() != Source.NONE) {
                    List<Object> records = new ArrayList<>();
                    recovered.forEachRemaining(records::add);
                    boolean single = recovered.singleValue() || recovered.source() == Source.FALLBACK
                            && format == Format.JSON && records.size() == 1;
                    T data = shaper.shape(records, single);
                    long skipped = recovered.source() == Source.SALVAGED ? recovered.report().skippedRecords() : 0;
                    Path from = recovered.sourcePath().orElse(path);
                    context.stats.readSucceeded(records.size(), Files.size(from), System.nanoTime() - start);
                    if (recovered.source() != Source.PRIMARY) {
                        logRecovered(path, cause, recovered, records.size());
                    }
                    Optional<CorruptionReport> report = recovered.report().intact() ? Optional.empty()
                            : Optional.of(recovered.report());
                    return new ReadResult<>(data, path, format, recovered.source(), recovered.sourcePath(), report,
                            skipped, Optional.ofNullable(cause));
                }
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        context.stats.readFailed(System.nanoTime() - start);
        LOG.warn("Failed to read {}: {}", path, Failures.describe(cause));
        CorruptionReport report = cause instanceof NoSuchFileException ? reportOf(path, format, cause)
                : context.inspect(path, format);
        return new ReadResult<>(null, path, format, Source.NONE, Optional.empty(), Optional.of(report), 0,
                Optional.of(cause));
    }

    /**
     * The one line a read that did not read the file as it is logs, with the words the original
     * module's guide tells users to look for: {@code Detected corruption in <path>} (or
     * {@code Failed to read <path>} when it is missing or unreadable), then where the data came
     * from (salvage, {@code Restored from backup <backup>}, a fallback file).
     */
    private static void logRecovered(Path path, Exception cause, RecoveredRecords recovered, int records) {
        ProblemKind first = recovered.report().problems().isEmpty() ? ProblemKind.INVALID_SYNTAX
                : recovered.report().problems().get(0).kind();
        String what = first == ProblemKind.MISSING || first == ProblemKind.UNREADABLE ? "Failed to read"
                : "Detected corruption in";
        Path from = recovered.sourcePath().orElse(path);
        switch (recovered.source()) {
            case SALVAGED -> LOG.warn("{} {} ({}); salvaged {} records, skipped {}", what, path,
                    Failures.describe(cause), records, recovered.report().skippedRecords());
            case BACKUP -> LOG.warn("{} {} ({}); Restored from backup {}: read its {} records (the file itself is"
                    + " unchanged)", what, path, Failures.describe(cause), from, records);
            default -> LOG.warn("{} {} ({}); read {} records from {} ({})", what, path, Failures.describe(cause),
                    records, from, recovered.source().label());
        }
    }

    /** The records of a file as the recovery policy finds them; see {@link FallbackHandler#recover}. */
    RecoveredRecords recover(Path path, Format format) throws IOException {
        CorruptionReport report = context.inspect(path, format);
        Choice choice = choose(path, format, report);
        return choice.source == Source.NONE ? choice.none(path, format, report)
                : choice.open(path, format, report, context.salvage(choice.from, choice.format));
    }

    /**
     * {@link #recover} for a read that takes every record at once, reading the damaged file once:
     * one salvage gives its records and its report (the report an inspection gives, which the
     * runtime keeps), instead of an inspection and then a salvage. A file that cannot be opened
     * is left to {@link #recover}, which tells missing from unreadable.
     */
    private RecoveredRecords recoverAll(Path path, Format format) throws IOException {
        List<Object> own = new ArrayList<>();
        boolean single;
        CorruptionReport report;
        Optional<ReportCache.Stamp> stamp = context.runtime.reports.stamp(path, format, context.readLimits,
                context.dialect);
        try (SalvageReader reader = context.salvage(path, format)) {
            reader.forEachRemaining(own::add);
            single = reader.singleValue();
            report = reader.report();
        } catch (IOException | UncheckedIOException e) {
            return recover(path, format);
        }
        if (context.defaultMapper && stamp.isPresent()) {
            context.runtime.reports.keep(stamp.get(), path, report);
        }
        Choice choice = choose(path, format, report);
        if (choice.source == Source.NONE) {
            return choice.none(path, format, report);
        }
        if (choice.from.equals(path) && choice.format == format) {
            return RecoveredRecords.read(path, format, choice.source, report, own, single);
        }
        return choice.open(path, format, report, context.salvage(choice.from, choice.format));
    }

    /** Where the records come from: a source, its file and that file's format. */
    private record Choice(Source source, Path from, Format format) {
        RecoveredRecords open(Path path, Format asked, CorruptionReport report, SalvageReader reader) {
            return new RecoveredRecords(path, asked, source, Optional.of(from), report, reader);
        }

        RecoveredRecords none(Path path, Format asked, CorruptionReport report) {
            return new RecoveredRecords(path, asked, Source.NONE, Optional.empty(), report, null);
        }
    }

    /** Decides by the recovery policy where the records of a file come from, given its report. */
    private Choice choose(Path path, Format format, CorruptionReport report) throws IOException {
        if (report.intact()) {
            return new Choice(Source.PRIMARY, path, format);
        }
        boolean missing = report.problems().get(0).kind() == ProblemKind.MISSING;
        if (!missing) {
            context.stats.corruptionDetected(report.validRecords(), report.skippedRecords());
        }
        RecoveryPolicy policy = context.recoveryPolicy;
        if (policy == RecoveryPolicy.STRICT) {
            return new Choice(Source.NONE, path, format);
        }
        boolean salvageable = !missing && report.validRecords() > 0;
        if (salvageable && policy == RecoveryPolicy.SALVAGE_THEN_BACKUP) {
            return new Choice(Source.SALVAGED, path, format);
        }
        Path target = Links.resolveTarget(path);
        for (Path backup : context.backups.list(target)) {
            if (context.inspect(backup, format).intact()) {
                context.stats.backupRestored();
                return new Choice(Source.BACKUP, backup, format);
            }
        }
        if (salvageable) {
            return new Choice(Source.SALVAGED, path, format);
        }
        for (Path fallback : context.fallbackFiles.list(path)) {
            if (context.inspect(fallback, Format.JSON_LINES).validRecords() > 0) {
                return new Choice(Source.FALLBACK, fallback, Format.JSON_LINES);
            }
        }
        return new Choice(Source.NONE, path, format);
    }

    /** Binds a plain value (maps, lists, scalars) to a type; plain {@code Object} keeps it as it is. */
    @SuppressWarnings("unchecked")
    private <T> T convert(Object value, JavaType type) {
        if (type.getRawClass() == Object.class || value == null) {
            return (T) value;
        }
        return context.mapper.convertValue(value, type);
    }

    /** The records of a CSV salvage are maps of column name to text. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> csvRows(List<Object> records, boolean single) {
        List<Map<String, String>> rows = new ArrayList<>(records.size());
        for (Object record : records) {
            rows.add((Map<String, String>) record);
        }
        return rows;
    }

    private static long countOf(Object data) {
        return data instanceof Collection<?> c ? c.size() : 1;
    }

    private static CorruptionReport reportOf(Path path, Format format, Exception cause) {
        ProblemKind kind = cause instanceof NoSuchFileException ? ProblemKind.MISSING
                : cause instanceof IOException ? ProblemKind.UNREADABLE : ProblemKind.INVALID_SYNTAX;
        long offset = -1;
        long line = -1;
        if (cause instanceof JacksonException jackson && jackson.getLocation() != null) {
            TokenStreamLocation location = jackson.getLocation();
            offset = location.getByteOffset();
            line = location.getLineNr();
        }
        return new CorruptionReport(path, format, List.of(new Problem(kind, offset, line, Failures.describe(cause))),
                0, 0);
    }
}

package io.hydralogger.fallbacks.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.RecoveredRecords;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.Source;
import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.recovery.SalvageReader;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads one file by every path of the library and says what each found: whether the file is
 * intact, and its records. The paths must agree (SPEC section 6: one rule, every path).
 */
final class ReadPaths {
    /** Reads with recovery by salvage only: backups and fallback files are not looked for. */
    static final FallbackHandler HANDLER = FallbackHandler.builder().durability(Durability.NONE).backups(0)
            .recoveryPolicy(RecoveryPolicy.SALVAGE_THEN_BACKUP).build();

    private ReadPaths() {
    }

    /** What one path found: intact or not, and the records it gave (null when it gave none). */
    record Seen(boolean intact, JsonNode records) {
    }

    /**
     * Reads a file by every path.
     *
     * @param file the file
     * @param format its format
     * @return what each path found, by name
     */
    static Map<String, Seen> read(Path file, Format format) throws IOException {
        return read(file, format, Dialect.of(format));
    }

    /**
     * Reads a file by every path, a CSV or TSV file in a dialect of its own.
     *
     * @param file the file
     * @param format its format
     * @param dialect its delimiter and charset
     * @return what each path found, by name
     */
    static Map<String, Seen> read(Path file, Format format, Dialect dialect) throws IOException {
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).backups(0)
                .csvDelimiter(dialect.delimiter()).charset(dialect.charset()).build();
        ReadResult<?> read = switch (format) {
            case JSON -> handler.readJson(file);
            case JSON_LINES -> handler.readJsonLines(file);
            case CSV -> handler.readCsv(file);
            case TSV -> handler.readTsv(file);
        };
        // intact for the strict read: read as it is at once, not found intact after a failed strict read
        boolean readIntact = read.source() == Source.PRIMARY && read.error().isEmpty();
        JsonNode readRecords = read.data() == null && !readIntact ? null : records(read.data(), format, single(file, format));

        Seen stream;
        try (Stream<Object> records = handler.stream(file, format)) {
            stream = new Seen(true, Corpus.JSON.valueToTree(records.toList()));
        } catch (RuntimeException e) {
            stream = new Seen(false, null);
        }

        CorruptionReport inspected = CorruptionDetector.inspect(file, format, ReadLimits.DEFAULTS, dialect);
        List<Object> salvaged = new ArrayList<>();
        CorruptionReport salvageReport;
        try (SalvageReader salvage = DataRecovery.open(file, format, DataRecovery.mapperFor(ReadLimits.DEFAULTS),
                ReadLimits.DEFAULTS, dialect)) {
            salvage.forEachRemaining(salvaged::add);
            salvageReport = salvage.report();
        }
        List<Object> recovered = new ArrayList<>();
        Source recoveredFrom;
        try (RecoveredRecords records = handler.recover(file, format)) {
            records.forEachRemaining(recovered::add);
            recoveredFrom = records.source();
        }
        return Map.of(
                "strict read", new Seen(readIntact, readRecords),
                "strict stream", stream,
                "inspect", new Seen(inspected.intact(), null),
                "salvage", new Seen(salvageReport.intact(), Corpus.JSON.valueToTree(salvaged)),
                "recover", new Seen(recoveredFrom == Source.PRIMARY, Corpus.JSON.valueToTree(recovered)));
    }

    /** {@return whether a JSON file is one value that is not an array} */
    static boolean single(Path file, Format format) throws IOException {
        if (format != Format.JSON) {
            return false;
        }
        try (SalvageReader salvage = DataRecovery.open(file, format)) {
            return salvage.hasNext() && salvage.singleValue();
        }
    }

    /** The data of a read as a list of records: a JSON value that is not an array is one record. */
    private static JsonNode records(Object data, Format format, boolean single) {
        if (format == Format.JSON && (single || !(data instanceof List<?>))) {
            return Corpus.JSON.valueToTree(java.util.Collections.singletonList(data));
        }
        return Corpus.JSON.valueToTree(data);
    }

    /**
     * Asserts that every path took the file for intact or every path for damaged; that the
     * intact paths gave the same records; and that a damaged file's read gave the salvage.
     *
     * @param what the file's name, for messages
     * @param seen what each path found
     * @return whether the file is intact
     */
    static boolean assertAgree(String what, Map<String, Seen> seen) {
        boolean intact = seen.get("inspect").intact();
        seen.forEach((path, found) -> assertThat(found.intact())
                .as("%s: %s says %s, inspect says %s", what, path, found.intact() ? "intact" : "damaged",
                        intact ? "intact" : "damaged")
                .isEqualTo(intact));
        JsonNode salvage = seen.get("salvage").records();
        assertThat(seen.get("recover").records()).as("%s: recover and salvage", what).isEqualTo(salvage);
        if (intact) {
            assertThat(seen.get("strict read").records()).as("%s: strict read and salvage", what).isEqualTo(salvage);
            assertThat(seen.get("strict stream").records()).as("%s: strict stream and salvage", what)
                    .isEqualTo(salvage);
        } else if (salvage.size() > 0) {
            assertThat(seen.get("strict read").records()).as("%s: a read of a damaged file gives the salvage", what)
                    .isEqualTo(salvage);
        }
        return intact;
    }
}

package io.hydralogger.fallbacks.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.RefusedException;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.recovery.DataRecovery;
import io.hydralogger.fallbacks.testing.Figures;
import io.hydralogger.fallbacks.write.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Property test (jqwik): random damage is thrown at files, then an operation of the library runs
 * on each (a repair, an update that changes nothing, a restore of the backup, an append); after
 * it, the file holds at least the records a salvage read returned before it. Nothing makes a file
 * worse (SPEC section 6). The tool's {@code repair} is the library's repair; its refusal and
 * {@code --force} are tested in the tool's own tests.
 */
class NeverWorseProperties {
    private static final int TRIES = 150;
    private static final AtomicInteger CASES = new AtomicInteger();
    private static final AtomicInteger REFUSED = new AtomicInteger();
    private static Path dir;

    /** The operations run on a damaged file. */
    enum Operation { REPAIR, UPDATE, RESTORE, APPEND }

    /** A way to damage bytes, at a place given as a fraction of the file. */
    enum Damage { TRUNCATE, ZERO_BLOCK, GARBAGE_BLOCK, INSERT_GARBAGE, DELETE_BLOCK }

    /** One random case. */
    record Case(Format format, Operation operation, RecoveryPolicy policy, Damage damage, double at, int length,
            byte fill) {
    }

    @BeforeContainer
    static void createFolder() throws IOException {
        dir = Files.createTempDirectory("never-worse-properties");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
        Figures.record("neverWorse.cases", CASES.get());
        Figures.record("neverWorse.refused", REFUSED.get());
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.of(Format.class), Arbitraries.of(Operation.class),
                Arbitraries.of(RecoveryPolicy.SALVAGE_THEN_BACKUP, RecoveryPolicy.BACKUP_THEN_SALVAGE),
                Arbitraries.of(Damage.class), Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(1, 400),
                Arbitraries.bytes()).as(Case::new);
    }

    @Property(tries = TRIES)
    void noOperationLeavesFewerRecordsThanASalvageFoundBefore(@ForAll("cases") Case c) throws IOException {
        CASES.incrementAndGet();
        Path folder = Files.createTempDirectory(dir, "case");
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).backups(1)
                .recoveryPolicy(c.policy()).fallbackFolder(folder.resolve("fallbacks")).build();
        Path file = folder.resolve("data" + extension(c.format()));
        assertThat(handler.write(records(5), file, c.format()).ok()).isTrue();
        assertThat(handler.write(records(30), file, c.format()).ok()).isTrue();
        Files.write(file, damage(Files.readAllBytes(file), c));
        long before = salvaged(file, c.format());

        switch (c.operation()) {
            case REPAIR -> handler.repair(file, c.format());
            case UPDATE -> {
                WriteResult result = handler.update(file, c.format(), data -> data);
                result.error().filter(RefusedException.class::isInstance).ifPresent(e -> REFUSED.incrementAndGet());
            }
            case RESTORE -> {
                try {
                    handler.restore(file, file.resolveSibling(file.getFileName() + ".bak"), c.format(), false);
                } catch (RefusedException e) {
                    REFUSED.incrementAndGet();
                }
            }
            case APPEND -> {
                if (c.format() == Format.JSON_LINES) {
                    handler.appendJsonLines(List.of(Map.of("appended", true)), file);
                } else {
                    handler.repair(file, c.format());
                }
            }
        }
        assertThat(salvaged(file, c.format())).as("%s: records a salvage finds after the %s", c, c.operation())
                .isGreaterThanOrEqualTo(before);
    }

    private static long salvaged(Path file, Format format) throws IOException {
        return Files.exists(file) ? DataRecovery.recover(file, format).records().size() : 0;
    }

    private static byte[] damage(byte[] bytes, Case c) {
        int at = (int) Math.min(bytes.length - 1, Math.floor(c.at() * bytes.length));
        int length = Math.min(c.length(), bytes.length - at);
        byte[] block = new byte[length];
        Arrays.fill(block, c.damage() == Damage.ZERO_BLOCK ? 0 : c.fill());
        return switch (c.damage()) {
            case TRUNCATE -> Arrays.copyOf(bytes, at);
            case ZERO_BLOCK, GARBAGE_BLOCK -> {
                byte[] copy = bytes.clone();
                System.arraycopy(block, 0, copy, at, length);
                yield copy;
            }
            case INSERT_GARBAGE -> {
                byte[] copy = new byte[bytes.length + length];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(block, 0, copy, at, length);
                System.arraycopy(bytes, at, copy, at + length, bytes.length - at);
                yield copy;
            }
            case DELETE_BLOCK -> {
                byte[] copy = new byte[bytes.length - length];
                System.arraycopy(bytes, 0, copy, 0, at);
                System.arraycopy(bytes, at + length, copy, at, bytes.length - at - length);
                yield copy;
            }
        };
    }

    private static List<Map<String, Object>> records(int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("id", i);
            record.put("name", "user" + i);
            record.put("tags", List.of("a", "b"));
            records.add(record);
        }
        return records;
    }

    private static String extension(Format format) {
        return switch (format) {
            case JSON -> ".json";
            case JSON_LINES -> ".jsonl";
            case CSV -> ".csv";
            case TSV -> ".tsv";
        };
    }
}

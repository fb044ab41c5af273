package io.hydralogger.fallbacks.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.ReadResult;
import io.hydralogger.fallbacks.Source;
import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged files, read by every path of the library alike: the seed files of the reader fuzz
 * test, and corpus files damaged the ways disks, crashes and careless tools damage files.
 */
class DamageAgreementTest {
    private static final Path SEEDS = Path.of("src/test/resources/io/hydralogger/fallbacks/reliability/"
            + "ReaderFuzzTestInputs/anyBytesAreReportedNeverThrown");

    @TempDir
    Path dir;

    static Stream<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(SEEDS)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyPathAgreesOnTheFuzzSeeds(Path seed) throws Exception {
        ReadPaths.assertAgree(seed.getFileName().toString(), ReadPaths.read(seed, Format.of(seed)));
    }

    /** A way to damage a file's bytes. */
    private interface Damage {
        byte[] apply(byte[] bytes);
    }

    static Stream<Arguments> damaged() {
        Map<String, Damage> damages = Map.of(
                "cut in half", bytes -> Arrays.copyOf(bytes, bytes.length / 2),
                "last byte cut", bytes -> Arrays.copyOf(bytes, bytes.length - 1),
                "last 3 bytes cut", bytes -> Arrays.copyOf(bytes, Math.max(0, bytes.length - 3)),
                "zeros in the middle", bytes -> overwrite(bytes, bytes.length / 2, new byte[16]),
                "NUL in the middle", bytes -> overwrite(bytes, bytes.length / 2, new byte[1]),
                "garbage in the middle", bytes -> insert(bytes, bytes.length / 2, "#~{\"".getBytes(StandardCharsets.UTF_8)),
                "bytes that are not UTF-8", bytes -> insert(bytes, bytes.length / 3, new byte[] {(byte) 0xC3, (byte) 0x28}),
                "zeros at the end", bytes -> insert(bytes, bytes.length, new byte[64]));
        List<Arguments> cases = new ArrayList<>();
        CorpusAgreementTest.intactAsTheyAre().filter(entry -> entry.file().toFile().length() < 4096).forEach(entry ->
                damages.forEach((name, damage) -> cases.add(Arguments.of(entry, name, damage))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("damaged")
    void everyPathAgreesOnADamagedCorpusFile(Corpus.Entry entry, String name, Damage damage) throws Exception {
        Path file = dir.resolve(entry.file().getFileName());
        Files.write(file, damage.apply(Files.readAllBytes(entry.file())));
        ReadPaths.assertAgree(entry + ", " + name, ReadPaths.read(file, entry.format(), entry.dialect()));
    }

    @Test
    void nulBytesInACsvCellAreDamageForTheStrictReadToo() throws Exception {
        Path file = dir.resolve("nul-cell.csv");
        Files.write(file, "id,name\n1,Ada\n2,B\0\0b\n3,Cy\n".getBytes(StandardCharsets.UTF_8));
        ReadResult<List<Map<String, String>>> read = ReadPaths.HANDLER.readCsv(file);
        assertThat(read.source()).isEqualTo(Source.SALVAGED);
        assertThat(read.data()).containsExactly(Map.of("id", "1", "name", "Ada"), Map.of("id", "3", "name", "Cy"));
        assertThat(read.report()).hasValueSatisfying(report -> assertThat(report.problems().get(0).kind().label())
                .isEqualTo("nul_bytes"));
        ReadPaths.assertAgree("nul-cell.csv", ReadPaths.read(file, Format.CSV));
    }

    private static byte[] overwrite(byte[] bytes, int at, byte[] with) {
        byte[] copy = bytes.clone();
        System.arraycopy(with, 0, copy, at, Math.min(with.length, copy.length - at));
        return copy;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] what) {
        byte[] copy = new byte[bytes.length + what.length];
        System.arraycopy(bytes, 0, copy, 0, at);
        System.arraycopy(what, 0, copy, at, what.length);
        System.arraycopy(bytes, at, copy, at + what.length, bytes.length - at);
        return copy;
    }

    static {
        if (!Files.isDirectory(SEEDS)) {
            throw new UncheckedIOException(new IOException("the fuzz seeds are missing: " + SEEDS.toAbsolutePath()));
        }
    }
}

package io.hydralogger.fallbacks.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.format.Dialect;
import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.write.Durability;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delimiters and charsets other than CSV's defaults, by every path alike. */
class DialectTest {
    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;

    @TempDir
    Path dir;

    @Test
    void aLatin1FileReadsWithItsCharsetAndIsDamageWithout() throws Exception {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "city;note\nMalm\u00f6;\"a;b\"\nS\u00e3o Paulo;x\n".getBytes(LATIN_1));
        Dialect latin1 = Dialect.CSV.withDelimiter(';').withCharset(LATIN_1);

        ReadPaths.assertAgree("latin1 as meant", ReadPaths.read(file, Format.CSV, latin1));
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).csvDelimiter(';')
                .charset(LATIN_1).build();
        assertThat(handler.readCsv(file).data()).containsExactly(Map.of("city", "Malm\u00f6", "note", "a;b"),
                Map.of("city", "S\u00e3o Paulo", "note", "x"));

        Map<String, ReadPaths.Seen> asUtf8 = ReadPaths.read(file, Format.CSV, latin1.withCharset(StandardCharsets.UTF_8));
        assertThat(ReadPaths.assertAgree("latin1 read as UTF-8", asUtf8)).isFalse();
    }

    @Test
    void utf16WithAByteOrderMarkNeedsNoOptionAndBadUnitsAreDamage() throws Exception {
        Path file = dir.resolve("utf16.tsv");
        byte[] text = "\uFEFFid\tname\n1\tAda\n2\t\u674e\u96f7\n".getBytes(StandardCharsets.UTF_16LE);
        Files.write(file, text);
        assertThat(ReadPaths.assertAgree("utf16", ReadPaths.read(file, Format.TSV))).isTrue();
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).build();
        assertThat(handler.readTsv(file).data()).containsExactly(Map.of("id", "1", "name", "Ada"),
                Map.of("id", "2", "name", "\u674e\u96f7"));

        byte[] damaged = text.clone();
        int second = new String(text, StandardCharsets.UTF_16LE).indexOf("2\t") * 2;
        damaged[second] = 0x00;
        damaged[second + 1] = (byte) 0xDC; // a lone low surrogate: not UTF-16
        Files.write(file, damaged);
        assertThat(ReadPaths.assertAgree("utf16 damaged", ReadPaths.read(file, Format.TSV))).isFalse();
        assertThat(handler.readTsv(file).data()).containsExactly(Map.of("id", "1", "name", "Ada"));
    }

    @Test
    void aTsvWriteAndReadKeepTheRecords() throws Exception {
        Path file = dir.resolve("data.tsv");
        FallbackHandler handler = FallbackHandler.builder().durability(Durability.NONE).build();
        List<Map<String, Object>> records = List.of(Map.of("a", "x\ty", "b", 1), Map.of("a", "plain", "b", 2));
        assertThat(handler.write(records, file, Format.TSV).ok()).isTrue();
        assertThat(Files.readString(file)).contains("\"x\ty\"").doesNotContain(",");
        assertThat(handler.readTsv(file).data()).containsExactly(Map.of("a", "x\ty", "b", "1"),
                Map.of("a", "plain", "b", "2"));
    }
}

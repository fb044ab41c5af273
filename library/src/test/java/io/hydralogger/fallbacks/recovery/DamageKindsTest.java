package io.hydralogger.fallbacks.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The kind of damage is told from Jackson's exception types, the parser's depth and the bytes
 * where it stopped, not from message text: each kind through the engines of JSON (one document
 * and array elements) and JSON Lines. The bytes are written as ISO-8859-1 so that {@code \u00ff}
 * is the byte 0xFF.
 */
class DamageKindsTest {
    @TempDir
    Path dir;

    static Stream<Arguments> damage() {
        return Stream.of(
                Arguments.of("bad UTF-8 start byte in a string", "{\"a\":\"x\u00ffy\"}", ProblemKind.INVALID_UTF8),
                Arguments.of("bad UTF-8 middle byte in a string", "{\"a\":\"x\u00c3(y\"}", ProblemKind.INVALID_UTF8),
                Arguments.of("bad UTF-8 in a long name", "{\"\u00ff" + "a".repeat(300) + "\":1}",
                        ProblemKind.INVALID_UTF8),
                Arguments.of("an overlong form", "[\"a\u00c0\u0080b\"]", ProblemKind.INVALID_UTF8),
                Arguments.of("a surrogate", "[\"a\u00ed\u00a0\u0080b\"]", ProblemKind.INVALID_UTF8),
                Arguments.of("a valid character out of place", "{\"a\":\u00c3\u00a9}", ProblemKind.INVALID_SYNTAX),
                Arguments.of("a byte that is not UTF-8 between tokens", "{\"a\":1 \u00ff}",
                        ProblemKind.INVALID_SYNTAX),
                Arguments.of("a NUL between tokens", "{\"a\":\u0000 1}", ProblemKind.NUL_BYTES),
                Arguments.of("a NUL in a string", "{\"a\":\"x\u0000\"}", ProblemKind.NUL_BYTES),
                Arguments.of("a NUL in a name", "{\"aaaaaaaaaaaa\u0000\":1}", ProblemKind.NUL_BYTES),
                Arguments.of("a NUL after bad UTF-8 in a name", "{\"a\u00ffaaa\u0000\":1}", ProblemKind.NUL_BYTES),
                Arguments.of("a NUL just after bad UTF-8 in a string", "{\"a\":\"x\u00ff\u0000\"}",
                        ProblemKind.INVALID_UTF8),
                Arguments.of("cut in a string", "{\"a\":\"xy", ProblemKind.TRUNCATED),
                Arguments.of("cut after a comma", "{\"a\":1,", ProblemKind.TRUNCATED),
                Arguments.of("cut after a colon", "{\"a\":", ProblemKind.TRUNCATED),
                Arguments.of("too deep", "{\"a\":" + "[".repeat(600) + "]".repeat(600) + "}", ProblemKind.TOO_DEEP),
                Arguments.of("a number too long", "{\"a\":" + "1".repeat(1200) + "}", ProblemKind.TOO_LONG),
                Arguments.of("two commas", "{\"a\":1,,\"b\":2}", ProblemKind.INVALID_SYNTAX),
                Arguments.of("a cut literal", "{\"a\":tru}", ProblemKind.INVALID_SYNTAX));
    }

    @ParameterizedTest(name = "{0} in JSON Lines")
    @MethodSource("damage")
    void jsonLines(String what, String damaged, ProblemKind kind) {
        String text = "{\"ok\":1}\n" + damaged + "\n{\"ok\":2}\n";
        CorruptionReport report = inspect("data.jsonl", text, Format.JSON_LINES);
        assertThat(report.validRecords()).isEqualTo(2);
        // the reading rules take a line with a NUL for damage before it is parsed
        ProblemKind expected = damaged.indexOf('\u0000') >= 0 ? ProblemKind.NUL_BYTES : kind;
        assertThat(report.problems()).extracting(Problem::kind).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0} in a JSON array")
    @MethodSource("damage")
    void jsonArrayElement(String what, String damaged, ProblemKind kind) {
        String text = "[{\"ok\":1},\n" + damaged;
        CorruptionReport report = inspect("data.json", text, Format.JSON);
        assertThat(report.problems()).extracting(Problem::kind).first().isEqualTo(kind);
    }

    private CorruptionReport inspect(String name, String text, Format format) {
        Path file = dir.resolve(name);
        try {
            Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CorruptionDetector.inspect(file, format);
    }
}

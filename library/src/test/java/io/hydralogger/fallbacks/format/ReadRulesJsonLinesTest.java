package io.hydralogger.fallbacks.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Lines rule over one parser ({@link ReadRules.JsonLines}), which the strict reads and
 * the quick look of the inspection on several threads both ask: the same text gets the same
 * answer, whatever the line breaks.
 */
class ReadRulesJsonLinesTest {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Runs the rule over a text; {@return "intact" or what broke it}. */
    private static String judge(String text) {
        ReadRules.JsonLines rule = new ReadRules.JsonLines();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            for (JsonToken first = parser.nextToken(); first != null; first = parser.nextToken()) {
                if (!rule.ownLine(parser)) {
                    return "two values on line " + rule.lastLine();
                }
                parser.skipChildren();
                if (!rule.sameLine(parser, first)) {
                    return "spans lines " + rule.line() + "-" + rule.lastLine();
                }
            }
            return rule.complete(parser) ? "intact" : "last value may be cut";
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":1}\\n[1,2]\\n\"s\"\\n|intact",
        "{\"a\":1}\\r\\n\\r\\n12\\r\\ntrue|intact",
        "1\\r2\\r3\\r|intact",
        "1\\r2\\r3|last value may be cut",
        "{\"a\":1}\\n12|last value may be cut",
        "{\"a\":1}\\nnull|intact",
        "{\"a\":1} {\"b\":2}\\n|two values on line 1",
        "1\\n2 3\\n|two values on line 2",
        "{\"a\":\\n1}\\n|spans lines 1-2",
        "[1,\\r\\n2]|spans lines 1-2",
        "|intact"})
    void theRuleJudgesEveryLineBreakAlike(String escaped, String expected) {
        String text = escaped == null ? "" : escaped.replace("\\n", "\n").replace("\\r", "\r");

        assertThat(judge(text)).as(escaped).isEqualTo(expected);
    }
}

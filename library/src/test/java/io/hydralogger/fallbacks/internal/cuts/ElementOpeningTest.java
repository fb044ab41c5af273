package io.hydralogger.fallbacks.internal.cuts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The guess of element boundaries learns how a record array's elements open, finds a comma
 * before such an opening near a target, and passes over text that only looks like one.
 */
class ElementOpeningTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theOpeningIsTheFirstElementsBraceToTheColonAfterItsFirstKey() {
        assertThat(ElementOpening.of(bytes(" \r\n[ {\n  \"id\" : 1,\n  \"a\" : 2\n}, {\n  \"id\" : 2\n} ]")))
                .asString().isEqualTo("{\n  \"id\" :");
        assertThat(ElementOpening.of(bytes("[{\"id\":1}]"))).asString().isEqualTo("{\"id\":");
    }

    @Test
    void onlyAnArrayOfObjectsWithAPlainFirstKeyHasAnOpening() {
        assertThat(ElementOpening.of(bytes("[1,2]"))).isNull();
        assertThat(ElementOpening.of(bytes("\uFEFF[{\"id\":1}]"))).as("a (second) byte order mark is no JSON").isNull();
        assertThat(ElementOpening.of(bytes("{\"id\":1}"))).isNull();
        assertThat(ElementOpening.of(bytes("[{\":x\":1}]"))).as("a key that starts as after a closing quote").isNull();
        assertThat(ElementOpening.of(bytes("[{\"a\\\"b\":1}]"))).as("an escape in the key").isNull();
        assertThat(ElementOpening.of(bytes("[{\"id\""))).isNull();
        assertThat(ElementOpening.of(bytes("[{\"" + "k".repeat(400) + "\":1}]"))).as("too long").isNull();
    }

    @Test
    void theCommaIsOneBetweenABraceAndTheOpening() {
        byte[] opening = bytes("{\"id\":");
        byte[] window = bytes("\"t\":\"},{\\\"id\\\":\"},{\"idx\":1},[{\"id\":2}], {\"id\":3}, {\"id\":4}");

        int comma = ElementOpening.commaBefore(window, opening);

        assertThat(new String(window, comma - 1, 10, StandardCharsets.UTF_8)).isEqualTo("}, {\"id\":4");
        assertThat(ElementOpening.commaBefore(bytes("no brace here"), opening)).isEqualTo(-1);
    }

    @Test
    void aCommaFarPastTheTargetIsFoundInTheWiderLookAndNoneAtAllIsMinusOne() throws IOException {
        String far = "[{\"id\":1,\"pad\":\"" + "x".repeat(200_000) + "\"},{\"id\":2}]";
        byte[] all = bytes(far);
        ElementOpening.Bytes file = (from, length) -> Arrays.copyOfRange(all, (int) from,
                (int) Math.min(all.length, from + length));
        byte[] opening = ElementOpening.of(file, 0, all.length);

        assertThat(ElementOpening.commaAfter(file, 10, all.length, opening)).isEqualTo(far.indexOf("},{") + 1);
        assertThat(ElementOpening.commaAfter(file, far.indexOf("},{") + 2, all.length, opening)).isEqualTo(-1);
    }
}

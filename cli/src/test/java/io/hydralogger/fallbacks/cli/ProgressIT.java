package io.hydralogger.fallbacks.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hydralogger.fallbacks.FallbackHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The progress bar appears on a terminal and nowhere else, and counts the bytes of the input
 * done of its size, with the records read and a rate in whole units. A real pseudo-terminal comes from
 * util-linux {@code script}, which runs the tool with stdin, stdout and stderr on a new pty and
 * copies what it prints. The bar's delay is set to 0 so that a small file shows it.
 */
class ProgressIT {
    @TempDir
    Path dir;

    private Path in;

    @BeforeEach
    void aFileToConvert() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            records.add(Map.of("id", i, "name", "user" + i, "tags", List.of("a", "b")));
        }
        in = dir.resolve("in.jsonl");
        assertThat(FallbackHandler.builder().build().writeJsonLines(records, in).ok()).isTrue();
    }

    private List<String> convert(String... extra) {
        List<String> command = tool("convert");
        command.addAll(List.of(extra));
        command.addAll(List.of(in.toString(), dir.resolve("out.csv").toString()));
        return command;
    }

    /** {@return the tool's command line with a subcommand, its bar shown at once} */
    private static List<String> tool(String subcommand) {
        return new ArrayList<>(List.of(Tool.java(), "-D" + Progress.DELAY_PROPERTY + "=0", "-jar",
                Tool.JAR.toString(), subcommand));
    }

    /** {@return the bar's count of the input: its size in KiB, done of total} */
    private String kibDoneOfTotal() throws Exception {
        long kib = Files.size(in) / 1024;
        return kib + "/" + kib + " KiB";
    }

    /** Runs the command under {@code script}: on a pseudo-terminal. */
    private Tool.Run onTerminal(List<String> command, Map<String, String> env) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "needs util-linux 'script' at /usr/bin/script to get a pseudo-terminal; not installed here");
        return Tool.exec(dir, List.of("/usr/bin/script", "-qec", String.join(" ", command), "/dev/null"), env);
    }

    @Test
    void aTerminalShowsTheBar() throws Exception {
        Tool.Run run = onTerminal(convert(), Map.of());

        assertThat(run.exit()).as(run.stdout()).isZero();
        // script merges the pty's output into its stdout: the bar, redrawn with carriage returns
        assertThat(run.stdout()).contains("\rconvert").contains("100%").contains(kibDoneOfTotal())
                .contains(" 20,000 records").contains("converted 20000 records");
        // the bar shows '?' for the rate until a second has passed (a quiet machine converts in less)
        assertThat(run.stdout()).as("the rate, a whole number").containsPattern("[\\d?] KiB/s")
                .doesNotContainPattern("\\d\\.\\d+ KiB/s");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cat", "verify", "recover"})
    void everyCommandThatReadsAFileShowsBytesDoneOfItsSizeAndTheRecords(String subcommand) throws Exception {
        List<String> command = tool(subcommand);
        command.add(in.toString());
        if (subcommand.equals("recover")) {
            command.addAll(List.of("-o", dir.resolve("out.json").toString()));
        }
        command.addAll(List.of(">", dir.resolve("stdout.txt").toString()));

        Tool.Run run = onTerminal(command, Map.of());

        assertThat(run.exit()).as(run.stdout()).isZero();
        assertThat(run.stdout()).contains("\r" + subcommand).contains("100%").contains(kibDoneOfTotal())
                .contains(" 20,000 records");
    }

    @Test
    void aPipeShowsNoBar() throws Exception {
        Tool.Run run = Tool.exec(dir, convert(), Map.of());

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).startsWith("converted 20000 records").doesNotContain(" KiB")
                .doesNotContain("\r");
    }

    @Test
    void quietOrTheEnvironmentTurnTheBarOff() throws Exception {
        Tool.Run quiet = onTerminal(convert("--quiet"), Map.of());
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.stdout()).contains("converted 20000 records").doesNotContain(" KiB");

        Tool.Run off = onTerminal(convert(), Map.of(Progress.ENV, "0"));
        assertThat(off.exit()).isZero();
        assertThat(off.stdout()).contains("converted 20000 records").doesNotContain(" KiB");
    }

    @Test
    void theEnvironmentCanForceTheBarIntoAPipe() throws Exception {
        Tool.Run run = Tool.exec(dir, convert(), Map.of(Progress.ENV, "1"));

        assertThat(run.exit()).isZero();
        assertThat(run.stderr()).contains("convert").contains(kibDoneOfTotal()).contains(" 20,000 records");
        assertThat(run.stdout()).startsWith("converted 20000 records").doesNotContain(" KiB");
    }
}

package io.hydralogger.fallbacks.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The help reads as written at any width: no line wider than the terminal, every summary in
 * the list of commands whole on its line, and every paragraph of a command's description wrapped
 * once (a line ends early only where its paragraph ends; a command to type, or a file name, is
 * never cut). The help of every command is laid out in this JVM at 80 and 150 columns, as the
 * tool does; the tool itself is run to show that it takes the width from {@code COLUMNS}.
 */
class HelpTextIT {
    @TempDir
    Path dir;

    /** The help of the root command and of each subcommand, at a width. */
    private static Map<String, String> helps(int width) {
        CommandLine root = Main.commandLine(Integer.toString(width));
        Map<String, String> helps = new java.util.LinkedHashMap<>();
        helps.put("", root.getUsageMessage(CommandLine.Help.Ansi.OFF));
        root.getSubcommands().forEach((name, sub) -> helps.put(name, sub.getUsageMessage(CommandLine.Help.Ansi.OFF)));
        return helps;
    }

    /** {@return a command's description paragraphs, as written in its annotation} */
    private static List<String> paragraphs(String command) {
        CommandLine root = Main.commandLine("80");
        CommandLine line = command.isEmpty() ? root : root.getSubcommands().get(command);
        return List.of(line.getCommandSpec().usageMessage().description());
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 150})
    void noLineIsWiderThanTheTerminal(int width) {
        helps(width).forEach((command, help) -> assertThat(help.lines())
                .as("help of '%s' at %d columns", command, width)
                .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(width)));
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 150})
    void everySummaryIsWholeOnItsLine(int width) {
        String help = helps(width).get("");
        List<String> listed = new ArrayList<>();
        boolean inList = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Commands:")) {
                inList = true;
            } else if (inList && line.isBlank()) {
                break;
            } else if (inList) {
                assertThat(line).as("a command's line, not the rest of a cut summary").matches("  \\S.*");
                String name = line.strip().split("\\s+")[0];
                String summary = line.strip().substring(name.length()).strip();
                if (!name.equals("help")) {
                    assertThat(summary).as(name).isEqualTo(paragraphs(name).get(0)).endsWith(".");
                }
                listed.add(name);
            }
        }
        assertThat(listed).contains("demo", "verify", "recover", "repair", "convert", "cat", "bench", "completion");
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 150})
    void eachParagraphIsWrappedOnceAndWhole(int width) {
        helps(width).forEach((command, help) -> {
            List<String> lines = help.lines().toList();
            int at = descriptionStart(lines);
            for (String paragraph : paragraphs(command)) {
                String indent = paragraph.substring(0, paragraph.length() - paragraph.stripLeading().length());
                List<String> taken = new ArrayList<>();
                String joined = "";
                String wanted = paragraph.strip().replaceAll(" +", " ");
                while (!joined.equals(wanted)) {
                    assertThat(at).as("'%s' at %d columns: paragraph '%s' not found whole in%n%s", command, width,
                            paragraph, help).isLessThan(lines.size());
                    String line = lines.get(at++);
                    assertThat(line).as("'%s': a line of '%s'", command, paragraph).startsWith(indent);
                    taken.add(line);
                    joined = (joined.isEmpty() ? "" : joined + " ") + line.strip();
                    assertThat(wanted).as("'%s' at %d columns: the help runs off its paragraph", command, width)
                            .startsWith(joined);
                }
                for (int i = 0; i + 1 < taken.size(); i++) {
                    String next = taken.get(i + 1).strip().split(" ")[0];
                    assertThat(taken.get(i).length() + 1 + next.length())
                            .as("'%s' at %d columns: '%s' ends early: '%s' would have fit", command, width,
                                    taken.get(i), next)
                            .isGreaterThan(width);
                }
                if (!indent.isEmpty() && paragraph.length() <= width) {
                    assertThat(taken).as("a command to type stays on one line").hasSize(1);
                }
            }
        });
    }

    /** {@return the index of the first line after the synopsis (its line and their continuations)} */
    private static int descriptionStart(List<String> lines) {
        int at = 0;
        while (!lines.get(at).startsWith("Usage: ")) {
            at++; // a header (picocli's help command has one)
        }
        int indent = lines.get(at).indexOf(' ', "Usage: hydra-fallbacks".length()) + 1;
        do {
            at++;
        } while (at < lines.size() && lines.get(at).length() > indent && lines.get(at).substring(0, indent).isBlank());
        return at;
    }

    @Test
    void theCompletionCommandsAreWholeLines() {
        for (int width : new int[] {80, 150}) {
            assertThat(helps(width).get("completion").lines())
                    .contains("  d=~/.local/share/bash-completion/completions")
                    .contains("  mkdir -p $d && ./hydra-fallbacks completion > $d/hydra-fallbacks")
                    .contains("  source <(./hydra-fallbacks completion)");
        }
    }

    @Test
    void theToolTakesTheWidthFromColumns() throws Exception {
        Tool.Run wide = Tool.exec(dir, List.of(Tool.java(), "-jar", Tool.JAR.toString(), "help", "recover"),
                Map.of(HelpLayout.COLUMNS, "150")).succeeds();
        Tool.Run narrow = Tool.exec(dir, List.of(Tool.java(), "-jar", Tool.JAR.toString(), "recover", "--help"),
                Map.of(HelpLayout.COLUMNS, "80")).succeeds();

        assertThat(wide.stdout()).isEqualTo(helps(150).get("recover"));
        assertThat(narrow.stdout()).isEqualTo(helps(80).get("recover"));
        assertThat(wide.stdout().lines().mapToInt(String::length).max().orElse(0)).isGreaterThan(80);
    }
}

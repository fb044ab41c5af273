package io.hydralogger.fallbacks.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * How the help is laid out: as wide as the terminal, and each paragraph of a command's
 * description wrapped once, at spaces only.
 *
 * <p>The width is the environment variable {@value #COLUMNS} when it holds a number (as for
 * most tools; bash sets it but does not export it), else the terminal's width as picocli finds
 * it (through {@code tput} or {@code stty} when stdout is a terminal), else 80 columns; picocli's
 * system property {@code picocli.usage.width} overrides both. Each element of a command's
 * {@code description} is one paragraph (the first one the summary in the list of commands);
 * picocli's own wrapping would also break inside file names and paths such as
 * {@code FILE.corrupt-<timestamp>} (at the dot or the hyphen), which this renderer never does.
 * A paragraph that starts with spaces keeps them on every line it takes (commands to type).
 */
final class HelpLayout {
    /** The environment variable with the terminal's width. */
    static final String COLUMNS = "COLUMNS";
    /** The narrowest help picocli lays out. */
    static final int MIN_WIDTH = 55;

    private HelpLayout() {
    }

    /**
     * Applies the layout to a command and its subcommands (added before).
     *
     * @param cli the root command
     * @param columns the value of {@value #COLUMNS}, or null
     */
    static void apply(CommandLine cli, String columns) {
        int width = width(columns);
        if (width > 0) {
            cli.setUsageHelpWidth(Math.max(MIN_WIDTH, width));
        } else {
            cli.setUsageHelpAutoWidth(true);
        }
        Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>(cli.getHelpSectionMap());
        sections.put(UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpLayout::description);
        cli.setHelpSectionMap(sections);
    }

    /** {@return the width {@value #COLUMNS} names, or 0 when it names none} */
    private static int width(String columns) {
        if (columns == null || columns.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(columns.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The description section: its paragraphs, each wrapped at spaces to the help's width. */
    private static String description(Help help) {
        StringBuilder text = new StringBuilder();
        int width = help.commandSpec().usageMessage().width();
        for (String paragraph : help.commandSpec().usageMessage().description()) {
            wrap(paragraph, width, text);
        }
        return text.toString();
    }

    /**
     * Wraps a paragraph at spaces: as many words on a line as fit, a word longer than the line
     * on a line of its own; the paragraph's leading spaces begin every line.
     *
     * @param paragraph the text
     * @param width the most characters a line may hold
     * @param to where the lines go, each ended by the line separator
     */
    static void wrap(String paragraph, int width, StringBuilder to) {
        String words = paragraph.stripLeading();
        String indent = paragraph.substring(0, paragraph.length() - words.length());
        if (paragraph.length() <= width) {
            to.append(paragraph.stripTrailing()).append(System.lineSeparator());
            return;
        }
        StringBuilder line = new StringBuilder(indent);
        for (String word : words.strip().split(" +")) {
            boolean empty = line.length() == indent.length();
            if (!empty && line.length() + 1 + word.length() > width) {
                to.append(line).append(System.lineSeparator());
                line.setLength(indent.length());
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
        }
        to.append(line).append(System.lineSeparator());
    }
}

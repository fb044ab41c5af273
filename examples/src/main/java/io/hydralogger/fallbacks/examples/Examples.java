package io.hydralogger.fallbacks.examples;

import io.hydralogger.fallbacks.Fallbacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What every example needs: a folder to work in, and the library's statistics shown. */
final class Examples {
    private Examples() {
    }

    /**
     * The folder named by the first argument (created), or a new temp folder when there is none or
     * it is empty (as {@code exec:exec} passes it without {@code -Dexample.dir=...}).
     *
     * @param args the program's arguments
     * @return the folder
     * @throws IOException if it cannot be created
     */
    static Path folder(String[] args) throws IOException {
        Path folder = args.length > 0 && !args[0].isBlank() ? Files.createDirectories(Path.of(args[0]))
                : Files.createTempDirectory("hydra-example-");
        System.out.println("Working in " + folder.toAbsolutePath());
        return folder;
    }

    /**
     * Prints the library's statistics ({@code Fallbacks.getPerformanceStats()}), one per line: the
     * names in a column, the values aligned on the right, milliseconds rounded to two decimals.
     *
     * @param indent what each line starts with
     */
    static void printStatistics(String indent) {
        Map<String, String> shown = new LinkedHashMap<>();
        Fallbacks.getPerformanceStats().forEach((key, value) -> shown.put(key, value instanceof Double number
                ? String.format(Locale.ROOT, "%.2f", number) : String.valueOf(value)));
        int keys = shown.keySet().stream().mapToInt(String::length).max().orElse(0);
        int values = shown.values().stream().mapToInt(String::length).max().orElse(0);
        shown.forEach((key, value) -> System.out.printf("%s%-" + keys + "s  %" + values + "s%n", indent, key, value));
    }

    /**
     * The argument at an index as a number, or a default.
     *
     * @param args the program's arguments
     * @param index which one
     * @param otherwise the default
     * @return the number
     */
    static int number(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }
}

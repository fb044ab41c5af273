package io.hydralogger.fallbacks.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Describes the machine and JDK a run measured, for the performance page. */
final class Machine {
    private Machine() {
    }

    /** {@return a Markdown paragraph: CPU, cores, memory, OS, JDK, file system of the temp folder} */
    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Machine: %s, %d cores visible to the JVM, %s memory; %s %s (%s);"
                + " JDK %s %s (%s); temp folder on %s.%n",
                cpuModel(), runtime.availableProcessors(), memory(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor"), tempFileSystem());
    }

    private static String cpuModel() {
        return firstValue(Path.of("/proc/cpuinfo"), "model name", "unknown CPU");
    }

    private static String memory() {
        String total = firstValue(Path.of("/proc/meminfo"), "MemTotal", null);
        if (total == null) {
            return "unknown";
        }
        long kilobytes = Long.parseLong(total.replaceAll("[^0-9]", ""));
        return String.format(Locale.ROOT, "%.1f GiB", kilobytes / 1024.0 / 1024.0);
    }

    private static String firstValue(Path file, String key, String otherwise) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            return otherwise;
        }
        return otherwise;
    }

    private static String tempFileSystem() {
        try {
            FileStore store = Files.getFileStore(Path.of(System.getProperty("java.io.tmpdir")));
            return store.type() + " (" + store.name() + ")";
        } catch (IOException e) {
            return "an unknown file system";
        }
    }
}

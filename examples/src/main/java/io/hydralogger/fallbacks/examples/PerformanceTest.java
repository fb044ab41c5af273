package io.hydralogger.fallbacks.examples;

import io.hydralogger.fallbacks.Fallbacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The original guide's performance test through the one-call facade: durable writes and reads
 * of each format, in records per second. The tool's {@code hydra-fallbacks bench} adds the cache
 * and concurrency figures. Run: {@code PerformanceTest [folder [records]]} (100,000 records by
 * default).
 */
public final class PerformanceTest {
    private PerformanceTest() {
    }

    /**
     * One record of the test, written by its components.
     *
     * @param id the id
     * @param name the user's name
     * @param email the user's address
     * @param score a number with a fraction
     * @param active a flag
     * @param tags a list
     * @param meta a nested object
     */
    public record Event(int id, String name, String email, double score, boolean active, List<String> tags,
            Map<String, Object> meta) {
    }

    /**
     * Runs the example.
     *
     * @param args an optional folder to work in and a record count
     * @throws IOException if the folder cannot be made or a file measured
     */
    public static void main(String[] args) throws IOException {
        Path folder = Examples.folder(args);
        int count = Examples.number(args, 1, 100_000);
        List<Event> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(new Event(i, "user" + i, "user" + i + "@example.com", i * 1.5, i % 2 == 0, List.of("a", "b"),
                    Map.of("k", i)));
        }
        System.out.printf("%,d records; every write is atomic and fsync'd%n", count);
        System.out.printf("%-12s %15s %15s %10s%n", "file", "write rec/s", "read rec/s", "MB");
        for (int round = 0; round < 2; round++) {
            boolean show = round == 1; // the first round warms the JIT compiler up
            measure("data.json", records, show, p -> Fallbacks.safeWriteJson(records, p),
                    p -> Fallbacks.safeReadJson(p) != null, folder);
            measure("data.jsonl", records, show, p -> Fallbacks.safeWriteJsonLines(records, p),
                    p -> Fallbacks.safeReadJsonLines(p) != null, folder);
            measure("data.csv", records, show, p -> Fallbacks.safeWriteCsv(records, p),
                    p -> Fallbacks.safeReadCsv(p) != null, folder);
        }
        System.out.println("Statistics:");
        Examples.printStatistics("  ");
    }

    private static void measure(String name, List<?> records, boolean show, Predicate<Path> write,
            Predicate<Path> read, Path folder) throws IOException {
        Path file = folder.resolve(name);
        long start = System.nanoTime();
        boolean written = write.test(file);
        long writeNanos = System.nanoTime() - start;
        start = System.nanoTime();
        boolean readBack = read.test(file);
        long readNanos = System.nanoTime() - start;
        if (!written || !readBack) {
            throw new IllegalStateException("could not write and read " + file);
        }
        if (show) {
            System.out.printf("%-12s %,15d %,15d %10.1f%n", name, Math.round(records.size() * 1e9 / writeNanos),
                    Math.round(records.size() * 1e9 / readNanos), Files.size(file) / 1e6);
        }
    }
}

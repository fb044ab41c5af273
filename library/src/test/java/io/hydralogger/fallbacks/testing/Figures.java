package io.hydralogger.fallbacks.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Collects the figures of the reliability tests (kills survived, crash states checked, faults
 * injected, …) as {@code key=value} lines in {@code target/reliability-figures.txt}, one line per
 * test run, so that {@code docs/RELIABILITY.md} can quote what a build measured. Also printed to
 * the test's output.
 */
public final class Figures {
    private static final Path FILE = Path.of(System.getProperty("figures.file", "target/reliability-figures.txt"));

    private Figures() {
    }

    /**
     * Records one figure.
     *
     * @param key what was counted
     * @param value the count
     */
    public static synchronized void record(String key, long value) {
        String line = Instant.now() + " " + key + "=" + value + System.lineSeparator();
        System.out.print("figure: " + line);
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

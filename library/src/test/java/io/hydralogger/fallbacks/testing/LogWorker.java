package io.hydralogger.fallbacks.testing;

import io.hydralogger.fallbacks.Fallbacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of the log-line tests, started as {@code java -cp <class path> ... LogWorker DIR}
 * with whatever SLF4J set-up the test gives it (slf4j-simple at debug level, or no provider at
 * all): writes {@code DIR/data.json} twice (the second keeps a backup), then fails two writes onto
 * the folder {@code DIR/folder.json}; prints the results on stdout, one per line.
 */
public final class LogWorker {
    private LogWorker() {
    }

    /**
     * Runs the writes.
     *
     * @param args the folder to work in
     * @throws Exception if the folder cannot be made
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path data = dir.resolve("data.json");
        Path folder = Files.createDirectories(dir.resolve("folder.json"));
        System.out.println(Fallbacks.safeWriteJson(List.of(Map.of("v", 1)), data));
        System.out.println(Fallbacks.safeWriteJson(List.of(Map.of("v", 2)), data));
        System.out.println(Fallbacks.safeWriteJson(List.of(Map.of("v", 3)), folder));
        System.out.println(Fallbacks.safeWriteJson(List.of(Map.of("v", 4)), folder));
    }
}

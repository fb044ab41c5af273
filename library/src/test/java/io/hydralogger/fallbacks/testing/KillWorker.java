package io.hydralogger.fallbacks.testing;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.Format;
import io.hydralogger.fallbacks.WriteResult;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of the kill tests: writes one target over and over until it is killed with
 * SIGKILL. Started as {@code java -cp <test class path> io.hydralogger.fallbacks.testing.KillWorker
 * MODE TARGET FORMAT RECORDS FIRST_VERSION}; prints {@code ready} once it is about to write. A
 * write that fails ends the worker with exit code 3 (so the test, expecting SIGKILL's 137, fails).
 *
 * <p>Mode {@code write}: whole-file writes of version {@code FIRST_VERSION}, the next, and so on;
 * every record of version v is {@code {"v": v, "i": i, "pad": ...}}, so a reader can tell a whole
 * version from a torn one.
 */
public final class KillWorker {
    private KillWorker() {
    }

    /**
     * The records of one version.
     *
     * @param version the version
     * @param count how many records
     * @return the records, made on demand (the list is not materialised)
     */
    public static List<Map<String, Object>> version(long version, int count) {
        return new AbstractList<>() {
            @Override
            public Map<String, Object> get(int i) {
                return Map.of("v", version, "i", i, "pad", "abcdefghijklmnopqrstuvwxyz-0123456789");
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /**
     * Runs the worker.
     *
     * @param args mode, target, format name, records per version, first version
     */
    public static void main(String[] args) {
        String mode = args[0];
        Path target = Path.of(args[1]);
        Format format = Format.parse(args[2]);
        int records = Integer.parseInt(args[3]);
        long version = Long.parseLong(args[4]);
        FallbackHandler handler = FallbackHandler.builder().build();
        if (!mode.equals("write")) {
            throw new IllegalArgumentException("unknown mode: " + mode);
        }
        System.out.println("ready");
        System.out.flush();
        while (true) {
            WriteResult result = handler.write(version(version, records), target, format);
            if (!result.ok()) {
                System.err.println("write of version " + version + " failed: " + result.error().orElse(null));
                System.exit(3);
            }
            version++;
        }
    }
}

package io.hydralogger.fallbacks.testing;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;

/**
 * The child JVM of the kill tests: writes one target over and over until it is killed with
 * SIGKILL. Started as {@code java -cp <test class path> io.hydralogger.fallbacks.testing.KillWorker
 * MODE TARGET FORMAT RECORDS FIRST}; prints {@code ready} once it is about to write. An
 * operation that fails ends the worker with exit code 3 (so the test, expecting SIGKILL's 137,
 * fails); so does the death of the test's JVM (exit code 0), so that no worker outlives it.
 *
 * <ul>
 *   <li>{@code write}: whole-file writes of version {@code FIRST}, the next, and so on; every
 *       record of version v is {@code {"v": v, "i": i, "pad": ...}}, so a reader can tell a whole
 *       version from a torn one.
 *   <li>{@code append}: appends of {@code RECORDS} records to a JSON Lines file, numbered from
 *       {@code FIRST}; prints {@code acked n} when append n has returned.
 *   <li>{@code update}: updates of a JSON counter {@code {"count": c, "last": n}}; prints
 *       {@code acked n} when update n has returned.
 * </ul>
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
     * @param args mode, target, format name, records per version (or per append), first version
     *     (or first sequence number)
     */
    public static void main(String[] args) {
        String mode = args[0];
        Path target = Path.of(args[1]);
        Format format = Format.parse(args[2]);
        int records = Integer.parseInt(args[3]);
        long first = Long.parseLong(args[4]);
        FallbackHandler handler = FallbackHandler.builder().build();
        System.out.println("ready");
        System.out.flush();
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        for (long n = first; parent.isAlive(); n++) {
            long current = n;
            WriteResult result = switch (mode) {
                case "write" -> handler.write(version(current, records), target, format);
                case "append" -> handler.appendJsonLines(batch(current, records), target);
                case "update" -> handler.update(target, Format.JSON, data -> increment(data, current));
                default -> throw new IllegalArgumentException("unknown mode: " + mode);
            };
            if (!result.ok()) {
                System.err.println(mode + " " + current + " failed: " + result.error().orElse(null));
                System.exit(3);
            }
            if (!mode.equals("write")) {
                System.out.println("acked " + current);
                System.out.flush();
            }
        }
    }

    /**
     * The records of one append: {@code {"seq": n, "part": i, "pad": ...}}.
     *
     * @param sequence the append's number
     * @param count how many records
     * @return the records
     */
    public static List<Map<String, Object>> batch(long sequence, int count) {
        return new AbstractList<>() {
            @Override
            public Map<String, Object> get(int i) {
                return Map.of("seq", sequence, "part", i, "pad", "abcdefghijklmnopqrstuvwxyz-0123456789");
            }

            @Override
            public int size() {
                return count;
            }
        };
    }

    /** The next state of an update: the count raised by one, and the update's number kept. */
    private static Object increment(Object data, long sequence) {
        long count = data instanceof Map<?, ?> map ? ((Number) map.get("count")).longValue() : 0;
        return Map.of("count", count + 1, "last", sequence, "pad", "x".repeat(4096));
    }
}

package io.hydralogger.fallbacks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A child JVM of {@link ProcessConcurrencyTest}: appends records from several threads to one
 * JSON Lines file while another thread increments a JSON counter, through the facade.
 * Arguments: {@code worker-id log-file threads appends-per-thread counter-file updates}. Exits 0
 * when every call reported success, 1 otherwise.
 */
public final class ConcurrencyWorker {
    private ConcurrencyWorker() {
    }

    private static Thread start(Runnable task) {
        Thread thread = new Thread(task);
        thread.start();
        return thread;
    }

    /**
     * Runs the worker.
     *
     * @param args see the class comment
     * @throws Exception if a thread cannot be joined
     */
    public static void main(String[] args) throws Exception {
        String worker = args[0];
        Path log = Path.of(args[1]);
        int threads = Integer.parseInt(args[2]);
        int appends = Integer.parseInt(args[3]);
        Path counter = Path.of(args[4]);
        int updates = Integer.parseInt(args[5]);
        String pid = ManagementFactory.getRuntimeMXBean().getName();
        boolean[] ok = new boolean[threads + 1];
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            running.add(start(() -> {
                boolean all = true;
                for (int i = 0; i < appends; i++) {
                    Map<String, Object> record = new LinkedHashMap<>();
                    record.put("worker", worker);
                    record.put("pid", pid);
                    record.put("thread", thread);
                    record.put("seq", i);
                    all &= Fallbacks.safeAppendJsonLines(List.of(record), log);
                }
                ok[thread] = all;
            }));
        }
        running.add(start(() -> {
            boolean all = true;
            for (int i = 0; i < updates; i++) {
                all &= Fallbacks.safeUpdateJson(counter,
                        current -> current == null ? 1 : ((Number) current).intValue() + 1);
            }
            ok[threads] = all;
        }));
        for (Thread thread : running) {
            thread.join();
        }
        for (boolean each : ok) {
            if (!each) {
                System.exit(1);
            }
        }
        System.exit(0);
    }
}

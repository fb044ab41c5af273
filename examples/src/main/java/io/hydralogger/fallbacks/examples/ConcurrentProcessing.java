package io.hydralogger.fallbacks.examples;

import io.hydralogger.fallbacks.Fallbacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Threads and processes sharing files: the original guide's concurrent processing. Threads of
 * this JVM, then several JVMs of this same program, append log events to one JSON Lines file and
 * increment one JSON counter at the same time; no event and no increment is lost (the program
 * checks, and fails if one is). Run:
 * {@code ConcurrentProcessing [folder [threads [processes]]]} (8 threads, 3 processes by default).
 */
public final class ConcurrentProcessing {
    /** Events each worker appends, in calls of {@value #BATCH}. */
    static final int EVENTS = 200;
    /** Events per append call; each call is followed by one increment of the counter. */
    static final int BATCH = 10;

    private ConcurrentProcessing() {
    }

    /**
     * Runs the example; with {@code --worker folder name} it is one of the child processes.
     *
     * @param args an optional folder, thread count and process count
     * @throws Exception if a worker fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--worker")) {
            work(Path.of(args[1]), args[2]);
            return;
        }
        Path folder = Examples.folder(args);
        int threads = Examples.number(args, 1, 8);
        int processes = Examples.number(args, 2, 3);
        Path events = folder.resolve("events.jsonl");
        Path counter = folder.resolve("counter.json");

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String name = "thread-" + t;
                workers.add(pool.submit(() -> {
                    work(folder, name);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        report("1. " + threads + " threads", events, counter, threads);

        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            List<String> command = new ArrayList<>(javaCommand(ConcurrentProcessing.class));
            command.addAll(List.of("--worker", folder.toString(), "process-" + p));
            children.add(new ProcessBuilder(command).inheritIO().start());
        }
        for (Process child : children) {
            if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
                throw new IllegalStateException("a worker process failed");
            }
        }
        report("2. and then " + processes + " processes", events, counter, threads + processes);
    }

    /**
     * {@return the command that starts a class's main method in a new JVM the way this one was
     * started: as a module on the module path, or from the class path}
     *
     * @param main the class
     */
    static List<String> javaCommand(Class<?> main) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (main.getModule().isNamed()) {
            return List.of(java, "--module-path", System.getProperty("jdk.module.path"), "-m",
                    main.getModule().getName() + "/" + main.getName());
        }
        return List.of(java, "-cp", System.getProperty("java.class.path"), main.getName());
    }

    /** One worker: appends its events and increments the counter, interleaved. */
    private static void work(Path folder, String name) {
        Path events = folder.resolve("events.jsonl");
        Path counter = folder.resolve("counter.json");
        for (int i = 0; i < EVENTS; i += BATCH) {
            List<Map<String, Object>> batch = new ArrayList<>(BATCH);
            for (int j = i; j < i + BATCH; j++) {
                batch.add(Map.of("worker", name, "seq", j, "message", "event " + j + " of " + name));
            }
            if (!Fallbacks.safeAppendJsonLines(batch, events)) {
                throw new IllegalStateException(name + " could not append");
            }
            if (!Fallbacks.safeUpdateJson(counter, n -> n == null ? 1 : ((Number) n).intValue() + 1)) {
                throw new IllegalStateException(name + " could not update the counter");
            }
        }
    }

    private static void report(String who, Path events, Path counter, int workers) throws IOException {
        List<Object> appended = Fallbacks.safeReadJsonLines(events);
        long lines;
        try (var all = Files.lines(events)) {
            lines = all.count();
        }
        int records = appended == null ? 0 : appended.size();
        Object count = Fallbacks.safeReadJson(counter);
        System.out.printf("%s: %d events appended (expected %d, %d lines in the file), counter %s (expected %d)%n",
                who, records, workers * EVENTS, lines, count, workers * EVENTS / BATCH);
        if (records != workers * EVENTS || lines != records || !Integer.valueOf(workers * EVENTS / BATCH).equals(count)) {
            throw new IllegalStateException("an event or an increment was lost");
        }
    }
}

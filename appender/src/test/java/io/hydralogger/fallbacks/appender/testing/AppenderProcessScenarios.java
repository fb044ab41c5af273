package io.hydralogger.fallbacks.appender.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The appender's promises, checked with real processes: child JVMs ({@link LoggingChild}) log
 * through SLF4J to an appender configured from a real XML file, at the same time, killed with
 * SIGKILL, on a full disk (a 64 KiB tmpfs mounted in a mount namespace of the child's own), and
 * with the file rotating under them. Each logging framework's module runs these with its own
 * configuration file, which reads the settings from the system properties {@code hydra.file},
 * {@code hydra.fallback}, {@code hydra.async}, {@code hydra.maxFileSize}, {@code hydra.maxHistory}.
 */
public abstract class AppenderProcessScenarios {
    private static final int CHILDREN = 3;

    /** The test's folder. */
    @TempDir
    protected Path dir;

    private ChildJvms children;

    /** {@return the system property that names the framework's configuration file} */
    protected abstract String configProperty();

    /** {@return the configuration file the children load} */
    protected abstract Path configFile();

    @BeforeEach
    void startChildren() {
        children = new ChildJvms(dir, configProperty(), configFile());
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        children.close();
    }

    private Map<String, String> settings(Path log) {
        Map<String, String> settings = new HashMap<>();
        settings.put("hydra.file", log.toString());
        settings.put("hydra.fallback", dir.resolve("fallbacks").toString());
        return settings;
    }

    /** Starts children that log {@code events} each once all of them are ready, and waits for their end. */
    private void burstTogether(Map<String, String> settings, int events) throws Exception {
        Path go = dir.resolve("go");
        settings.put("hydra.go", go.toString());
        List<ChildJvms.Child> running = new ArrayList<>();
        for (int c = 0; c < CHILDREN; c++) {
            running.add(children.start(settings, "burst", Integer.toString(c), Integer.toString(events)));
        }
        for (ChildJvms.Child child : running) {
            child.awaitReady();
        }
        Files.createFile(go);
        for (ChildJvms.Child child : running) {
            child.awaitSuccess();
        }
    }

    private static Set<String> allEvents(int children, int events) {
        Set<String> all = new HashSet<>();
        for (int c = 0; c < children; c++) {
            for (int seq = 0; seq < events; seq++) {
                all.add(c + ":" + seq);
            }
        }
        return all;
    }

    @Test
    void severalProcessesLogToOneFileInWholeLinesAndLoseNothing() throws Exception {
        Path log = dir.resolve("app.jsonl");
        burstTogether(settings(log), 3000);

        List<Map<String, Object>> records = LogLines.read(log);
        List<String> events = LogLines.childEvents(records);
        assertThat(events).as("every event once").hasSize(CHILDREN * 3000).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(allEvents(CHILDREN, 3000));
        Map<String, Object> first = records.stream().filter(r -> "0".equals(r.get("seq")) && "0".equals(r.get("child")))
                .findFirst().orElseThrow();
        assertThat(first).containsEntry("log.level", "INFO").containsEntry("message", "event 0 of child 0")
                .containsEntry("log.logger", LoggingChild.LOGGER).containsEntry("process.thread.name", "main")
                .containsEntry("ecs.version", "1.2.0").containsEntry("pad", LoggingChild.PAD);
        assertThat((String) first.get("@timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @Test
    void aChildKilledWhileLoggingLosesNoLoggedEventAndTheNextStartRepairsATornTail() throws Exception {
        Path log = dir.resolve("app.jsonl");
        ChildJvms.Child killed = children.start(settings(log), "loop", "0");
        killed.awaitAcked(300);
        killed.kill();
        Set<Long> acked = killed.acked();

        // A SIGKILL cannot stop the kernel in the middle of one write(2) to a regular file, so
        // the file seldom ends torn after it; a power loss or a full disk mid-append leaves
        // such a tail, which is what this adds.
        byte[] torn = "{\"@timestamp\":\"2026-12-02T10:15:30.123Z\",\"log.level\":\"INF".getBytes(StandardCharsets.UTF_8);
        boolean tornByUs = endsWithNewline(log);
        if (tornByUs) {
            Files.write(log, torn, StandardOpenOption.APPEND);
        }
        ChildJvms.Child next = children.start(settings(log), "burst", "1", "10");
        next.awaitSuccess();

        List<String> events = LogLines.childEvents(LogLines.read(log));
        assertThat(events).doesNotHaveDuplicates();
        for (long seq : acked) {
            assertThat(events).as("an event whose logging call returned before the kill").contains("0:" + seq);
        }
        for (int seq = 0; seq < 10; seq++) {
            assertThat(events).contains("1:" + seq);
        }
        List<Path> evidence = siblings(log, "app.jsonl.torn-");
        if (tornByUs) {
            assertThat(evidence).as("the torn tail is kept beside the log").hasSize(1);
            assertThat(Files.readAllBytes(evidence.get(0))).isEqualTo(torn);
        } else {
            // the kill itself tore the last line: kept as evidence, or completed if only its newline was lost
            assertThat(evidence).hasSizeLessThanOrEqualTo(1);
        }
    }

    @Test
    void aFullDiskSendsEventsToTheFallbackFileAndReportsIt() throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        Path log = disk.resolve("app.jsonl");
        Path copy = dir.resolve("copy-of-the-full-log.jsonl");
        Map<String, String> settings = settings(log);
        settings.put("hydra.copyTo", copy.toString());
        // a 64 KiB tmpfs, mounted in a mount namespace of the child's own (it vanishes with the
        // child): root can make one; another user needs a user namespace as well
        List<String> tmpfs = new ArrayList<>(isRoot() ? List.of("unshare", "--mount", "--propagation", "private")
                : List.of("unshare", "--user", "--map-root-user", "--mount"));
        tmpfs.addAll(List.of("sh", "-c", "mount -t tmpfs -o size=64k tmpfs \"$0\" && exec \"$@\"", disk.toString()));
        ChildJvms.Child child = children.start(tmpfs, settings, "burst", "0", "1500");
        child.awaitSuccess();

        assertThat(child.output()).as("the child logged everything without an exception").contains("done")
                .doesNotContain("Exception in thread");
        List<String> inLog = LogLines.childEvents(LogLines.read(copy));
        List<Path> fallbackFiles = files(dir.resolve("fallbacks"));
        List<String> inFallbacks = LogLines.childEvents(LogLines.read(fallbackFiles));
        assertThat(inLog).as("the disk took events until it was full").isNotEmpty().hasSizeLessThan(1500);
        assertThat(inFallbacks).as("the rest went to fallback files").isNotEmpty();
        List<String> all = new ArrayList<>(inLog);
        all.addAll(inFallbacks);
        assertThat(all).as("every event once, in the log or in a fallback file").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(allEvents(1, 1500));
        assertThat(child.output()).as("reported through the framework's status channel")
                .contains("events go to the fallback file");
    }

    @Test
    void rotationUnderSeveralWritersLosesAndDuplicatesNothing() throws Exception {
        Path log = dir.resolve("app.jsonl");
        Map<String, String> settings = settings(log);
        settings.put("hydra.maxFileSize", "32768");
        settings.put("hydra.maxHistory", "100000");
        burstTogether(settings, 3000);

        List<Path> rotated = siblings(log, "app.2");
        assertThat(rotated).as("the file was rotated many times").hasSizeGreaterThan(5);
        for (Path file : rotated) {
            assertThat(file.getFileName().toString()).matches("app\\.\\d{4}-\\d{2}-\\d{2}\\.\\d+\\.jsonl");
        }
        List<Path> all = new ArrayList<>(rotated);
        all.add(log);
        List<String> events = LogLines.childEvents(LogLines.read(all));
        assertThat(events).as("every event once, in the log or a rotated file").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(allEvents(CHILDREN, 3000));
    }

    @Test
    void anAsynchronousAppenderWritesEverythingQueuedAtACleanExit() throws Exception {
        Path log = dir.resolve("app.jsonl");
        Map<String, String> settings = settings(log);
        settings.put("hydra.async", "true");
        ChildJvms.Child child = children.start(settings, "burst", "0", "20000");
        child.awaitSuccess();

        assertThat(LogLines.childEvents(LogLines.read(log))).as("every queued event, in order")
                .containsExactlyElementsOf(allEvents(1, 20000).stream()
                        .sorted((a, b) -> Integer.compare(seq(a), seq(b))).toList());
    }

    private static int seq(String event) {
        return Integer.parseInt(event.substring(event.indexOf(':') + 1));
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return bytes.length > 0 && bytes[bytes.length - 1] == '\n';
    }

    private static List<Path> siblings(Path file, String prefix) throws IOException {
        try (Stream<Path> entries = Files.list(file.getParent())) {
            return entries.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean isRoot() throws IOException {
        return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    }
}

package io.hydralogger.fallbacks.appender.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link LoggingChild} JVMs with the test's class path and a logging configuration, and
 * kills any that a failed test left running. One per test.
 */
public final class ChildJvms implements AutoCloseable {
    /** How long a child may take to get ready or to log: only a guard against hangs. */
    private static final long HANG_GUARD_NANOS = TimeUnit.MINUTES.toNanos(3);
    private final Path dir;
    private final String configProperty;
    private final Path configFile;
    private final List<Child> started = new ArrayList<>();

    /**
     * @param dir the folder for the children's output files
     * @param configProperty the system property that names the logging configuration file
     * @param configFile the configuration file
     */
    public ChildJvms(Path dir, String configProperty, Path configFile) {
        this.dir = dir;
        this.configProperty = configProperty;
        this.configFile = configFile;
    }

    /**
     * Starts a child.
     *
     * @param prefix a command the JVM is started through (e.g. {@code unshare ...}), or empty
     * @param properties system properties for the configuration ({@code hydra.file} and so on)
     * @param args the child's arguments
     * @return the child
     * @throws IOException if it cannot be started
     */
    public Child start(List<String> prefix, Map<String, String> properties, String... args) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx96m"));
        command.add("-D" + configProperty + "=" + configFile);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LoggingChild.class.getName()));
        command.addAll(List.of(args));
        int number = started.size();
        Path out = dir.resolve("child-" + number + ".out");
        Path err = dir.resolve("child-" + number + ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        Child child = new Child(process, out, err);
        started.add(child);
        return child;
    }

    /**
     * Starts a child without a prefix.
     *
     * @param properties system properties for the configuration
     * @param args the child's arguments
     * @return the child
     * @throws IOException if it cannot be started
     */
    public Child start(Map<String, String> properties, String... args) throws IOException {
        return start(List.of(), properties, args);
    }

    @Override
    public void close() throws InterruptedException {
        for (Child child : started) {
            child.process.destroyForcibly();
            child.process.waitFor();
        }
    }

    /** A started child JVM and the files its output goes to. */
    public record Child(Process process, Path out, Path err) {
        /** {@return what it printed on stdout and stderr} */
        public String output() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8);
        }

        /** Waits until it printed {@code ready} on a line of its own (status messages may come first). */
        public void awaitReady() throws IOException, InterruptedException {
            long deadline = System.nanoTime() + HANG_GUARD_NANOS;
            while (!Files.readAllLines(out, StandardCharsets.UTF_8).contains("ready")) {
                assertThat(process.isAlive()).as("the child died before it was ready: %s", output()).isTrue();
                assertThat(System.nanoTime()).as("the child is ready within minutes: %s", output()).isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        /** Waits until it acknowledged at least {@code count} events. */
        public void awaitAcked(int count) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + HANG_GUARD_NANOS;
            while (acked().size() < count) {
                assertThat(process.isAlive()).as("the child died while logging: %s", output()).isTrue();
                assertThat(System.nanoTime()).as("the child logs within minutes: %s", output()).isLessThan(deadline);
                Thread.sleep(5);
            }
        }

        /** Waits for a clean exit (code 0), with a generous guard against hangs. */
        public void awaitSuccess() throws IOException, InterruptedException {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the child ended").isTrue();
            assertThat(process.exitValue()).as("the child's exit code; its output: %s", output()).isZero();
        }

        /** Kills it with SIGKILL and checks that nothing else ended it. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor()).as("killed by SIGKILL (exit 128 + 9)").isEqualTo(137);
        }

        /** {@return the sequence numbers it acknowledged (the logging call had returned)} */
        public Set<Long> acked() throws IOException {
            Set<Long> acked = new HashSet<>();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith("acked ")) {
                    acked.add(Long.parseLong(line.substring("acked ".length())));
                }
            }
            return acked;
        }
    }
}

package io.hydralogger.fallbacks.appender.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The child JVM of the process tests: an application that logs through the SLF4J API only, so
 * that the same program runs on Logback and on Log4j2 (whichever binding and configuration its
 * class path and system properties give it). Started as
 * {@code java -cp <test class path> -D<framework>.configurationFile=... LoggingChild MODE ID [COUNT]};
 * each event is {@code "event <seq> of child <id>"} from the logger {@value #LOGGER} with the MDC
 * entries {@code child} and {@code seq} (and {@code pad}, some bytes to fill files faster).
 *
 * <ul>
 *   <li>{@code burst ID COUNT}: prints {@code ready}, waits for the file named by the system
 *       property {@code hydra.go} (when set) so that several children start together, logs COUNT
 *       events, copies the log file ({@code hydra.file}) to {@code hydra.copyTo} when that is set,
 *       prints {@code done} and returns from {@code main} (a clean exit: the logging framework is
 *       not stopped by hand).
 *   <li>{@code loop ID}: logs until killed; prints {@code acked <seq>} after each call returned.
 * </ul>
 * A child whose parent died stops logging and exits, so that no child outlives the tests.
 */
public final class LoggingChild {
    /** The logger the children log with. */
    public static final String LOGGER = "hydra.child";
    /** The MDC entry that fills files faster. */
    public static final String PAD = "abcdefghijklmnopqrstuvwxyz-0123456789-".repeat(3);

    private LoggingChild() {
    }

    /**
     * Runs the child.
     *
     * @param args mode, child id, event count
     * @throws Exception if the go file cannot be waited for or the log file cannot be copied
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String id = args[1];
        Logger log = LoggerFactory.getLogger(LOGGER);
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        MDC.put("child", id);
        MDC.put("pad", PAD);
        System.out.println("ready");
        System.out.flush();
        if (mode.equals("loop")) {
            for (long seq = 0; parent.isAlive(); seq++) {
                MDC.put("seq", Long.toString(seq));
                log.info("event {} of child {}", seq, id);
                System.out.println("acked " + seq);
                System.out.flush();
            }
            return;
        }
        awaitGo(parent);
        int count = Integer.parseInt(args[2]);
        for (int seq = 0; seq < count && parent.isAlive(); seq++) {
            MDC.put("seq", Integer.toString(seq));
            log.info("event {} of child {}", seq, id);
        }
        String copyTo = System.getProperty("hydra.copyTo");
        if (copyTo != null) {
            Files.copy(Path.of(System.getProperty("hydra.file")), Path.of(copyTo), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("done");
        System.out.flush();
    }

    private static void awaitGo(ProcessHandle parent) throws InterruptedException, IOException {
        String go = System.getProperty("hydra.go");
        if (go == null) {
            return;
        }
        while (!Files.exists(Path.of(go))) {
            if (!parent.isAlive()) {
                throw new IOException("the parent died before the go file appeared");
            }
            Thread.sleep(1);
        }
    }
}

package io.hydralogger.fallbacks.benchmarks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import io.hydralogger.fallbacks.logback.JsonLinesAppender;
import java.nio.file.Path;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * One logger set up four ways, all process-safe, all writing one JSON line per event to a file:
 * the same call ({@code info("user {} logged in from {}", i, "10.0.0.1")} from the logger
 * {@code bench.Checkout}, with the MDC entry {@code user.id}) in each.
 *
 * <ul>
 *   <li>{@code hydra}: Logback with hydra-fallbacks' {@link JsonLinesAppender}, synchronous,
 *       durability none (ECS JSON);
 *   <li>{@code hydra-async}: the same, asynchronous (queue of 8,192, blocking when full, so its
 *       throughput is what the writer thread writes);
 *   <li>{@code logback-prudent}: Logback's {@code FileAppender} in prudent mode (an OS lock on the
 *       log around every event) with Logback's own {@code JsonEncoder};
 *   <li>{@code log4j2-locking}: Log4j2's {@code FileAppender} with {@code locking="true"} (an OS
 *       lock around every event) and its ECS layout ({@code JsonTemplateLayout} with
 *       {@code EcsLayout.json});
 *   <li>{@code hydra-batch}, {@code hydra-async-batch}: hydra's, with durability {@code batch}
 *       (every write forced; threads writing at once share one {@code force}).
 * </ul>
 * The first four never force the file (Logback's and Log4j2's file appenders cannot).
 */
abstract class BenchLogger implements AutoCloseable {
    /** The setups, by name. */
    static final String[] KINDS = {"hydra", "hydra-async", "logback-prudent", "log4j2-locking", "hydra-batch",
        "hydra-async-batch"};

    /**
     * Sets up a logger writing to a file.
     *
     * @param kind one of {@link #KINDS}
     * @param file the log file
     * @return the logger
     */
    static BenchLogger create(String kind, Path file) {
        return switch (kind) {
            case "hydra" -> new OnLogback(hydra(file, false, "none"));
            case "hydra-async" -> new OnLogback(hydra(file, true, "none"));
            case "hydra-batch" -> new OnLogback(hydra(file, false, "batch"));
            case "hydra-async-batch" -> new OnLogback(hydra(file, true, "batch"));
            case "logback-prudent" -> new OnLogback(prudent(file));
            case "log4j2-locking" -> new OnLog4j2(file);
            default -> throw new IllegalArgumentException("unknown logger setup: " + kind);
        };
    }

    /**
     * Logs the event.
     *
     * @param i the number in its message
     */
    abstract void log(int i);

    /** Sets this thread's MDC entry. */
    abstract void enter(String userId);

    @Override
    public abstract void close();

    private static final LoggerContext LOGBACK = logback();

    private static LoggerContext logback() {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        return context;
    }

    private static JsonLinesAppender hydra(Path file, boolean async, String durability) {
        JsonLinesAppender appender = new JsonLinesAppender();
        appender.setDurability(durability);
        appender.setContext(LOGBACK);
        appender.setName("hydra");
        appender.setFile(file.toString());
        appender.setAsync(async);
        return appender;
    }

    private static FileAppender<ILoggingEvent> prudent(Path file) {
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(LOGBACK);
        appender.setName("prudent");
        appender.setFile(file.toString());
        appender.setPrudent(true);
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(LOGBACK);
        encoder.start();
        appender.setEncoder(encoder);
        return appender;
    }

    /** A Logback logger with one appender. */
    private static final class OnLogback extends BenchLogger {
        private final Appender<ILoggingEvent> appender;
        private final ch.qos.logback.classic.Logger logger;

        OnLogback(Appender<ILoggingEvent> appender) {
            this.appender = appender;
            appender.start();
            if (!appender.isStarted()) {
                throw new IllegalStateException("the appender did not start: "
                        + LOGBACK.getStatusManager().getCopyOfStatusList());
            }
            logger = LOGBACK.getLogger("bench.Checkout");
            logger.detachAndStopAllAppenders();
            logger.setAdditive(false);
            logger.setLevel(Level.INFO);
            logger.addAppender(appender);
        }

        @Override
        void log(int i) {
            logger.info("user {} logged in from {}", i, "10.0.0.1");
        }

        @Override
        void enter(String userId) {
            LOGBACK.getMDCAdapter().put("user.id", userId);
        }

        @Override
        public void close() {
            logger.detachAppender(appender);
            appender.stop();
        }
    }

    /** A Log4j2 context with one locking file appender. */
    private static final class OnLog4j2 extends BenchLogger {
        private final org.apache.logging.log4j.core.LoggerContext context;
        private final org.apache.logging.log4j.Logger logger;

        OnLog4j2(Path file) {
            ConfigurationBuilder<BuiltConfiguration> config = ConfigurationBuilderFactory.newConfigurationBuilder();
            config.setStatusLevel(org.apache.logging.log4j.Level.ERROR);
            config.add(config.newAppender("file", "File").addAttribute("fileName", file.toString())
                    .addAttribute("locking", true).addAttribute("immediateFlush", true)
                    .add(config.newLayout("JsonTemplateLayout").addAttribute("eventTemplateUri", "classpath:EcsLayout.json")));
            config.add(config.newRootLogger(org.apache.logging.log4j.Level.INFO).add(config.newAppenderRef("file")));
            context = Configurator.initialize(config.build());
            logger = context.getLogger("bench.Checkout");
        }

        @Override
        void log(int i) {
            logger.info("user {} logged in from {}", i, "10.0.0.1");
        }

        @Override
        void enter(String userId) {
            ThreadContext.put("user.id", userId);
        }

        @Override
        public void close() {
            Configurator.shutdown(context);
        }
    }
}

package io.hydralogger.fallbacks.benchmarks;

import ch.qos.logback.core.ContextBase;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Logback's multi-JVM-safe file appender (prudent mode: an OS lock on the log file around every
 * event) writing the same records as JSON lines, encoded by Jackson as hydra-fallbacks does, so
 * that the comparison is of the append machinery, not of the encoders.
 */
final class LogbackPrudent implements AutoCloseable {
    private final FileAppender<Map<String, Object>> appender = new FileAppender<>();

    /**
     * Starts an appender on a file.
     *
     * @param file the log file
     */
    LogbackPrudent(Path file) {
        ContextBase context = new ContextBase();
        appender.setContext(context);
        appender.setName("prudent");
        appender.setFile(file.toString());
        appender.setPrudent(true);
        appender.setEncoder(new JsonLineEncoder());
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalStateException("Logback's appender did not start: "
                    + context.getStatusManager().getCopyOfStatusList());
        }
    }

    /**
     * Appends one event.
     *
     * @param record the event
     */
    void append(Map<String, Object> record) {
        appender.doAppend(record);
    }

    @Override
    public void close() {
        appender.stop();
    }

    /** One compact JSON object and a newline per event. */
    private static final class JsonLineEncoder extends EncoderBase<Map<String, Object>> {
        private static final byte[] NONE = new byte[0];
        private final ObjectWriter writer = JsonMapper.builder().build().writer();

        @Override
        public byte[] headerBytes() {
            return NONE;
        }

        @Override
        public byte[] encode(Map<String, Object> event) {
            byte[] json = writer.writeValueAsBytes(event);
            byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        }

        @Override
        public byte[] footerBytes() {
            return NONE;
        }
    }
}

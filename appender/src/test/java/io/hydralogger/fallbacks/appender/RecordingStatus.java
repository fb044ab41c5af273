package io.hydralogger.fallbacks.appender;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A status listener that keeps every report, as {@code "INFO message"}, {@code "WARN ..."}, {@code "ERROR ..."}. */
final class RecordingStatus implements StatusListener {
    final List<String> reports = new CopyOnWriteArrayList<>();

    @Override
    public void info(String message) {
        reports.add("INFO " + message);
    }

    @Override
    public void warn(String message, Throwable cause) {
        reports.add("WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
        reports.add("ERROR " + message);
    }

    List<String> at(String level) {
        return reports.stream().filter(r -> r.startsWith(level + " ")).toList();
    }
}

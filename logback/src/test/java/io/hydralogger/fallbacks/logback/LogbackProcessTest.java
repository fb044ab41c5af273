package io.hydralogger.fallbacks.logback;

import io.hydralogger.fallbacks.appender.testing.AppenderProcessScenarios;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The process scenarios with Logback: children configured by {@code child-logback.xml}. */
class LogbackProcessTest extends AppenderProcessScenarios {
    @Override
    protected String configProperty() {
        return "logback.configurationFile";
    }

    @Override
    protected Path configFile() {
        try {
            return Path.of(LogbackProcessTest.class.getResource("/child-logback.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

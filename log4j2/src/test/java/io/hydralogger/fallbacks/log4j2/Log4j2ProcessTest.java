package io.hydralogger.fallbacks.log4j2;

import io.hydralogger.fallbacks.appender.testing.AppenderProcessScenarios;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The process scenarios with Log4j2: children log through SLF4J (Log4j2's SLF4J binding) to the
 * {@code HydraJsonLines} plugin configured by {@code child-log4j2.xml}.
 */
class Log4j2ProcessTest extends AppenderProcessScenarios {
    @Override
    protected String configProperty() {
        return "log4j2.configurationFile";
    }

    @Override
    protected Path configFile() {
        try {
            return Path.of(Log4j2ProcessTest.class.getResource("/child-log4j2.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

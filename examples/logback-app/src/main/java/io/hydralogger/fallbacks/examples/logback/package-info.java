/**
 * An application that logs through SLF4J to Logback with hydra-fallbacks' appender configured in
 * {@code logback.xml}: {@link io.hydralogger.fallbacks.examples.logback.OrderService}.
 */
package io.hydralogger.fallbacks.examples.logback;

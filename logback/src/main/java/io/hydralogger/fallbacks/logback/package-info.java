/**
 * The Logback appender {@link io.hydralogger.fallbacks.logback.JsonLinesAppender}: each event one
 * Elastic Common Schema JSON line, written through hydra-fallbacks' safe, process-safe append.
 */
package io.hydralogger.fallbacks.logback;

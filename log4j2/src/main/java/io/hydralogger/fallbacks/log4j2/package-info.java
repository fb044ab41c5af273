/**
 * The Log4j2 appender plugin {@link io.hydralogger.fallbacks.log4j2.JsonLinesAppender}
 * ({@code <HydraJsonLines>} in {@code log4j2.xml}): each event one Elastic Common Schema JSON
 * line, written through hydra-fallbacks' safe, process-safe append.
 */
package io.hydralogger.fallbacks.log4j2;

/**
 * What the Logback and Log4j2 appenders share, independent of any logging framework: a
 * {@link io.hydralogger.fallbacks.appender.LogFile} (the entry point) writes events as Elastic
 * Common Schema records ({@link io.hydralogger.fallbacks.appender.EcsRecord}), one JSON line each,
 * through the library's safe append; synchronously or through a queue, with the
 * {@link io.hydralogger.fallbacks.appender.LogDurability durability} asked for, rotated by size and
 * time, and with every failure reported to a {@link io.hydralogger.fallbacks.appender.StatusListener}
 * instead of thrown. Configured by a {@link io.hydralogger.fallbacks.appender.LogFileConfig}.
 */
package io.hydralogger.fallbacks.appender;

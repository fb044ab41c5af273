/**
 * Statistics: {@link io.hydralogger.fallbacks.stats.FallbackStats} counts what a handler did;
 * {@link io.hydralogger.fallbacks.stats.StatsSnapshot} is a copy of the counters at one moment.
 */
package io.hydralogger.fallbacks.stats;

/**
 * Statistics: {@link io.hydralogger.fallbacks.stats.FallbackStats} reads what a handler counted;
 * {@link io.hydralogger.fallbacks.stats.StatsSnapshot} is a copy of the counters at one moment;
 * {@link io.hydralogger.fallbacks.stats.FallbackMetrics} publishes them to Micrometer (an
 * optional dependency, needed only by that class).
 */
@NullMarked
package io.hydralogger.fallbacks.stats;

import org.jspecify.annotations.NullMarked;

/**
 * Corruption reports: {@link io.hydralogger.fallbacks.recovery.CorruptionReport} lists the
 * {@link io.hydralogger.fallbacks.recovery.Problem}s found in a file, each of a
 * {@link io.hydralogger.fallbacks.recovery.ProblemKind}.
 */
package io.hydralogger.fallbacks.recovery;

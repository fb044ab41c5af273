/**
 * Corruption detection and salvage. {@link io.hydralogger.fallbacks.recovery.CorruptionDetector}
 * inspects a file and returns a {@link io.hydralogger.fallbacks.recovery.CorruptionReport} of
 * {@link io.hydralogger.fallbacks.recovery.Problem}s (each of a
 * {@link io.hydralogger.fallbacks.recovery.ProblemKind}); {@link io.hydralogger.fallbacks.recovery.DataRecovery}
 * salvages every valid record of a damaged file, streaming, through a
 * {@link io.hydralogger.fallbacks.recovery.SalvageReader}. The rules are in docs/RECOVERY.md.
 */
@NullMarked
package io.hydralogger.fallbacks.recovery;

import org.jspecify.annotations.NullMarked;

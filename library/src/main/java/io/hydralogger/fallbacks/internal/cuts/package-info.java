/**
 * Where large JSON files may be cut for work on several threads, not API: {@link
 * io.hydralogger.fallbacks.internal.cuts.ElementOpening} guesses commas between the top-level
 * elements of an array of records by looking only near each place to cut. Used by the parallel
 * parse ({@code internal.codec.ParallelReader}) and the parallel inspection
 * ({@code recovery.ParallelScan}), which both prove every guess by their parses.
 */
package io.hydralogger.fallbacks.internal.cuts;

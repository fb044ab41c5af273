/**
 * hydra-fallbacks: safe, fast, thread- and process-safe JSON, JSON Lines and CSV files.
 *
 * <p>Entry points: {@link io.hydralogger.fallbacks.Fallbacks}, the one-call facade named after
 * the original Python module (booleans and null, never an exception for I/O or data problems),
 * and {@link io.hydralogger.fallbacks.FallbackHandler}, the configurable handler
 * ({@link io.hydralogger.fallbacks.FallbackHandlerBuilder}) that returns
 * {@link io.hydralogger.fallbacks.WriteResult}s, {@link io.hydralogger.fallbacks.ReadResult}s and
 * {@link io.hydralogger.fallbacks.RepairResult}s. The operations behind the handler are
 * package-private classes here, one per operation (whole-file write, append, update, read with
 * recovery, repair), over one locked-section helper and one fallback sink.
 *
 * <p>Other packages: {@code format} (formats and read limits), {@code write} (the atomic write
 * protocol and backups), {@code recovery} (corruption reports and salvage), {@code sanitize}
 * (any Java value made writable), {@code stats} (statistics); {@code internal.*} is the
 * machinery and is not exported by the module.
 */
@NullMarked
package io.hydralogger.fallbacks;

import org.jspecify.annotations.NullMarked;

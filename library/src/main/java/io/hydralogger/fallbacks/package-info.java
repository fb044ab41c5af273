/**
 * hydra-fallbacks: safe, fast, thread- and process-safe JSON, JSON Lines and CSV files.
 *
 * <p>Entry points: {@link io.hydralogger.fallbacks.Fallbacks}, the one-call facade named after
 * the original Python module (booleans and null, never an exception for I/O or data problems),
 * and {@link io.hydralogger.fallbacks.FallbackHandler}, the configurable handler that returns
 * {@link io.hydralogger.fallbacks.WriteResult}s and {@link io.hydralogger.fallbacks.ReadResult}s.
 * Sub-packages: {@code write} (the atomic write protocol and backups), {@code sanitize} (any
 * Java value made writable), {@code recovery} (corruption reports and salvage), {@code stats}
 * (counters); {@code internal} is not API.
 */
package io.hydralogger.fallbacks;

/**
 * Test fixtures for the reliability tests: a {@link io.hydralogger.fallbacks.testing.RecordingFileSystem}
 * that delegates to the real file system, records every operation the library performs and fails
 * the k-th one on demand; {@link io.hydralogger.fallbacks.testing.CrashStates}, which builds every
 * state a disk may hold after a crash from such a recording; the child-JVM
 * {@link io.hydralogger.fallbacks.testing.KillWorker} of the kill tests and
 * {@link io.hydralogger.fallbacks.testing.LogWorker} of the log-line tests; and
 * {@link io.hydralogger.fallbacks.testing.Figures}, which collects the counts quoted in
 * {@code docs/RELIABILITY.md}.
 */
package io.hydralogger.fallbacks.testing;

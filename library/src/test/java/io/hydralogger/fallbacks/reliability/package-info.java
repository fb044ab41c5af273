/**
 * Reliability tests: the order of the write protocol observed through a recording file system,
 * fault injection, crash states, kill tests with real child JVMs, fuzzing, property tests and
 * security checks. {@code docs/RELIABILITY.md} maps every promise to the test here that proves it.
 */
package io.hydralogger.fallbacks.reliability;

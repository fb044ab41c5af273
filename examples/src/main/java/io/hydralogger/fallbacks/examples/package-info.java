/**
 * Runnable examples of the original module's guide, one program each:
 * {@link io.hydralogger.fallbacks.examples.UserDataProcessing} (an application's own records),
 * {@link io.hydralogger.fallbacks.examples.FallbacksDemo} (every way the library falls back),
 * {@link io.hydralogger.fallbacks.examples.PerformanceTest} (throughput per format) and
 * {@link io.hydralogger.fallbacks.examples.ConcurrentProcessing} (threads and processes sharing
 * files). Each takes an optional folder to work in as its first argument.
 */
package io.hydralogger.fallbacks.examples;

/** JMH benchmarks of hydra-fallbacks next to the plain libraries underneath (Jackson 3, FastCSV). */
package io.hydralogger.fallbacks.benchmarks;

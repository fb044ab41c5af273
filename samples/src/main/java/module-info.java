/**
 * The sample records of hydra-fallbacks (see {@code io.hydralogger.fallbacks.samples.SampleRecords}):
 * one source for the library's tests, the tool's {@code demo} and {@code bench}, the examples and
 * the benchmarks. Opened, so that the library's sanitiser and Jackson can take its records apart.
 */
module io.hydralogger.fallbacks.samples {
    exports io.hydralogger.fallbacks.samples;
    opens io.hydralogger.fallbacks.samples;
}

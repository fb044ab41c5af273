/**
 * The runnable examples, as an application module would use the library: only its exports are
 * readable. The library's sanitiser and Jackson read the examples' records by reflection, hence
 * the {@code opens}; the logging binding (slf4j-simple) is found as a service on the module path.
 */
module io.hydralogger.fallbacks.examples {
    requires io.hydralogger.fallbacks;
    requires io.hydralogger.fallbacks.samples;

    opens io.hydralogger.fallbacks.examples to io.hydralogger.fallbacks, tools.jackson.databind;
}

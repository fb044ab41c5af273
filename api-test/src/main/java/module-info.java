/**
 * A client of the library as an application would be: a named module on the module path that
 * reads only what {@code io.hydralogger.fallbacks} exports (the compiler refuses anything else).
 */
module io.hydralogger.fallbacks.apitest {
    requires transitive io.hydralogger.fallbacks;

    exports io.hydralogger.fallbacks.apitest;
}

/**
 * The {@code hydra-fallbacks} command-line tool. It uses only what the library exports.
 * picocli reads and sets the commands' annotated fields by reflection, and the library's
 * sanitiser reads the demo's and the benchmark's records by reflection: the package is open to
 * both (and to Jackson, which writes the records of {@code cat}). The logging binding
 * (slf4j-simple) is found as a service on the module path.
 */
module io.hydralogger.fallbacks.cli {
    requires io.hydralogger.fallbacks;
    requires io.hydralogger.fallbacks.samples;
    requires info.picocli;
    requires me.tongfei.progressbar;

    opens io.hydralogger.fallbacks.cli to info.picocli, io.hydralogger.fallbacks, tools.jackson.databind;
}

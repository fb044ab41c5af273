/**
 * hydra-fallbacks: safe, fast, thread- and process-safe JSON, JSON Lines and CSV files.
 *
 * <p>Exported, the API: {@code io.hydralogger.fallbacks} (the {@code Fallbacks} facade, the
 * configurable {@code FallbackHandler}, results and options), {@code format} (formats and read
 * limits), {@code write} (the atomic write protocol and backups), {@code recovery} (corruption
 * reports and salvage), {@code sanitize} (any value made writable) and {@code stats}
 * (statistics, and their Micrometer binding when Micrometer is present). The machinery under
 * {@code internal} is not exported. Micrometer is optional ({@code requires static}); it has no
 * module descriptor of its own, only an automatic-module name, hence the suppressed warnings; it
 * is not required transitively, so that a module using the library compiles without it (only
 * {@code stats.FallbackMetrics} shows Micrometer types).
 */
@SuppressWarnings("requires-automatic")
module io.hydralogger.fallbacks {
    requires transitive tools.jackson.core;
    requires transitive tools.jackson.databind;
    requires de.siegmar.fastcsv;
    requires org.slf4j;
    requires static micrometer.core;
    requires static transitive org.jspecify;

    exports io.hydralogger.fallbacks;
    exports io.hydralogger.fallbacks.format;
    exports io.hydralogger.fallbacks.write;
    exports io.hydralogger.fallbacks.recovery;
    exports io.hydralogger.fallbacks.sanitize;
    exports io.hydralogger.fallbacks.stats;
}

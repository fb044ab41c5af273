/**
 * The {@code hydra-fallbacks} command-line tool; the entry point is
 * {@link io.hydralogger.fallbacks.cli.Main}, one class per subcommand.
 */
package io.hydralogger.fallbacks.cli;

package io.hydralogger.fallbacks.cli;

import picocli.CommandLine.Option;

/** {@code --json}: results as JSON objects instead of text (a picocli mixin). */
final class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON objects, one per line, instead of text.")
    boolean json;
}

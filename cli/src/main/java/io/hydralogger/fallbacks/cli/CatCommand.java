package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cat}: the records of a file as JSON Lines on stdout, in constant memory. */
@Command(name = "cat", mixinStandardHelpOptions = true,
        description = {"Print the records of FILE as JSON Lines on stdout.",
            "CSV rows become objects of text. A damaged file prints every record that can be salvaged,"
                + " says on stderr what was skipped, and exits 1."})
final class CatCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The file to print.")
    Path file;

    @Mixin
    FormatOption format = new FormatOption();

    @Mixin
    HandlerOptions options = new HandlerOptions();

    @Override
    public Integer call() throws IOException {
        Format from = format.of(file);
        FallbackHandler handler = options.handler();
        try (Progress progress = Progress.bytes("cat", Progress.sizeOf(file), main.quiet());
                RecordInput records = RecordInput.open(file, from, options.dialect(), progress);
                Output.Records out = Output.of(spec).records(handler.mapper())) {
            while (records.hasNext()) {
                if (!out.print(records.next())) {
                    return Main.OK; // the reader went away (a closed pipe): nobody wants more
                }
            }
            out.close();
            progress.close();
            records.failIfDamaged("printed");
        }
        return Main.OK;
    }
}

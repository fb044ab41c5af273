package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;

/** {@code cat}: the records of a file as JSON Lines on stdout, in constant memory. */
@Command(name = "cat", mixinStandardHelpOptions = true,
        description = {"Print the records of FILE as JSON Lines on stdout.",
            "CSV rows become objects of text. A damaged file prints every record that can be",
            "salvaged, says on stderr what was skipped, and exits 1."})
final class CatCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The file to print.")
    Path file;

    @Mixin
    DialectOptions dialect = new DialectOptions();

    @Option(names = "--format", paramLabel = "F",
            description = "json, jsonl, csv or tsv (default: by the file's extension).")
    String format;

    @Override
    public Integer call() throws IOException {
        Format from = Formats.of(file, format);
        FallbackHandler handler = dialect.apply(FallbackHandler.builder()).build();
        PrintStream stdout = System.out;
        ObjectWriter writer = handler.mapper().writer().withRootValueSeparator("")
                .without(StreamWriteFeature.AUTO_CLOSE_TARGET);
        try (Progress progress = Progress.records("cat", -1, main.quiet());
                RecordInput records = RecordInput.open(file, from, dialect.dialect(), progress);
                JsonGenerator out = writer.createGenerator(stdout)) {
            while (records.hasNext()) {
                out.writePOJO(records.next());
                out.writeRaw('\n');
                if (records.count() % 1024 == 0) {
                    out.flush();
                    if (stdout.checkError()) {
                        return Main.OK; // the reader went away (a closed pipe): nobody wants more
                    }
                }
            }
            out.flush();
            progress.close();
            records.failIfDamaged("printed");
        }
        return Main.OK;
    }
}

package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.WriteResult;
import io.hydralogger.fallbacks.format.Format;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code convert}: any supported format to any other, streamed, written atomically. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert IN to OUT, each in the format of its extension.",
            "The extensions are .json, .jsonl (or .ndjson), .csv and .tsv; --from and --to name the format"
                + " of a file with another one (OUT must have one of them or --to). OUT's folder must exist.",
            "Records stream through in constant memory; OUT is written atomically with a backup of its"
                + " previous version. CSV flattens nested objects to dotted columns and reads cells back as"
                + " text. A damaged IN converts every record that can be salvaged, says on stderr what was"
                + " skipped, and exits 1.",
            "With --json, the summary as one JSON object."})
final class ConvertCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The file to read.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The file to write.")
    Path out;

    @Mixin
    HandlerOptions options = new HandlerOptions();

    @Option(names = "--from", paramLabel = "F", converter = Converters.FormatConverter.class,
            description = "IN's format: json, jsonl, csv or tsv (default: by its extension).")
    Format from;

    @Option(names = "--to", paramLabel = "F", converter = Converters.FormatConverter.class,
            description = "OUT's format: json, jsonl, csv or tsv (default: by its extension).")
    Format to;

    @Mixin
    JsonOption json = new JsonOption();

    @Override
    public Integer call() throws IOException {
        Format inFormat = FormatOption.orOf(from, in);
        Format outFormat = OutputFile.format(out, to, "--to");
        OutputFile.checkFolder(out);
        FallbackHandler handler = options.handler();
        try (Progress progress = Progress.bytes("convert", Progress.sizeOf(in), main.quiet());
                RecordInput input = RecordInput.open(in, inFormat, options.dialect(), progress)) {
            WriteResult result = handler.write(input, out, outFormat);
            if (!result.ok()) {
                throw OutputFile.failed(out, result);
            }
            progress.close();
            Output output = Output.of(spec);
            PrintWriter stdout = output.out();
            if (json.json) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("input", in.toString());
                summary.put("output", out.toString());
                summary.put("from", inFormat.label());
                summary.put("to", outFormat.label());
                summary.put("records", input.count());
                Reports.putDamage(summary, input.report());
                summary.put("bytes", result.bytes());
                summary.put("backup", result.backup().map(Path::toString).orElse(null));
                summary.put("durability_unknown", result.durabilityUnknown());
                summary.put("problems", Reports.problems(input.report()));
                output.json(stdout, summary);
            } else {
                stdout.printf("converted %d records: %s (%s) -> %s (%s, %d bytes)%s%n", input.count(), in,
                        inFormat.label(), out, outFormat.label(), result.bytes(),
                        result.backup().map(b -> "; previous version kept as " + b).orElse("")
                                + OutputFile.durabilityNote(result));
            }
            stdout.flush();
            input.failIfDamaged("converted");
        }
        return Main.OK;
    }
}

package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RecoveredRecords;
import io.hydralogger.fallbacks.RecoveryPolicy;
import io.hydralogger.fallbacks.Source;
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

/** {@code recover}: the records of a file as a recovery policy finds them. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Recover the records of a damaged or missing file.",
            "The records of FILE are the file itself when intact; else, by the policy, what can be salvaged"
                + " from it, its newest intact backup or a fallback file. They are written atomically to OUT"
                + " (in the format of its extension: .json, .jsonl, .ndjson, .csv or .tsv) or as JSON Lines"
                + " to stdout.",
            "Exit 0 when FILE was intact, 1 when it was damaged or missing and records were recovered, 2"
                + " when nothing could be recovered or on an I/O error.",
            "With --json, a summary as one JSON object: on stderr when the records go to stdout, on stdout"
                + " otherwise."})
final class RecoverCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to recover.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the records here, atomically.")
    Path outFile;

    @Mixin
    FormatOption format = new FormatOption();

    @Mixin
    HandlerOptions options = new HandlerOptions();

    @Option(names = "--policy", paramLabel = "P", converter = Converters.PolicyConverter.class,
            defaultValue = "salvage_then_backup",
            description = {"salvage_then_backup (default), backup_then_salvage or strict."})
    RecoveryPolicy policy;

    @Mixin
    JsonOption json = new JsonOption();

    @Override
    public Integer call() throws IOException {
        Format fileFormat = format.of(file);
        Format outFormat = outFile == null ? null : OutputFile.format(outFile, null, null);
        if (outFile != null) {
            OutputFile.checkFolder(outFile);
        }
        FallbackHandler handler = options.builder().recoveryPolicy(policy).build();
        Output output = Output.of(spec);
        long recovered;
        Source source;
        Map<String, Object> summary = new LinkedHashMap<>();
        try (RecoveredRecords records = handler.recover(file, fileFormat);
                Progress progress = Progress.bytes("recover", records.sourcePath().map(Progress::sizeOf).orElse(-1L),
                        main.quiet())) {
            source = records.source();
            Progress.Tracked tracked = progress.track(records, records::bytesRead);
            if (source == Source.NONE) {
                recovered = 0;
            } else if (outFile != null) {
                recovered = write(handler, records, tracked, fileFormat, outFormat);
            } else {
                recovered = print(output, handler, tracked);
            }
            progress.close();
            summary.put("path", file.toString());
            summary.put("recovered", recovered);
            if (source == Source.SALVAGED) {
                Reports.putDamage(summary, records.report());
            } else {
                // the file itself was intact (nothing lost), or its records came from a backup or
                // a fallback file (what the damaged file held cannot be counted from those)
                summary.put("skipped", 0);
                summary.put("damaged_stretches", records.report().damagedStretches());
                summary.put("records_lost", source == Source.PRIMARY ? Long.valueOf(0) : null);
            }
            summary.put("source", source.label());
            summary.put("problems", Reports.problems(records.report()));
            PrintWriter to = outFile == null ? output.err() : output.out();
            if (json.json) {
                output.json(to, summary);
            } else if (source != Source.NONE && (outFile != null || source != Source.PRIMARY)) {
                to.printf("recovered %d records of %s from %s%s%n", recovered, file,
                        source == Source.PRIMARY ? "the intact file" : source.label() + " "
                                + records.sourcePath().map(Path::toString).orElse(""),
                        outFile == null ? "" : " into " + outFile);
                if (!records.report().intact()) {
                    if (source == Source.SALVAGED) {
                        to.println("  " + Reports.damage(records.report()));
                    }
                    Reports.printProblems(to, records.report());
                }
            }
            to.flush();
            if (source == Source.NONE) {
                throw new CliException(Main.ERROR, "nothing could be recovered from " + file
                        + (records.report().intact() ? "" : ": " + records.report().problems().get(0).message()));
            }
        }
        return source == Source.PRIMARY ? Main.OK : Main.CORRUPTED;
    }

    private long write(FallbackHandler handler, RecoveredRecords records, Progress.Tracked tracked, Format fileFormat,
            Format outFormat) {
        Object data = tracked;
        if (outFormat == Format.JSON && fileFormat == Format.JSON && tracked.hasNext() && records.singleValue()) {
            data = tracked.next();
        }
        WriteResult result = outFormat == Format.JSON ? handler.writeJson(data, outFile)
                : handler.write(data, outFile, outFormat);
        if (!result.ok()) {
            throw OutputFile.failed(outFile, result);
        }
        return result.records();
    }

    private static long print(Output output, FallbackHandler handler, Progress.Tracked records) {
        try (Output.Records out = output.records(handler.mapper())) {
            while (records.hasNext()) {
                out.print(records.next());
            }
            return out.count();
        }
    }
}

package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RepairResult;
import io.hydralogger.fallbacks.format.Format;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code repair}: rewrites a damaged file from what can be salvaged, keeping the original. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Repair FILE in place: keep the damaged original as FILE.corrupt-<timestamp>, then",
            "rewrite FILE atomically from the records salvaged from it. An intact file is left alone.",
            "Exit 0 when FILE is intact now, 2 when it cannot be repaired."})
final class RepairCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to repair.")
    Path file;

    @Option(names = "--format", paramLabel = "F", description = "FILE's format: json, jsonl or csv.")
    String format;

    @Option(names = "--json", description = "Print what was done as one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        Format fileFormat = Formats.of(file, format);
        FallbackHandler handler = FallbackHandler.builder().build();
        RepairResult result = handler.repair(file, fileFormat);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("path", file.toString());
            summary.put("format", fileFormat.label());
            summary.put("repaired", result.repaired());
            summary.put("records", result.recordsKept());
            summary.put("skipped", result.report().skippedRecords());
            summary.put("damaged_copy", result.damagedCopy().map(Path::toString).orElse(null));
            summary.put("problems", Reports.problems(result.report()));
            out.println(handler.mapper().writeValueAsString(summary));
        } else if (result.repaired()) {
            out.printf("repaired %s: kept %d records, skipped %d; the damaged original is %s%n", file,
                    result.recordsKept(), result.report().skippedRecords(),
                    result.damagedCopy().map(Path::toString).orElse("?"));
            Reports.printProblems(out, result.report());
        } else if (result.ok()) {
            out.printf("intact     %s (%s, %d records): nothing to repair%n", file, fileFormat.label(),
                    result.recordsKept());
        }
        out.flush();
        if (!result.ok()) {
            throw new CliException(Main.ERROR, "could not repair " + file + ": "
                    + result.error().map(Errors::describe).orElse("unknown error")
                    + result.fallbackFile().map(f -> "; the salvaged records are in " + f).orElse(""));
        }
        return Main.OK;
    }
}

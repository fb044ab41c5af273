package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import io.hydralogger.fallbacks.RefusedException;
import io.hydralogger.fallbacks.RepairResult;
import io.hydralogger.fallbacks.format.Format;
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
import picocli.CommandLine.Spec;

/** {@code repair}: rewrites a damaged file from what can be salvaged, keeping the original. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Repair a damaged file in place, keeping the original.",
            "The damaged FILE is kept as FILE.corrupt-<timestamp>, then FILE is rewritten atomically from"
                + " the records salvaged from it. An intact file is left alone.",
            "A repair never makes a file worse: when no record can be salvaged from a non-empty file, FILE is"
                + " left untouched (exit 1) unless --force.",
            "Exit 0 when FILE is intact now, 1 when the repair was refused, 2 when it failed.",
            "With --json, what was done as one JSON object."})
final class RepairCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to repair.")
    Path file;

    @Mixin
    FormatOption format = new FormatOption();

    @Mixin
    HandlerOptions options = new HandlerOptions();

    @Option(names = "--force", description = "Rewrite FILE even when no record can be salvaged from it (it becomes"
            + " an empty file of its format; the original is still kept as FILE.corrupt-<timestamp>).")
    boolean force;

    @Mixin
    JsonOption json = new JsonOption();

    @Override
    public Integer call() {
        Format fileFormat = format.of(file);
        FallbackHandler handler = options.handler();
        RepairResult result = handler.repair(file, fileFormat, force);
        boolean refused = result.error().filter(RefusedException.class::isInstance).isPresent();
        Output output = Output.of(spec);
        PrintWriter out = output.out();
        if (json.json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("path", file.toString());
            summary.put("format", fileFormat.label());
            summary.put("intact", result.ok() && !result.repaired());
            summary.put("repaired", result.repaired());
            summary.put("refused", refused);
            summary.put("records", result.recordsKept());
            Reports.putDamage(summary, result.report());
            summary.put("damaged_copy", result.damagedCopy().map(Path::toString).orElse(null));
            summary.put("problems", Reports.problems(result.report()));
            output.json(out, summary);
        } else if (result.repaired()) {
            out.printf("repaired %s: kept %d records; %s; the damaged original is %s%n", file,
                    result.recordsKept(), Reports.damage(result.report()),
                    result.damagedCopy().map(Path::toString).orElse("?"));
            Reports.printProblems(out, result.report());
        } else if (result.ok()) {
            out.printf("intact     %s (%s, %d records): intact, nothing to do%n", file, fileFormat.label(),
                    result.recordsKept());
        }
        out.flush();
        if (refused) {
            throw new CliException(Main.CORRUPTED, "refused to repair " + file + ": no record can be salvaged from it"
                    + " (" + Reports.damage(result.report()) + "), so a rewrite would keep none; the file is untouched"
                    + " (--force rewrites it, keeping the original as " + file.getFileName() + ".corrupt-<timestamp>)");
        }
        if (!result.ok()) {
            throw new CliException(Main.ERROR, "could not repair " + file + ": "
                    + result.error().map(Errors::describe).orElse("unknown error")
                    + result.fallbackFile().map(f -> "; the salvaged records are in " + f).orElse(""),
                    result.error().orElse(null));
        }
        return Main.OK;
    }
}

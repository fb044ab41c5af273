package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code verify}: checks files for corruption, one streaming pass each. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check files for corruption: every problem with its kind, byte offset and line.",
            "Exit 0 when every file is intact, 1 when any is corrupted, 2 when one cannot be read."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to check.")
    List<Path> files;

    @Mixin
    DialectOptions dialect = new DialectOptions();

    @Option(names = "--format", paramLabel = "F",
            description = "The files' format: json, jsonl, csv or tsv (default: by each file's extension).")
    String format;

    @Option(names = "--json", description = "Print one JSON report object per file, one per line.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonMapper mapper = null;
        int exit = Main.OK;
        for (Path file : files) {
            Format fileFormat = Formats.of(file, format);
            CorruptionReport report = CorruptionDetector.inspect(file, fileFormat, ReadLimits.DEFAULTS, dialect.dialect());
            if (Reports.unreadable(report)) {
                err.println("hydra-fallbacks: " + file + ": " + report.problems().get(0).message());
                exit = Main.ERROR;
            } else if (!report.intact()) {
                exit = Math.max(exit, Main.CORRUPTED);
            }
            if (json) {
                if (mapper == null) {
                    // made only for --json: making a mapper takes a good part of a short run
                    mapper = JsonMapper.builder().build();
                }
                out.println(mapper.writeValueAsString(Reports.toMap(report)));
            } else if (!Reports.unreadable(report)) {
                if (report.intact()) {
                    out.printf("intact     %s (%s, %d records)%n", file, fileFormat.label(), report.validRecords());
                } else {
                    out.printf("corrupted  %s (%s, %d records intact; %s)%n", file, fileFormat.label(),
                            report.validRecords(), Reports.damage(report));
                    Reports.printProblems(out, report);
                }
                report.notes().forEach(note -> out.println("  note: " + note));
            }
        }
        out.flush();
        return exit;
    }
}

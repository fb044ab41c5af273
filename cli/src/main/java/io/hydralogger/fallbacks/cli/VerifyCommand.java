package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.format.Format;
import io.hydralogger.fallbacks.format.ReadLimits;
import io.hydralogger.fallbacks.recovery.CorruptionDetector;
import io.hydralogger.fallbacks.recovery.CorruptionReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code verify}: checks files for corruption, one streaming pass each. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check files for corruption.",
            "Every problem is listed with its kind, byte offset and line.",
            "Exit 0 when every file is intact, 1 when any is corrupted, 2 when one cannot be read.",
            "With --json, one report object per file."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The files to check.")
    List<Path> files;

    @Mixin
    FormatOption format = new FormatOption();

    @Mixin
    HandlerOptions options = new HandlerOptions();

    @Mixin
    JsonOption json = new JsonOption();

    @Override
    public Integer call() {
        Output output = Output.of(spec);
        long total = files.stream().mapToLong(Progress::sizeOf).filter(size -> size > 0).sum();
        try (Progress progress = Progress.bytes("verify", total, main.quiet())) {
            if (!progress.enabled()) {
                return verify(output, output.out(), output.err(), progress);
            }
            // a bar is redrawn on stderr: the results wait for it to end, not to tear it
            StringWriter outText = new StringWriter();
            StringWriter errText = new StringWriter();
            int exit = verify(output, new PrintWriter(outText), new PrintWriter(errText), progress);
            progress.close();
            output.err().print(errText);
            output.err().flush();
            output.out().print(outText);
            output.out().flush();
            return exit;
        }
    }

    private int verify(Output output, PrintWriter out, PrintWriter err, Progress progress) {
        int exit = Main.OK;
        long bytesBefore = 0;
        long recordsBefore = 0;
        for (Path file : files) {
            Format fileFormat = format.of(file);
            long bytesDone = bytesBefore;
            long recordsDone = recordsBefore;
            CorruptionReport report = CorruptionDetector.inspect(file, fileFormat, ReadLimits.DEFAULTS,
                    options.dialect(), bytes -> progress.update(bytesDone + bytes, recordsDone));
            bytesBefore += Math.max(0, Progress.sizeOf(file));
            recordsBefore += report.validRecords();
            progress.update(bytesBefore, recordsBefore);
            if (Reports.unreadable(report)) {
                err.println("hydra-fallbacks: " + file + ": " + report.problems().get(0).message());
                exit = Main.ERROR;
            } else if (!report.intact()) {
                exit = Math.max(exit, Main.CORRUPTED);
            }
            if (json.json) {
                output.json(out, Reports.toMap(report));
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

package io.hydralogger.fallbacks.cli;

import io.hydralogger.fallbacks.FallbackHandler;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code hydra-fallbacks} command: check, rescue, convert and demonstrate safe data files.
 * Exit codes: 0 success (every file intact), 1 a file is corrupted, 2 usage or I/O error. An
 * error is one line on stderr; {@code --verbose} adds its stack trace.
 */
@Command(name = "hydra-fallbacks", mixinStandardHelpOptions = true, version = "hydra-fallbacks 0.1.0",
        description = "Safe, fast JSON, JSON Lines and CSV files: write atomically, detect corruption, salvage.",
        subcommands = {DemoCommand.class, VerifyCommand.class, RecoverCommand.class, RepairCommand.class,
            ConvertCommand.class, CatCommand.class, BenchCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success; every file intact", "1:a file is corrupted", "2:usage or I/O error"})
public final class Main implements Callable<Integer> {
    /** Exit code: success. */
    static final int OK = 0;
    /** Exit code: a file is corrupted. */
    static final int CORRUPTED = 1;
    /** Exit code: usage or I/O error. */
    static final int ERROR = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log what the library does (also the outcomes the tool reports itself) and print the"
                + " stack traces of errors.")
    boolean verbose;

    @Option(names = "--quiet", scope = CommandLine.ScopeType.INHERIT,
            description = "No progress bars and no log lines; results and errors only.")
    boolean quiet;

    /**
     * Runs the tool.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Runs the tool without exiting: the entry point for tests.
     *
     * @param args the command line
     * @return the exit code
     */
    static int run(String... args) {
        List<String> list = Arrays.asList(args);
        boolean verbose = list.contains("--verbose");
        configureLogging(verbose, list.contains("--quiet"));
        CommandLine cli = commandLine(System.getenv(HelpLayout.COLUMNS));
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            PrintWriter err = line.getErr();
            if (verbose) {
                e.printStackTrace(err);
            }
            err.println(prefix(line) + Errors.describe(e));
            err.flush();
            return e instanceof CliException cli2 ? cli2.exitCode() : ERROR;
        });
        cli.setParameterExceptionHandler((e, parseArgs) -> {
            CommandLine line = e.getCommandLine();
            PrintWriter err = line.getErr();
            if (verbose) {
                e.printStackTrace(err);
            }
            err.println(prefix(line) + usageError(e) + " (see '" + commandPath(line) + " --help')");
            err.flush();
            return ERROR;
        });
        return cli.execute(args);
    }

    /**
     * {@return the tool's commands, their help laid out for a terminal of the given width}
     *
     * @param columns the terminal's width ({@value HelpLayout#COLUMNS}), or null for the
     *     terminal's own
     */
    static CommandLine commandLine(String columns) {
        CommandLine cli = new CommandLine(new Main());
        HelpLayout.apply(cli, columns);
        return cli;
    }

    /** Without a subcommand: the usage on stderr, and a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ERROR;
    }

    /** {@return whether progress bars and log lines are off} */
    boolean quiet() {
        return quiet;
    }

    private static String usageError(CommandLine.ParameterException e) {
        if (e.getCause() instanceof CommandLine.TypeConversionException conversion) {
            // an option value the tool's converters refused: their words say what was expected
            return Errors.firstLine(conversion.getMessage());
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            String problem = e.getCommandLine().getParent() == null && !first.startsWith("-")
                    ? "unknown subcommand '" + first + "'" : Errors.firstLine(e.getMessage());
            // picocli's suggestions: the subcommands or options whose names are closest
            List<String> suggestions = unmatched.getSuggestions();
            return suggestions.isEmpty() ? problem
                    : problem + "; did you mean " + String.join(" or ", suggestions) + "?";
        }
        return Errors.firstLine(e.getMessage());
    }

    /**
     * The library logs through SLF4J; the tool shows its warnings on stderr, or everything with
     * --verbose. The lines of the handler's logger tell the outcome of each operation (a write
     * that fell back, a read that salvaged, a repair), which every command reports itself in its
     * own result: they come only with --verbose, so that no outcome is told twice.
     */
    private static void configureLogging(boolean verbose, boolean quiet) {
        String level = verbose ? "debug" : quiet ? "off" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.log." + FallbackHandler.class.getName(), verbose ? "debug" : "off");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static String prefix(CommandLine line) {
        return commandPath(line) + ": ";
    }

    private static String commandPath(CommandLine line) {
        LinkedList<String> names = new LinkedList<>();
        for (CommandLine c = line; c != null; c = c.getParent()) {
            names.addFirst(c.getCommandName());
        }
        return String.join(" ", names);
    }
}

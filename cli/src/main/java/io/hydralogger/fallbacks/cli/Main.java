package io.hydralogger.fallbacks.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code hydra-fallbacks} command: check, rescue, convert and demonstrate safe data files.
 * Exit codes: 0 success (every file intact), 1 a file is corrupted, 2 usage or I/O error.
 */
@Command(name = "hydra-fallbacks", mixinStandardHelpOptions = true, version = "hydra-fallbacks 0.1.0",
        description = "Safe, fast JSON, JSON Lines and CSV files: write atomically, detect corruption, salvage.",
        subcommands = {DemoCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code: success. */
    static final int OK = 0;
    /** Exit code: a file is corrupted. */
    static final int CORRUPTED = 1;
    /** Exit code: usage or I/O error. */
    static final int ERROR = 2;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Log what the library does and print stack traces of errors.")
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
        configureLogging(args);
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
            PrintWriter err = line.getErr();
            if (verbose) {
                e.printStackTrace(err);
            } else {
                err.println("hydra-fallbacks: " + oneLine(e));
            }
            return ERROR;
        });
        cli.setParameterExceptionHandler((e, parseArgs) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("hydra-fallbacks: " + e.getMessage());
            err.println("Try 'hydra-fallbacks " + String.join(" ", subcommandPath(e.getCommandLine()))
                    + "--help' for more information.");
            return ERROR;
        });
        return cli.execute(args);
    }

    /** The library logs through SLF4J; the tool shows warnings on stderr, or everything with --verbose. */
    private static void configureLogging(String[] args) {
        java.util.List<String> list = java.util.Arrays.asList(args);
        String level = list.contains("--verbose") ? "debug" : list.contains("--quiet") ? "off" : "warn";
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
        System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
    }

    private static java.util.List<String> subcommandPath(CommandLine line) {
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        for (CommandLine c = line; c.getParent() != null; c = c.getParent()) {
            names.addFirst(c.getCommandName() + " ");
        }
        return names;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}

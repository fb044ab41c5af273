package io.hydralogger.fallbacks.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code completion}: prints the bash completion script of every subcommand and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash completion script for hydra-fallbacks.",
            "Use it in this shell:",
            "  source <(./hydra-fallbacks completion)",
            "or keep it for every new shell (bash-completion's folder):",
            "  d=~/.local/share/bash-completion/completions",
            "  mkdir -p $d && ./hydra-fallbacks completion > $d/hydra-fallbacks"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine root = spec.commandLine().getParent();
        PrintWriter out = Output.of(spec).out();
        out.print(AutoComplete.bash(root.getCommandName(), root));
        out.flush();
        return Main.OK;
    }
}

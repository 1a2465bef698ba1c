package org.lanyard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lanyard} command. Each subcommand is one class; see README "The lanyard command". */
@Command(name = "lanyard", mixinStandardHelpOptions = true, version = "lanyard 0.1.0",
        description = "Credential and certificate lifecycle management: a CA, its API, and the tools around it.",
        subcommands = {InitCommand.class, StartCommand.class, StartDevCommand.class, IssueCommand.class,
                ListCommand.class, ShowCommand.class, RevokeCommand.class, ResumeCommand.class, AuditCommand.class,
                CardsimCommand.class, AcmeCommand.class})
public class LanyardCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        CommandLine line = new CommandLine(new LanyardCommand());
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("lanyard: " + Failures.describe(e));
            return 2;
        });
        return line.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

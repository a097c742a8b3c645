package io.github.weeklyarchive.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code weekly-archive} command: {@code build}, {@code serve}, {@code check} and {@code new}. */
@Command(name = "weekly-archive",
        mixinStandardHelpOptions = true,
        version = "weekly-archive 0.1",
        description = "Turns a folder of weekly Markdown reports into a static website.",
        subcommands = {BuildCommand.class, ServeCommand.class, CheckCommand.class, NewCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 problems in the input, 2 wrong usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> internalError(e, err));
        try {
            return cli.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) { // errors escape picocli's handler, which takes exceptions
            return internalError(e, err);
        }
    }

    /**
     * Input problems are reported as path:line lines by the commands; reaching here is a bug of ours. One line
     * says so; the stack trace, for the bug report, only with WEEKLY_ARCHIVE_DEBUG set.
     */
    private static int internalError(Throwable e, PrintWriter err) {
        err.println("weekly-archive: internal error: " + e + " (please report it with the command you ran"
                + (System.getenv("WEEKLY_ARCHIVE_DEBUG") == null ? "; WEEKLY_ARCHIVE_DEBUG=1 prints the details)" : ")"));
        if (System.getenv("WEEKLY_ARCHIVE_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return 3;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package dev.mamori.app.cli;

import dev.mamori.app.MamoriVersion;
import dev.mamori.input.InputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mamori} command and its subcommands. */
@Command(name = "mamori",
        mixinStandardHelpOptions = true,
        versionProvider = MamoriCommand.Version.class,
        description = "Mamori (守り) turns SBOMs into fast, correct vulnerability decisions.",
        subcommands = {
            ScanCommand.class,
            SbomCommand.class,
            VersionCommand.class,
            PurlCommand.class,
            CvssCommand.class,
            ServeCommand.class,
            FeedCommand.class,
            DbCommand.class,
            CommandLine.HelpCommand.class,
        },
        footer = {"", "Exit codes: 0 success / no findings, 1 findings at or above --fail-on, 2 usage or input error, 3 internal error."})
public final class MamoriCommand implements Runnable {
    /** Exit codes shared by every command. */
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE_OR_INPUT = 2;
    public static final int INTERNAL = 3;
    /** Returned by a command that leaves a server running: the JVM must not exit. */
    public static final int KEEP_RUNNING = -1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new MamoriCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, args2) -> {
            PrintWriter w = e.getCommandLine().getErr();
            w.println("mamori: " + e.getMessage());
            w.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            w.flush();
            return USAGE_OR_INPUT;
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter w = commandLine.getErr();
            if (e instanceof InputException) {
                w.println("mamori: " + e.getMessage());
                w.flush();
                return USAGE_OR_INPUT;
            }
            if (e instanceof IllegalArgumentException) {
                w.println("mamori: " + e.getMessage());
                w.flush();
                return USAGE_OR_INPUT;
            }
            w.println("mamori: internal error: " + e);
            if (System.getenv("MAMORI_DEBUG") != null) {
                e.printStackTrace(w);
            } else {
                w.println("mamori: set MAMORI_DEBUG=1 to see the stack trace");
            }
            w.flush();
            return INTERNAL;
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mamori " + MamoriVersion.get(), "Java " + Runtime.version()};
        }
    }
}

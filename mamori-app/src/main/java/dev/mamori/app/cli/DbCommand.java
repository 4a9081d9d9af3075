package dev.mamori.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mamori db …}: the vulnerability-intelligence store: import, status, signed offline bundles. */
@Command(name = "db",
        description = "The vulnerability-intelligence store (the same one 'serve' uses): import advisories, "
                + "show per-source status, export and import signed offline bundles.",
        mixinStandardHelpOptions = true,
        subcommands = {
            CommandLine.HelpCommand.class,
            DbImportCommand.class,
            DbStatusCommand.class,
            DbExportCommand.class,
            DbKeygenCommand.class,
            DbSyncCommand.class,
            DbIndexCommand.class,
        })
final class DbCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

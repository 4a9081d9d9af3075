package dev.mamori.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mamori sbom …}: read, check, compare and convert SBOMs. */
@Command(name = "sbom",
        description = "Work with SBOMs: validate, score quality, diff releases, convert formats.",
        mixinStandardHelpOptions = true,
        subcommands = {
            CommandLine.HelpCommand.class,
            SbomConvertCommand.class,
            SbomValidateCommand.class,
            SbomQualityCommand.class,
            SbomDiffCommand.class,
        })
final class SbomCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

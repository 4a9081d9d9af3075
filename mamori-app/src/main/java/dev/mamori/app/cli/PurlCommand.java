package dev.mamori.app.cli;

import dev.mamori.purl.Purl;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mamori purl canonical}: canonical package URLs, one per input line. */
@Command(name = "purl",
        description = "Work with package URLs.",
        mixinStandardHelpOptions = true,
        subcommands = {PurlCommand.Canonical.class, CommandLine.HelpCommand.class})
final class PurlCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "canonical", mixinStandardHelpOptions = true,
            description = "Reads purls, one per line; prints each in canonical form, or 'error: …'.")
    static final class Canonical implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(VersionCommand.stdin, StandardCharsets.UTF_8), 1 << 16);
            PrintWriter out = spec.commandLine().getOut();
            BufferedWriter w = new BufferedWriter(out, 1 << 16);
            String line;
            while ((line = in.readLine()) != null) {
                String result;
                try {
                    result = Purl.parse(line).toString();
                } catch (IllegalArgumentException e) {
                    result = "error: " + e.getMessage();
                }
                w.write(result);
                w.write('\n');
            }
            w.flush();
            out.flush();
            return MamoriCommand.OK;
        }
    }
}

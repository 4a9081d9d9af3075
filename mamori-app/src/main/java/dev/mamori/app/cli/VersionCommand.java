package dev.mamori.app.cli;

import dev.mamori.version.Vers;
import dev.mamori.version.VersionException;
import dev.mamori.version.VersionRange;
import dev.mamori.version.VersionScheme;
import dev.mamori.version.VersionSchemes;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mamori version compare|satisfies}: batch version checks, one per input line. */
@Command(name = "version",
        description = "Compare versions and check ranges with an ecosystem's exact rules, one check per line of standard input.",
        mixinStandardHelpOptions = true,
        subcommands = {VersionCommand.Compare.class, VersionCommand.Satisfies.class, CommandLine.HelpCommand.class})
final class VersionCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Overridable in tests; the real command reads the process's standard input. */
    static InputStream stdin = System.in;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The scheme by name; an unknown name is a usage error (exit 2) through the CLI's exception handler. */
    static VersionScheme scheme(String name) {
        return VersionSchemes.forName(name);
    }

    /** Reads tab-separated pairs from stdin, writes one result line per input line. */
    abstract static class LineCommand implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--scheme", required = true, paramLabel = "SCHEME",
                description = "maven, npm, pypi, golang, cargo, nuget, gem, composer, hex, pub, deb, rpm, apk, openssl, semver, generic, …")
        String schemeName;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            VersionScheme scheme = scheme(schemeName);
            BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16);
            PrintWriter out = spec.commandLine().getOut();
            BufferedWriter w = new BufferedWriter(out, 1 << 16);
            String line;
            while ((line = in.readLine()) != null) {
                int tab = line.indexOf('\t');
                String result;
                if (tab < 0) {
                    result = "error: expected two fields separated by a tab";
                } else {
                    try {
                        result = check(scheme, line.substring(0, tab), line.substring(tab + 1));
                    } catch (VersionException e) {
                        result = "error: " + e.getMessage();
                    }
                }
                w.write(result);
                w.write('\n');
            }
            w.flush();
            out.flush();
            return MamoriCommand.OK;
        }

        abstract String check(VersionScheme scheme, String first, String second);
    }

    @Command(name = "compare", mixinStandardHelpOptions = true,
            description = "Reads lines 'A<TAB>B'; prints -1, 0 or 1 (A before, equal to, after B), or 'error: …'.")
    static final class Compare extends LineCommand {
        @Override
        String check(VersionScheme scheme, String a, String b) {
            return Integer.toString(Integer.signum(scheme.compare(a, b)));
        }
    }

    @Command(name = "satisfies", mixinStandardHelpOptions = true,
            description = "Reads lines 'VERSION<TAB>RANGE' (the scheme's native syntax or vers:); prints true, false or 'error: …'.")
    static final class Satisfies extends LineCommand {
        private final Map<String, VersionRange> ranges = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, VersionRange> eldest) {
                return size() > 4096;
            }
        };

        @Override
        String check(VersionScheme scheme, String version, String range) {
            VersionRange parsed = ranges.get(range);
            if (parsed == null) {
                parsed = parse(scheme, range);
                ranges.put(range, parsed);
            }
            return Boolean.toString(parsed.contains(version));
        }

        private static VersionRange parse(VersionScheme scheme, String range) {
            if (range.regionMatches(true, 0, "vers:", 0, 5)) {
                Vers vers = Vers.parseLenient(range);
                if (!vers.scheme().equals(scheme.name())) {
                    throw new VersionException("the range is for scheme '" + vers.scheme() + "', not '" + scheme.name() + "'");
                }
                return vers;
            }
            return scheme.parseRange(range);
        }
    }
}

package dev.mamori.app.cli;

import dev.mamori.app.MamoriVersion;
import dev.mamori.app.feed.FeedConfig;
import dev.mamori.app.feed.FeedResult;
import dev.mamori.app.feed.FeedSync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mamori feed}: keeps a local mirror of the vulnerability sources up to date over HTTP. */
@Command(name = "feed",
        description = "Fetch vulnerability data (OSV, NVD, KEV, EPSS, JVN, CSAF) into a local mirror directory.",
        mixinStandardHelpOptions = true,
        subcommands = {FeedCommand.Sync.class})
final class FeedCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mamori feed sync}. */
    @Command(name = "sync",
            description = {"Bring the mirror up to date: only what changed since the last sync is fetched "
                    + "(conditional requests, modified-since lists), an interrupted sync continues where it stopped, "
                    + "and every file appears whole or not at all.",
                    "The mirror can be imported as it is, or copied to a site without network access."},
            mixinStandardHelpOptions = true,
            footer = {"", "Sources: osv, nvd, kev, epss, jvn, csaf (CSAF needs a provider: --url csaf=URL-or-domain).",
                    "Exit codes: 0 every source synced, 1 some source failed (the rest is kept), 2 usage error."})
    static final class Sync implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @CommandLine.Mixin
        FeedOptions feed;

        @Option(names = "--data-dir", defaultValue = "mamori-data", paramLabel = "DIR",
                description = "Data directory (default: ./${DEFAULT-VALUE}); the mirror is DIR/feeds unless --mirror.")
        Path dataDir;

        @Option(names = "--mirror", paramLabel = "DIR", description = "Mirror directory (default: DATA_DIR/feeds).")
        Path mirror;

        @Override
        public Integer call() {
            List<String> wanted = FeedSync.sources(feed.sources);
            Path dir = mirror != null ? mirror : dataDir.resolve("feeds");
            List<FeedResult> results;
            try {
                results = new FeedSync(feed.config(), dir).run(wanted);
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("mamori: " + e.getMessage());
                err.flush();
                return MamoriCommand.FINDINGS;
            }
            print(results, dir, spec.commandLine().getOut());
            return results.stream().anyMatch(FeedResult::failed) ? MamoriCommand.FINDINGS : MamoriCommand.OK;
        }

        static void print(List<FeedResult> results, Path dir, PrintWriter out) {
            out.println("mirror: " + dir.toAbsolutePath().normalize());
            for (FeedResult r : results) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-5s %-9s",
                        r.source(), r.outcome().name().toLowerCase(Locale.ROOT)));
                line.append(" fetched ").append(r.fetched()).append(r.fetched() == 1 ? " file" : " files");
                if (r.bytes() > 0) {
                    line.append(" (").append(size(r.bytes())).append(')');
                }
                line.append(", unchanged ").append(r.unchanged());
                if (r.refused() > 0) {
                    line.append(", refused ").append(r.refused());
                }
                if (!r.errors().isEmpty()) {
                    line.append(", ").append(r.errors().size()).append(r.errors().size() == 1 ? " error" : " errors");
                }
                out.println(line);
                for (String n : r.notes()) {
                    out.println("      note: " + n);
                }
                for (String e : r.errors()) {
                    out.println("      error: " + e);
                }
            }
            out.flush();
        }

        private static String size(long bytes) {
            if (bytes < 1024) {
                return bytes + " B";
            }
            if (bytes < 1024 * 1024) {
                return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
            }
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
    }
}

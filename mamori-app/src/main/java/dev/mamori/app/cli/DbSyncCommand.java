package dev.mamori.app.cli;

import dev.mamori.app.feed.FeedResult;
import dev.mamori.app.feed.FeedSync;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.Database;
import dev.mamori.store.ImportResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mamori db sync}: brings the feed mirror up to date over HTTP ({@code mamori feed sync}) and imports what
 * changed into the store in one transaction ({@code mamori db import}); a source that failed is recorded in the
 * store's status, the others are imported.
 */
@Command(name = "sync",
        description = {"Sync advisory feeds over HTTP into the mirror (DATA_DIR/feeds), then import the files that "
                + "changed into the store. Offline sites: copy a mirror and use 'mamori db import' instead."},
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 synced and imported, 1 some source failed (the rest is imported), 2 usage or input error."})
final class DbSyncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions database;

    @CommandLine.Mixin
    FeedOptions feed;

    @Option(names = "--mirror", paramLabel = "DIR", description = "Mirror directory (default: DATA_DIR/feeds).")
    Path mirror;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> wanted = FeedSync.sources(feed.sources);
        Path dir = mirror != null ? mirror : database.dataDir().resolve("feeds");
        List<FeedResult> results = new FeedSync(feed.config(), dir).run(wanted);
        FeedCommand.Sync.print(results, dir, out);
        List<Path> changed = new ArrayList<>();
        for (FeedResult r : results) {
            if (!r.failed()) {
                changed.addAll(r.written());
            }
        }
        Instant now = Instant.now();
        try (Database db = database.open()) {
            AdvisoryStore store = new AdvisoryStore(db);
            for (FeedResult r : results) {
                if (r.failed()) {
                    store.recordFailure(r.source(), String.join("; ", r.errors()), now);
                }
            }
            if (changed.isEmpty()) {
                out.println("Nothing new to import.");
            } else {
                ImportResult result = store.importPaths(changed, now, now);
                ImportResult.Counts t = result.total();
                out.printf("Imported %d files: %d records read, %d added, %d updated, %d unchanged, %d withdrawn.%n",
                        changed.size(), t.read(), t.added(), t.updated(), t.unchanged(), t.withdrawn());
            }
        }
        out.flush();
        return results.stream().anyMatch(FeedResult::failed) ? MamoriCommand.FINDINGS : MamoriCommand.OK;
    }
}

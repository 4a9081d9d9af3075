package dev.mamori.app.cli;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisorySink;
import dev.mamori.advisory.AdvisorySources;
import dev.mamori.match.AdvisoryIndex;
import dev.mamori.match.AdvisoryIndexSnapshot;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mamori db index}: writes an advisory index snapshot for {@code mamori scan --index FILE}. */
@Command(name = "index",
        description = {"Write an index snapshot of the advisories (from the store, or from --advisories files) for "
                + "'mamori scan --index FILE': memory-mapped and decoded on demand, so a CI scan starts at once."},
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 written, 2 usage or input error."})
final class DbIndexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The snapshot file to write.")
    Path output;

    @Option(names = "--advisories", arity = "1..*", paramLabel = "PATH",
            description = "Index these files or directories instead of the store (any format 'db import' reads).")
    List<Path> advisories = List.of();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        List<Advisory> all = new ArrayList<>();
        if (!advisories.isEmpty()) {
            for (Path p : advisories) {
                AdvisorySources.read(p, new AdvisorySink() {
                    @Override
                    public void advisory(Advisory advisory) {
                        all.add(advisory);
                    }
                });
            }
        } else {
            try (Database db = database.open()) {
                new AdvisoryStore(db).forEachAdvisory(false, all::add);
            }
        }
        AdvisoryIndex index = AdvisoryIndex.of(all);
        AdvisoryIndexSnapshot.write(index, output);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Wrote %s: %d advisories, %d vulnerabilities, %d packages in %.1f s.%n", output, index.advisoryCount(),
                index.vulnerabilityCount(), index.packageCount(), (System.nanoTime() - start) / 1e9);
        out.flush();
        return MamoriCommand.OK;
    }
}

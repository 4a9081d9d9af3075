package dev.mamori.app.cli;

import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.BundleKeys;
import dev.mamori.store.Bundles;
import dev.mamori.store.Database;
import dev.mamori.store.ImportResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mamori db import}: advisory files, directories and archives, or a signed bundle, in one transaction. */
@Command(name = "import",
        description = {"Import vulnerability intelligence into the store, in one transaction: nothing is written if any "
                + "file is bad.",
            "PATHs are files, directories or archives in any format Mamori reads (OSV, NVD CVE API 2.0, CVE 5, JVN, "
                + "CSAF, KEV, EPSS, CWE), recognised by content. Identical records are left as they are.",
            "--bundle imports a bundle made by 'mamori db export'; its signature is verified with a trusted key before "
                + "anything is written."},
        mixinStandardHelpOptions = true,
        footer = {"", "Exit codes: 0 imported, 2 usage or input error (the store is unchanged)."})
final class DbImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files, directories or archives to import.")
    List<Path> paths = List.of();

    @Option(names = "--bundle", paramLabel = "FILE", description = "Import this bundle instead of PATHs.")
    Path bundle;

    @Option(names = "--trusted-key", paramLabel = "FILE",
            description = "A public key (PEM) that may have signed the bundle; repeatable. Keys in DATA_DIR/trusted-keys/ "
                    + "are trusted too.")
    List<Path> trustedKeys = List.of();

    @Option(names = "--allow-unsigned",
            description = "Import a bundle that is not signed, or whose signature no trusted key can check. "
                    + "A signature that fails is refused regardless.")
    boolean allowUnsigned;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((bundle == null) == paths.isEmpty()) {
            throw new IllegalArgumentException("give either PATHs to import or --bundle FILE, not both"
                    + " (see 'mamori db import --help')");
        }
        if (bundle == null && (!trustedKeys.isEmpty() || allowUnsigned)) {
            throw new IllegalArgumentException("--trusted-key and --allow-unsigned go with --bundle");
        }
        long start = System.nanoTime();
        try (Database db = database.open()) {
            AdvisoryStore store = new AdvisoryStore(db);
            if (bundle != null) {
                List<BundleKeys.Trusted> trusted = BundleKeys.trusted(trustedKeys, database.dataDir().resolve("trusted-keys"));
                Bundles.Import imported = Bundles.importBundle(store, bundle, trusted, allowUnsigned, Instant.now());
                if (imported.verifiedBy() != null) {
                    out.printf("Bundle %s of %s, signature verified with %s (%s).%n", bundle, imported.createdAt(),
                            imported.verifiedBy().fingerprint(), imported.verifiedBy().name());
                } else {
                    err.println("mamori: WARNING: " + (imported.signed() ? "the bundle's signature was NOT CHECKED (no trusted key)"
                            : "the bundle is NOT SIGNED") + ": imported only because of --allow-unsigned. "
                            + "Its content is only as trustworthy as the way it reached you.");
                    out.printf("Bundle %s of %s, NOT VERIFIED.%n", bundle, imported.createdAt());
                }
                print(out, imported.result(), start);
            } else {
                ImportResult result = store.importPaths(paths, null, Instant.now());
                result.skipped().forEach(s -> err.println("mamori: skipped " + s));
                print(out, result, start);
            }
        }
        out.flush();
        err.flush();
        return MamoriCommand.OK;
    }

    private static void print(PrintWriter out, ImportResult result, long start) {
        int width = Math.max(6, result.sources().keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s %9s %9s %9s %9s%n";
        out.printf(row, "SOURCE", "ADDED", "UPDATED", "UNCHANGED", "WITHDRAWN");
        result.sources().forEach((source, c) -> out.printf(row, source, c.added(), c.updated(), c.unchanged(), c.withdrawn()));
        ImportResult.Counts t = result.total();
        if (result.sources().size() > 1) {
            out.printf(row, "TOTAL", t.added(), t.updated(), t.unchanged(), t.withdrawn());
        }
        out.printf("%d records read in %.1f s; %d added, %d updated, %d unchanged.%n", t.read(),
                (System.nanoTime() - start) / 1e9, t.added(), t.updated(), t.unchanged());
    }
}

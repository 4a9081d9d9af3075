package dev.mamori.app.cli;

import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.BundleKeys;
import dev.mamori.store.Bundles;
import dev.mamori.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mamori db export --bundle FILE}: a consistent, signed snapshot of every source, for air-gapped sites. */
@Command(name = "export",
        description = "Write every source of the store to one bundle file (a consistent snapshot), signed with "
                + "--signing-key, for 'mamori db import --bundle' on another machine.",
        mixinStandardHelpOptions = true)
final class DbExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--bundle", required = true, paramLabel = "FILE", description = "The bundle file to write (a zip).")
    Path bundle;

    @Option(names = "--signing-key", paramLabel = "FILE",
            description = "Ed25519 private key (PKCS#8 PEM, from 'mamori db keygen'); without it the bundle is unsigned.")
    Path signingKey;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PrivateKey key = signingKey == null ? null : BundleKeys.readPrivateKey(signingKey);
        long start = System.nanoTime();
        try (Database db = database.open()) {
            Bundles.Export e = Bundles.export(new AdvisoryStore(db), bundle, key, Instant.now());
            out.printf("Wrote %s: %d records of %d sources in %.1f s, %s.%n", bundle, e.total(), e.records().size(),
                    (System.nanoTime() - start) / 1e9, e.signed() ? "signed with " + signingKey : "UNSIGNED");
            if (!e.signed()) {
                err.println("mamori: WARNING: the bundle is NOT SIGNED: importers must pass --allow-unsigned and cannot "
                        + "tell it from a forgery. Sign it with --signing-key (see 'mamori db keygen').");
            }
        }
        out.flush();
        err.flush();
        return MamoriCommand.OK;
    }
}

package dev.mamori.app.cli;

import dev.mamori.store.BundleKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mamori db keygen --out DIR}: an Ed25519 key pair for signing bundles. */
@Command(name = "keygen",
        description = "Generate an Ed25519 key pair for signing bundles: " + BundleKeys.PRIVATE_FILE
                + " (PKCS#8 PEM, keep it secret) and " + BundleKeys.PUBLIC_FILE + " (X.509 PEM, give it to importers).",
        mixinStandardHelpOptions = true)
final class DbKeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the key pair to.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        BundleKeys.Generated g = BundleKeys.generate(out);
        w.printf("Private key: %s (keep it secret: it signs bundles)%n", g.privateKey());
        w.printf("Public key:  %s (%s)%n", g.publicKey(), g.fingerprint());
        w.println("Importers trust the public key with --trusted-key FILE or by copying it to DATA_DIR/trusted-keys/.");
        w.flush();
        return MamoriCommand.OK;
    }
}

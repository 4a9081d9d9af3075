package dev.mamori.app.cli;

import dev.mamori.app.MamoriVersion;
import dev.mamori.app.feed.FeedConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of a feed sync, shared by {@code mamori feed sync} and {@code mamori db sync}. */
final class FeedOptions {
    @Option(names = "--source", split = ",", paramLabel = "SOURCE", defaultValue = "all",
            description = "Sources to sync: osv, nvd, kev, epss, jvn, csaf or all (default); repeat or separate "
                    + "with commas.")
    List<String> sources;

    @Option(names = "--since", paramLabel = "WHEN",
            description = "Fetch what changed since WHEN instead of since the last sync: a date (2024-05-01), "
                    + "a date and time (2024-05-01T12:00:00Z) or an age (7d, 12h, P7D).")
    String since;

    @Option(names = "--full", description = "Ignore saved positions: download whole archives and every NVD page.")
    boolean full;

    @Option(names = "--nvd-api-key", paramLabel = "KEY", arity = "0..1", interactive = true,
            description = "NVD API key (raises the limit from 5 to 50 requests per 30 s); "
                    + "default: env NVD_API_KEY.")
    String nvdApiKey;

    @Option(names = "--url", paramLabel = "SOURCE=URL",
            description = "Use another URL for a source (a local mirror, say): osv (export base), nvd, kev, epss, "
                    + "jvn (MyJVN API), jvn-feed (data-feed checksum.txt; empty turns it off), csaf (a "
                    + "provider-metadata.json URL, a site URL or a domain; repeatable).")
    List<String> urls = new ArrayList<>();

    @Option(names = "--csaf-signatures", paramLabel = "MODE", defaultValue = "verify",
            description = "OpenPGP signatures of CSAF documents: verify (default; a published signature must "
                    + "verify with a provider key, else the document is refused), require (unsigned documents are "
                    + "refused too) or off.")
    String csafSignatures;

    @Option(names = "--csaf-key", paramLabel = "FILE",
            description = "Trust this OpenPGP public key file for CSAF signatures (repeatable); when given, only "
                    + "these keys count and the keys listed in provider-metadata.json are ignored.")
    List<Path> csafKeys = new ArrayList<>();

    @Option(names = "--ecosystems", split = ",", paramLabel = "NAME",
            description = "OSV ecosystems to sync (default: Go, PyPI, npm, Maven, crates.io, NuGet, RubyGems, "
                    + "Packagist, Hex, Pub, Debian, Ubuntu, Alpine, AlmaLinux, Rocky Linux, Red Hat, Wolfi, "
                    + "Chainguard, Bitnami).")
    List<String> ecosystems;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT2H",
            description = "Time budget per source (ISO-8601, default: ${DEFAULT-VALUE}); when spent, the source "
                    + "stops at a saved position.")
    java.time.Duration timeout;


    /** The sync configuration these options describe. */
    FeedConfig config() {
        FeedConfig.Builder b = FeedConfig.builder().userAgent("mamori/" + MamoriVersion.get()).full(full);
        for (String u : urls) {
            int eq = u.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--url wants SOURCE=URL, not '" + u + "'");
            }
            b.url(u.substring(0, eq), u.substring(eq + 1));
        }
        b.csafSignatures(FeedConfig.CsafSignatures.parse(csafSignatures));
        csafKeys.forEach(b::addCsafKey);
        if (ecosystems != null) {
            b.osvEcosystems(ecosystems);
        }
        String key = nvdApiKey != null ? nvdApiKey : System.getenv("NVD_API_KEY");
        b.nvdApiKey(key);
        if (since != null) {
            b.since(FeedConfig.parseSince(since, Instant.now()));
        }
        b.sourceTimeout(timeout);
        return b.build();
    }
}

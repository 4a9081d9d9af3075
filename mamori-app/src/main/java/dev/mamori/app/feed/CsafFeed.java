package dev.mamori.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.advisory.AdvisoryFormat;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;

/**
 * CSAF 2.0 / 2.1 providers (OASIS CSAF §7): discovery through {@code provider-metadata.json} (given directly, or
 * found at {@code https://<domain>/.well-known/csaf/provider-metadata.json}, or through the {@code CSAF:} field of
 * the domain's {@code /.well-known/security.txt}), then each distribution:
 * <ul>
 *   <li>ROLIE feeds ({@code distributions[].rolie.feeds[].url}): the entries' {@code updated} times select what
 *       changed; each entry's {@code content.src} (or {@code self} link) is the document, its {@code hash} links
 *       the checksums and its {@code signature} link the OpenPGP signature;</li>
 *   <li>directory feeds ({@code distributions[].directory_url}): {@code changes.csv} ({@code "path","time"},
 *       newest first) selects what changed, {@code index.txt} when there is no {@code changes.csv}; checksums and
 *       signature sit beside each document as {@code .sha512} / {@code .sha256} / {@code .asc}.</li>
 * </ul>
 * Every document is checked against its published SHA-512 or SHA-256 before it is written; a mismatch is refused
 * and nothing is written. Its OpenPGP signature ({@code .asc}) is then checked ({@link OpenPgpVerifier}) against the
 * keys the provider lists in {@code public_openpgp_keys} — each downloaded key must have the fingerprint the
 * metadata declares — or, when the user pinned keys ({@code --csaf-key}), against those alone. With the default
 * policy a published signature that does not verify refuses the document and an unsigned document is kept and
 * counted; {@code require} refuses unsigned documents too; {@code off} fetches no signatures. Documents are kept as
 * {@code csaf/<host>/<path>}; {@code csaf/.ledger.tsv} (hidden, so an import skips it) records for each download
 * its URL, SHA-256, checksum check and signature verdict (which key signed, and when). Feeds and
 * {@code changes.csv} are requested conditionally, and a per-feed watermark (the newest {@code updated} / time
 * written) selects new documents, advanced oldest first after each document.
 */
final class CsafFeed implements Feed {
    static final String NAME = "csaf";
    static final String LEDGER = ".ledger.tsv";

    /** One document to fetch. */
    record Doc(URI url, Instant updated, List<URI> hashes, URI signature) {}

    private int verified;
    private int unsigned;
    private int unverified;
    private List<OpenPGPCertificate> pinned;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void sync(FeedContext ctx) throws InterruptedException, IOException {
        if (ctx.config.csafProviders.isEmpty()) {
            ctx.tally.skipped = true;
            ctx.tally.note("no CSAF provider configured (give one with --url csaf=URL-or-domain)");
            return;
        }
        RateLimiter polite = ctx.perSecond(ctx.config.politeRequestsPerSecond);
        if (ctx.config.csafSignatures != FeedConfig.CsafSignatures.OFF && !ctx.config.csafKeys.isEmpty()) {
            pinned = new ArrayList<>();
            for (Path key : ctx.config.csafKeys) {
                try {
                    pinned.addAll(OpenPgpVerifier.readCertificates(key));
                } catch (OpenPgpVerifier.InvalidKeyException e) {
                    throw FeedException.stopping("--csaf-key " + e.getMessage());
                }
            }
        }
        for (String provider : ctx.config.csafProviders) {
            try {
                provider(ctx, provider, polite);
            } catch (FeedException e) {
                if (e.stopsSource()) {
                    throw e;
                }
                ctx.record(e);
            }
        }
        if (verified > 0) {
            ctx.tally.note(verified + " document(s) with a verified OpenPGP signature");
        }
        if (unsigned > 0) {
            ctx.tally.note(unsigned + " document(s) had no OpenPGP signature and were kept "
                    + "(--csaf-signatures require refuses them)");
        }
        if (ctx.config.csafSignatures == FeedConfig.CsafSignatures.OFF) {
            ctx.tally.note("OpenPGP signatures were not checked (--csaf-signatures off)");
        }
        if (unverified > 0) {
            ctx.tally.note(unverified + " document(s) had no published .sha512/.sha256 and were kept unverified");
        }
    }

    private void provider(FeedContext ctx, String provider, RateLimiter polite)
            throws InterruptedException, IOException {
        Metadata md = discover(ctx, provider, polite);
        ProviderKeys keys = ctx.config.csafSignatures == FeedConfig.CsafSignatures.OFF
                ? null : new ProviderKeys(md, polite);
        JsonNode distributions = md.json().path("distributions");
        if (!distributions.isArray() || distributions.isEmpty()) {
            throw new FeedException(md.url() + ": not a CSAF provider-metadata.json (no distributions)");
        }
        for (JsonNode d : distributions) {
            JsonNode feeds = d.path("rolie").path("feeds");
            try {
                if (feeds.isArray() && !feeds.isEmpty()) {
                    for (JsonNode f : feeds) {
                        String url = f.path("url").asText("");
                        if (!url.isEmpty()) {
                            rolie(ctx, md.url().resolve(url), polite, keys);
                        }
                    }
                } else if (d.hasNonNull("directory_url")) {
                    directory(ctx, md.url().resolve(d.path("directory_url").asText()), polite, keys);
                }
            } catch (FeedException e) {
                if (e.stopsSource()) {
                    throw e;
                }
                ctx.record(e);
            }
        }
    }

    record Metadata(URI url, JsonNode json) {}

    /** Finds and reads the provider's metadata; a copy is kept (hidden) for conditional requests. */
    private Metadata discover(FeedContext ctx, String provider, RateLimiter polite)
            throws InterruptedException, IOException {
        URI direct;
        URI securityTxt = null;
        if (provider.contains("://") && provider.endsWith(".json")) {
            direct = URI.create(provider);
        } else {
            String base = provider.contains("://") ? provider : "https://" + provider;
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            direct = URI.create(base + "/.well-known/csaf/provider-metadata.json");
            securityTxt = URI.create(base + "/.well-known/security.txt");
        }
        JsonNode json = json(ctx, direct, polite);
        if (json != null) {
            return new Metadata(direct, json);
        }
        if (securityTxt != null) {
            String text = ctx.http.text(HttpFetcher.Get.of(securityTxt, ctx.mirror.resolve(NAME), polite),
                    ctx.deadline);
            if (text != null) {
                for (String line : text.lines().toList()) {
                    String l = line.strip();
                    if (l.regionMatches(true, 0, "CSAF:", 0, 5)) {
                        URI listed = securityTxt.resolve(l.substring(5).strip());
                        JsonNode j = json(ctx, listed, polite);
                        if (j != null) {
                            return new Metadata(listed, j);
                        }
                    }
                }
            }
        }
        throw new FeedException(provider + ": no provider-metadata.json found (" + direct
                + (securityTxt == null ? "" : ", nor a CSAF: entry in " + securityTxt) + ")");
    }

    /** A provider-metadata.json, requested conditionally against the kept copy; null when not published. */
    private JsonNode json(FeedContext ctx, URI uri, RateLimiter polite) throws InterruptedException, IOException {
        Path copy = hostDir(ctx, uri).resolve(".provider-metadata.json");
        FeedState.Validators v = Files.exists(copy) && !ctx.config.full ? ctx.state.validators(uri.toString()) : null;
        HttpFetcher.Get get = HttpFetcher.Get.of(uri, copy.getParent(), polite);
        HttpFetcher.Response r = ctx.http.fetch(v == null || v.isEmpty() ? get : get.conditional(v), ctx.deadline);
        if (r.missing()) {
            return null;
        }
        if (r.ok()) {
            try {
                readJson(r.body(), uri);
                MirrorFiles.place(r.body(), copy);
            } finally {
                MirrorFiles.deleteQuietly(r.body());
            }
            ctx.state.validators(uri.toString(), r.etag(), r.lastModified());
        }
        return readJson(copy, uri);
    }

    private void rolie(FeedContext ctx, URI feedUri, RateLimiter polite, ProviderKeys keys)
            throws InterruptedException, IOException {
        String key = "rolie:" + feedUri;
        Instant w = watermark(ctx, key);
        FeedState.Validators v = conditional(ctx, key) ? ctx.state.validators(feedUri.toString()) : null;
        HttpFetcher.Get get = HttpFetcher.Get.of(feedUri, ctx.mirror.resolve(NAME), polite);
        HttpFetcher.Response r = ctx.http.fetch(v == null || v.isEmpty() ? get : get.conditional(v), ctx.deadline);
        if (r.notModified()) {
            ctx.tally.unchanged();
            return;
        }
        if (!r.ok()) {
            throw new FeedException(feedUri + ": HTTP " + r.status());
        }
        JsonNode feed;
        try {
            feed = readJson(r.body(), feedUri).path("feed");
        } finally {
            MirrorFiles.deleteQuietly(r.body());
        }
        if (!feed.isObject()) {
            throw new FeedException(feedUri + ": not a ROLIE feed (no \"feed\" object)");
        }
        List<Doc> docs = new ArrayList<>();
        for (JsonNode e : feed.path("entry")) {
            String src = e.path("content").path("src").asText("");
            List<URI> hashes = new ArrayList<>();
            URI signature = null;
            for (JsonNode link : e.path("link")) {
                String rel = link.path("rel").asText("");
                String href = link.path("href").asText("");
                if (href.isEmpty()) {
                    continue;
                }
                switch (rel) {
                    case "self" -> src = src.isEmpty() ? href : src;
                    case "hash" -> hashes.add(feedUri.resolve(href));
                    case "signature" -> signature = feedUri.resolve(href);
                    default -> { }
                }
            }
            if (src.isEmpty()) {
                ctx.tally.note(feedUri + ": entries without a document link were skipped");
                continue;
            }
            Instant updated = FeedConfig.parseTime(e.path("updated").asText(null));
            if (updated == null) {
                updated = FeedConfig.parseTime(e.path("published").asText(null));
            }
            if (w == null || updated == null || updated.isAfter(w)) {
                hashes.sort(Comparator.comparing(u -> u.getPath().endsWith(".sha512") ? 0 : 1));
                docs.add(new Doc(feedUri.resolve(src), updated, hashes, signature));
            }
        }
        documents(ctx, docs, key, polite, feedUri, r, keys);
    }

    private void directory(FeedContext ctx, URI dirUri, RateLimiter polite, ProviderKeys keys)
            throws InterruptedException, IOException {
        URI base = dirUri.toString().endsWith("/") ? dirUri : URI.create(dirUri + "/");
        String key = "directory:" + base;
        Instant w = watermark(ctx, key);
        URI changes = base.resolve("changes.csv");
        FeedState.Validators v = conditional(ctx, key) ? ctx.state.validators(changes.toString()) : null;
        HttpFetcher.Get get = HttpFetcher.Get.of(changes, ctx.mirror.resolve(NAME), polite);
        HttpFetcher.Response r = ctx.http.fetch(v == null || v.isEmpty() ? get : get.conditional(v), ctx.deadline);
        if (r.notModified()) {
            ctx.tally.unchanged();
            return;
        }
        List<Doc> docs = new ArrayList<>();
        if (r.ok()) {
            try (BufferedReader in = Files.newBufferedReader(r.body(), StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    int comma = line.lastIndexOf(',');
                    if (comma < 0) {
                        continue;
                    }
                    String path = unquote(line.substring(0, comma));
                    Instant time = FeedConfig.parseTime(unquote(line.substring(comma + 1)));
                    if (path.isEmpty() || time == null) {
                        continue;
                    }
                    if (w == null || time.isAfter(w)) {
                        docs.add(directoryDoc(base, path, time));
                    }
                }
            } finally {
                MirrorFiles.deleteQuietly(r.body());
            }
        } else {
            String index = ctx.http.text(HttpFetcher.Get.of(base.resolve("index.txt"), ctx.mirror.resolve(NAME),
                    polite), ctx.deadline);
            if (index == null) {
                throw new FeedException(base + ": neither changes.csv nor index.txt is published");
            }
            for (String line : index.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                Doc d = directoryDoc(base, line, null);
                if (ctx.config.full || !Files.exists(target(ctx, d.url()))) {
                    docs.add(d);
                }
            }
            r = null;
        }
        documents(ctx, docs, key, polite, changes, r, keys);
    }

    private static Doc directoryDoc(URI base, String path, Instant time) {
        URI url = base.resolve(path.startsWith("/") ? path.substring(1) : path);
        return new Doc(url, time, List.of(URI.create(url + ".sha512"), URI.create(url + ".sha256")),
                URI.create(url + ".asc"));
    }

    /** Fetches the selected documents oldest first, moving the watermark, then keeps the list's validators. */
    private void documents(FeedContext ctx, List<Doc> docs, String key, RateLimiter polite, URI list,
                           HttpFetcher.Response listResponse, ProviderKeys keys) throws InterruptedException {
        if (docs.isEmpty()) {
            ctx.tally.unchanged();
        }
        docs.sort(Comparator.comparing(Doc::updated, Comparator.nullsFirst(Comparator.naturalOrder())));
        boolean allOk = ctx.inOrder(docs, Doc::updated, d -> document(ctx, d, polite, keys), t -> {
            Instant current = ctx.cursorInstant(key);
            if (current == null || t.isAfter(current)) {
                ctx.cursor(key, t.toString());
            }
        });
        if (allOk && listResponse != null) {
            if (ctx.cursor(key) == null) {
                ctx.cursor(key, Instant.EPOCH.toString());
            }
            ctx.state.validators(list.toString(), listResponse.etag(), listResponse.lastModified());
            ctx.state.save();
        }
    }

    /**
     * Downloads one document, checks its published checksum and its OpenPGP signature, and writes it; a mismatch
     * or a signature that does not verify refuses it and writes nothing.
     */
    private void document(FeedContext ctx, Doc d, RateLimiter polite, ProviderKeys keys)
            throws InterruptedException, IOException {
        Path target = target(ctx, d.url());
        HttpFetcher.Response r = ctx.http.fetch(HttpFetcher.Get.of(d.url(), target.getParent(), polite), ctx.deadline);
        if (!r.ok()) {
            throw new FeedException(d.url() + ": HTTP " + r.status() + " (listed, but not published)");
        }
        String checksum = "none published";
        String signature;
        String sha256;
        try {
            sha256 = Checks.digest(r.body(), "SHA-256");
            String sha512 = Checks.digest(r.body(), "SHA-512");
            for (URI hashUrl : d.hashes()) {
                String text = ctx.http.text(HttpFetcher.Get.of(hashUrl, target.getParent(), polite), ctx.deadline);
                if (text == null) {
                    continue;
                }
                String expected = Checks.publishedHash(text);
                if (expected == null) {
                    throw FeedException.refused(d.url() + ": " + hashUrl + " holds no SHA-256 or SHA-512 hash; "
                            + "not written");
                }
                boolean is256 = expected.length() == 64;
                String actual = is256 ? sha256 : sha512;
                if (!expected.equals(actual)) {
                    throw FeedException.refused(d.url() + ": checksum mismatch: " + hashUrl + " says "
                            + (is256 ? "SHA-256 " : "SHA-512 ") + expected + " but the download has " + actual
                            + "; not written");
                }
                checksum = (is256 ? "SHA-256" : "SHA-512") + " verified";
                break;
            }
            signature = signature(ctx, d, r.body(), target.getParent(), polite, keys);
            ctx.place(r, target, Checks.format(AdvisoryFormat.CSAF));
        } finally {
            MirrorFiles.deleteQuietly(r.body());
        }
        if (checksum.startsWith("none")) {
            unverified++;
        }
        if (signature.startsWith("verified")) {
            verified++;
        } else if (signature.equals("absent")) {
            unsigned++;
        }
        ledger(ctx, d.url(), target, sha256, checksum, signature);
    }

    /**
     * The document's signature verdict for the ledger: "verified: signed by key … at …", "absent" or "not checked";
     * a signature that does not verify, or a missing one under {@code require}, refuses the document.
     */
    private String signature(FeedContext ctx, Doc d, Path body, Path tempDir, RateLimiter polite,
                             ProviderKeys keys) throws InterruptedException, IOException {
        if (keys == null) {
            return "not checked (--csaf-signatures off)";
        }
        HttpFetcher.Response s = d.signature() == null ? null
                : ctx.http.fetch(HttpFetcher.Get.of(d.signature(), tempDir, polite), ctx.deadline);
        if (s == null || !s.ok()) {
            if (ctx.config.csafSignatures == FeedConfig.CsafSignatures.REQUIRE) {
                throw FeedException.refused(d.url() + ": no OpenPGP signature published"
                        + (d.signature() == null ? "" : " (" + d.signature() + ": HTTP " + s.status() + ")")
                        + " and --csaf-signatures require is set; not written");
            }
            return "absent";
        }
        OpenPgpVerifier.Verdict v;
        try {
            if (Files.size(s.body()) > OpenPgpVerifier.MAX_SIGNATURE_BYTES) {
                v = new OpenPgpVerifier.Verdict(false, "is larger than the " + OpenPgpVerifier.MAX_SIGNATURE_BYTES
                        + " bytes a detached signature may have here");
            } else {
                v = keys.get(ctx).verify(body, Files.readAllBytes(s.body()));
            }
        } finally {
            MirrorFiles.deleteQuietly(s.body());
        }
        if (!v.verified()) {
            throw FeedException.refused(d.url() + ": OpenPGP signature " + d.signature() + " " + v.detail()
                    + "; not written");
        }
        return v.detail();
    }

    /** A provider's trusted keys, fetched when the first signature needs them (a run with nothing new fetches none). */
    private final class ProviderKeys {
        private final Metadata md;
        private final RateLimiter polite;
        private OpenPgpVerifier loaded;

        ProviderKeys(Metadata md, RateLimiter polite) {
            this.md = md;
            this.polite = polite;
        }

        OpenPgpVerifier get(FeedContext ctx) throws InterruptedException, IOException {
            if (loaded == null) {
                loaded = trustedKeys(ctx, md, polite);
            }
            return loaded;
        }
    }

    /**
     * The keys this provider's signatures are checked against: the pinned ones, else each key listed in the
     * metadata's {@code public_openpgp_keys} whose downloaded certificate has the declared fingerprint. A key that
     * cannot be fetched or does not match is left out with a note; documents signed by it are then refused.
     */
    private OpenPgpVerifier trustedKeys(FeedContext ctx, Metadata md, RateLimiter polite)
            throws InterruptedException, IOException {
        if (pinned != null) {
            return OpenPgpVerifier.of(pinned);
        }
        List<OpenPGPCertificate> certs = new ArrayList<>();
        for (JsonNode k : md.json().path("public_openpgp_keys")) {
            String url = k.path("url").asText("");
            String declared = k.path("fingerprint").asText("");
            if (url.isEmpty()) {
                continue;
            }
            URI keyUri = md.url().resolve(url);
            HttpFetcher.Response r = ctx.http.fetch(HttpFetcher.Get.of(keyUri, hostDir(ctx, keyUri), polite),
                    ctx.deadline);
            if (!r.ok()) {
                ctx.tally.note(keyUri + ": OpenPGP key not published (HTTP " + r.status() + "); not used");
                continue;
            }
            try {
                for (OpenPGPCertificate c : OpenPgpVerifier.readCertificates(Files.readAllBytes(r.body()),
                        keyUri.toString())) {
                    if (declared.isEmpty() || OpenPgpVerifier.hasFingerprint(c, declared)) {
                        certs.add(c);
                    } else {
                        ctx.tally.note(keyUri + ": the key's fingerprint " + OpenPgpVerifier.fingerprint(c)
                                + " is not the " + OpenPgpVerifier.normaliseFingerprint(declared)
                                + " that provider-metadata.json declares; not used");
                    }
                }
            } catch (OpenPgpVerifier.InvalidKeyException e) {
                ctx.tally.note(e.getMessage() + "; not used");
            } finally {
                MirrorFiles.deleteQuietly(r.body());
            }
        }
        return OpenPgpVerifier.of(certs);
    }

    private static void ledger(FeedContext ctx, URI url, Path target, String sha256, String checksum,
                               String signature) throws IOException {
        Path ledger = ctx.mirror.resolve(NAME).resolve(LEDGER);
        StringBuilder b = new StringBuilder();
        if (!Files.exists(ledger)) {
            b.append("# fetched_at\turl\tfile\tsha256\tchecksum\tsignature\n");
        }
        b.append(ctx.clock.instant()).append('\t').append(url).append('\t')
                .append(ctx.mirror.relativize(target).toString().replace('\\', '/')).append('\t').append(sha256)
                .append('\t').append(checksum).append('\t').append(signature).append('\n');
        Files.writeString(ledger, b, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static Path target(FeedContext ctx, URI url) {
        Path p = hostDir(ctx, url);
        for (String segment : url.getPath().split("/")) {
            if (!segment.isEmpty()) {
                p = p.resolve(MirrorFiles.safeName(segment));
            }
        }
        return p;
    }

    private static Path hostDir(FeedContext ctx, URI url) {
        String host = url.getHost() + (url.getPort() >= 0 ? "_" + url.getPort() : "");
        return ctx.mirror.resolve(NAME).resolve(MirrorFiles.safeName(host));
    }

    private static Instant watermark(FeedContext ctx, String key) {
        if (ctx.config.full) {
            return null;
        }
        return ctx.config.since != null ? ctx.config.since : ctx.cursorInstant(key);
    }

    /** Conditional list requests only when continuing from this feed's own completed position. */
    private static boolean conditional(FeedContext ctx, String key) {
        return !ctx.config.full && ctx.config.since == null && ctx.cursor(key) != null;
    }

    private static JsonNode readJson(Path file, URI from) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonInput.readTree(in, from.toString());
        } catch (InputException e) {
            throw new FeedException(from + ": not valid JSON (" + e.reason() + ")");
        }
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).replace("\"\"", "\"");
        }
        return t;
    }
}

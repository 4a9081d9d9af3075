package dev.mamori.app.feed;

import static dev.mamori.app.feed.SyncFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CsafFeedTest {
    static final byte[] VA = SyncFixtures.resource("csaf/va-25-148-01.json");
    static final byte[] VA_SHA512 = SyncFixtures.resource("csaf/va-25-148-01.json.sha512");
    static final byte[] ICSMA = SyncFixtures.resource("csaf/icsma-25-160-01.json");
    static final byte[] ICSMA_SHA512 = SyncFixtures.resource("csaf/icsma-25-160-01.json.sha512");
    /** GnuPG-made signatures and keys: tools/oracles/openpgp/make-csaf-signatures.sh. */
    static final byte[] VA_ASC = SyncFixtures.resource("csaf/openpgp/va-25-148-01.json.asc");
    static final byte[] PROVIDER_KEY = SyncFixtures.resource("csaf/openpgp/ed25519.pub.asc");
    static final String PROVIDER_FPR = OpenPgpVerifierTest.FINGERPRINTS.get("ed25519");
    static final String OTHER_FPR = OpenPgpVerifierTest.FINGERPRINTS.get("other");

    @TempDir
    Path mirror;

    FixtureServer server;
    FakeTime time;
    String base;

    @BeforeEach
    void setUp() throws IOException {
        server = new FixtureServer();
        time = new FakeTime(START);
        base = server.base() + "/vendor";
        server.file("/vendor/.well-known/csaf/provider-metadata.json", providerMetadata(), "\"pm-1\"", null);
        // ROLIE distribution: one good document (hash and signature links), one whose content was altered
        server.file("/vendor/.well-known/csaf/feed-tlp-white.json", rolieFeed(), "\"feed-1\"", null);
        server.file("/vendor/csaf/rolie/2025/va-25-148-01.json", VA);
        server.file("/vendor/csaf/rolie/2025/va-25-148-01.json.sha512", VA_SHA512);
        server.file("/vendor/csaf/rolie/2025/va-25-148-01.json.asc", VA_ASC);
        server.file("/vendor/keys/" + PROVIDER_FPR + ".asc", PROVIDER_KEY);
        byte[] altered = (new String(VA, StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8);
        server.file("/vendor/csaf/rolie/2025/altered.json", altered);
        server.file("/vendor/csaf/rolie/2025/altered.json.sha512", VA_SHA512);
        // directory distribution: changes.csv, the document and its .sha512, no signature
        server.file("/vendor/csaf/white/changes.csv",
                "\"2025/icsma-25-160-01.json\",\"2025-06-10T06:00:00.000000Z\"\n".getBytes(StandardCharsets.UTF_8),
                "\"changes-1\"", null);
        server.file("/vendor/csaf/white/2025/icsma-25-160-01.json", ICSMA);
        server.file("/vendor/csaf/white/2025/icsma-25-160-01.json.sha512", ICSMA_SHA512);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    /** Shaped like the OASIS CSAF 2.0 provider-metadata example, with both kinds of distribution. */
    byte[] providerMetadata() throws IOException {
        return providerMetadata(PROVIDER_FPR);
    }

    byte[] providerMetadata(String declaredFingerprint) throws IOException {
        ObjectNode pm = JsonInput.mapper().createObjectNode();
        pm.put("canonical_url", base + "/.well-known/csaf/provider-metadata.json");
        ArrayNode distributions = pm.putArray("distributions");
        ObjectNode feed = distributions.addObject().putObject("rolie").putArray("feeds").addObject();
        feed.put("summary", "All TLP:WHITE advisories of Example Company.");
        feed.put("tlp_label", "WHITE");
        feed.put("url", base + "/.well-known/csaf/feed-tlp-white.json");
        distributions.addObject().put("directory_url", base + "/csaf/white/");
        pm.put("last_updated", "2025-06-01T00:00:00.000Z");
        pm.put("list_on_CSAF_aggregators", true);
        pm.put("metadata_version", "2.0");
        pm.put("mirror_on_CSAF_aggregators", true);
        ObjectNode key = pm.putArray("public_openpgp_keys").addObject();
        key.put("fingerprint", declaredFingerprint);
        key.put("url", base + "/keys/" + PROVIDER_FPR + ".asc");
        ObjectNode publisher = pm.putObject("publisher");
        publisher.put("category", "vendor");
        publisher.put("name", "Example Company ProductCERT");
        publisher.put("namespace", "https://psirt.example.com");
        pm.put("role", "csaf_trusted_provider");
        return JsonInput.mapper().writeValueAsBytes(pm);
    }

    /** A ROLIE feed shaped like the OASIS example: self, hash and signature links per entry. */
    byte[] rolieFeed() throws IOException {
        ObjectNode root = JsonInput.mapper().createObjectNode();
        ObjectNode feed = root.putObject("feed");
        feed.put("id", "example-csaf-feed-tlp-white");
        feed.put("title", "Example CSAF feed (TLP:WHITE)");
        ObjectNode category = feed.putArray("category").addObject();
        category.put("scheme", "urn:ietf:params:rolie:category:information-type");
        category.put("term", "csaf");
        feed.put("updated", "2025-06-20T00:00:00Z");
        ArrayNode entries = feed.putArray("entry");
        entry(entries, "VA-25-148-01", "2025-06-16T00:00:00Z", base + "/csaf/rolie/2025/va-25-148-01.json", true);
        entry(entries, "ALTERED-1", "2025-06-18T00:00:00Z", base + "/csaf/rolie/2025/altered.json", false);
        return JsonInput.mapper().writeValueAsBytes(root);
    }

    private static void entry(ArrayNode entries, String id, String updated, String url, boolean signed) {
        ObjectNode e = entries.addObject();
        e.put("id", id);
        e.put("title", id);
        ArrayNode links = e.putArray("link");
        links.addObject().put("rel", "self").put("href", url);
        links.addObject().put("rel", "hash").put("href", url + ".sha512");
        if (signed) {
            links.addObject().put("rel", "signature").put("href", url + ".asc");
        }
        e.put("published", updated);
        e.put("updated", updated);
        e.putObject("content").put("type", "application/json").put("src", url);
        e.putObject("format").put("schema", "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json")
                .put("version", "2.0");
    }

    FeedConfig.Builder config() {
        return SyncFixtures.config().addCsafProvider(base);
    }

    FeedResult run(FeedConfig cfg) {
        return SyncFixtures.sync(cfg, mirror, time).run(List.of("csaf")).get(0);
    }

    String host() {
        return "127.0.0.1_" + server.base().substring(server.base().lastIndexOf(':') + 1);
    }

    @Test
    void providerMetadata_leadsToRolieAndDirectoryFeeds_checksumsChecked_alteredDocumentRefused() throws Exception {
        FeedResult r = run(config().build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
        assertThat(r.fetched()).isEqualTo(2);
        assertThat(r.refused()).isEqualTo(1);
        assertThat(r.errors()).singleElement().asString()
                .contains("altered.json", "checksum mismatch", "SHA-512", "not written");
        assertThat(server.hits("/vendor/.well-known/csaf/provider-metadata.json")).hasSize(1);
        assertThat(SyncFixtures.files(mirror.resolve("csaf"))).containsExactly(
                host() + "/vendor/csaf/rolie/2025/va-25-148-01.json",
                host() + "/vendor/csaf/white/2025/icsma-25-160-01.json");
        assertThat(Files.readAllBytes(mirror.resolve("csaf").resolve(host())
                .resolve("vendor/csaf/rolie/2025/va-25-148-01.json"))).isEqualTo(VA);
        SyncFixtures.Counts c = SyncFixtures.read(mirror);
        assertThat(c.csaf).hasSize(2);
        assertThat(c.advisories).hasSize(2);
        assertThat(c.skipped).isEmpty();
        assertThat(r.notes()).contains("1 document(s) with a verified OpenPGP signature",
                "1 document(s) had no OpenPGP signature and were kept (--csaf-signatures require refuses them)");

        List<String> ledger = Files.readAllLines(mirror.resolve("csaf/.ledger.tsv"));
        assertThat(ledger).hasSize(3);
        assertThat(ledger.get(1)).contains("va-25-148-01.json", sha256(VA), "SHA-512 verified",
                "verified: signed by key " + PROVIDER_FPR + " at ");
        assertThat(ledger.get(2)).contains("icsma-25-160-01.json", "SHA-512 verified", "\tabsent");
    }

    @Test
    void secondRun_unchangedListsAre304_andOnlyTheRefusedDocumentIsTriedAgain() {
        FeedConfig cfg = config().build();
        run(cfg);
        server.clearHits();

        FeedResult r = run(cfg);

        assertThat(r.refused()).isEqualTo(1);
        assertThat(r.fetched()).isZero();
        assertThat(server.hits("/vendor/.well-known/csaf/provider-metadata.json").get(0).header("If-None-Match"))
                .isEqualTo("\"pm-1\"");
        assertThat(server.hits("/vendor/csaf/white/changes.csv").get(0).header("If-None-Match"))
                .isEqualTo("\"changes-1\"");
        assertThat(server.hits("/vendor/csaf/white/2025/icsma-25-160-01.json")).isEmpty();
        assertThat(server.hits("/vendor/csaf/rolie/2025/va-25-148-01.json")).isEmpty();
        assertThat(server.hits("/vendor/csaf/rolie/2025/altered.json")).hasSize(1);

        server.file("/vendor/csaf/rolie/2025/altered.json", VA);
        FeedResult fixed = run(cfg);

        assertThat(fixed.outcome()).isEqualTo(FeedResult.Outcome.UPDATED);
        assertThat(fixed.fetched()).isEqualTo(1);
        server.clearHits();
        FeedResult quiet = run(cfg);
        assertThat(quiet.outcome()).isEqualTo(FeedResult.Outcome.UNCHANGED);
        // nothing new to verify: the provider's key is not even fetched
        assertThat(server.hits("/vendor/keys/" + PROVIDER_FPR + ".asc")).isEmpty();
        assertThat(server.hits("/vendor/.well-known/csaf/feed-tlp-white.json").get(0).header("If-None-Match"))
                .isEqualTo("\"feed-1\"");
    }

    @Test
    void securityTxt_namesTheProviderMetadata_whenTheWellKnownPathIsMissing() {
        server.status("/vendor/.well-known/csaf/provider-metadata.json", 404);
        server.file("/vendor/metadata/provider-metadata.json", providerMetadataQuietly());
        server.file("/vendor/.well-known/security.txt", ("Contact: mailto:psirt@example.com\n"
                + "CSAF: " + base + "/metadata/provider-metadata.json\n").getBytes(StandardCharsets.UTF_8));

        FeedResult r = run(config().build());

        assertThat(r.fetched()).isEqualTo(2);
        assertThat(server.hits("/vendor/metadata/provider-metadata.json")).hasSize(1);
    }

    @Test
    void directoryWithoutChangesCsv_readsIndexTxt_andChecksSha256() throws Exception {
        server.status("/vendor/csaf/white/changes.csv", 404);
        server.file("/vendor/csaf/white/index.txt", "2025/icsma-25-160-01.json\n".getBytes(StandardCharsets.UTF_8));
        server.status("/vendor/csaf/white/2025/icsma-25-160-01.json.sha512", 404);
        server.file("/vendor/csaf/white/2025/icsma-25-160-01.json.sha256",
                (sha256(ICSMA) + "  icsma-25-160-01.json\n").getBytes(StandardCharsets.UTF_8));

        FeedResult r = run(config().build());

        assertThat(r.fetched()).isEqualTo(2);
        assertThat(Files.readAllLines(mirror.resolve("csaf/.ledger.tsv")))
                .anyMatch(l -> l.contains("icsma-25-160-01.json") && l.contains("SHA-256 verified"));
    }

    @Test
    void signatureByAKeyTheProviderDoesNotList_refusesTheDocument_nothingWritten() {
        server.file("/vendor/csaf/rolie/2025/va-25-148-01.json.asc",
                SyncFixtures.resource("csaf/openpgp/icsma-25-160-01.json.other.asc"));

        FeedResult r = run(config().build());

        assertThat(r.refused()).isEqualTo(2);
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).contains("va-25-148-01.json: OpenPGP signature",
                "was made by key " + OTHER_FPR, "not among the trusted keys (" + PROVIDER_FPR + ")",
                "not written"));
        assertThat(SyncFixtures.files(mirror.resolve("csaf")))
                .containsExactly(host() + "/vendor/csaf/white/2025/icsma-25-160-01.json");
    }

    @Test
    void documentAlteredWithAMatchingChecksum_isCaughtByTheSignature() throws Exception {
        byte[] altered = new String(VA, StandardCharsets.UTF_8).replace("\"baseScore\": 7.3", "\"baseScore\": 3.1")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(altered).isNotEqualTo(VA);
        server.file("/vendor/csaf/rolie/2025/va-25-148-01.json", altered);
        server.file("/vendor/csaf/rolie/2025/va-25-148-01.json.sha512",
                (sha512(altered) + "  va-25-148-01.json\n").getBytes(StandardCharsets.US_ASCII));

        FeedResult r = run(config().build());

        assertThat(r.errors()).anySatisfy(e -> assertThat(e).contains("va-25-148-01.json: OpenPGP signature",
                "does not match the document", "not written"));
        assertThat(SyncFixtures.files(mirror.resolve("csaf"))).noneMatch(f -> f.endsWith("va-25-148-01.json"));
    }

    @Test
    void keyWhoseFingerprintDiffersFromTheMetadata_isNotTrusted() {
        server.file("/vendor/.well-known/csaf/provider-metadata.json", providerMetadataQuietly(OTHER_FPR),
                "\"pm-2\"", null);

        FeedResult r = run(config().build());

        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("the key's fingerprint " + PROVIDER_FPR,
                "is not the " + OTHER_FPR + " that provider-metadata.json declares; not used"));
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).contains("va-25-148-01.json",
                "no trusted OpenPGP key is known"));
    }

    @Test
    void requireMode_refusesUnsignedDocuments() {
        FeedResult r = run(config().csafSignatures(FeedConfig.CsafSignatures.REQUIRE).build());

        assertThat(r.fetched()).isEqualTo(1);
        assertThat(r.errors()).anySatisfy(e -> assertThat(e).contains("icsma-25-160-01.json: no OpenPGP signature "
                + "published", "HTTP 404", "--csaf-signatures require", "not written"));
        assertThat(SyncFixtures.files(mirror.resolve("csaf")))
                .containsExactly(host() + "/vendor/csaf/rolie/2025/va-25-148-01.json");
    }

    @Test
    void offMode_fetchesNoSignatureAndNoKey() throws Exception {
        server.file("/vendor/csaf/rolie/2025/va-25-148-01.json.asc",
                SyncFixtures.resource("csaf/openpgp/icsma-25-160-01.json.other.asc"));

        FeedResult r = run(config().csafSignatures(FeedConfig.CsafSignatures.OFF).build());

        assertThat(r.fetched()).isEqualTo(2);
        assertThat(server.hits()).noneMatch(h -> h.path().endsWith(".asc"));
        assertThat(r.notes()).contains("OpenPGP signatures were not checked (--csaf-signatures off)");
        assertThat(Files.readAllLines(mirror.resolve("csaf/.ledger.tsv")).get(1))
                .endsWith("not checked (--csaf-signatures off)");
    }

    @Test
    void pinnedKeys_replaceTheProvidersKeys() throws Exception {
        Path other = mirror.resolveSibling(mirror.getFileName() + "-other.asc");
        Files.write(other, SyncFixtures.resource("csaf/openpgp/other.pub.asc"));
        Path own = mirror.resolveSibling(mirror.getFileName() + "-own.asc");
        Files.write(own, PROVIDER_KEY);
        try {
            FeedResult wrongPin = run(config().addCsafKey(other).build());
            assertThat(wrongPin.errors()).anySatisfy(e -> assertThat(e).contains("va-25-148-01.json",
                    "not among the trusted keys (" + OTHER_FPR + ")"));
            assertThat(server.hits("/vendor/keys/" + PROVIDER_FPR + ".asc")).isEmpty();

            FeedResult rightPin = run(config().addCsafKey(own).full(true).build());
            assertThat(rightPin.notes()).contains("1 document(s) with a verified OpenPGP signature");

            Path notAKey = mirror.resolveSibling(mirror.getFileName() + "-bad.asc");
            Files.writeString(notAKey, "not a key");
            FeedResult bad = run(config().addCsafKey(notAKey).build());
            assertThat(bad.outcome()).isEqualTo(FeedResult.Outcome.FAILED);
            assertThat(bad.errors()).singleElement().asString().contains("--csaf-key", notAKey.toString());
        } finally {
            Files.deleteIfExists(other);
            Files.deleteIfExists(own);
            Files.deleteIfExists(mirror.resolveSibling(mirror.getFileName() + "-bad.asc"));
        }
    }

    @Test
    void noProviderConfigured_isSkipped() {
        FeedResult r = run(SyncFixtures.config().build());

        assertThat(r.outcome()).isEqualTo(FeedResult.Outcome.SKIPPED);
        assertThat(r.notes()).singleElement().asString().contains("--url csaf=");
        assertThat(server.hits()).isEmpty();
    }

    byte[] providerMetadataQuietly() {
        return providerMetadataQuietly(PROVIDER_FPR);
    }

    byte[] providerMetadataQuietly(String declaredFingerprint) {
        try {
            return providerMetadata(declaredFingerprint);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static String sha512(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data));
    }
}

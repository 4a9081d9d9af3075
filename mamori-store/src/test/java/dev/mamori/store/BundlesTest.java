package dev.mamori.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class BundlesTest {
    static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path tmp;

    private BundleKeys.Generated keys() {
        return BundleKeys.generate(tmp.resolve("keys-" + System.nanoTime()));
    }

    private static List<BundleKeys.Trusted> trust(BundleKeys.Generated k) {
        return BundleKeys.trusted(List.of(k.publicKey()), null);
    }

    /** A store holding every readable fixture; returns the bundle exported from it. */
    private Path exportFixtures(DatabaseKind kind, PrivateKey key, Path bundle) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(IntelFixtures.readableFixtures(), T1, T1);
            Bundles.Export e = Bundles.export(store, bundle, key, T2);
            assertThat(e.signed()).isEqualTo(key != null);
            assertThat(e.total()).isEqualTo(store.status().stream().mapToLong(SourceStatus::records).sum());
        }
        return bundle;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void exportThenImport_intoAFreshStore_givesIdenticalContentAndStatus(DatabaseKind kind) {
        BundleKeys.Generated k = keys();
        Path bundle = tmp.resolve("intel.zip");
        StoreSnapshot original;
        List<SourceStatus> originalStatus;
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(IntelFixtures.readableFixtures(), T1, T1);
            store.recordFailure("nvd", "a local error, not exported", T1);
            Bundles.export(store, bundle, BundleKeys.readPrivateKey(k.privateKey()), T2);
            original = StoreSnapshot.dataWithout(db, List.of("imported_at"));
            originalStatus = store.status().stream().map(BundlesTest::withoutError).toList();
        }
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            Bundles.Import imported = Bundles.importBundle(store, bundle, trust(k), false, T3);

            assertThat(imported.verifiedBy().fingerprint()).isEqualTo(k.fingerprint());
            assertThat(imported.signed()).isTrue();
            assertThat(imported.createdAt()).isEqualTo(T2);
            assertThat(imported.result().total().updated()).isZero();
            assertThat(StoreSnapshot.dataWithout(db, List.of("imported_at"))).isEqualTo(original);
            assertThat(store.status().stream().map(BundlesTest::withoutError).toList()).isEqualTo(originalStatus);

            // the same bundle again changes nothing
            StoreSnapshot before = StoreSnapshot.data(db);
            Bundles.Import again = Bundles.importBundle(store, bundle, trust(k), false, T3.plusSeconds(60));
            assertThat(again.result().changedAnything()).isFalse();
            assertThat(StoreSnapshot.data(db)).isEqualTo(before);
        }
    }

    private static SourceStatus withoutError(SourceStatus s) {
        return new SourceStatus(s.source(), s.kind(), s.records(), s.withdrawn(), s.lastSync(), s.newestModified(),
                s.feedVersion(), s.feedDate(), null, null);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importBundle_tamperedManifest_refusedAndStoreUnchanged(DatabaseKind kind) throws IOException {
        BundleKeys.Generated k = keys();
        Path bundle = exportFixtures(kind, BundleKeys.readPrivateKey(k.privateKey()), tmp.resolve("b.zip"));
        Path tampered = rewrite(bundle, "tampered.zip", entries -> {
            String m = new String(entries.get(Bundles.MANIFEST), StandardCharsets.UTF_8);
            entries.put(Bundles.MANIFEST, m.replaceFirst("\"records\" : (\\d+)", "\"records\" : 1$1")
                    .getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        assertRefused(kind, tampered, trust(k), false, "manifest.json.sig: the signature does not verify with any trusted key");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importBundle_tamperedPayload_refusedAndStoreUnchanged(DatabaseKind kind) throws IOException {
        BundleKeys.Generated k = keys();
        Path bundle = exportFixtures(kind, BundleKeys.readPrivateKey(k.privateKey()), tmp.resolve("b.zip"));
        Path tampered = rewrite(bundle, "tampered.zip", entries -> {
            String name = entries.keySet().stream().filter(n -> n.startsWith(Bundles.PAYLOAD_DIR))
                    .filter(n -> new String(entries.get(n), StandardCharsets.UTF_8).contains("[\"fixed\",\"1"))
                    .findFirst().orElseThrow();
            String payload = new String(entries.get(name), StandardCharsets.UTF_8);
            // same length, one fact changed: a fixed version moved
            entries.put(name, payload.replaceFirst("\\[\"fixed\",\"1", "[\"fixed\",\"9").getBytes(StandardCharsets.UTF_8));
            assertThat(entries.get(name)).isNotEqualTo(payload.getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        assertRefused(kind, tampered, trust(k), false, "SHA-256 differs from the manifest");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importBundle_truncatedFile_refusedAndStoreUnchanged(DatabaseKind kind) throws IOException {
        BundleKeys.Generated k = keys();
        Path bundle = exportFixtures(kind, BundleKeys.readPrivateKey(k.privateKey()), tmp.resolve("b.zip"));
        byte[] bytes = Files.readAllBytes(bundle);
        Path cut = tmp.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 100));
        assertRefused(kind, cut, trust(k), false, "not a complete zip archive (truncated or corrupt)");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importBundle_signedByAnotherKey_refusedAndStoreUnchanged(DatabaseKind kind) {
        BundleKeys.Generated signer = keys();
        BundleKeys.Generated other = keys();
        Path bundle = exportFixtures(kind, BundleKeys.readPrivateKey(signer.privateKey()), tmp.resolve("b.zip"));
        assertRefused(kind, bundle, trust(other), false, "does not verify with any trusted key (" + other.fingerprint());
        // allowing unsigned bundles does not let a wrongly signed one in
        assertRefused(kind, bundle, trust(other), true, "does not verify with any trusted key");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importBundle_unsigned_refusedUnlessAllowed(DatabaseKind kind) {
        Path bundle = exportFixtures(kind, null, tmp.resolve("unsigned.zip"));
        assertRefused(kind, bundle, trust(keys()), false, "manifest.json.sig: the bundle is not signed");
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            Bundles.Import imported = Bundles.importBundle(new AdvisoryStore(db), bundle, List.of(), true, T3);
            assertThat(imported.signed()).isFalse();
            assertThat(imported.verifiedBy()).isNull();
            assertThat(imported.result().total().added()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importBundle_signedButNoTrustedKey_refusedUnlessAllowed(DatabaseKind kind) {
        BundleKeys.Generated k = keys();
        Path bundle = exportFixtures(kind, BundleKeys.readPrivateKey(k.privateKey()), tmp.resolve("b.zip"));
        assertRefused(kind, bundle, List.of(), false, "no trusted key to check the signature with");
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            Bundles.Import imported = Bundles.importBundle(new AdvisoryStore(db), bundle, List.of(), true, T3);
            assertThat(imported.signed()).isTrue();
            assertThat(imported.verifiedBy()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importBundle_payloadNotInTheManifest_refused(DatabaseKind kind) throws IOException {
        BundleKeys.Generated k = keys();
        Path bundle = exportFixtures(kind, BundleKeys.readPrivateKey(k.privateKey()), tmp.resolve("b.zip"));
        Path extra = rewrite(bundle, "extra.zip", entries -> {
            entries.put("payload/9999.jsonl", "{\"id\":\"X\",\"provenance\":{\"source\":\"osv/X\"}}\n"
                    .getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        assertRefused(kind, extra, trust(k), false, "payload/9999.jsonl: not listed in the manifest");
        Path odd = rewrite(bundle, "odd.zip", entries -> {
            entries.put("../../evil.sh", new byte[] {1});
            return entries;
        });
        assertRefused(kind, odd, trust(k), false, "../../evil.sh: unexpected entry");
        Path missing = rewrite(bundle, "missing.zip", entries -> {
            entries.remove(entries.keySet().stream().filter(n -> n.startsWith(Bundles.PAYLOAD_DIR)).findFirst().orElseThrow());
            return entries;
        });
        assertRefused(kind, missing, trust(k), false, "missing: the manifest lists it but the archive does not hold it");
    }

    /** A payload longer than the (signed) manifest says is cut off at that size: no zip bomb gets through. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importBundle_payloadLongerThanTheManifestSays_refused(DatabaseKind kind) throws IOException {
        BundleKeys.Generated k = keys();
        Path bundle = exportFixtures(kind, BundleKeys.readPrivateKey(k.privateKey()), tmp.resolve("b.zip"));
        Path longer = rewrite(bundle, "longer.zip", entries -> {
            String name = entries.keySet().stream().filter(n -> n.startsWith(Bundles.PAYLOAD_DIR)).findFirst().orElseThrow();
            byte[] big = new byte[entries.get(name).length + 10_000_000];
            Arrays.fill(big, (byte) ' ');
            System.arraycopy(entries.get(name), 0, big, 0, entries.get(name).length);
            entries.put(name, big);
            return entries;
        });
        assertRefused(kind, longer, trust(k), false, "bytes the manifest gives (tampered bundle or zip bomb)");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void export_whileEmpty_givesAnEmptyBundleThatImports(DatabaseKind kind) {
        BundleKeys.Generated k = keys();
        Path bundle = tmp.resolve("empty.zip");
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            assertThat(Bundles.export(new AdvisoryStore(db), bundle, BundleKeys.readPrivateKey(k.privateKey()), T1).total())
                    .isZero();
        }
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            assertThat(Bundles.importBundle(new AdvisoryStore(db), bundle, trust(k), false, T2).result().sources()).isEmpty();
        }
    }

    @Test
    void keys_generateThenRead_sameKeyAndNoOverwrite() throws IOException {
        Path dir = tmp.resolve("k");
        BundleKeys.Generated g = BundleKeys.generate(dir);
        assertThat(Files.readString(g.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(Files.readString(g.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(BundleKeys.fingerprint(BundleKeys.readPublicKey(g.publicKey()))).isEqualTo(g.fingerprint());
        assertThat(BundleKeys.readPrivateKey(g.privateKey()).getAlgorithm()).isIn("Ed25519", "EdDSA");
        if (Files.getFileStore(g.privateKey()).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(g.privateKey())))
                    .isEqualTo("rw-------");
        }
        assertThatThrownBy(() -> BundleKeys.generate(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not overwriting");
        assertThatThrownBy(() -> BundleKeys.readPublicKey(g.privateKey())).isInstanceOf(InputException.class)
                .hasMessageContaining("expected a PEM 'PUBLIC KEY' block");
        Path trustedDir = tmp.resolve("trusted-keys");
        Files.createDirectories(trustedDir);
        Files.copy(g.publicKey(), trustedDir.resolve("vendor.pub"));
        assertThat(BundleKeys.trusted(List.of(), trustedDir)).singleElement()
                .satisfies(t -> assertThat(t.fingerprint()).isEqualTo(g.fingerprint()));
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Imports into a store that already holds data; the refusal must leave it exactly as it was. */
    private void assertRefused(DatabaseKind kind, Path bundle, List<BundleKeys.Trusted> trusted, boolean allowUnsigned,
                               String message) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(IntelFixtures.intel("osv/osv-go-20.jsonl.gz")), null, T1);
            StoreSnapshot before = StoreSnapshot.of(db);
            assertThatThrownBy(() -> Bundles.importBundle(store, bundle, trusted, allowUnsigned, T3))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(bundle.toString())
                    .hasMessageContaining(message);
            assertThat(StoreSnapshot.of(db)).isEqualTo(before);
            assertThat(before.rows().get("advisory")).isEqualTo(20);
        }
    }

    /** Rewrites a zip with its entries changed by {@code change} (entry name to content, in order). */
    private Path rewrite(Path zip, String name, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        Map<String, byte[]> changed = change.apply(entries);
        Path out = tmp.resolve(name);
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : changed.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out;
    }
}

package dev.mamori.app.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPKey;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signatures made by GnuPG 2.2 (an independent OpenPGP implementation; keys, signatures and GnuPG's own verdicts
 * made by {@code tools/oracles/openpgp/make-csaf-signatures.sh}) over two real CISA CSAF documents, and signatures
 * made in the test with a freshly generated key.
 */
final class OpenPgpVerifierTest {
    static final Map<String, String> FINGERPRINTS = new String(SyncFixtures.resource("csaf/openpgp/FINGERPRINTS"),
            StandardCharsets.US_ASCII).lines().map(l -> l.split("\t"))
            .collect(Collectors.toMap(p -> p[0], p -> p[1]));

    @TempDir
    Path dir;

    static List<OpenPGPCertificate> key(String name) {
        return OpenPgpVerifier.readCertificates(SyncFixtures.resource("csaf/openpgp/" + name + ".pub.asc"), name);
    }

    Path document(String name) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, SyncFixtures.resource("csaf/" + name));
        return p;
    }

    OpenPgpVerifier.Verdict verify(String keyName, String doc, String signature) throws Exception {
        return OpenPgpVerifier.of(key(keyName)).verify(document(doc),
                SyncFixtures.resource("csaf/openpgp/" + signature));
    }

    @ParameterizedTest(name = "{1} by {0}")
    @CsvSource({
        "ed25519,    va-25-148-01.json,    va-25-148-01.json.asc,         ed25519,",
        "ed25519,    va-25-148-01.json,    va-25-148-01.json.sig,         ed25519,",
        "rsa-subkey, va-25-148-01.json,    va-25-148-01.json.rsa.asc,     rsa-subkey, rsa-signing-subkey",
        "ed25519,    icsma-25-160-01.json, icsma-25-160-01.json.text.asc, ed25519,",
        "expired,    icsma-25-160-01.json, icsma-25-160-01.json.expired.asc, expired,",
    })
    void gnupgSignature_byTrustedKey_isVerified_namingTheKey(String keyName, String doc, String sig, String primary,
                                                             String subkey) throws Exception {
        OpenPgpVerifier.Verdict v = verify(keyName, doc, sig);

        assertThat(v.verified()).as(v.detail()).isTrue();
        assertThat(v.detail()).startsWith("verified: signed by key " + FINGERPRINTS.get(primary));
        if (subkey != null) {
            assertThat(v.detail()).contains("(subkey " + FINGERPRINTS.get(subkey) + ")");
        }
    }

    @Test
    void expiredKey_signatureMadeWhileValid_keepsItsDate() throws Exception {
        assertThat(verify("expired", "icsma-25-160-01.json", "icsma-25-160-01.json.expired.asc").detail())
                .endsWith("at 2020-01-01T12:00:00Z");
    }

    @Test
    void signatureOverAnotherDocument_doesNotMatch() throws Exception {
        OpenPgpVerifier.Verdict v = verify("ed25519", "icsma-25-160-01.json", "va-25-148-01.json.asc");

        assertThat(v.verified()).isFalse();
        assertThat(v.detail()).contains("key " + FINGERPRINTS.get("ed25519"), "does not match the document");
    }

    @Test
    void documentChangedByOneByte_doesNotMatch() throws Exception {
        Path doc = document("va-25-148-01.json");
        byte[] bytes = Files.readAllBytes(doc);
        bytes[bytes.length / 2] ^= 1;
        Files.write(doc, bytes);

        OpenPgpVerifier.Verdict v = OpenPgpVerifier.of(key("ed25519"))
                .verify(doc, SyncFixtures.resource("csaf/openpgp/va-25-148-01.json.asc"));

        assertThat(v.verified()).isFalse();
        assertThat(v.detail()).contains("does not match the document");
    }

    @Test
    void textModeSignature_acceptsTheSameTextWithCrLfLineEnds() throws Exception {
        Path doc = document("icsma-25-160-01.json");
        String text = Files.readString(doc);
        assertThat(text).contains("\n").doesNotContain("\r");
        Files.writeString(doc, text.replace("\n", "\r\n"));

        assertThat(OpenPgpVerifier.of(key("ed25519"))
                .verify(doc, SyncFixtures.resource("csaf/openpgp/icsma-25-160-01.json.text.asc")).verified())
                .isTrue();
        // a binary signature does not survive the same change
        Path va = document("va-25-148-01.json");
        Files.writeString(va, Files.readString(va).replace("\n", "\r\n"));
        assertThat(OpenPgpVerifier.of(key("ed25519"))
                .verify(va, SyncFixtures.resource("csaf/openpgp/va-25-148-01.json.asc")).verified()).isFalse();
    }

    @Test
    void signatureByAKeyThatIsNotTrusted_isRefused_namingBothSides() throws Exception {
        OpenPgpVerifier.Verdict v = verify("ed25519", "icsma-25-160-01.json", "icsma-25-160-01.json.other.asc");

        assertThat(v.verified()).isFalse();
        assertThat(v.detail()).contains("was made by key " + FINGERPRINTS.get("other"),
                "not among the trusted keys (" + FINGERPRINTS.get("ed25519") + ")");
    }

    @Test
    void revokedKey_isRefused() throws Exception {
        OpenPgpVerifier.Verdict v = verify("revoked", "icsma-25-160-01.json", "icsma-25-160-01.json.revoked.asc");

        assertThat(v.verified()).isFalse();
        assertThat(v.detail()).contains("key " + FINGERPRINTS.get("revoked"), "revoked");
    }

    @Test
    void sha1Digest_isRefusedAsTooWeak_thoughGnupgAcceptsIt() throws Exception {
        assertThat(new String(SyncFixtures.resource("csaf/openpgp/GNUPG-VERDICTS"), StandardCharsets.US_ASCII))
                .contains("icsma-25-160-01.json.sha1.asc\tGOODSIG");

        OpenPgpVerifier.Verdict v = verify("ed25519", "icsma-25-160-01.json", "icsma-25-160-01.json.sha1.asc");

        assertThat(v.verified()).isFalse();
        assertThat(v.detail()).contains("SHA-1", "too weak");
    }

    @Test
    void noTrustedKeys_refusesNamingTheSigner() throws Exception {
        OpenPgpVerifier.Verdict v = OpenPgpVerifier.of(List.of()).verify(document("va-25-148-01.json"),
                SyncFixtures.resource("csaf/openpgp/va-25-148-01.json.asc"));

        assertThat(v.verified()).isFalse();
        assertThat(v.detail()).contains(FINGERPRINTS.get("ed25519"), "no trusted OpenPGP key");
    }

    @Test
    void malformedSignatures_areRefusedWithTheReason() throws Exception {
        OpenPgpVerifier verifier = OpenPgpVerifier.of(key("ed25519"));
        Path doc = document("va-25-148-01.json");

        assertThat(verifier.verify(doc, "-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n"
                .getBytes(StandardCharsets.US_ASCII)).verified()).isFalse();
        assertThat(verifier.verify(doc, "hello, not a signature".getBytes(StandardCharsets.US_ASCII)))
                .satisfies(v -> assertThat(v.verified()).isFalse());
        byte[] truncated = Arrays.copyOf(SyncFixtures.resource("csaf/openpgp/va-25-148-01.json.sig"), 40);
        assertThat(verifier.verify(doc, truncated).verified()).isFalse();
        // a public key where a signature belongs
        OpenPgpVerifier.Verdict keyInstead = verifier.verify(doc,
                SyncFixtures.resource("csaf/openpgp/ed25519.pub.asc"));
        assertThat(keyInstead.verified()).isFalse();
        assertThat(keyInstead.detail()).contains("where a signature was expected");
        assertThat(verifier.verify(doc, new byte[OpenPgpVerifier.MAX_SIGNATURE_BYTES + 1]).detail())
                .contains("more than the " + OpenPgpVerifier.MAX_SIGNATURE_BYTES);
    }

    @Test
    void keyFiles_thatAreNotKeys_areRefusedNamingTheOrigin() {
        assertThatThrownBy(() -> OpenPgpVerifier.readCertificates("not a key".getBytes(StandardCharsets.US_ASCII),
                "https://psirt.example/key.asc"))
                .isInstanceOf(OpenPgpVerifier.InvalidKeyException.class)
                .hasMessageStartingWith("https://psirt.example/key.asc: ");
        assertThatThrownBy(() -> OpenPgpVerifier.readCertificates(dir.resolve("missing.asc")))
                .isInstanceOf(OpenPgpVerifier.InvalidKeyException.class)
                .hasMessageContaining("missing.asc: cannot be read");
        assertThatThrownBy(() -> OpenPgpVerifier.readCertificates(new byte[OpenPgpVerifier.MAX_KEY_BYTES + 1], "k"))
                .hasMessageContaining("more than the");
    }

    @Test
    void declaredFingerprints_matchPrimaryOrSubkey_inAnySpelling() {
        OpenPGPCertificate rsa = key("rsa-subkey").get(0);
        String primary = FINGERPRINTS.get("rsa-subkey");

        assertThat(OpenPgpVerifier.fingerprint(rsa)).isEqualTo(primary);
        assertThat(OpenPgpVerifier.hasFingerprint(rsa, primary)).isTrue();
        assertThat(OpenPgpVerifier.hasFingerprint(rsa, "0x" + primary.toLowerCase())).isTrue();
        assertThat(OpenPgpVerifier.hasFingerprint(rsa, primary.replaceAll("(.{4})", "$1 "))).isTrue();
        assertThat(OpenPgpVerifier.hasFingerprint(rsa, FINGERPRINTS.get("rsa-signing-subkey"))).isTrue();
        assertThat(OpenPgpVerifier.hasFingerprint(rsa, FINGERPRINTS.get("ed25519"))).isFalse();
    }

    @Test
    void keyGeneratedHere_signsAndVerifies_andSeveralKeysMayBeTrusted() throws Exception {
        OpenPGPApi api = new BcOpenPGPApi();
        OpenPGPKey key = api.generateKey().ed25519x25519Key("Test PSIRT <psirt@example.com>").build();
        Path doc = document("va-25-148-01.json");
        List<OpenPGPDocumentSignature> sigs = api.createDetachedSignature().addSigningKey(key)
                .sign(new ByteArrayInputStream(Files.readAllBytes(doc)));
        byte[] armoured = sigs.get(0).toAsciiArmoredString().getBytes(StandardCharsets.US_ASCII);
        OpenPGPCertificate cert = OpenPgpVerifier.readCertificates(
                key.toCertificate().toAsciiArmoredString().getBytes(StandardCharsets.US_ASCII), "generated").get(0);

        OpenPgpVerifier both = OpenPgpVerifier.of(List.of(key("ed25519").get(0), cert));

        assertThat(both.verify(doc, armoured).detail())
                .startsWith("verified: signed by key " + OpenPgpVerifier.fingerprint(cert));
        assertThat(both.verify(doc, SyncFixtures.resource("csaf/openpgp/va-25-148-01.json.asc")).verified()).isTrue();
        assertThat(OpenPgpVerifier.of(key("ed25519")).verify(doc, armoured).verified()).isFalse();
    }
}

package dev.mamori.app.feed;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;

/**
 * Jazzer fuzz tests for what a CSAF sync reads from the network before trusting it: signature files and key files.
 * A signature, whatever its bytes, gives a verdict (never verified unless it is a real signature of the document by
 * the trusted key); a key file is read or refused with {@link OpenPgpVerifier.InvalidKeyException}. Anything else
 * escaping is a finding. A normal test run replays the seeds ({@code OpenPgpVerifierFuzzTestInputs/<method>/}: the
 * GnuPG-made signatures and keys); {@code JAZZER_FUZZ=1} fuzzes one method for {@code maxDuration}.
 */
final class OpenPgpVerifierFuzzTest {
    private static final byte[] DOCUMENT = SyncFixtures.resource("csaf/va-25-148-01.json");
    private static final List<OpenPGPCertificate> TRUSTED = OpenPgpVerifierTest.key("ed25519");
    private static final Path DOC_FILE;

    static {
        try {
            DOC_FILE = Files.createTempFile("mamori-fuzz-", ".json");
            Files.write(DOC_FILE, DOCUMENT);
            DOC_FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void signature(byte[] data) throws IOException {
        OpenPgpVerifier.Verdict v = OpenPgpVerifier.of(TRUSTED).verify(DOC_FILE, data);
        if (v == null || v.detail() == null || v.detail().isBlank()) {
            throw new AssertionError("a verdict must say why");
        }
        if (v.verified() && !v.detail().startsWith("verified: signed by key " + OpenPgpVerifier.fingerprint(TRUSTED.get(0)))) {
            throw new AssertionError("verified by something other than the trusted key: " + v.detail());
        }
    }

    @FuzzTest(maxDuration = "60s")
    void keyFile(byte[] data) throws IOException {
        List<OpenPGPCertificate> certs;
        try {
            certs = OpenPgpVerifier.readCertificates(data, "fuzz");
        } catch (OpenPgpVerifier.InvalidKeyException expected) {
            if (!expected.getMessage().startsWith("fuzz: ")) {
                throw new AssertionError("the error must name its source: " + expected.getMessage());
            }
            return;
        }
        // whatever was read can be used as a trust anchor without blowing up
        for (OpenPGPCertificate c : certs) {
            OpenPgpVerifier.fingerprint(c);
            OpenPgpVerifier.hasFingerprint(c, "00");
        }
        OpenPgpVerifier.of(certs).verify(DOC_FILE, SyncFixtures.resource("csaf/openpgp/va-25-148-01.json.asc"));
    }
}

package dev.mamori.app.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.KeyIdentifier;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.api.OpenPGPApi;
import org.bouncycastle.openpgp.api.OpenPGPCertificate;
import org.bouncycastle.openpgp.api.OpenPGPDetachedSignatureProcessor;
import org.bouncycastle.openpgp.api.OpenPGPSignature.OpenPGPDocumentSignature;
import org.bouncycastle.openpgp.api.bc.BcOpenPGPApi;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;

/**
 * Checks detached OpenPGP signatures (RFC 4880 / RFC 9580; the {@code .asc} files CSAF providers publish beside
 * each document) against a set of trusted certificates, with Bouncy Castle's OpenPGP API: subkey bindings,
 * revocations and expiry are evaluated there, at the time the signature was made. Binary (type 0x00) and
 * canonical-text (type 0x01) signatures are accepted; MD5, SHA-1 and RIPEMD-160 digests are refused as too weak.
 * Every verdict says which key signed, or why the signature does not count, in words fit for a log line.
 * See docs/decisions/0012-openpgp-bouncy-castle.md.
 */
final class OpenPgpVerifier {
    /** A public key file larger than this is refused before parsing (real CSAF provider keys are a few KiB). */
    static final int MAX_KEY_BYTES = 1 << 20;
    /** A signature file larger than this is refused before parsing (a signature is a few hundred bytes). */
    static final int MAX_SIGNATURE_BYTES = 64 * 1024;

    private static final OpenPGPApi API = new BcOpenPGPApi();

    private final List<OpenPGPCertificate> certificates;

    private OpenPgpVerifier(List<OpenPGPCertificate> certificates) {
        this.certificates = List.copyOf(certificates);
    }

    static OpenPgpVerifier of(List<OpenPGPCertificate> certificates) {
        return new OpenPgpVerifier(certificates);
    }

    boolean hasKeys() {
        return !certificates.isEmpty();
    }

    /** The primary-key fingerprints of the trusted certificates, upper-case hex. */
    List<String> fingerprints() {
        return certificates.stream().map(OpenPgpVerifier::fingerprint).toList();
    }

    /** The outcome of checking one signature file: verified or not, and the sentence that says why. */
    record Verdict(boolean verified, String detail) {}

    /**
     * Reads the public certificates in an OpenPGP key file (ASCII-armoured or binary; several may follow each
     * other).
     *
     * @throws InvalidKeyException naming {@code origin} when the data is too large or holds no public key
     */
    static List<OpenPGPCertificate> readCertificates(byte[] data, String origin) {
        if (data.length > MAX_KEY_BYTES) {
            throw new InvalidKeyException(origin + ": " + data.length + " bytes, more than the "
                    + MAX_KEY_BYTES + " an OpenPGP public key file may have here");
        }
        List<OpenPGPCertificate> certs;
        try {
            certs = API.readKeyOrCertificate().parseKeysOrCertificates(data);
        } catch (IOException | RuntimeException e) {
            throw new InvalidKeyException(origin + ": not an OpenPGP public key (" + message(e) + ")");
        }
        if (certs.isEmpty()) {
            throw new InvalidKeyException(origin + ": holds no OpenPGP public key");
        }
        return certs;
    }

    /** Reads a key file the user gave; errors name the file. */
    static List<OpenPGPCertificate> readCertificates(Path file) {
        try {
            if (Files.size(file) > MAX_KEY_BYTES) {
                throw new InvalidKeyException(file + ": larger than the " + MAX_KEY_BYTES
                        + " bytes an OpenPGP public key file may have here");
            }
            return readCertificates(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new InvalidKeyException(file + ": cannot be read (" + message(e) + ")");
        }
    }

    /** The certificate's primary-key fingerprint, upper-case hex without spaces. */
    static String fingerprint(OpenPGPCertificate cert) {
        return HexFormat.of().withUpperCase().formatHex(cert.getFingerprint());
    }

    /**
     * Whether a fingerprint as written in a provider's metadata (hex, spaces and a {@code 0x} prefix allowed)
     * names this certificate's primary key or one of its subkeys.
     */
    static boolean hasFingerprint(OpenPGPCertificate cert, String declared) {
        String want = normaliseFingerprint(declared);
        for (var key : cert.getKeys()) {
            if (HexFormat.of().withUpperCase().formatHex(key.getPGPPublicKey().getFingerprint()).equals(want)) {
                return true;
            }
        }
        return false;
    }

    static String normaliseFingerprint(String declared) {
        String s = declared.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return s.startsWith("0X") ? s.substring(2) : s;
    }

    /**
     * Verifies the detached signature(s) in {@code signature} over the file {@code document}. The document is
     * verified when at least one signature by a trusted key is cryptographically correct and the key was valid
     * for signing when it was made.
     */
    Verdict verify(Path document, byte[] signature) throws IOException {
        if (signature.length > MAX_SIGNATURE_BYTES) {
            return new Verdict(false, "is " + signature.length + " bytes, more than the " + MAX_SIGNATURE_BYTES
                    + " a detached signature may have here");
        }
        List<PGPSignature> all;
        try {
            all = signatures(signature);
        } catch (IOException | PGPException | RuntimeException e) {
            return new Verdict(false, "is not an OpenPGP signature (" + message(e) + ")");
        }
        if (all.isEmpty()) {
            return new Verdict(false, "holds no OpenPGP signature");
        }
        List<String> problems = new ArrayList<>();
        List<PGPSignature> usable = new ArrayList<>();
        for (PGPSignature s : all) {
            int type = s.getSignatureType();
            if (type != PGPSignature.BINARY_DOCUMENT && type != PGPSignature.CANONICAL_TEXT_DOCUMENT) {
                problems.add("by " + issuer(s) + " is of type 0x" + Integer.toHexString(type)
                        + ", not a document signature");
            } else if (weak(s.getHashAlgorithm())) {
                problems.add("by " + issuer(s) + " uses the digest "
                        + digestName(s.getHashAlgorithm()) + ", which is too weak to be accepted");
            } else {
                usable.add(s);
            }
        }
        if (!usable.isEmpty()) {
            if (certificates.isEmpty()) {
                problems.add("was made by " + issuers(usable) + ", and no trusted OpenPGP key is known");
            } else {
                Verdict v;
                try {
                    v = check(document, usable, problems);
                } catch (RuntimeException e) {
                    // a packet Bouncy Castle cannot evaluate (an unknown algorithm, a malformed key packet…)
                    return new Verdict(false, "cannot be checked (" + message(e) + ")");
                }
                if (v != null) {
                    return v;
                }
            }
        }
        return new Verdict(false, String.join("; ", problems));
    }

    /** Runs the signatures through Bouncy Castle; a verified verdict, or null with the problems added. */
    private Verdict check(Path document, List<PGPSignature> usable, List<String> problems) throws IOException {
        OpenPGPDetachedSignatureProcessor p = API.verifyDetachedSignature();
        List<String> errors = new ArrayList<>();
        p.setExceptionCallback(e -> errors.add(message(e)));
        p.addSignatures(new PGPSignatureList(usable.toArray(PGPSignature[]::new)));
        certificates.forEach(p::addVerificationCertificate);
        List<OpenPGPDocumentSignature> checked;
        try (InputStream in = Files.newInputStream(document)) {
            checked = p.process(in);
        }
        List<String> notValid = new ArrayList<>();
        for (OpenPGPDocumentSignature s : checked) {
            boolean valid;
            try {
                valid = s.isValid();
            } catch (PGPException e) {
                notValid.add("by " + key(s) + " is not valid: " + message(e));
                continue;
            }
            if (valid) {
                return new Verdict(true, "verified: signed by " + key(s) + " at " + s.getCreationTime().toInstant());
            }
            if (!s.isTestedCorrect()) {
                notValid.add("by " + key(s) + " does not match the document (altered, or signed for "
                        + "another file)");
            } else if (s.getIssuer().getPGPPublicKey().hasRevocation()
                    || s.getIssuerCertificate().getPrimaryKey().getPGPPublicKey().hasRevocation()) {
                notValid.add("by " + key(s) + " is not valid: the key has been revoked");
            } else {
                notValid.add("by " + key(s) + " is not valid: the key could not sign at "
                        + s.getCreationTime().toInstant() + " (expired, not yet valid or not a signing key)");
            }
        }
        problems.addAll(notValid);
        if (checked.isEmpty()) {
            problems.add("was made by " + issuers(usable) + ", which is not among the trusted keys ("
                    + String.join(", ", fingerprints()) + ")");
        }
        for (String e : errors) {
            if (!problems.contains(e)) {
                problems.add(e);
            }
        }
        return null;
    }

    private static List<PGPSignature> signatures(byte[] data) throws IOException, PGPException {
        List<PGPSignature> out = new ArrayList<>();
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(data))) {
            BcPGPObjectFactory f = new BcPGPObjectFactory(in);
            Object o;
            while ((o = f.nextObject()) != null) {
                if (o instanceof PGPCompressedData c) {
                    f = new BcPGPObjectFactory(c.getDataStream());
                } else if (o instanceof PGPSignatureList list) {
                    list.forEach(out::add);
                } else {
                    throw new PGPException("found " + o.getClass().getSimpleName().replace("PGP", "")
                            + " where a signature was expected");
                }
            }
        }
        return out;
    }

    private static boolean weak(int hashAlgorithm) {
        return hashAlgorithm == HashAlgorithmTags.MD5 || hashAlgorithm == HashAlgorithmTags.SHA1
                || hashAlgorithm == HashAlgorithmTags.RIPEMD160 || hashAlgorithm == HashAlgorithmTags.MD2;
    }

    private static String digestName(int hashAlgorithm) {
        return switch (hashAlgorithm) {
            case HashAlgorithmTags.MD5 -> "MD5";
            case HashAlgorithmTags.SHA1 -> "SHA-1";
            case HashAlgorithmTags.RIPEMD160 -> "RIPEMD-160";
            case HashAlgorithmTags.MD2 -> "MD2";
            default -> "algorithm " + hashAlgorithm;
        };
    }

    private static String issuers(List<PGPSignature> sigs) {
        List<String> names = sigs.stream().map(OpenPgpVerifier::issuer).distinct().toList();
        return names.size() == 1 ? names.get(0) : String.join(", ", names);
    }

    /** The most precise issuer the signature names: its fingerprint, else its key id. */
    private static String issuer(PGPSignature s) {
        List<KeyIdentifier> ids = s.getKeyIdentifiers();
        if (ids.isEmpty()) {
            return "an unnamed key";
        }
        KeyIdentifier best = org.bouncycastle.openpgp.api.OpenPGPSignature.getMostExpressiveIdentifier(ids);
        return (best.getFingerprint() != null ? "key " : "key id ") + best.toString().toUpperCase(Locale.ROOT);
    }

    /** The signing key as the user knows it: the certificate's fingerprint, and the subkey when it was one. */
    private static String key(OpenPGPDocumentSignature s) {
        String primary = fingerprint(s.getIssuerCertificate());
        if (s.getIssuer() == null || s.getIssuer().isPrimaryKey()) {
            return "key " + primary;
        }
        return "key " + primary + " (subkey " + HexFormat.of().withUpperCase()
                .formatHex(s.getIssuer().getPGPPublicKey().getFingerprint()) + ")";
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** A key that cannot be used: unreadable, too large, or not an OpenPGP public key. */
    static final class InvalidKeyException extends RuntimeException {
        InvalidKeyException(String message) {
            super(message);
        }
    }
}

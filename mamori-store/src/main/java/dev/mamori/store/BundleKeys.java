package dev.mamori.store;

import dev.mamori.input.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Ed25519 keys for signing bundles, with the JDK's own {@code java.security} (no extra library): the private key as
 * PKCS#8 PEM ({@code PRIVATE KEY}), the public key as X.509 SubjectPublicKeyInfo PEM ({@code PUBLIC KEY}), the forms
 * OpenSSL reads and writes ({@code openssl genpkey -algorithm ed25519}).
 */
public final class BundleKeys {
    /** File names {@link #generate} writes. */
    public static final String PRIVATE_FILE = "mamori-bundle.key";
    public static final String PUBLIC_FILE = "mamori-bundle.pub";
    static final String ALGORITHM = "Ed25519";

    private BundleKeys() {}

    /** A public key trusted to sign bundles, with the name it is known by (its file). */
    public record Trusted(String name, PublicKey key) {
        public String fingerprint() {
            return BundleKeys.fingerprint(key);
        }
    }

    /** The files of a generated key pair. */
    public record Generated(Path privateKey, Path publicKey, String fingerprint) {}

    /**
     * Generates a key pair into {@code dir} ({@link #PRIVATE_FILE}, readable by the owner only where the file system
     * allows, and {@link #PUBLIC_FILE}). Existing files are never overwritten.
     *
     * @throws IllegalArgumentException when a key file is already there
     */
    public static Generated generate(Path dir) {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        try {
            Files.createDirectories(dir);
            if (Files.exists(priv) || Files.exists(pub)) {
                throw new IllegalArgumentException("a key pair is already in " + dir + ": not overwriting "
                        + (Files.exists(priv) ? priv : pub));
            }
            Files.createFile(priv);
            try {
                Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's protection applies
            }
            Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("a key file is already there: " + e.getFile(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the key pair to " + dir, e);
        }
        return new Generated(priv, pub, fingerprint(pair.getPublic()));
    }

    /** Reads an Ed25519 private key (PKCS#8 PEM). */
    public static PrivateKey readPrivateKey(Path file) {
        byte[] der = readPem(file, "PRIVATE KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new InputException(file.toString(), "", "not an Ed25519 private key (PKCS#8): " + e.getMessage(), e);
        }
    }

    /** Reads an Ed25519 public key (X.509 SubjectPublicKeyInfo PEM). */
    public static PublicKey readPublicKey(Path file) {
        byte[] der = readPem(file, "PUBLIC KEY");
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new InputException(file.toString(), "", "not an Ed25519 public key (X.509): " + e.getMessage(), e);
        }
    }

    /**
     * The trusted keys: the given files, then every {@code *.pub} and {@code *.pem} file in {@code directory} (when
     * it exists; null for none).
     */
    public static List<Trusted> trusted(List<Path> files, Path directory) {
        List<Path> all = new ArrayList<>(files);
        if (directory != null && Files.isDirectory(directory)) {
            try (Stream<Path> list = Files.list(directory)) {
                list.filter(f -> f.getFileName().toString().endsWith(".pub") || f.getFileName().toString().endsWith(".pem"))
                        .sorted().forEach(all::add);
            } catch (IOException e) {
                throw new InputException(directory.toString(), "", "cannot list trusted keys: " + e.getMessage(), e);
            }
        }
        List<Trusted> out = new ArrayList<>();
        for (Path f : all) {
            out.add(new Trusted(f.toString(), readPublicKey(f)));
        }
        return out;
    }

    /** {@code SHA256:} and the hex SHA-256 of the key's X.509 encoding, shortened to 32 digits. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file, String type) {
        String text;
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new InputException(file.toString(), "", "too large for a PEM key file");
            }
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException | UncheckedIOException e) {
            throw new InputException(file.toString(), "", "cannot read the key: " + e.getMessage(), e);
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = text.indexOf(begin);
        int e = text.indexOf(end);
        if (b < 0 || e < b) {
            throw new InputException(file.toString(), "", "expected a PEM '" + type + "' block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e));
        } catch (IllegalArgumentException ex) {
            throw new InputException(file.toString(), "", "the PEM block is not valid base64", ex);
        }
    }
}

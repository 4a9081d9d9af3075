package dev.mamori.app.server.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SBOM files exactly as uploaded, named by their SHA-256 ({@code DATA_DIR/sboms/ab/abcdef…}): written once to a
 * temporary file, checked, then moved into place and made read-only. The same document uploaded twice is one file.
 */
public final class SbomFiles {
    private final Path root;

    SbomFiles(Path root) {
        this.root = root;
    }

    /** An upload on disk, not yet accepted. */
    public record Received(Path temp, String sha256, long size) {}

    /** Streams a body to a temporary file, hashing it on the way. */
    public Received receive(InputStream in) {
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
                size = in.transferTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return new Received(temp, HexFormat.of().formatHex(sha.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the upload under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Moves an accepted upload to its permanent name; returns that path. */
    public Path keep(Received r) {
        Path target = path(r.sha256());
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.deleteIfExists(r.temp());
                return target;
            }
            try {
                Files.move(r.temp(), target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(r.temp(), target);
            } catch (FileAlreadyExistsException e) {
                Files.deleteIfExists(r.temp());
            }
            target.toFile().setReadOnly();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the upload as " + target, e);
        }
    }

    public void discard(Received r) {
        try {
            Files.deleteIfExists(r.temp());
        } catch (IOException e) {
            // a stray temporary file; harmless
        }
    }

    /** Where the document with this hash is kept. */
    public Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}

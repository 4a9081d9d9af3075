package dev.mamori.app.server.portfolio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import dev.mamori.store.portfolio.DocumentRepository;

/**
 * Uploaded documents (SBOMs, VEX) exactly as received. A body is streamed to a temporary file under
 * {@code DATA_DIR/sboms/tmp} and hashed; once accepted it is kept in the database ({@link DocumentRepository},
 * gzip, by SHA-256) so that no node keeps state of its own, and the temporary file is deleted. Documents uploaded
 * before that were kept as files ({@code DATA_DIR/sboms/ab/abcdef…}) and are still read from there.
 */
public final class SbomFiles {
    private final Path root;
    private final DocumentRepository documents;
    private final Clock clock;

    SbomFiles(Path root, DocumentRepository documents, Clock clock) {
        this.root = root;
        this.documents = documents;
        this.clock = clock;
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

    /**
     * Keeps an accepted upload in the database (call it inside the transaction that records the upload) and deletes
     * the temporary file.
     */
    public void keep(Received r) {
        documents.keep(r.sha256(), r.temp(), clock.instant());
        discard(r);
    }

    public void discard(Received r) {
        try {
            Files.deleteIfExists(r.temp());
        } catch (IOException e) {
            // a stray temporary file; harmless
        }
    }

    /** The document with this hash as uploaded, or empty when it is kept nowhere. */
    public Optional<InputStream> open(String sha256) {
        Optional<InputStream> stored = documents.open(sha256);
        if (stored.isPresent()) {
            return stored;
        }
        Path legacy = path(sha256);
        if (!Files.isRegularFile(legacy)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(legacy));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored document " + legacy, e);
        }
    }

    /** Where a document uploaded before documents were kept in the database lies. */
    Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}

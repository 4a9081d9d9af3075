package dev.mamori.store.portfolio;

import dev.mamori.store.Database;
import dev.mamori.store.Timestamps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uploaded documents (SBOMs, VEX) exactly as received, gzip-compressed in the database under the SHA-256 of their
 * original bytes: application nodes keep nothing on their own disks. Call {@link #keep} inside the transaction that
 * records the upload, so a document and the record referring to it are written together or not at all.
 */
public final class DocumentRepository {
    private final JdbcClient jdbc;

    public DocumentRepository(Database db) {
        this.jdbc = db.jdbc();
    }

    /** What is stored for one document. */
    public record StoredDocument(String sha256, long sizeBytes, long storedBytes, Instant storedAt) {}

    /**
     * Keeps the file's bytes under {@code sha256} (the caller computed it while receiving); a document already kept
     * is left as it is.
     *
     * @return true when it was new
     */
    public boolean keep(String sha256, Path file, Instant now) {
        if (exists(sha256)) {
            return false;
        }
        byte[] gz;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out, 64 * 1024)) {
                size = in.transferTo(z);
            }
            gz = out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upload " + file, e);
        }
        return jdbc.sql("""
                        insert into uploaded_documents (sha256, size_bytes, stored_bytes, encoding, stored_at, content)
                        values (:sha, :size, :stored, 'gzip', :at, :content) on conflict (sha256) do nothing""")
                .param("sha", sha256).param("size", size).param("stored", (long) gz.length)
                .param("at", Timestamps.format(now)).param("content", gz).update() == 1;
    }

    public boolean exists(String sha256) {
        return jdbc.sql("select count(*) from uploaded_documents where sha256 = :sha").param("sha", sha256)
                .query(Long.class).single() > 0;
    }

    public Optional<StoredDocument> describe(String sha256) {
        return jdbc.sql("select sha256, size_bytes, stored_bytes, stored_at from uploaded_documents where sha256 = :sha")
                .param("sha", sha256)
                .query((rs, n) -> new StoredDocument(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        Timestamps.parse(rs.getString(4))))
                .optional();
    }

    /** The document's original bytes, decompressed as they are read; empty when it is not kept here. */
    public Optional<InputStream> open(String sha256) {
        return jdbc.sql("select content from uploaded_documents where sha256 = :sha").param("sha", sha256)
                .query((rs, n) -> rs.getBytes(1)).optional().map(bytes -> {
                    try {
                        return new GZIPInputStream(new ByteArrayInputStream(bytes), 64 * 1024);
                    } catch (IOException e) {
                        throw new UncheckedIOException("stored document " + sha256 + " is not valid gzip", e);
                    }
                });
    }
}

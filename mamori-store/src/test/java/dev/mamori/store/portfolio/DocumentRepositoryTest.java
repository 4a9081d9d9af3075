package dev.mamori.store.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.TestDatabases;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class DocumentRepositoryTest {
    static final Path WEBGOAT = Path.of("../mamori-core/src/test/resources/sbom/webgoat/mvn-webgoat-8.2.0.cdx16.json.gz");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void keep_storesTheExactBytesCompressed_once_andARolledBackUploadLeavesNothing(DatabaseKind kind) throws Exception {
        byte[] original;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(WEBGOAT))) {
            original = in.readAllBytes();
        }
        Path file = tmp.resolve("upload.json");
        Files.write(file, original);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            DocumentRepository docs = new DocumentRepository(db);

            assertThat(docs.keep(sha, file, now)).isTrue();
            assertThat(docs.keep(sha, file, now.plusSeconds(1))).as("the same document again").isFalse();

            try (InputStream in = docs.open(sha).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(original);
            }
            DocumentRepository.StoredDocument d = docs.describe(sha).orElseThrow();
            assertThat(d.sizeBytes()).isEqualTo(original.length);
            assertThat(d.storedBytes()).isPositive().isLessThan(original.length / 5);
            assertThat(d.storedAt()).isEqualTo(now);

            String other = "0".repeat(64);
            try {
                db.inTransaction((Runnable) () -> {
                    docs.keep(other, file, now);
                    throw new IllegalStateException("the upload's record failed");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertThat(docs.exists(other)).isFalse();
            assertThat(docs.open(other)).isEmpty();
        }
    }
}

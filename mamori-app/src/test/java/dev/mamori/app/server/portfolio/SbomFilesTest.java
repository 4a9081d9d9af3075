package dev.mamori.app.server.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.store.Database;
import dev.mamori.store.DatabaseSettings;
import dev.mamori.store.portfolio.DocumentRepository;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SbomFilesTest {
    @TempDir
    Path tmp;

    @Test
    void receivedThenKept_isReadFromTheDatabase_olderFilesFromDisk_nothingLeftBehind() throws Exception {
        try (Database db = Database.open(DatabaseSettings.sqlite(tmp.resolve("data")))) {
            SbomFiles files = new SbomFiles(tmp.resolve("sboms"), new DocumentRepository(db),
                    Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC));
            byte[] body = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"}".getBytes(StandardCharsets.UTF_8);

            SbomFiles.Received r = files.receive(new ByteArrayInputStream(body));
            assertThat(r.size()).isEqualTo(body.length);
            assertThat(r.sha256()).isEqualTo(
                    java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body)));
            files.keep(r);
            assertThat(r.temp()).doesNotExist();
            try (InputStream in = files.open(r.sha256()).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo(body);
            }

            // a document an earlier version kept as a file
            String legacy = "ab" + "0".repeat(62);
            Path old = tmp.resolve("sboms").resolve("ab").resolve(legacy);
            Files.createDirectories(old.getParent());
            Files.writeString(old, "old");
            try (InputStream in = files.open(legacy).orElseThrow()) {
                assertThat(in.readAllBytes()).isEqualTo("old".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(files.open("cd" + "0".repeat(62))).isEmpty();
            assertThatThrownBy(() -> files.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

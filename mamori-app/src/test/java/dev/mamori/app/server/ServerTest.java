package dev.mamori.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.store.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Starts the real server, as {@code mamori serve} does, and talks to it over HTTP. */
final class ServerTest {
    @TempDir
    Path tmp;

    @Test
    void serve_embeddedDefault_createsSqliteStoreAndAnswersHealth() {
        try (TestServer s = TestServer.start(DatabaseKind.SQLITE, tmp)) {
            TestServer.Answer health = s.anonymous("/api/v1/health");
            assertThat(health.status()).isEqualTo(200);
            JsonNode body = health.json();
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("database").asText()).isEqualTo("sqlite");
            assertThat(body.path("schemaVersion").asText()).matches("\\d+");
            assertThat(Files.isRegularFile(s.dataDir.resolve("mamori.db"))).isTrue();

            TestServer.Answer actuator = s.anonymous("/actuator/health");
            assertThat(actuator.status()).isEqualTo(200);
            assertThat(actuator.json().path("status").asText()).isEqualTo("UP");

            assertThat(s.anonymous("/actuator/prometheus").status()).isEqualTo(401);
            TestServer.Answer metrics = s.get("/actuator/prometheus");
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");

            TestServer.Answer home = s.anonymous("/");
            assertThat(home.status()).isEqualTo(200);
            assertThat(home.body()).contains("Mamori", "守り").containsPattern("id=\"version\">\\d+\\.\\d+\\.\\d+");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void serve_eachDatabase_answersHealthWithItsKind(DatabaseKind kind) {
        try (TestServer s = TestServer.start(kind, tmp)) {
            TestServer.Answer health = s.anonymous("/api/v1/health");
            assertThat(health.status()).isEqualTo(200);
            JsonNode body = health.json();
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("database").asText()).isEqualTo(kind.label());
            assertThat(body.path("databaseVersion").asText()).matches("\\d+\\.\\d+.*");
        }
    }
}

package dev.mamori.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.store.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real server, as {@code mamori serve} does, and talks to it over HTTP. */
final class ServerTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    private HttpResponse<String> get(ConfigurableApplicationContext ctx, String path) throws IOException, InterruptedException {
        String port = ctx.getEnvironment().getProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serve_embeddedDefault_createsSqliteStoreAndAnswersHealth() throws Exception {
        Path dataDir = tmp.resolve("mamori-data");
        try (ConfigurableApplicationContext ctx = MamoriServer.start(
                new ServerSettings(0, dataDir, DatabaseSettings.sqlite(dataDir)), new String[0])) {
            HttpResponse<String> health = get(ctx, "/api/v1/health");
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode body = new ObjectMapper().readTree(health.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("database").asText()).isEqualTo("sqlite");
            // the newest applied Flyway migration (V2 added the intelligence store; later issues add more)
            assertThat(body.path("schemaVersion").asText()).matches("[1-9]\\d*");
            assertThat(Files.isRegularFile(dataDir.resolve("mamori.db"))).isTrue();

            HttpResponse<String> actuator = get(ctx, "/actuator/health");
            assertThat(actuator.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(actuator.body()).path("status").asText()).isEqualTo("UP");

            HttpResponse<String> metrics = get(ctx, "/actuator/prometheus");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");

            HttpResponse<String> home = get(ctx, "/");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Mamori", "守り").containsPattern("id=\"version\">\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void serve_postgresqlUrl_usesPostgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            DatabaseSettings settings = new DatabaseSettings(pg.getJdbcUrl("postgres", "postgres"), "postgres", null);
            try (ConfigurableApplicationContext ctx = MamoriServer.start(
                    new ServerSettings(0, tmp.resolve("unused"), settings), new String[0])) {
                HttpResponse<String> health = get(ctx, "/api/v1/health");
                assertThat(health.statusCode()).isEqualTo(200);
                JsonNode body = new ObjectMapper().readTree(health.body());
                assertThat(body.path("status").asText()).isEqualTo("UP");
                assertThat(body.path("database").asText()).isEqualTo("postgresql");
                assertThat(body.path("databaseVersion").asText()).matches("\\d+\\.\\d+.*");
            }
            assertThat(Files.exists(tmp.resolve("unused"))).isFalse();
        }
    }
}

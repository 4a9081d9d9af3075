package dev.mamori.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.store.DatabaseKind;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The REST API over HTTP on a real server, on SQLite and on PostgreSQL. */
final class ApiTest {
    @TempDir
    Path tmp;

    /** Every error is an RFC 9457 problem with all five members. */
    static JsonNode assertProblem(TestServer.Answer a, int status, String type) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        JsonNode p = a.json();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("type").asText()).isEqualTo(type);
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("detail").asText()).isNotBlank();
        assertThat(p.path("instance").asText()).startsWith("/");
        return p;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void access_onlyHealthIsOpen_keysAndUsersHaveScopes(DatabaseKind kind) {
        try (TestServer s = TestServer.start(kind, tmp)) {
            assertThat(s.anonymous("/api/v1/health").status()).isEqualTo(200);
            for (String path : List.of("/api/v1/products", "/api/v1/openapi.json", "/api/v1/me", "/api/v1/nothing-here")) {
                TestServer.Answer a = s.anonymous(path);
                assertProblem(a, 401, "urn:mamori:problem:unauthorized");
                assertThat(a.response().headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Bearer"))
                        .anyMatch(h -> h.startsWith("Basic"));
            }
            assertProblem(s.get("/api/v1/products", "mamori_not-a-key"), 401, "urn:mamori:problem:unauthorized");
            assertThat(s.get("/api/v1/me").json().path("scopes")).extracting(JsonNode::asText).containsExactly("admin", "read", "write");

            JsonNode created = s.post("/api/v1/admin/api-keys", Map.of("name", "reader", "scopes", List.of("read"))).json();
            String reader = created.path("secret").asText();
            assertThat(reader).startsWith("mamori_");
            assertThat(created.path("key").path("scopes")).extracting(JsonNode::asText).containsExactly("read");
            assertThat(s.send(s.request("/api/v1/products").header("X-Api-Key", reader).GET()).status()).isEqualTo(200);
            assertProblem(s.post("/api/v1/products", Map.of("name", "x"), reader), 403, "urn:mamori:problem:forbidden");
            assertProblem(s.get("/api/v1/admin/api-keys", reader), 403, "urn:mamori:problem:forbidden");
            assertThat(s.get("/api/v1/admin/api-keys").json().toString()).doesNotContain(reader);

            assertProblem(s.post("/api/v1/admin/users", Map.of("username", "alice", "password", "short", "scopes", List.of("write"))),
                    400, "urn:mamori:problem:validation");
            JsonNode alice = s.post("/api/v1/admin/users", Map.of("username", "alice", "password", "correct horse battery",
                    "scopes", List.of("write"))).json();
            assertThat(alice.toString()).doesNotContain("correct horse");
            String basic = "Basic " + Base64.getEncoder().encodeToString("alice:correct horse battery".getBytes(StandardCharsets.UTF_8));
            TestServer.Answer me = s.send(s.request("/api/v1/me").header("Authorization", basic).GET());
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().path("name").asText()).isEqualTo("user:alice");
            String wrong = "Basic " + Base64.getEncoder().encodeToString("alice:wrong password!!".getBytes(StandardCharsets.UTF_8));
            assertProblem(s.send(s.request("/api/v1/me").header("Authorization", wrong).GET()), 401, "urn:mamori:problem:unauthorized");
            assertThat(s.delete("/api/v1/admin/users/" + alice.path("id").asLong()).status()).isEqualTo(204);
            assertProblem(s.send(s.request("/api/v1/me").header("Authorization", basic).GET()), 401, "urn:mamori:problem:unauthorized");

            assertThat(s.delete("/api/v1/admin/api-keys/" + created.path("key").path("id").asLong()).status()).isEqualTo(204);
            assertProblem(s.get("/api/v1/products", reader), 401, "urn:mamori:problem:unauthorized");
            assertThat(s.get("/api/v1/admin/audit?entityType=api-key").json()).extracting(e -> e.path("action").asText())
                    .contains("api-key.create", "api-key.revoke", "api-key.seed");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void productsAndReleases_crudWithValidationConflictsAndPages(DatabaseKind kind) {
        try (TestServer s = TestServer.start(kind, tmp)) {
            Map<String, Object> profile = Map.of("schema", "mamori-risk-profile/1", "networkExposure", "internet",
                    "safetyCritical", true, "safetyImpact", "critical");
            TestServer.Answer created = s.post("/api/v1/products", Map.of("name", "Gateway", "ownerTeam", "edge",
                    "tags", List.of("iot", "safety"), "riskProfile", profile));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            long id = created.json().path("id").asLong();
            assertThat(created.response().headers().firstValue("Location")).contains("/api/v1/products/" + id);
            assertThat(created.json().path("riskProfile").path("networkExposure").asText()).isEqualTo("internet");

            JsonNode invalid = assertProblem(s.post("/api/v1/products", Map.of("name", " ", "tags", List.of(""))), 400,
                    "urn:mamori:problem:validation");
            assertThat(invalid.path("errors")).extracting(e -> e.path("pointer").asText()).containsExactly("/name", "/tags/0");
            JsonNode badProfile = assertProblem(s.post("/api/v1/products", Map.of("name", "P2", "riskProfile",
                    Map.of("schema", "mamori-risk-profile/1", "networkExposure", "moon"))), 400, "urn:mamori:problem:validation");
            assertThat(badProfile.path("errors").get(0).path("pointer").asText()).isEqualTo("/riskProfile/networkExposure");
            assertProblem(s.post("/api/v1/products", Map.of("name", "gateway")), 409, "urn:mamori:problem:conflict");
            assertProblem(s.post("/api/v1/products", "{\"name\": "), 400, "urn:mamori:problem:bad-request");
            assertProblem(s.get("/api/v1/products/999999"), 404, "urn:mamori:problem:not-found");
            assertProblem(s.get("/api/v1/products/abc"), 400, "urn:mamori:problem:bad-request");
            assertProblem(s.get("/api/v1/no/such/thing"), 404, "urn:mamori:problem:not-found");
            assertProblem(s.send(s.request("/api/v1/products/" + id).header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))), 405, "urn:mamori:problem:method-not-allowed");

            for (int i = 0; i < 7; i++) {
                s.post("/api/v1/products", Map.of("name", "Product " + i, "tags", i % 2 == 0 ? List.of("even") : List.of()));
            }
            List<String> names = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = s.get("/api/v1/products?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.path("items").forEach(p -> names.add(p.path("name").asText()));
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            } while (cursor != null);
            assertThat(names).hasSize(8).startsWith("Gateway").isSorted();
            assertThat(s.get("/api/v1/products?tag=even").json().path("items")).hasSize(4);
            assertProblem(s.get("/api/v1/products?cursor=zzz"), 400, "urn:mamori:problem:validation");
            assertProblem(s.get("/api/v1/products?limit=0"), 400, "urn:mamori:problem:validation");

            TestServer.Answer updated = s.put("/api/v1/products/" + id, Map.of("name", "Gateway X", "tags", List.of("iot")));
            assertThat(updated.json().path("name").asText()).isEqualTo("Gateway X");
            assertThat(updated.json().path("riskProfile").isNull()).isTrue();

            TestServer.Answer release = s.post("/api/v1/products/" + id + "/releases",
                    Map.of("version", "1.0", "releasedAt", "2024-01-15", "supportedUntil", "2034-01-15"));
            assertThat(release.status()).isEqualTo(201);
            long rid = release.json().path("id").asLong();
            assertThat(release.json().path("releasedAt").asText()).isEqualTo("2024-01-15");
            assertProblem(s.post("/api/v1/products/" + id + "/releases", Map.of("version", "1.0")), 409, "urn:mamori:problem:conflict");
            assertProblem(s.post("/api/v1/products/" + id + "/releases", Map.of("version", "2.0", "releasedAt", "2024-13-01")), 400,
                    "urn:mamori:problem:bad-request");
            assertProblem(s.post("/api/v1/products/" + id + "/releases", Map.of("version", "2.0", "releasedAt", "2024-01-02",
                    "supportedUntil", "2023-01-01")), 400, "urn:mamori:problem:validation");
            assertProblem(s.post("/api/v1/products/999999/releases", Map.of("version", "1")), 404, "urn:mamori:problem:not-found");
            s.post("/api/v1/products/" + id + "/releases", Map.of("version", "2.0"));
            assertThat(s.get("/api/v1/products/" + id + "/releases").json().path("items")).extracting(r -> r.path("version").asText())
                    .containsExactly("2.0", "1.0");
            assertThat(s.put("/api/v1/products/" + id + "/releases/" + rid, Map.of("version", "1.0.1")).json().path("version").asText())
                    .isEqualTo("1.0.1");
            assertThat(s.get("/api/v1/releases/" + rid).json().path("productId").asLong()).isEqualTo(id);
            assertThat(s.delete("/api/v1/products/" + id + "/releases/" + rid).status()).isEqualTo(204);
            assertProblem(s.get("/api/v1/releases/" + rid), 404, "urn:mamori:problem:not-found");
            assertThat(s.delete("/api/v1/products/" + id).status()).isEqualTo(204);
            assertProblem(s.get("/api/v1/products/" + id), 404, "urn:mamori:problem:not-found");
            assertThat(s.get("/api/v1/admin/audit?entityType=product&entityId=" + id).json())
                    .extracting(e -> e.path("action").asText()).containsExactly("product.delete", "product.update", "product.create");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void sbomUpload_badInputIsAProblemAndChangesNothing_goodInputIsKeptByteForByte(DatabaseKind kind) throws Exception {
        try (TestServer s = TestServer.start(kind, tmp, "--mamori.limits.max-upload-size=20000", "--mamori.limits.max-body-size=2000")) {
            long product = s.post("/api/v1/products", Map.of("name", "P")).json().path("id").asLong();
            long release = s.post("/api/v1/products/" + product + "/releases", Map.of("version", "1")).json().path("id").asLong();
            String path = "/api/v1/releases/" + release + "/sbom";

            JsonNode bad = assertProblem(s.upload(path, "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [{]}"
                    .getBytes(StandardCharsets.UTF_8), "application/json"), 422, "urn:mamori:problem:unprocessable-sbom");
            assertThat(bad.path("detail").asText()).contains("line 1");
            assertProblem(s.upload(path, "hello".getBytes(StandardCharsets.UTF_8), "text/plain"), 422,
                    "urn:mamori:problem:unprocessable-sbom");
            assertProblem(s.upload(path, new byte[] {1, 2, 3}, "image/png"), 415, "urn:mamori:problem:unsupported-media-type");
            assertProblem(s.upload(path, new byte[30_000], "application/json"), 413, "urn:mamori:problem:payload-too-large");
            assertProblem(s.post("/api/v1/products", Map.of("name", "x".repeat(3000))), 413, "urn:mamori:problem:payload-too-large");
            assertProblem(s.upload("/api/v1/releases/999999/sbom", "{}".getBytes(StandardCharsets.UTF_8), "application/json"), 404,
                    "urn:mamori:problem:not-found");
            assertThat(s.get("/api/v1/releases/" + release + "/sboms").json()).isEmpty();
            assertThat(s.get("/api/v1/releases/" + release).json().path("currentSbomId").isNull()).isTrue();

            String sbom = """
                    {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                     "metadata": {"component": {"type": "application", "name": "app", "version": "1"}},
                     "components": [
                       {"type": "library", "name": "log4j-core", "group": "org.apache.logging.log4j", "version": "2.14.1",
                        "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"},
                       {"type": "library", "name": "nopurl", "version": "1.0"}
                     ]}""";
            TestServer.Answer ok = s.upload(path + "?filename=app.cdx.json", sbom.getBytes(StandardCharsets.UTF_8),
                    "application/vnd.cyclonedx+json");
            assertThat(ok.status()).as(ok.toString()).isEqualTo(202);
            JsonNode doc = ok.json().path("sbom");
            assertThat(doc.path("format").asText()).isEqualTo("CycloneDX");
            assertThat(doc.path("componentCount").asInt()).isEqualTo(2);
            assertThat(doc.path("fileName").asText()).isEqualTo("app.cdx.json");
            assertThat(ok.json().path("analysis").path("priority").asInt()).isEqualTo(100);
            TestServer.Answer content = s.get(doc.path("contentUrl").asText());
            assertThat(content.body()).isEqualTo(sbom);
            // kept in the database, so this node's disk holds nothing (not even the temporary file)
            try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.walk(s.dataDir.resolve("sboms"))) {
                assertThat(left.filter(java.nio.file.Files::isRegularFile)).isEmpty();
            }

            String boundary = "mamori-test-boundary";
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v2.json\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + sbom.replace("2.14.1", "2.17.1") + "\r\n--" + boundary + "--\r\n";
            TestServer.Answer second = s.upload(path, multipart.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary);
            assertThat(second.status()).as(second.toString()).isEqualTo(202);
            assertThat(s.get("/api/v1/releases/" + release + "/sboms").json()).extracting(d -> d.path("fileName").asText())
                    .containsExactly("v2.json", "app.cdx.json");
            JsonNode components = s.get("/api/v1/releases/" + release + "/components").json().path("items");
            assertThat(components).extracting(c -> c.path("version").asText()).containsExactly("2.17.1", "1.0");
            assertThat(components.get(0).path("packageKey").asText()).isEqualTo("maven:org.apache.logging.log4j:log4j-core");
            assertThat(components.get(1).path("packageKey").isNull()).isTrue();
            assertThat(s.awaitAnalysis(release).path("state").asText()).isEqualTo("done");
        }
    }
}

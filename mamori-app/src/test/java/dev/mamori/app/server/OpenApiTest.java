package dev.mamori.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.store.DatabaseKind;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document is served, is a valid OpenAPI 3 document, and describes every /api/v1 endpoint. */
final class OpenApiTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void openApi_served_parsesAndListsEveryApiEndpoint(DatabaseKind kind) throws Exception {
        try (TestServer s = TestServer.start(kind, tmp)) {
            ApiTest.assertProblem(s.anonymous("/api/v1/openapi.json"), 401, "urn:mamori:problem:unauthorized");
            TestServer.Answer doc = s.get("/api/v1/openapi.json");
            assertThat(doc.status()).isEqualTo(200);
            assertThat(doc.contentType()).startsWith("application/json");
            JsonNode tree = doc.json();
            assertThat(tree.path("openapi").asText()).startsWith("3.");
            assertThat(tree.path("info").path("title").asText()).isEqualTo("Mamori API");

            OpenAPI parsed = Json.mapper().readValue(doc.body(), OpenAPI.class);
            assertThat(parsed.getComponents().getSecuritySchemes()).containsKeys("bearer", "apiKey", "basic");
            parsed.getPaths().forEach((path, item) -> item.readOperations().forEach(op -> {
                assertThat(op.getResponses()).as(path).isNotEmpty();
                assertThat(op.getSummary()).as(path + " has a summary").isNotBlank();
            }));

            // every Mamori handler under /api/v1 is in the document, with the same methods
            Set<String> handlers = new TreeSet<>();
            s.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class).getHandlerMethods()
                    .forEach((info, method) -> info.getPatternValues().stream()
                            .filter(p -> p.startsWith("/api/v1/") && method.getBeanType().getPackageName().startsWith("dev.mamori"))
                            .forEach(p -> info.getMethodsCondition().getMethods()
                                    .forEach(m -> handlers.add(m.name().toLowerCase() + " " + p))));
            Set<String> documented = new TreeSet<>();
            tree.path("paths").properties().forEach(e -> e.getValue().properties().forEach(m -> documented.add(m.getKey() + " " + e.getKey())));
            assertThat(handlers).hasSizeGreaterThan(30);
            assertThat(documented).containsAll(handlers);
            assertThat(documented).contains("post /api/v1/releases/{id}/sbom", "get /api/v1/releases/{id}/findings",
                    "get /api/v1/components", "get /api/v1/releases/{a}/diff/{b}", "post /api/v1/findings/{id}/triage",
                    "get /api/v1/products", "post /api/v1/products/{productId}/releases");

            HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> ui = follow.send(s.request("/api/v1/docs").header("Authorization", "Bearer " + TestServer.ADMIN_KEY)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ui.statusCode()).isEqualTo(200);
            assertThat(ui.body()).containsIgnoringCase("swagger-ui");
        }
    }
}

package dev.mamori.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.vex.VexDocument;
import dev.mamori.vex.VexFormat;
import dev.mamori.vex.VexReader;
import dev.mamori.vex.VexStatement;
import dev.mamori.vex.VexStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8's must-show, over HTTP on a real server, on SQLite and on PostgreSQL: a product with two releases of a real
 * project (OWASP WebGoat 8.1.0 and 8.2.0, real CycloneDX SBOMs), real GitHub advisories, the findings and the diff;
 * triage that reaches future uploads; VEX export in three formats (schema-valid) and a supplier's VEX imported; then a
 * new advisory imported into the advisory store that changes the findings without a new upload, and one withdrawn
 * from the advisory files.
 */
final class PortfolioEndToEndTest {
    static final String XSTREAM = "CVE-2013-7285";     // GHSA-f554-x222-wgf7, xstream < 1.4.6: both releases (1.4.5)
    static final String DOM4J = "CVE-2020-10683";      // GHSA-hwj3-m3p6-hj38, dom4j [2.1.0, 2.1.3): 8.1.0 only (2.1.1 → 2.1.3)
    static final String PGJDBC = "GHSA-673j-qm5f-xpv8"; // postgresql [42.1.0, 42.3.3): both (42.2.8, 42.2.18)
    static final String JSOUP = "CVE-2021-37714";      // GHSA-m72m-mhq2-9p6c, jsoup < 1.14.2: both, added later

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void webgoat_twoReleases_findingsDiffTriageAndReanalysisOnNewAdvisory(DatabaseKind kind) {
        Path advisories = tmp.resolve("advisories");
        for (String id : List.of("GHSA-f554-x222-wgf7", "GHSA-hwj3-m3p6-hj38", "GHSA-673j-qm5f-xpv8")) {
            Fixtures.copy(Fixtures.GHSA.resolve(id + ".json"), advisories);
        }
        try (TestServer s = TestServer.start(kind, tmp, "--mamori.advisories.dir=" + advisories)) {
            JsonNode status = s.get("/api/v1/advisories").json();
            assertThat(status.path("advisories").asInt()).isEqualTo(3);
            assertThat(status.path("problems")).isEmpty();

            long product = s.post("/api/v1/products", Map.of("name", "WebGoat", "ownerTeam", "appsec", "tags", List.of("training"),
                    "riskProfile", Map.of("schema", "mamori-risk-profile/1", "networkExposure", "internet"))).json().path("id").asLong();
            long r81 = s.post("/api/v1/products/" + product + "/releases", Map.of("version", "8.1.0", "releasedAt", "2020-06-07"))
                    .json().path("id").asLong();
            long r82 = s.post("/api/v1/products/" + product + "/releases", Map.of("version", "8.2.0", "releasedAt", "2021-03-12"))
                    .json().path("id").asLong();

            byte[] sbom81 = Fixtures.gunzip(Fixtures.WEBGOAT.resolve("mvn-webgoat-8.1.0.cdx16.json.gz"));
            byte[] sbom82 = Fixtures.gunzip(Fixtures.WEBGOAT.resolve("mvn-webgoat-8.2.0.cdx16.json.gz"));
            TestServer.Answer up81 = s.upload("/api/v1/releases/" + r81 + "/sbom?filename=webgoat-8.1.0.cdx.json", sbom81,
                    "application/vnd.cyclonedx+json");
            assertThat(up81.status()).as(up81.toString()).isEqualTo(202);
            assertThat(up81.json().path("sbom").path("componentCount").asInt()).isEqualTo(157);
            String boundary = "b0undary";
            byte[] multipart = concat(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"webgoat-8.2.0.cdx.json\"\r\n"
                    + "Content-Type: application/vnd.cyclonedx+json\r\n\r\n").getBytes(StandardCharsets.UTF_8), sbom82,
                    ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            TestServer.Answer up82 = s.upload("/api/v1/releases/" + r82 + "/sbom", multipart, "multipart/form-data; boundary=" + boundary);
            assertThat(up82.status()).as(up82.toString()).isEqualTo(202);
            assertThat(up82.json().path("sbom").path("componentCount").asInt()).isEqualTo(191);
            assertThat(s.get(up82.json().path("sbom").path("contentUrl").asText()).body().getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(sbom82);

            assertThat(s.awaitAnalysis(r81).path("state").asText()).isEqualTo("done");
            JsonNode job82 = s.awaitAnalysis(r82);
            assertThat(job82.path("state").asText()).isEqualTo("done");
            assertThat(job82.path("result").path("added").asInt()).isEqualTo(2);

            // findings, with evidence, fix and assessment
            assertThat(vulnerabilities(s, r81)).containsExactlyInAnyOrder(XSTREAM, DOM4J, PGJDBC);
            assertThat(vulnerabilities(s, r82)).containsExactlyInAnyOrder(XSTREAM, PGJDBC);
            JsonNode list = s.get("/api/v1/releases/" + r82 + "/findings").json();
            assertThat(list.path("total").asInt()).isEqualTo(2);
            assertThat(list.path("totalExact").asBoolean()).isTrue();
            JsonNode xstream = list.path("items").get(0);
            assertThat(xstream.path("vulnerability").path("id").asText()).isEqualTo(XSTREAM);
            assertThat(xstream.path("vulnerability").path("aliases")).extracting(JsonNode::asText).contains("GHSA-f554-x222-wgf7");
            assertThat(xstream.path("severity").asText()).isEqualTo("critical");
            assertThat(xstream.path("component").path("purl").asText()).startsWith("pkg:maven/com.thoughtworks.xstream/xstream@1.4.5");
            assertThat(xstream.path("evidence").path("method").asText()).isEqualTo("PURL");
            assertThat(xstream.path("evidence").path("matched").get(0).path("advisoryId").asText()).isEqualTo("GHSA-f554-x222-wgf7");
            assertThat(xstream.path("evidence").path("matched").get(0).path("range").asText()).contains("fixed 1.4.6");
            assertThat(xstream.path("fix").path("nearest").asText()).isEqualTo("1.4.6");
            // why xstream is in 8.2.0: its shortest chain from the SBOM's subject (the chain DependencyGraphTest
            // checks against an independent walk of the same SBOM)
            assertThat(xstream.path("evidence").path("direct").asBoolean(true)).isFalse();
            assertThat(xstream.path("evidence").path("dependencyPath")).extracting(n -> n.path("name").asText())
                    .containsExactly("org.owasp.webgoat:webgoat-parent", "org.owasp.webgoat.lesson:webgoat-lessons-parent",
                            "org.owasp.webgoat.lesson:vulnerable-components", "com.thoughtworks.xstream:xstream");
            assertThat(xstream.path("confidence").asText()).isEqualTo("HIGH");
            assertThat(xstream.path("assessment").path("baseScore").asDouble()).isEqualTo(9.8);
            assertThat(xstream.path("assessment").path("productScore").asDouble()).isPositive();
            assertThat(xstream.path("triage").path("state").asText()).isEqualTo("in_triage");
            assertThat(xstream.path("firstSeen").asText()).isNotBlank();
            JsonNode detail = s.get("/api/v1/findings/" + xstream.path("id").asLong()).json();
            assertThat(detail.path("assessment").path("cvss").get(0).path("vector").asText()).startsWith("CVSS:3.0/");
            assertThat(detail.path("assessment").path("deployer").path("label").asText()).isNotBlank();

            // filters, sort and pages
            assertThat(s.get("/api/v1/releases/" + r81 + "/findings?severity=critical").json().path("items")).hasSize(2);
            assertThat(s.get("/api/v1/releases/" + r81 + "/findings?vulnerability=GHSA-hwj3-m3p6-hj38").json().path("items"))
                    .extracting(f -> f.path("vulnerability").path("id").asText()).containsExactly(DOM4J);
            assertThat(s.get("/api/v1/releases/" + r81 + "/findings?component=dom4j").json().path("items")).hasSize(1);
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = s.get("/api/v1/releases/" + r81 + "/findings?sort=vulnerability&limit=1"
                        + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.path("items").forEach(f -> paged.add(f.path("vulnerability").path("id").asText()));
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            } while (cursor != null);
            assertThat(paged).hasSize(3).doesNotHaveDuplicates();

            // the release's priority order, a page at a time, is the order `mamori scan` gives the same SBOM with the
            // same advisories and risk profile
            List<String> byPriority = new ArrayList<>();
            List<Integer> ranks = new ArrayList<>();
            cursor = null;
            do {
                JsonNode page = s.get("/api/v1/releases/" + r81 + "/findings?sort=priority&limit=1"
                        + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.path("items").forEach(f -> {
                    byPriority.add(f.path("vulnerability").path("id").asText());
                    ranks.add(f.path("priority").asInt());
                });
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            } while (cursor != null);
            assertThat(ranks).containsExactly(1, 2, 3);
            assertThat(byPriority).containsExactlyElementsOf(cliPriorityOrder(sbom81, advisories));
            ApiTest.assertProblem(s.get("/api/v1/releases/" + r81 + "/findings?severity=urgent"), 400, "urn:mamori:problem:validation");

            // the diff: dom4j upgraded (its finding fixed), jjwt upgraded, components added and removed
            JsonNode diff = s.get("/api/v1/releases/" + r81 + "/diff/" + r82).json();
            assertThat(diff.path("from").path("version").asText()).isEqualTo("8.1.0");
            JsonNode changed = diff.path("components").path("changed");
            assertThat(find(changed, "maven:org.dom4j:dom4j").path("from")).extracting(JsonNode::asText).containsExactly("2.1.1");
            assertThat(find(changed, "maven:org.dom4j:dom4j").path("to")).extracting(JsonNode::asText).containsExactly("2.1.3");
            assertThat(find(changed, "maven:io.jsonwebtoken:jjwt").path("to")).extracting(JsonNode::asText).containsExactly("0.9.1");
            assertThat(diff.path("components").path("added")).isNotEmpty();
            assertThat(diff.path("components").path("removed")).isNotEmpty();
            assertThat(diff.path("components").path("unchanged").asInt()).isPositive();
            assertThat(diff.path("findings").path("fixed")).extracting(f -> f.path("vulnerabilityId").asText()).containsExactly(DOM4J);
            assertThat(diff.path("findings").path("fixed").get(0).path("versionInTo")).extracting(JsonNode::asText)
                    .containsExactly("2.1.3");
            assertThat(diff.path("findings").path("introduced")).isEmpty();
            assertThat(diff.path("findings").path("unchanged").asInt()).isEqualTo(2);

            // where is xstream 1.4.5 used? (a version that is the same by Maven's rules matches too)
            JsonNode used = s.get("/api/v1/components?purl=pkg:maven/com.thoughtworks.xstream/xstream@1.4.5").json();
            assertThat(used.path("items")).extracting(u -> u.path("release").path("name").asText()).containsExactlyInAnyOrder("8.1.0", "8.2.0");
            assertThat(used.path("items").get(0).path("product").path("name").asText()).isEqualTo("WebGoat");
            assertThat(used.path("items")).allSatisfy(u -> {
                assertThat(u.path("component").path("dependencyDepth").asInt()).isEqualTo(3);
                assertThat(u.path("component").path("viaRef").asText()).contains("vulnerable-components");
            });
            assertThat(s.get("/api/v1/components?purl=pkg:maven/org.postgresql/postgresql@42.2.8").json().path("items"))
                    .extracting(u -> u.path("release").path("name").asText()).containsExactly("8.1.0");
            assertThat(s.get("/api/v1/components?purl=pkg:maven/org.dom4j/dom4j").json().path("items")).hasSize(2);
            assertThat(s.get("/api/v1/components?purl=pkg:maven/org.dom4j/dom4j@2.1.3.0").json().path("items"))
                    .extracting(u -> u.path("component").path("version").asText()).containsExactly("2.1.3");
            ApiTest.assertProblem(s.get("/api/v1/components?purl=not-a-purl"), 400, "urn:mamori:problem:validation");

            // triage: xstream is not affected in this product, a decision that reaches both releases and future uploads
            JsonNode triaged = s.post("/api/v1/findings/" + xstream.path("id").asLong() + "/triage", Map.of("state", "not_affected",
                    "justification", "vulnerable_code_not_in_execute_path", "scope", "product",
                    "comment", "XStream is only used by a lesson that is disabled in our build")).json();
            assertThat(triaged.path("changedFindings")).hasSize(2);
            assertThat(triaged.path("finding").path("triage").path("state").asText()).isEqualTo("not_affected");
            JsonNode x81 = s.get("/api/v1/releases/" + r81 + "/findings?vulnerability=" + XSTREAM).json().path("items").get(0);
            assertThat(x81.path("triage").path("state").asText()).isEqualTo("not_affected");
            assertThat(x81.path("triage").path("justification").asText()).isEqualTo("vulnerable_code_not_in_execute_path");
            JsonNode history = s.get("/api/v1/findings/" + x81.path("id").asLong() + "/history").json();
            assertThat(history.get(0).path("actor").asText()).startsWith("api-key:admin");
            assertThat(history.get(0).path("before").path("state").asText()).isEqualTo("in_triage");
            assertThat(history.get(0).path("after").path("state").asText()).isEqualTo("not_affected");
            assertThat(s.get("/api/v1/findings/" + xstream.path("id").asLong() + "/comments").json().get(0).path("body").asText())
                    .contains("disabled in our build");
            ApiTest.assertProblem(s.post("/api/v1/findings/" + xstream.path("id").asLong() + "/triage", Map.of("state", "not_affected")),
                    400, "urn:mamori:problem:validation");
            assertThat(s.get("/api/v1/releases/" + r81 + "/findings?state=not_affected").json().path("items")).hasSize(1);

            long r821 = s.post("/api/v1/products/" + product + "/releases", Map.of("version", "8.2.1")).json().path("id").asLong();
            s.upload("/api/v1/releases/" + r821 + "/sbom", sbom82, "application/json");
            s.awaitAnalysis(r821);
            JsonNode inherited = s.get("/api/v1/releases/" + r821 + "/findings?vulnerability=" + XSTREAM).json().path("items").get(0);
            assertThat(inherited.path("triage").path("state").asText()).as("a product decision reaches a later upload")
                    .isEqualTo("not_affected");
            assertThat(inherited.path("triage").path("decisionId").asLong()).isEqualTo(triaged.path("decision").path("id").asLong());

            // VEX export in the three formats, each valid against its schema, with the triage decision in it
            for (VexFormat format : VexFormat.values()) {
                TestServer.Answer vex = s.get("/api/v1/releases/" + r82 + "/vex?format=" + format.label());
                assertThat(vex.status()).as(vex.toString()).isEqualTo(200);
                assertThat(VexSchemas.violations(vex.body().getBytes(StandardCharsets.UTF_8), format)).as(format + ": " + vex.body())
                        .isEmpty();
                assertThat(vex.body()).contains(XSTREAM, PGJDBC, "pkg:maven/com.thoughtworks.xstream/xstream@1.4.5");
                VexDocument read = VexReader.read(vex.body().getBytes(StandardCharsets.UTF_8), format.label());
                VexStatement x = read.statements().stream().filter(st -> st.vulnerabilityIds().contains(XSTREAM)).findFirst().orElseThrow();
                assertThat(x.status()).isEqualTo(VexStatus.NOT_AFFECTED);
                assertThat(x.justification()).isEqualTo(format == VexFormat.CYCLONEDX ? "code_not_reachable"
                        : "vulnerable_code_not_in_execute_path");
                VexStatement pg = read.statements().stream().filter(st -> st.vulnerabilityIds().contains(PGJDBC)).findFirst().orElseThrow();
                assertThat(pg.status()).isEqualTo(VexStatus.UNDER_INVESTIGATION);
            }
            assertThat(s.get("/api/v1/releases/" + r82 + "/vex?format=openvex").body()).contains("\"@context\"", "openvex.dev/ns/v0.2.0");
            assertThat(s.get("/api/v1/releases/" + r82 + "/vex?format=csaf").body()).contains("\"csaf_vex\"");
            ApiTest.assertProblem(s.get("/api/v1/releases/" + r82 + "/vex?format=spdx"), 400, "urn:mamori:problem:validation");

            // a supplier's OpenVEX says dom4j 2.1.1 is not affected in their build: imported, applied, and named as the source
            String supplierVex = """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://supplier.example/vex/2024-001",
                     "author": "Supplier PSIRT", "timestamp": "2024-05-01T00:00:00Z", "version": 1,
                     "statements": [
                       {"vulnerability": {"name": "CVE-2020-10683"}, "products": [{"@id": "pkg:maven/org.dom4j/dom4j@2.1.1"}],
                        "status": "not_affected", "justification": "vulnerable_code_cannot_be_controlled_by_adversary"},
                       {"vulnerability": {"name": "CVE-1999-0001"}, "products": [{"@id": "pkg:maven/org.dom4j/dom4j@2.1.1"}],
                        "status": "affected", "action_statement": "none"},
                       {"vulnerability": {"name": "CVE-2013-7285"}, "products": [{"@id": "pkg:maven/com.thoughtworks.xstream/xstream@1.4.5"}],
                        "status": "under_investigation"}
                     ]}""";
            JsonNode imported = s.upload("/api/v1/releases/" + r81 + "/vex", supplierVex.getBytes(StandardCharsets.UTF_8),
                    "application/json").json();
            assertThat(imported.path("document").path("format").asText()).startsWith("OpenVEX");
            assertThat(imported.path("document").path("id").asText()).isEqualTo("https://supplier.example/vex/2024-001");
            assertThat(imported.path("document").path("author").asText()).isEqualTo("Supplier PSIRT");
            assertThat(imported.path("applied")).singleElement().satisfies(a -> {
                assertThat(a.path("vulnerabilityId").asText()).isEqualTo(DOM4J);
                assertThat(a.path("findingsChanged")).hasSize(1);
            });
            assertThat(imported.path("unmatched")).extracting(u -> u.path("vulnerabilityId").asText()).containsExactly("CVE-1999-0001");
            assertThat(imported.path("skipped").asInt()).isEqualTo(1);
            JsonNode dom4j = s.get("/api/v1/releases/" + r81 + "/findings?vulnerability=" + DOM4J).json().path("items").get(0);
            assertThat(dom4j.path("triage").path("state").asText()).isEqualTo("not_affected");
            assertThat(dom4j.path("triage").path("justification").asText()).isEqualTo("vulnerable_code_cannot_be_controlled_by_adversary");
            assertThat(dom4j.path("triage").path("source").asText()).startsWith("vex OpenVEX").contains("https://supplier.example/vex/2024-001 sha256:");
            ApiTest.assertProblem(s.upload("/api/v1/releases/" + r81 + "/vex", "{\"nope\": 1}".getBytes(StandardCharsets.UTF_8),
                    "application/json"), 422, "urn:mamori:problem:unprocessable-document");

            // a new advisory affecting a stored component, imported into the advisory store as `mamori db import` does:
            // findings change with no new upload
            Instant before = Instant.now();
            new AdvisoryStore(s.context.getBean(Database.class))
                    .importPaths(List.of(Fixtures.GHSA.resolve("GHSA-m72m-mhq2-9p6c.json")), null, Instant.now());
            JsonNode refreshed = s.post("/api/v1/advisories/refresh", Map.of()).json();
            assertThat(refreshed.path("changed").asBoolean()).isTrue();
            assertThat(refreshed.path("added")).extracting(JsonNode::asText).containsExactly("GHSA-m72m-mhq2-9p6c");
            assertThat(refreshed.path("releasesQueued").asInt()).isEqualTo(3);
            for (long r : List.of(r81, r82, r821)) {
                JsonNode job = s.awaitAnalysis(r);
                assertThat(job.path("reason").asText()).startsWith("advisories changed");
                assertThat(job.path("priority").asInt()).isEqualTo(10);
                assertThat(job.path("result").path("added").asInt()).isEqualTo(1);
            }
            assertThat(vulnerabilities(s, r81)).containsExactlyInAnyOrder(XSTREAM, DOM4J, PGJDBC, JSOUP);
            assertThat(vulnerabilities(s, r82)).containsExactlyInAnyOrder(XSTREAM, PGJDBC, JSOUP);
            JsonNode jsoup = s.get("/api/v1/releases/" + r82 + "/findings?vulnerability=" + JSOUP).json().path("items").get(0);
            assertThat(jsoup.path("component").path("version").asText()).isEqualTo("1.13.1");
            assertThat(jsoup.path("fix").path("nearest").asText()).isEqualTo("1.14.2");
            assertThat(Instant.parse(jsoup.path("firstSeen").asText())).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(Instant.parse(x81.path("firstSeen").asText())).isBefore(Instant.parse(jsoup.path("firstSeen").asText()));
            assertThat(s.get("/api/v1/releases/" + r81 + "/sboms").json()).hasSize(1);
            assertThat(s.get("/api/v1/releases/" + r82 + "/sboms").json()).hasSize(1);

            // an advisory withdrawn from the source: its findings are no longer present, with the reason
            assertThat(Fixtures.GHSA.resolve("GHSA-673j-qm5f-xpv8.json")).exists();
            try {
                java.nio.file.Files.delete(advisories.resolve("GHSA-673j-qm5f-xpv8.json"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertThat(s.post("/api/v1/advisories/refresh", Map.of()).json().path("removed")).extracting(JsonNode::asText)
                    .containsExactly(PGJDBC);
            s.awaitAnalysis(r81);
            JsonNode gone = s.get("/api/v1/releases/" + r81 + "/findings?status=not_present").json().path("items").get(0);
            assertThat(gone.path("vulnerability").path("id").asText()).isEqualTo(PGJDBC);
            assertThat(gone.path("notPresent").path("reason").asText()).isEqualTo("advisory_changed");
            assertThat(vulnerabilities(s, r81)).containsExactlyInAnyOrder(XSTREAM, DOM4J, JSOUP);
        }
    }

    private static List<String> vulnerabilities(TestServer s, long release) {
        JsonNode items = s.get("/api/v1/releases/" + release + "/findings?limit=500").json().path("items");
        return StreamSupport.stream(items.spliterator(), false).map(f -> f.path("vulnerability").path("id").asText()).toList();
    }

    private static JsonNode find(JsonNode array, String packageKey) {
        for (JsonNode n : array) {
            if (n.path("packageKey").asText().equals(packageKey)) {
                return n;
            }
        }
        throw new AssertionError(packageKey + " not in " + array);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** The vulnerabilities of `mamori scan SBOM --advisories DIR --profile (internet-facing)` in its priority order. */
    List<String> cliPriorityOrder(byte[] sbom, Path advisories) {
        try {
            Path file = tmp.resolve("cli-" + System.nanoTime() + ".cdx.json");
            java.nio.file.Files.write(file, sbom);
            Path profile = tmp.resolve("profile-" + System.nanoTime() + ".json");
            java.nio.file.Files.writeString(profile, "{\"schema\": \"mamori-risk-profile/1\", \"networkExposure\": \"internet\"}");
            java.io.StringWriter out = new java.io.StringWriter();
            int code = dev.mamori.app.cli.MamoriCommand.run(new String[] {"scan", file.toString(), "--advisories",
                    advisories.toString(), "--profile", profile.toString(), "--format", "json"},
                    new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()));
            assertThat(code).isEqualTo(1);
            JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
            JsonNode r = report.has("reports") ? report.path("reports").get(0) : report;
            List<String> order = new ArrayList<>();
            r.path("priorities").forEach(p -> order.add(p.path("vulnerability").asText()));
            return order;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

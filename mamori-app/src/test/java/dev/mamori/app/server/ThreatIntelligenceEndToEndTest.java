package dev.mamori.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.risk.CweCatalog;
import dev.mamori.risk.WeaknessClassification;
import dev.mamori.risk.WeaknessClassifier;
import dev.mamori.store.AdvisoryStore;
import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.DatabaseSettings;
import dev.mamori.store.queue.PortfolioState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server's assessments use the threat intelligence in its store, on SQLite and on PostgreSQL: WebGoat 8.2.0 and
 * 2025.3 (real CycloneDX SBOMs) against real GitHub advisories; then CISA's real KEV entry for Spring4Shell
 * (CVE-2022-22965, a WebGoat 8.2.0 finding) imported into the store as {@code mamori db import} does re-analyses
 * only the release that has it, and its findings show KEV, SSVC exploitation "active", a more urgent decision and a
 * reason naming KEV; real EPSS scores, then a later made-up score, change the findings' EPSS; a CWE catalogue gives
 * the weakness class the XML catalogue gives.
 */
final class ThreatIntelligenceEndToEndTest {
    static final String SPRING4SHELL = "CVE-2022-22965"; // GHSA-36p3-wjmg-h94x: spring-beans 5.3.4 etc. in 8.2.0 only
    static final String XSTREAM = "CVE-2013-7285";       // GHSA-f554-x222-wgf7: xstream 1.4.5 in both
    static final Path THREATS = Path.of("src", "test", "resources", "threats");
    static final Path CWE_SUBSET = Fixtures.CORE.resolve("cwe/cwec_v4.15-subset.xml.gz");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void kevEpssAndCweImports_reanalyseTheReleasesThatHaveThem_andTheAssessmentsShowThem(DatabaseKind kind) throws IOException {
        Path advisories = tmp.resolve("advisories");
        for (String id : List.of("GHSA-36p3-wjmg-h94x", "GHSA-f554-x222-wgf7")) {
            Fixtures.copy(Fixtures.GHSA.resolve(id + ".json"), advisories);
        }
        try (TestServer s = TestServer.start(kind, tmp, "--mamori.advisories.dir=" + advisories)) {
            AdvisoryStore store = new AdvisoryStore(s.context.getBean(Database.class));
            long product = s.post("/api/v1/products", Map.of("name", "WebGoat",
                    "riskProfile", Map.of("schema", "mamori-risk-profile/1", "networkExposure", "internet"))).json().path("id").asLong();
            long r82 = release(s, product, "8.2.0", "mvn-webgoat-8.2.0.cdx16.json.gz");
            long r2025 = release(s, product, "2025.3", "mvn-webgoat-2025.3.cdx16.json.gz");
            assertThat(vulnerabilities(s, r82)).containsOnly(SPRING4SHELL, XSTREAM);
            assertThat(vulnerabilities(s, r2025)).containsOnly(XSTREAM);

            // before: no KEV, no EPSS, no CWE catalogue in the store
            JsonNode before = assessment(s, r82, SPRING4SHELL, "pkg:maven/org.springframework/spring-beans@5.3.4");
            assertThat(before.path("kev").isNull() || before.path("kev").isMissingNode()).isTrue();
            assertThat(exploitation(before)).isEqualTo("none");
            assertThat(before.path("weakness").path("weaknessClass").asText()).isEqualTo("UNKNOWN");
            assertThat(before.path("reasons").asText()).contains("no known exploitation").doesNotContain("KEV");
            assertThat(before.path("ssvc").path("label").asText()).isEqualTo("Track");
            assertThat(before.path("deployer").path("label").asText()).isEqualTo("Scheduled");
            JsonNode job = s.awaitAnalysis(r82);
            assertThat(job.path("result").path("threats").path("cves").asInt()).isEqualTo(2);
            assertThat(job.path("result").path("threats").path("kev").asInt()).isZero();
            int jobs2025 = s.get("/api/v1/releases/" + r2025 + "/analysis").json().size();

            // CISA's KEV lists Spring4Shell: imported into the store as `mamori db import` does
            store.importPaths(List.of(THREATS.resolve("kev-cve-2022-22965.json")), null, Instant.now());
            JsonNode refreshed = s.post("/api/v1/advisories/refresh", Map.of()).json();
            assertThat(refreshed.path("changed").asBoolean()).as("no advisory changed").isFalse();
            assertThat(refreshed.path("threats").path("releasesQueued").asInt()).as("only 8.2.0 has the CVE").isEqualTo(1);
            assertThat(refreshed.path("threats").path("cves").asInt()).isEqualTo(1);
            job = s.awaitAnalysis(r82);
            assertThat(job.path("reason").asText()).isEqualTo("KEV or EPSS changed for 1 CVE(s): " + SPRING4SHELL);
            assertThat(job.path("priority").asInt()).isEqualTo(10);
            assertThat(job.path("result").path("threats").path("kev").asInt()).isEqualTo(1);
            assertThat(s.get("/api/v1/releases/" + r2025 + "/analysis").json().size()).as("2025.3 not re-analysed").isEqualTo(jobs2025);

            JsonNode after = assessment(s, r82, SPRING4SHELL, "pkg:maven/org.springframework/spring-beans@5.3.4");
            assertThat(after.path("kev").path("cveId").asText()).isEqualTo(SPRING4SHELL);
            assertThat(after.path("kev").path("dateAdded").asText()).isEqualTo("2022-04-04");
            assertThat(after.path("kev").path("dueDate").asText()).isEqualTo("2022-04-25");
            assertThat(exploitation(after)).isEqualTo("active");
            assertThat(input(after.path("ssvc"), "Exploitation").path("source").asText()).isEqualTo("KEV");
            assertThat(after.path("ssvc").path("label").asText()).isEqualTo("Act");
            assertThat(after.path("deployer").path("label").asText()).isEqualTo("Out-of-Cycle");
            assertThat(after.path("ssvc").path("rank").asInt()).as("CISA decision more urgent")
                    .isGreaterThan(before.path("ssvc").path("rank").asInt());
            assertThat(after.path("deployer").path("rank").asInt()).as("deployer decision more urgent")
                    .isGreaterThan(before.path("deployer").path("rank").asInt());
            assertThat(after.path("reasons").asText()).startsWith(after.path("ssvc").path("label").asText() + " — in KEV since 2022-04-04");
            // every finding of the CVE, in every component, and the list's summary
            JsonNode list = s.get("/api/v1/releases/" + r82 + "/findings?vulnerability=" + SPRING4SHELL).json().path("items");
            assertThat(list).hasSizeGreaterThanOrEqualTo(2).allSatisfy(f -> {
                assertThat(f.path("assessment").path("kevDateAdded").asText()).isEqualTo("2022-04-04");
                assertThat(f.path("assessment").path("exploitation").asText()).isEqualTo("active");
                assertThat(f.path("assessment").path("reasons").asText()).contains("in KEV since 2022-04-04");
            });
            JsonNode xstream = assessment(s, r82, XSTREAM, "pkg:maven/com.thoughtworks.xstream/xstream@1.4.5");
            assertThat(exploitation(xstream)).as("another CVE of the release keeps its assessment").isEqualTo("none");

            // FIRST's EPSS scores (real, 2026-08-16): both releases have a CVE that gets a score
            store.importPaths(List.of(THREATS.resolve("epss-webgoat-2026-08-16.csv")), null, Instant.now());
            refreshed = s.post("/api/v1/advisories/refresh", Map.of()).json();
            assertThat(refreshed.path("threats").path("releasesQueued").asInt()).isEqualTo(2);
            assertThat(refreshed.path("threats").path("cves").asInt()).isEqualTo(2);
            s.awaitAnalysis(r82);
            s.awaitAnalysis(r2025);
            JsonNode scored = assessment(s, r82, SPRING4SHELL, "pkg:maven/org.springframework/spring-beans@5.3.4");
            assertThat(scored.path("epss").path("score").asDouble()).isEqualTo(0.99677);
            assertThat(scored.path("epss").path("percentile").asDouble()).isEqualTo(0.99949);
            assertThat(scored.path("reasons").asText()).contains("in KEV since 2022-04-04", "EPSS 99.7% (99th percentile)");
            assertThat(assessment(s, r2025, XSTREAM, "pkg:maven/com.thoughtworks.xstream/xstream@1.4.5").path("epss").path("score")
                    .asDouble()).isEqualTo(0.84362);

            // nothing changed since: nothing queued
            assertThat(s.post("/api/v1/advisories/refresh", Map.of()).json().path("threats").path("releasesQueued").asInt()).isZero();

            // a later EPSS file (made-up scores for this test): Spring4Shell moves a lot, XStream by less than the threshold
            Path later = tmp.resolve("epss-later.csv");
            Files.writeString(later, "#model_version:v2025.03.14,score_date:2026-09-01T00:00:00+0000\ncve,epss,percentile\n"
                    + SPRING4SHELL + ",0.5,0.98\n" + XSTREAM + ",0.845,0.99678\n");
            store.importPaths(List.of(later), null, Instant.now());
            refreshed = s.post("/api/v1/advisories/refresh", Map.of()).json();
            assertThat(refreshed.path("threats").path("releasesQueued").asInt()).as("only the release with the moved score").isEqualTo(1);
            assertThat(refreshed.path("threats").path("cves").asInt()).isEqualTo(1);
            job = s.awaitAnalysis(r82);
            assertThat(job.path("reason").asText()).contains(SPRING4SHELL).doesNotContain(XSTREAM);
            JsonNode moved = assessment(s, r82, SPRING4SHELL, "pkg:maven/org.springframework/spring-beans@5.3.4");
            assertThat(moved.path("epss").path("score").asDouble()).isEqualTo(0.5);
            assertThat(moved.path("epss").path("date").asText()).isEqualTo("2026-09-01");
            assertThat(moved.path("reasons").asText()).contains("EPSS 50.0% (98th percentile)");

            // MITRE's CWE catalogue: every release re-analysed; the weakness class is the one the XML catalogue gives
            store.importPaths(List.of(CWE_SUBSET), null, Instant.now());
            refreshed = s.post("/api/v1/advisories/refresh", Map.of()).json();
            assertThat(refreshed.path("threats").path("cweChanged").asBoolean()).isTrue();
            assertThat(refreshed.path("threats").path("releasesQueued").asInt()).isEqualTo(2);
            s.awaitAnalysis(r82);
            s.awaitAnalysis(r2025);
            CweCatalog xml;
            try (InputStream in = Files.newInputStream(CWE_SUBSET)) {
                xml = CweCatalog.readXml(in, CWE_SUBSET.toString());
            }
            for (Object[] c : List.of(new Object[] {r82, SPRING4SHELL, "pkg:maven/org.springframework/spring-beans@5.3.4", List.of("CWE-74", "CWE-94")},
                    new Object[] {r2025, XSTREAM, "pkg:maven/com.thoughtworks.xstream/xstream@1.4.5", List.of("CWE-77", "CWE-78")})) {
                @SuppressWarnings("unchecked")
                WeaknessClassification expected = WeaknessClassifier.classify((List<String>) c[3], xml);
                JsonNode weakness = assessment(s, (long) c[0], (String) c[1], (String) c[2]).path("weakness");
                assertThat(weakness.path("weaknessClass").asText()).as(c[1].toString()).isEqualTo(expected.weaknessClass().name())
                        .isNotEqualTo("UNKNOWN");
                assertThat(weakness.path("explanation").asText()).isEqualTo(expected.explanation());
            }
            assertThat(assessment(s, r82, SPRING4SHELL, "pkg:maven/org.springframework/spring-beans@5.3.4").path("reasons").asText())
                    .isEqualTo("Act — in KEV since 2022-04-04, automatable, total technical impact, EPSS 50.0% (98th percentile), "
                            + "CVSS 3.1 9.8, code weakness (CWE-74)");
        }
    }

    /**
     * Imports made while the server is down are found at start, by comparing what the stored assessments used with
     * the store; and releases assessed by a version that did not use the threat intelligence are queued once.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void restart_kevImportedWhileDownAndReleasesOfAnOlderVersion_reanalysedAtStart(DatabaseKind kind) {
        Path advisories = tmp.resolve("advisories");
        Fixtures.copy(Fixtures.GHSA.resolve("GHSA-36p3-wjmg-h94x.json"), advisories);
        Path dataDir = tmp.resolve("data");
        DatabaseSettings settings = kind == DatabaseKind.SQLITE ? DatabaseSettings.sqlite(dataDir) : TestServer.freshPostgres();
        String dir = "--mamori.advisories.dir=" + advisories;
        long r82;
        try (TestServer s = TestServer.startOn(settings, dataDir, dir)) {
            long product = s.post("/api/v1/products", Map.of("name", "WebGoat")).json().path("id").asLong();
            r82 = release(s, product, "8.2.0", "mvn-webgoat-8.2.0.cdx16.json.gz");
            assertThat(exploitation(assessment(s, r82, SPRING4SHELL, "pkg:maven/org.springframework/spring-beans@5.3.4")))
                    .isEqualTo("none");
        }
        try (Database db = Database.open(settings)) {
            new AdvisoryStore(db).importPaths(List.of(THREATS.resolve("kev-cve-2022-22965.json")), null, Instant.now());
        }
        try (TestServer s = TestServer.startOn(settings, dataDir, dir)) {
            JsonNode job = s.awaitAnalysis(r82);
            assertThat(job.path("reason").asText()).isEqualTo("KEV or EPSS changed for 1 CVE(s): " + SPRING4SHELL);
            assertThat(exploitation(assessment(s, r82, SPRING4SHELL, "pkg:maven/org.springframework/spring-beans@5.3.4")))
                    .isEqualTo("active");
        }
        try (Database db = Database.open(settings)) {
            // as the V15 migration leaves it on a store whose releases were analysed before
            new PortfolioState(db).put("threats.reanalyse-all", "V15", Instant.now());
        }
        try (TestServer s = TestServer.startOn(settings, dataDir, dir)) {
            JsonNode job = s.awaitAnalysis(r82);
            assertThat(job.path("reason").asText()).isEqualTo("assessed before the analysis used KEV, EPSS and CWE data");
            assertThat(job.path("result").path("threats").path("kev").asInt()).isEqualTo(1);
            int jobs = s.get("/api/v1/releases/" + r82 + "/analysis").json().size();
            assertThat(s.post("/api/v1/advisories/refresh", Map.of()).json().path("threats").path("releasesQueued").asInt()).isZero();
            assertThat(s.get("/api/v1/releases/" + r82 + "/analysis").json().size()).as("queued once").isEqualTo(jobs);
        }
    }

    private static long release(TestServer s, long product, String version, String sbom) {
        long id = s.post("/api/v1/products/" + product + "/releases", Map.of("version", version)).json().path("id").asLong();
        TestServer.Answer up = s.upload("/api/v1/releases/" + id + "/sbom", Fixtures.gunzip(Fixtures.WEBGOAT.resolve(sbom)),
                "application/vnd.cyclonedx+json");
        assertThat(up.status()).as(up.toString()).isEqualTo(202);
        assertThat(s.awaitAnalysis(id).path("state").asText()).isEqualTo("done");
        return id;
    }

    private static List<String> vulnerabilities(TestServer s, long release) {
        List<String> out = new java.util.ArrayList<>();
        s.get("/api/v1/releases/" + release + "/findings?limit=500").json().path("items")
                .forEach(f -> out.add(f.path("vulnerability").path("id").asText()));
        return out;
    }

    /** The full assessment of the release's finding of the vulnerability in the component with this purl prefix. */
    private static JsonNode assessment(TestServer s, long release, String vulnerability, String purl) {
        for (JsonNode f : s.get("/api/v1/releases/" + release + "/findings?limit=500&vulnerability=" + vulnerability).json().path("items")) {
            if (f.path("component").path("purl").asText().startsWith(purl)) {
                return s.get("/api/v1/findings/" + f.path("id").asLong()).json().path("assessment");
            }
        }
        throw new AssertionError(vulnerability + " in " + purl + " not found in release " + release);
    }

    private static String exploitation(JsonNode assessment) {
        return input(assessment.path("ssvc"), "Exploitation").path("value").asText();
    }

    private static JsonNode input(JsonNode decision, String point) {
        for (JsonNode i : decision.path("inputs")) {
            if (i.path("decisionPoint").asText().equals(point)) {
                return i;
            }
        }
        throw new AssertionError("no input " + point + " in " + decision);
    }
}

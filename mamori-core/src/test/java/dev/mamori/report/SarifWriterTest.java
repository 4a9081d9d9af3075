package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.mamori.advisory.SeverityLevel;
import dev.mamori.risk.RiskProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class SarifWriterTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = Files.newInputStream(ReportFixtures.RES.resolve("sarif/sarif-schema-2.1.0.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
    }

    /** Errors of a document against the SARIF 2.1.0 schema, format assertions (uri, uri-reference…) on. */
    static List<Error> errors(JsonNode sarif) {
        return schema.validate(sarif, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    }

    static JsonNode valid(List<ScanReport> reports) {
        StringWriter w = new StringWriter();
        SarifWriter.write(reports, "0.1.0-test", w);
        try {
            JsonNode sarif = JSON.readTree(w.toString());
            assertThat(errors(sarif)).as("SARIF 2.1.0 schema").isEmpty();
            return sarif;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void write_kawipikoWithVex_rulesResultsLocationsAndSuppressionsValidAgainstTheSchema() {
        JsonNode sarif = valid(List.of(ReportFixtures.kawipiko("scenario/kawipiko.openvex.json")));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("mamori");
        assertThat(run.path("tool").path("driver").path("version").asText()).isEqualTo("0.1.0-test");
        JsonNode rules = run.path("tool").path("driver").path("rules");
        assertThat(rules).hasSize(10);
        JsonNode results = run.path("results");
        assertThat(results).hasSize(10);
        JsonNode rapidRule = rules.get(0);
        assertThat(rapidRule.path("id").asText()).isEqualTo("CVE-2023-44487");
        assertThat(rapidRule.path("helpUri").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2023-44487");
        assertThat(rapidRule.path("properties").path("security-severity").asText()).isEqualTo("5.3");
        assertThat(rapidRule.path("properties").path("cvss").asDouble()).isEqualTo(5.3);
        assertThat(rapidRule.path("properties").path("severity").asText()).isEqualTo("medium");
        assertThat(rapidRule.path("properties").path("tags").toString()).contains("security", "CWE-400");
        assertThat(rapidRule.path("defaultConfiguration").path("level").asText()).isEqualTo("warning");
        JsonNode rapid = results.get(0);
        assertThat(rapid.path("ruleId").asText()).isEqualTo("CVE-2023-44487");
        assertThat(rapid.path("ruleIndex").asInt()).isEqualTo(0);
        assertThat(rapid.path("level").asText()).isEqualTo("warning");
        assertThat(rapid.path("message").path("text").asText())
                .startsWith("golang.org/x/net v0.0.0-20220127200216-cd36cc0744dd is affected by CVE-2023-44487 (GHSA-qppj-fm5r-hxr3)")
                .contains("Fixed in 0.17.0", "Evidence: purl match of pkg:golang/golang.org/x/net", "GHSA-qppj-fm5r-hxr3");
        JsonNode location = rapid.path("locations").get(0);
        assertThat(location.path("physicalLocation").path("artifactLocation").path("uri").asText()).isEqualTo("../examples/kawipiko-sbom.cdx.json");
        assertThat(location.path("logicalLocations").get(0).path("fullyQualifiedName").asText())
                .isEqualTo("pkg:golang/golang.org/x/net@v0.0.0-20220127200216-cd36cc0744dd?type=module");
        assertThat(rapid.path("properties").path("priority").asInt()).isEqualTo(1);
        assertThat(rapid.path("properties").path("ssvc").asText()).isEqualTo("Attend");
        assertThat(rapid.has("suppressions")).isFalse();
        List<String> suppressed = new ArrayList<>();
        for (JsonNode r : results) {
            if (r.has("suppressions")) {
                JsonNode s = r.path("suppressions").get(0);
                assertThat(s.path("kind").asText()).isEqualTo("external");
                assertThat(s.path("status").asText()).isEqualTo("accepted");
                assertThat(s.path("justification").asText()).contains("kawipiko.openvex.json /statements/");
                suppressed.add(r.path("ruleId").asText() + " " + s.path("properties").path("vexStatement").asText());
            }
        }
        assertThat(suppressed).containsExactlyInAnyOrder("CVE-2023-48795 /statements/0", "CVE-2022-32149 /statements/1",
                "CVE-2022-21221 /statements/6");
        assertThat(run.path("artifacts").get(0).path("roles").get(0).asText()).isEqualTo("analysisTarget");
    }

    @Test
    void write_jacksonAndSpdx_twoSbomsOneRuleLevelsFromSeverity() {
        ScanReport jackson = ReportFixtures.jackson(RiskProfile.unknown(), null);
        ScanReport spdx = ReportFixtures.scan(ReportFixtures.RES.resolve("report/jackson.spdx.json"), List.of(ReportFixtures.JACKSON_ADVISORY),
                List.of(), ThreatData.none(), RiskProfile.unknown(), null);
        JsonNode run = valid(List.of(jackson, spdx)).path("runs").get(0);
        assertThat(run.path("tool").path("driver").path("rules")).hasSize(1);
        JsonNode rule = run.path("tool").path("driver").path("rules").get(0);
        assertThat(rule.path("helpUri").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2020-25649");
        assertThat(rule.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
        JsonNode results = run.path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(1).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("index").asInt()).isEqualTo(1);
        assertThat(results.get(1).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText())
                .isEqualTo("src/test/resources/report/jackson.spdx.json");
        assertThat(results).allSatisfy(r -> assertThat(r.path("level").asText()).isEqualTo("error"));
        assertThat(results.get(0).path("partialFingerprints").path("mamoriFinding/v1").asText()).hasSize(32);
    }

    @Test
    void write_noFindings_validEmptyRun() {
        ScanReport empty = new ScanReport("a b/c.json", 2, 5, List.of(), List.of(), List.of());
        JsonNode run = valid(List.of(empty)).path("runs").get(0);
        assertThat(run.path("results")).isEmpty();
        assertThat(run.path("artifacts").get(0).path("location").path("uri").asText()).isEqualTo("a%20b/c.json");
    }

    @Test
    void validation_schemaRejectsBrokenLogs() {
        JsonNode sarif = valid(List.of(ReportFixtures.jackson(RiskProfile.unknown(), null)));
        ObjectNode badLevel = sarif.deepCopy();
        ((ObjectNode) badLevel.path("runs").get(0).path("results").get(0)).put("level", "fatal");
        assertThat(errors(badLevel)).isNotEmpty();
        ObjectNode noMessage = sarif.deepCopy();
        ((ObjectNode) noMessage.path("runs").get(0).path("results").get(0)).remove("message");
        assertThat(errors(noMessage)).isNotEmpty();
        ObjectNode badUri = sarif.deepCopy();
        ((ObjectNode) badUri.path("runs").get(0).path("tool").path("driver").path("rules").get(0)).put("helpUri", "not a uri");
        assertThat(errors(badUri)).isNotEmpty();
    }

    @Test
    void level_severities_mapToSarifLevels() {
        assertThat(SarifWriter.level(SeverityLevel.CRITICAL)).isEqualTo("error");
        assertThat(SarifWriter.level(SeverityLevel.HIGH)).isEqualTo("error");
        assertThat(SarifWriter.level(SeverityLevel.MEDIUM)).isEqualTo("warning");
        assertThat(SarifWriter.level(SeverityLevel.UNKNOWN)).isEqualTo("warning");
        assertThat(SarifWriter.level(SeverityLevel.LOW)).isEqualTo("note");
        assertThat(SarifWriter.level(SeverityLevel.NONE)).isEqualTo("note");
    }
}

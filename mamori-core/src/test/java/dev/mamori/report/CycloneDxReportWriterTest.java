package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.risk.RiskProfile;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.SbomReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;

final class CycloneDxReportWriterTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static String write(ScanReport r) {
        StringWriter w = new StringWriter();
        CycloneDxReportWriter.write(r, w);
        return w.toString();
    }

    /** Validates against the CycloneDX 1.6 JSON schema (cyclonedx-core-java) and returns the tree. */
    static JsonNode valid(String bom) throws Exception {
        assertThat(new JsonParser().validate(bom.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
                .as("CycloneDX 1.6 JSON schema").isEmpty();
        return JSON.readTree(bom);
    }

    static JsonNode vulnerability(JsonNode bom, String id) {
        for (JsonNode v : bom.path("vulnerabilities")) {
            if (v.path("id").asText().equals(id)) {
                return v;
            }
        }
        throw new AssertionError("no vulnerability " + id);
    }

    @Test
    void write_jacksonWithProfile_ratingsReferencesAffectsAndRecommendationValidAgainst16() throws Exception {
        ScanReport r = ReportFixtures.jackson(ReportFixtures.profile("pump-controller.profile.json"), ReportFixtures.cwe());
        JsonNode bom = valid(write(r));
        assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.path("serialNumber").asText()).isEqualTo("urn:uuid:5f0f0da9-c03d-47d8-b38d-009e6df67094");
        assertThat(bom.path("version").asInt()).isEqualTo(2);
        assertThat(bom.path("components")).hasSize(3);
        JsonNode v = vulnerability(bom, "CVE-2020-25649");
        assertThat(v.path("source").path("name").asText()).isEqualTo("NVD");
        assertThat(v.path("source").path("url").asText()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2020-25649");
        assertThat(v.path("references")).hasSize(1);
        assertThat(v.path("references").get(0).path("id").asText()).isEqualTo("GHSA-288c-cq4h-88gq");
        assertThat(v.path("references").get(0).path("source").path("url").asText()).isEqualTo("https://github.com/advisories/GHSA-288c-cq4h-88gq");
        JsonNode published = v.path("ratings").get(0);
        assertThat(published.path("method").asText()).isEqualTo("CVSSv31");
        assertThat(published.path("score").asDouble()).isEqualTo(7.5);
        assertThat(published.path("severity").asText()).isEqualTo("high");
        assertThat(published.path("vector").asText()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N");
        JsonNode environmental = v.path("ratings").get(v.path("ratings").size() - 1);
        assertThat(environmental.path("score").asDouble()).isEqualTo(8.3);
        assertThat(environmental.path("vector").asText()).contains("MAV:A", "IR:H");
        assertThat(environmental.path("justification").asText()).contains("MAV:A (network exposure isolated)");
        assertThat(v.path("cwes").toString()).isEqualTo("[611]");
        assertThat(v.path("description").asText()).isEqualTo("XML External Entity (XXE) Injection in Jackson Databind");
        assertThat(v.path("detail").asText()).startsWith("A flaw was found in FasterXML Jackson Databind");
        assertThat(v.path("recommendation").asText()).isEqualTo("Upgrade com.fasterxml.jackson.core/jackson-databind from 2.10.0 to 2.10.5.1.");
        assertThat(v.path("advisories").toString()).contains("https://github.com/advisories/GHSA-288c-cq4h-88gq");
        assertThat(v.has("analysis")).isFalse();
        JsonNode affects = v.path("affects").get(0);
        assertThat(affects.path("ref").asText()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar");
        assertThat(affects.path("versions").get(0).path("version").asText()).isEqualTo("2.10.0");
        assertThat(affects.path("versions").get(0).path("status").asText()).isEqualTo("affected");
        assertThat(v.path("properties").toString()).contains("mamori:priority", "mamori:ssvc", "mamori:weakness");
        assertThat(bom.path("metadata").path("tools").path("components").toString()).contains("mamori");
    }

    @Test
    void write_jacksonWithVex_suppressedVulnerabilityCarriesAnalysisNamingTheStatement() throws Exception {
        JsonNode bom = valid(write(ReportFixtures.jackson(RiskProfile.unknown(), null, "cyclonedx/vex.json")));
        JsonNode v = vulnerability(bom, "CVE-2020-25649");
        assertThat(v.path("analysis").path("state").asText()).isEqualTo("not_affected");
        assertThat(v.path("analysis").path("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(v.path("analysis").path("detail").asText()).contains("vex/cyclonedx/vex.json /vulnerabilities/0 (CycloneDX 1.4): not_affected");
        assertThat(v.path("affects").get(0).path("versions").get(0).path("status").asText()).isEqualTo("unaffected");
    }

    @Test
    void write_kawipikoWithVex_everyAffectsRefNamesAComponentAndOriginalRefsAreKept() throws Exception {
        ScanReport r = ReportFixtures.kawipiko("scenario/kawipiko.openvex.json", "scenario/kawipiko.csaf.json");
        JsonNode bom = valid(write(r));
        Set<String> refs = new HashSet<>();
        collectRefs(bom.path("metadata").path("component"), refs);
        bom.path("components").forEach(c -> collectRefs(c, refs));
        Set<String> original = new HashSet<>();
        r.bom().allComponentsWithSubject().forEach(c -> original.add(c.bomRef()));
        assertThat(refs).isEqualTo(original);
        List<String> ids = new ArrayList<>();
        for (JsonNode v : bom.path("vulnerabilities")) {
            ids.add(v.path("id").asText() + " " + v.path("analysis").path("state").asText("-"));
            for (JsonNode a : v.path("affects")) {
                assertThat(refs).contains(a.path("ref").asText());
            }
        }
        assertThat(ids).containsExactlyInAnyOrder("CVE-2023-44487 -", "CVE-2022-41717 exploitable", "CVE-2022-41723 -",
                "CVE-2022-27191 -", "CVE-2022-27664 exploitable", "CVE-2022-29526 in_triage", "CVE-2023-39325 not_affected",
                "CVE-2023-48795 not_affected", "CVE-2022-32149 not_affected", "CVE-2022-21221 not_affected");
        JsonNode byOpenVex = vulnerability(bom, "CVE-2022-32149");
        // OpenVEX's justification in CycloneDX's words
        assertThat(byOpenVex.path("analysis").path("justification").asText()).isEqualTo("requires_environment");
        JsonNode byCsaf = vulnerability(bom, "CVE-2023-39325");
        assertThat(byCsaf.path("analysis").path("justification").asText()).isEqualTo("code_not_reachable");
        assertThat(byCsaf.path("analysis").path("detail").asText()).contains("kawipiko.csaf.json", "known_not_affected");
        JsonNode rapid = vulnerability(bom, "CVE-2023-44487");
        assertThat(rapid.path("ratings").get(0).path("method").asText()).isEqualTo("CVSSv31");
        assertThat(rapid.path("ratings").get(0).path("score").asDouble()).isEqualTo(5.3);
        assertThat(rapid.path("references").get(0).path("id").asText()).isEqualTo("GHSA-qppj-fm5r-hxr3");
        assertThat(vulnerability(bom, "CVE-2022-27191").path("references").toString()).contains("GO-2021-0356", "https://osv.dev/vulnerability/GO-2021-0356");
    }

    @Test
    void write_componentsWithoutBomRef_getStableGeneratedRefsTheAffectsUse() throws Exception {
        Bom acme = SbomReader.read(ReportFixtures.RES.resolve("vex/scenario/acme-product-1.cdx.json"));
        Component core = acme.components().get(1);
        assertThat(core.bomRef()).isNull();
        ScanReport r = ReportFixtures.scan(ReportFixtures.RES.resolve("vex/scenario/acme-product-1.cdx.json"),
                List.of(ReportFixtures.JACKSON_ADVISORY), List.of(), ThreatData.none(), RiskProfile.unknown(), null);
        String first = write(r);
        JsonNode bom = valid(first);
        assertThat(bom.path("components").get(0).path("bom-ref").asText()).isEqualTo("jackson-databind");
        assertThat(bom.path("components").get(1).path("bom-ref").asText()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-core@2.10.0?type=jar");
        assertThat(write(r)).isEqualTo(first);
        assertThat(vulnerability(bom, "CVE-2020-25649").path("affects").get(0).path("ref").asText()).isEqualTo("jackson-databind");
    }

    @Test
    void write_spdxSbom_spdxIdsAreTheRefsAndTheOutputIsValid() throws Exception {
        Path spdx = ReportFixtures.RES.resolve("report/jackson.spdx.json");
        ScanReport r = ReportFixtures.scan(spdx, List.of(ReportFixtures.JACKSON_ADVISORY), List.of(), ThreatData.none(),
                RiskProfile.unknown(), null);
        assertThat(r.findings()).hasSize(1);
        JsonNode bom = valid(write(r));
        assertThat(vulnerability(bom, "CVE-2020-25649").path("affects").get(0).path("ref").asText()).isEqualTo("SPDXRef-Package-jackson-databind");
    }

    @Test
    void validation_brokenVulnerability_isRejectedBySchema() throws Exception {
        ObjectNode bom = (ObjectNode) JSON.readTree(write(ReportFixtures.jackson(RiskProfile.unknown(), null)));
        ((ObjectNode) bom.path("vulnerabilities").get(0).path("ratings").get(0)).put("method", "CVSSv5");
        assertThat(new JsonParser().validate(JSON.writeValueAsBytes(bom), Version.VERSION_16)).isNotEmpty();
    }

    @Test
    void write_reportWithoutBom_refused() {
        ScanReport bare = new ScanReport("x.json", 0, 0, List.of(), List.of(), List.of());
        assertThatThrownBy(() -> write(bare)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.json");
    }

    @Test
    void justification_openVexAndCsafWords_mapToCycloneDx() {
        assertThat(CycloneDxReportWriter.justification("component_not_present")).isEqualTo("code_not_present");
        assertThat(CycloneDxReportWriter.justification("vulnerable_code_not_present")).isEqualTo("code_not_present");
        assertThat(CycloneDxReportWriter.justification("vulnerable_code_not_in_execute_path")).isEqualTo("code_not_reachable");
        assertThat(CycloneDxReportWriter.justification("vulnerable_code_cannot_be_controlled_by_adversary")).isEqualTo("requires_environment");
        assertThat(CycloneDxReportWriter.justification("inline_mitigations_already_exist")).isEqualTo("protected_by_mitigating_control");
        assertThat(CycloneDxReportWriter.justification("protected_at_runtime")).isEqualTo("protected_at_runtime");
        assertThat(CycloneDxReportWriter.justification("something else")).isNull();
    }

    private static void collectRefs(JsonNode c, Set<String> refs) {
        if (c.isMissingNode()) {
            return;
        }
        refs.add(c.path("bom-ref").asText());
        c.path("components").forEach(child -> collectRefs(child, refs));
    }
}

package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CsafReaderTest {
    @TempDir
    Path tmp;

    private static CsafDocument read(String fixture) {
        return CsafReader.read(Fixtures.intel(fixture));
    }

    /** Each CISA VEX use case states the status its name says. */
    @ParameterizedTest
    @CsvSource({
            "2022-evd-uc-01-a-001.json, known_affected",
            "2022-evd-uc-01-f-001.json, fixed",
            "2022-evd-uc-01-na-001.json, known_not_affected",
            "2022-evd-uc-01-ui-001.json, under_investigation",
            "2022-evd-uc-05-001.json, under_investigation"})
    void read_cisaVexUseCase_givesTheStatedProductStatus(String file, String status) {
        CsafDocument doc = read("csaf/oasis-2.0/" + file);
        assertThat(doc.isVex()).isTrue();
        assertThat(doc.csafVersion()).isEqualTo("2.0");
        CsafDocument.VulnEntry v = doc.vulnerabilities().getFirst();
        assertThat(v.cve()).isEqualTo("CVE-2021-44228");
        assertThat(v.productStatus()).containsOnlyKeys(status);
        Advisory a = CsafReader.advisories(doc, null).getFirst();
        assertThat(a.id()).isEqualTo("CVE-2021-44228");
        assertThat(a.related()).containsExactly(doc.id());
        assertThat(a.products()).extracting(AffectedProduct::status).containsOnly(status);
        assertThat(a.provenance().source()).isEqualTo("csaf/psirt.example.com");
    }

    @Test
    void read_vexNotAffected_keepsFlagsImpactStatementAndTlp() {
        CsafDocument doc = read("csaf/oasis-2.0/sec-vex-2022-0001.json");
        assertThat(doc.tlp()).isEqualTo("WHITE");
        assertThat(doc.vulnerabilities()).extracting(CsafDocument.VulnEntry::cve)
                .containsExactly("CVE-2021-44228", "CVE-2021-45046", "CVE-2021-45105");
        CsafDocument.VulnEntry v = doc.vulnerabilities().getFirst();
        assertThat(v.flags()).containsExactly(new CsafDocument.Flag("component_not_present", List.of("CSAFPID-0001"),
                "2022-05-27T10:00:00.000Z"));
        assertThat(v.threats()).containsExactly(new CsafDocument.Threat("impact",
                "Secvisogram is written in JavaScript. No Java is included.", List.of("CSAFPID-0001"), null));
        assertThat(doc.products().get("CSAFPID-0001")).satisfies(p -> {
            assertThat(p.vendor()).isEqualTo("Secvisogram");
            assertThat(p.version()).isEqualTo("<=1.14.0");
        });
        Advisory a = CsafReader.advisories(doc, null).getFirst();
        assertThat(a.tlp()).isEqualTo("WHITE");
        assertThat(a.databaseSpecific()).contains("\"flags\":[{\"label\":\"component_not_present\"");
    }

    @Test
    void read_vexWithSeveralStatusesAndRemediations_keepsEachProductStatus() {
        CsafDocument doc = read("csaf/oasis-2.0/2022-evd-uc-08-001.json");
        CsafDocument.VulnEntry log4shell = doc.vulnerabilities().getFirst();
        assertThat(log4shell.productStatus()).containsOnlyKeys("fixed", "known_affected", "known_not_affected", "recommended");
        assertThat(log4shell.remediations()).extracting(CsafDocument.Remediation::category).containsOnly("vendor_fix");
        assertThat(CsafReader.advisories(doc, null)).hasSize(2);
        CsafDocument none = read("csaf/oasis-2.0/2022-evd-uc-09-001.json");
        assertThat(none.vulnerabilities().getFirst().remediations()).extracting(CsafDocument.Remediation::category)
                .containsExactly("none_available");
    }

    @Test
    void read_redHatAdvisory_resolvesRelationshipProductsToPurlAndPlatformCpe() {
        CsafDocument doc = read("csaf/redhat/rhsa-2023_7435.json.gz");
        assertThat(doc.id()).isEqualTo("RHSA-2023:7435");
        assertThat(doc.aggregateSeverity()).isEqualTo("Moderate");
        CsafDocument.Product p = doc.products().get("AppStream-8.2.0.Z.AUS:fence-agents-0:4.2.1-41.el8_2.12.src");
        assertThat(p.relationship()).isEqualTo(new CsafDocument.Relationship("default_component_of",
                "fence-agents-0:4.2.1-41.el8_2.12.src", "AppStream-8.2.0.Z.AUS"));
        assertThat(p.purls()).containsExactly("pkg:rpm/redhat/fence-agents@4.2.1-41.el8_2.12?arch=src");
        assertThat(p.platformCpes()).containsExactly("cpe:/a:redhat:rhel_aus:8.2::appstream");
        assertThat(p.vendor()).isEqualTo("Red Hat");
        List<Advisory> advisories = CsafReader.advisories(doc, null);
        assertThat(advisories).extracting(Advisory::id).containsExactly("CVE-2023-37920", "CVE-2023-43804");
        Advisory a = advisories.getFirst();
        assertThat(a.products()).hasSize(238).allSatisfy(x -> assertThat(x.status()).isEqualTo("fixed"));
        assertThat(a.products()).filteredOn(x -> x.productId().equals(p.productId())).singleElement().satisfies(x -> {
            assertThat(x.purls()).containsExactly("pkg:rpm/redhat/fence-agents@4.2.1-41.el8_2.12?arch=src");
            assertThat(x.cpes()).containsExactly("cpe:/a:redhat:rhel_aus:8.2::appstream");
        });
        assertThat(a.severities()).extracting(Severity::type, Severity::score, Severity::level).contains(
                org.assertj.core.groups.Tuple.tuple("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", SeverityLevel.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("csaf_aggregate", "Moderate", SeverityLevel.MEDIUM));
        assertThat(a.databaseSpecific()).contains("\"category\":\"vendor_fix\"").contains("https://access.redhat.com/errata/RHSA-2023:7435");
        assertThat(a.provenance().source()).isEqualTo("csaf/redhat.com");
    }

    @Test
    void read_redHatVex_keepsNoFixPlannedAndEveryFixedProduct() {
        CsafDocument doc = read("csaf/redhat/vex-cve-2023-6212.json.gz");
        assertThat(doc.isVex()).isTrue();
        CsafDocument.VulnEntry v = doc.vulnerabilities().getFirst();
        assertThat(v.productsWithStatus("fixed")).hasSize(331);
        assertThat(v.productsWithStatus("known_affected")).hasSize(2);
        assertThat(v.remediations()).filteredOn(r -> r.category().equals("no_fix_planned")).singleElement()
                .satisfies(r -> assertThat(r.productIds()).hasSize(2));
    }

    @Test
    void read_csaf21_readsMetricsContentAndClearTlp() {
        CsafDocument doc = read("csaf/oasis-2.1/cisco-sa-20180328-smi2.json.gz");
        assertThat(doc.csafVersion()).isEqualTo("2.1");
        assertThat(doc.tlp()).isEqualTo("CLEAR");
        CsafDocument.Score s = doc.vulnerabilities().getFirst().severities().getFirst();
        assertThat(s.severity().score()).isEqualTo("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(s.severity().level()).isEqualTo(SeverityLevel.CRITICAL);
        assertThat(s.productIds()).contains("CVRFPID-103559");
        assertThat(read("csaf/oasis-2.1/sec-vex-2022-0001.json").tlp()).isEqualTo("CLEAR");
    }

    @Test
    void read_productGroupsInRemediations_areResolvedToProducts() {
        String json = """
                {"document":{"category":"csaf_vex","csaf_version":"2.0","title":"t","publisher":{"category":"vendor",
                "name":"Acme","namespace":"https://acme.example"},"tracking":{"id":"ACME-1","status":"final","version":"1"}},
                "product_tree":{"full_product_names":[
                  {"product_id":"P1","name":"app 1.0","product_identification_helper":{"purl":"pkg:npm/app@1.0"}},
                  {"product_id":"P2","name":"app 2.0","product_identification_helper":{"cpe":"cpe:2.3:a:acme:app:2.0:*:*:*:*:*:*:*"}}],
                 "product_groups":[{"group_id":"G","product_ids":["P1","P2"]}]},
                "vulnerabilities":[{"cve":"CVE-2024-0001","product_status":{"known_affected":["P1","P2"]},
                 "remediations":[{"category":"workaround","details":"turn it off","group_ids":["G"]}]}]}""";
        CsafDocument doc = CsafReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Origin.of("acme.json"));
        assertThat(doc.vulnerabilities().getFirst().remediations()).containsExactly(
                new CsafDocument.Remediation("workaround", "turn it off", null, List.of("P1", "P2"), null));
        assertThat(CsafReader.advisories(doc, null).getFirst().products()).extracting(AffectedProduct::purls,
                AffectedProduct::cpes).containsExactly(
                org.assertj.core.groups.Tuple.tuple(List.of("pkg:npm/app@1.0"), List.of()),
                org.assertj.core.groups.Tuple.tuple(List.of(), List.of("cpe:2.3:a:acme:app:2.0:*:*:*:*:*:*:*")));
    }

    @Test
    void read_documentWithoutTrackingId_isRefused() {
        Path file = Fixtures.intel("csaf/redhat/rhba-2023_0564-empty-id.json.gz");
        assertThatThrownBy(() -> CsafReader.read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": /document/tracking/id: a CSAF document needs tracking.id");
    }

    @Test
    void read_unknownCsafVersionOrNotCsaf_isRefused() throws IOException {
        Path v3 = tmp.resolve("v3.json");
        Files.writeString(v3, "{\"document\":{\"csaf_version\":\"3.0\",\"category\":\"csaf_base\",\"tracking\":{\"id\":\"X\"}}}");
        assertThatThrownBy(() -> CsafReader.read(v3))
                .isInstanceOf(InputException.class)
                .hasMessage(v3 + ": /document/csaf_version: unsupported CSAF version 3.0 (2.0 and 2.1 are read)");
        Path other = tmp.resolve("other.json");
        Files.writeString(other, "{\"id\":\"GHSA-1\"}");
        assertThatThrownBy(() -> CsafReader.read(other))
                .isInstanceOf(InputException.class)
                .hasMessage(other + ": /document: not a CSAF document: no \"document\" object");
    }

    @Test
    void advisories_everyOasisExample_hasOneAdvisoryPerVulnerability() {
        int vulnerabilities = 0;
        int advisories = 0;
        for (String f : List.of("2022-evd-uc-02-na-001.json", "2022-evd-uc-03-ms-001.json", "bsi-2022-0001.json",
                "rhsa-2021_5217.json")) {
            CsafDocument doc = read("csaf/oasis-2.0/" + f);
            vulnerabilities += doc.vulnerabilities().size();
            advisories += CsafReader.advisories(doc, null).size();
        }
        assertThat(advisories).isEqualTo(vulnerabilities).isEqualTo(40);
        Map<String, List<String>> bsi = read("csaf/oasis-2.0/bsi-2022-0001.json").vulnerabilities().getFirst().productStatus();
        assertThat(bsi).containsKeys("first_fixed", "fixed", "known_affected");
    }
}

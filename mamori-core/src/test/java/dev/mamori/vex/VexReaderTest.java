package dev.mamori.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class VexReaderTest {

    @Test
    void cycloneDx_standaloneVex_readsAnalysisAliasesAndBomLink() {
        VexDocument doc = VexFixtures.read("cyclonedx/vex.json");
        assertThat(doc.format()).isEqualTo("CycloneDX 1.4");
        assertThat(doc.statements()).hasSize(1);
        VexStatement s = doc.statements().getFirst();
        assertThat(s.vulnerabilityIds()).containsExactly("CVE-2020-25649", "SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302");
        assertThat(s.status()).isEqualTo(VexStatus.NOT_AFFECTED);
        assertThat(s.statusText()).isEqualTo("not_affected");
        assertThat(s.justification()).isEqualTo("code_not_reachable");
        assertThat(s.detail()).startsWith("Automated dataflow analysis").endsWith("(response: will_not_fix, update)");
        assertThat(s.statementId()).isEqualTo("/vulnerabilities/0");
        VexProduct p = s.products().getFirst();
        assertThat(p.bomLinkSerial()).isEqualTo("3e671687-395b-41f5-a30f-a58921a69b79");
        assertThat(p.bomLinkVersion()).isEqualTo(1);
        assertThat(p.bomRef()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar");
        assertThat(p.purl().toString()).isEqualTo("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0?type=jar");
    }

    @Test
    void cycloneDx_useCases_readVersionsStatesAndMissingAffects() {
        VexStatement case4 = VexFixtures.read("cyclonedx/case-4-vex.json").statements().getFirst();
        assertThat(case4.products().getFirst().bomRef()).isEqualTo("acme-product");
        assertThat(case4.products().getFirst().purl()).isNull();
        assertThat(case4.products().getFirst().versions())
                .containsExactly(new VexProduct.VersionCondition(null, "vers:semver/>=2.2.0|<=2.4.0", "unaffected"));
        List<VexStatement> case5 = VexFixtures.read("cyclonedx/case-5-vex.json").statements();
        assertThat(case5).extracting(VexStatement::status).containsExactly(VexStatus.AFFECTED, VexStatus.NOT_AFFECTED);
        VexDocument case7 = VexFixtures.read("cyclonedx/case-7-vex.json");
        assertThat(case7.statements()).isEmpty();
        assertThat(case7.warnings()).singleElement().asString().contains("/vulnerabilities/0", "CVE-2020-25649", "no affects[].ref");
        List<VexStatement> case13 = VexFixtures.read("cyclonedx/case-13-vex.json").statements();
        assertThat(case13).extracting(VexStatement::statusText).containsExactly("not_affected", "exploitable");
        assertThat(case13.getFirst().products()).extracting(VexProduct::bomLinkSerial)
                .containsExactly("2c385cf7-e1ee-46e9-a51c-13de1ecb380a", "6ffac0b2-5246-4fb9-a6fe-7993041856a0");
        assertThat(case13.getFirst().products()).extracting(VexProduct::bomRef).containsExactly("acme-product-1", "acme-product-2");
    }

    @Test
    void openVex_bothVersions_readNamesProductsAndStatuses() {
        VexDocument v001 = VexFixtures.read("openvex/go-vex-v001-1.vex.json");
        assertThat(v001.format()).isEqualTo("OpenVEX 0.0.1");
        VexStatement s = v001.statements().getFirst();
        assertThat(s.vulnerability()).isEqualTo("CVE-1234-5678");
        assertThat(s.status()).isEqualTo(VexStatus.UNDER_INVESTIGATION);
        assertThat(s.products().getFirst().purl().toString()).isEqualTo("pkg:apk/wolfi/bash@1.0.0");
        assertThat(s.timestamp()).isEqualTo("2022-12-22T16:36:43-05:00");

        VexDocument v020 = VexFixtures.read("openvex/go-vex-v020-1.vex.json");
        assertThat(v020.format()).isEqualTo("OpenVEX 0.2.0");
        assertThat(v020.statements().getFirst().vulnerability()).isEqualTo("CVE-9876-54321");

        VexStatement demo = VexFixtures.read("openvex/vexctl-demo.vex.json").statements().getFirst();
        assertThat(demo.status()).isEqualTo(VexStatus.FIXED);
        assertThat(demo.products()).extracting(p -> p.purl().qualifier("arch")).containsExactly("armv7", "x86_64");
    }

    @Test
    void openVex_nodeJs_reads183StatementsWithTheirJustifications() {
        VexDocument node = VexFixtures.read("openvex/node.openvex.json.gz");
        assertThat(node.statements()).hasSize(183);
        Map<VexStatus, Long> counts = node.statements().stream()
                .collect(Collectors.groupingBy(VexStatement::status, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(VexStatus.FIXED, 172L, VexStatus.NOT_AFFECTED, 11L));
        assertThat(node.warnings()).isEmpty();
        List<VexStatement> notAffected = node.statements().stream().filter(s -> s.status() == VexStatus.NOT_AFFECTED).toList();
        assertThat(notAffected).allSatisfy(s -> {
            assertThat(s.products()).extracting(p -> p.purl().toString()).containsExactly("pkg:nodejs/node");
            assertThat(s.justification()).isIn("vulnerable_code_not_present", "vulnerable_code_not_in_execute_path");
            assertThat(s.detail()).isNotBlank();
        });
        // the @id is a URL, not an id: only the name is kept
        assertThat(node.statements().getFirst().vulnerabilityIds()).containsExactly("CVE-2015-3193");
        assertThat(node.statements().getFirst().products()).extracting(p -> p.purl().version()).containsExactly("v5.1.1", "v4.2.3");
    }

    @Test
    void csaf_redHatVex_oneStatementPerProductWithFlagAndPlatform() {
        VexDocument doc = VexFixtures.read("csaf/redhat-cve-2023-6238.json");
        assertThat(doc.format()).isEqualTo("CSAF 2.0 csaf_vex");
        assertThat(doc.statements()).hasSize(7).allSatisfy(s -> {
            assertThat(s.vulnerability()).isEqualTo("CVE-2023-6238");
            assertThat(s.status()).isEqualTo(VexStatus.NOT_AFFECTED);
            assertThat(s.statusText()).isEqualTo("known_not_affected");
            assertThat(s.justification()).isEqualTo("vulnerable_code_not_present");
        });
        VexStatement first = doc.statements().getFirst();
        assertThat(first.statementId()).isEqualTo("/vulnerabilities/0/product_status/known_not_affected/red_hat_enterprise_linux_6:kernel");
        assertThat(first.products().getFirst().purl().toString()).isEqualTo("pkg:rpm/redhat/kernel?arch=src");
        assertThat(first.products().getFirst().platforms()).containsExactly("cpe:/o:redhat:enterprise_linux:6");

        VexDocument big = VexFixtures.read("csaf/redhat-cve-2023-6237.json.gz");
        Map<String, Long> byStatus = big.statements().stream()
                .collect(Collectors.groupingBy(VexStatement::statusText, Collectors.counting()));
        assertThat(byStatus).containsExactlyInAnyOrderEntriesOf(Map.of("fixed", 68L, "known_affected", 1L, "known_not_affected", 27L));
        VexStatement fixed = big.statements().stream().filter(s -> s.statementId().endsWith("AppStream-9.4.0.GA:openssl-1:3.0.7-27.el9.x86_64")).findFirst().orElseThrow();
        assertThat(fixed.status()).isEqualTo(VexStatus.FIXED);
        assertThat(fixed.detail()).startsWith("vendor_fix: For details on how to apply this update");
    }

    @Test
    void csaf_productsWithoutPurlOrCpe_areReportedNotGuessed() {
        VexDocument oasis = VexFixtures.read("csaf/oasis-2022-evd-uc-01-na-001.json");
        assertThat(oasis.statements()).isEmpty();
        assertThat(oasis.warnings()).singleElement().asString()
                .contains("1 product status entry names a product without a package URL or CPE", "CSAFPID-0001 (Example Company ABC 4.2)");
        VexDocument goVex = VexFixtures.read("csaf/go-vex-csaf.json");
        // CSAFPID-0001's purl "pkg:maven/@1.3.4" is not a valid purl; ABC:CSAFPID-0002 is not in the product tree
        assertThat(goVex.statements()).isEmpty();
        assertThat(goVex.warnings()).singleElement().asString().contains("4 product status entries");
    }

    @Test
    void read_documentsThatAreNotVex_failNamingTheFile() {
        assertThatThrownBy(() -> VexReader.read("{\"spdxVersion\": \"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8), "x.json"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("x.json: not a VEX document");
        assertThatThrownBy(() -> VexReader.read("{\"statements\": [".getBytes(StandardCharsets.UTF_8), "y.json"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("y.json: line 1, column");
        assertThatThrownBy(() -> VexReader.read(VexFixtures.DIR.resolve("nope.json")))
                .isInstanceOf(InputException.class).hasMessageEndingWith("nope.json: no such file");
    }

    @Test
    void openVex_unknownStatusAndNonPurlProducts_areWarnedAbout() {
        String doc = """
                {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "statements": [
                  {"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a@1"}], "status": "maybe"},
                  {"vulnerability": {"name": "CVE-2"}, "products": [{"@id": "https://example.com/product"}], "status": "fixed"},
                  {"vulnerability": {"name": "CVE-3"}, "products": [{"@id": "x", "identifiers": {"purl": "pkg:npm/b@2", "cpe23": "cpe:2.3:a:b:b:2:*:*:*:*:*:*:*"}}], "status": "not_affected"}
                ]}""";
        VexDocument d = VexReader.read(doc.getBytes(StandardCharsets.UTF_8), "t.json");
        assertThat(d.statements()).extracting(VexStatement::vulnerability).containsExactly("CVE-2", "CVE-3");
        assertThat(d.warnings()).hasSize(2);
        assertThat(d.warnings().get(0)).contains("/statements/0/status", "maybe");
        assertThat(d.warnings().get(1)).contains("1 product(s) are neither package URLs nor CPEs", "https://example.com/product");
        VexProduct p = d.statements().get(1).products().getFirst();
        assertThat(p.purl().toString()).isEqualTo("pkg:npm/b@2");
        assertThat(p.cpe()).isEqualTo("cpe:2.3:a:b:b:2:*:*:*:*:*:*:*");
        Function<VexStatement, String> first = s -> s.products().getFirst().id();
        assertThat(first.apply(d.statements().get(1))).isEqualTo("x");
    }
}

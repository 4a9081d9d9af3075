package dev.mamori.vex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.match.Finding;
import dev.mamori.match.Matcher;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.SbomReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class VexApplierTest {
    static final Path GHSA_288C = VexFixtures.DIR.resolve("scenario/GHSA-288c-cq4h-88gq.json");

    @ParameterizedTest(name = "{0} names {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "pkg:golang/golang.org/x/crypto; pkg:golang/golang.org/x/crypto@v0.0.0-20220214200702-86341886e292?type=module; true",
        "pkg:golang/golang.org/x/text@v0.3.7; pkg:golang/golang.org/x/text@v0.3.7?type=module; true",
        "pkg:golang/golang.org/x/text@0.3.7; pkg:golang/golang.org/x/text@v0.3.7; true",
        "pkg:golang/golang.org/x/text@v0.3.8; pkg:golang/golang.org/x/text@v0.3.7; false",
        "pkg:golang/golang.org/x/text?type=module; pkg:golang/golang.org/x/text@v0.3.7; false",
        "pkg:golang/golang.org/x/net; pkg:golang/golang.org/x/text@v0.3.7; false",
        "pkg:maven/org.example/a@1.0; pkg:maven/org.example/a@1.0.0; true",
        "pkg:maven/org.example/a; pkg:maven/org.other/a@1.0; false",
        "pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1; pkg:rpm/redhat/openssl@1:3.0.7-27.el9?arch=x86_64; true",
        "pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1; pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1&distro=rhel-9.4; true",
        "pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1; pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=aarch64&epoch=1; false",
        "pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1; pkg:rpm/redhat/openssl@3.0.7-26.el9?arch=x86_64&epoch=1; false",
        "pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1; pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64; false",
        "pkg:rpm/redhat/kernel?arch=src; pkg:rpm/redhat/kernel-core@5.14.0-362.8.1.el9_3?arch=x86_64&upstream=kernel-5.14.0-362.8.1.el9_3.src.rpm; true",
        "pkg:rpm/redhat/kernel?arch=src; pkg:rpm/redhat/kernel-core@5.14.0-362.8.1.el9_3?arch=x86_64; false",
        "pkg:rpm/redhat/kernel?arch=src; pkg:rpm/redhat/kernel@5.14.0-362.8.1.el9_3?arch=src; true",
        "pkg:rpm/redhat/kernel@5.14.0-362.8.1.el9_3?arch=src; pkg:rpm/redhat/kernel-core@5.14.0-362.8.1.el9_3?arch=x86_64&upstream=kernel-5.14.0-362.8.1.el9_3.src.rpm; true",
        "pkg:rpm/redhat/kernel@5.14.0-362.8.1.el9_3?arch=src; pkg:rpm/redhat/kernel-core@5.14.0-284.el9?arch=x86_64&upstream=kernel-5.14.0-284.el9.src.rpm; false",
        "pkg:deb/debian/openssl?arch=source; pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl; true",
        "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=source; pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&upstream=openssl%403.0.11-1~deb12u2; true",
        "pkg:npm/%40angular/core@16.0.0; pkg:npm/%40angular/core@16.0.0; true",
        "pkg:github/package-url/purl-spec#tests; pkg:github/package-url/purl-spec#docs; false",
    })
    void purlMatches_statementPurl_namesComponentAsTheStatementGivesIt(String statement, String component, boolean expected) {
        assertThat(VexApplier.purlMatches(Purl.parse(statement), Purl.parse(component))).isEqualTo(expected);
    }

    @Test
    void apply_cycloneDxVexExample_suppressesTheRealFindingByBomLinkPurl() {
        Bom bom = SbomReader.read(VexFixtures.DIR.resolve("cyclonedx/bom.json"));
        Matcher.Result matched = VexFixtures.match(bom, GHSA_288C);
        assertThat(matched.findings()).singleElement().satisfies(f -> {
            assertThat(f.vulnerabilityId()).isEqualTo("CVE-2020-25649");
            assertThat(f.component().name()).isEqualTo("jackson-databind");
        });
        VexApplier.Result r = VexFixtures.apply(bom, matched.findings(), "cyclonedx/vex.json");
        assertThat(r.kept()).isEmpty();
        assertThat(r.suppressed()).singleElement().satisfies(d -> {
            assertThat(d.statement().source()).endsWith("cyclonedx/vex.json");
            assertThat(d.statement().statementId()).isEqualTo("/vulnerabilities/0");
            assertThat(d.statement().justification()).isEqualTo("code_not_reachable");
        });
    }

    @Test
    void apply_bomLinkToTheSubject_coversEveryComponentOfThatBomOnly() {
        Bom acme = SbomReader.read(VexFixtures.DIR.resolve("scenario/acme-product-1.cdx.json"));
        List<Finding> findings = VexFixtures.match(acme, GHSA_288C).findings();
        assertThat(findings).singleElement().extracting(f -> f.component().bomRef()).isEqualTo("jackson-databind");
        // Case 6: not affected in acme-product-1 (this BOM's serial number and subject)
        assertThat(VexFixtures.apply(acme, findings, "cyclonedx/case-6-vex.json").suppressed()).hasSize(1);
        // Case 13: not affected in products 1 and 2, exploitable in 3
        assertThat(VexFixtures.apply(acme, findings, "cyclonedx/case-13-vex.json").suppressed()).hasSize(1);
        // The same statements say nothing about a BOM with another serial number
        Bom other = SbomReader.read(VexFixtures.DIR.resolve("cyclonedx/bom.json"));
        List<Finding> otherFindings = VexFixtures.match(other, GHSA_288C).findings();
        VexApplier.Result r = VexFixtures.apply(other, otherFindings, "cyclonedx/case-6-vex.json");
        assertThat(r.kept()).hasSize(1);
        assertThat(r.decisions()).isEmpty();
    }

    @Test
    void apply_cycloneDxVersionRanges_onlyTheListedVersionsOfTheProduct() {
        Component jackson = VexFixtures.component("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0");
        for (String[] c : new String[][] {{"2.3.0", "true"}, {"2.4.0", "true"}, {"2.5.0", "false"}, {"2.1.9", "false"}}) {
            Component subject = Component.builder("Acme Product").version(c[0]).bomRef("acme-product").type("application").build();
            Bom bom = VexFixtures.bom(null, subject, jackson);
            Finding f = VexFixtures.finding(jackson, "CVE-2020-25649", "GHSA-288c-cq4h-88gq");
            VexApplier.Result r = VexFixtures.apply(bom, List.of(f), "cyclonedx/case-4-vex.json");
            assertThat(r.suppressed()).as("Acme Product %s", c[0]).hasSize(Boolean.parseBoolean(c[1]) ? 1 : 0);
        }
    }

    @Test
    void apply_cycloneDxAffectedAndNotAffectedRanges_decideByVersion() {
        Component jackson = VexFixtures.component("pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.10.0");
        Finding f = VexFixtures.finding(jackson, "CVE-2020-25649");
        Bom exploitable = VexFixtures.bom(null, Component.builder("Acme").version("3.0.0").bomRef("acme-product").build(), jackson);
        VexApplier.Result r = VexFixtures.apply(exploitable, List.of(f), "cyclonedx/case-5-vex.json");
        assertThat(r.kept()).containsExactly(f);
        assertThat(r.decisions()).singleElement().satisfies(d -> assertThat(d.statement().status()).isEqualTo(VexStatus.AFFECTED));
        Bom current = VexFixtures.bom(null, Component.builder("Acme").version("7.1.0").bomRef("acme-product").build(), jackson);
        assertThat(VexFixtures.apply(current, List.of(f), "cyclonedx/case-5-vex.json").suppressed()).hasSize(1);
    }

    @Test
    void apply_kawipikoOpenVex_suppressesByAliasVersionAndSubcomponentAndLatestWins() {
        Bom bom = SbomReader.read(Path.of("../examples/kawipiko-sbom.cdx.json"));
        List<Finding> findings = VexFixtures.match(bom, Path.of("../examples/advisories")).findings();
        assertThat(findings).hasSize(9);
        VexApplier.Result r = VexFixtures.apply(bom, findings, "scenario/kawipiko.openvex.json");
        assertThat(r.suppressed()).extracting(d -> d.finding().vulnerabilityId())
                .containsExactlyInAnyOrder("CVE-2023-48795", "CVE-2022-32149", "CVE-2022-21221");
        assertThat(r.suppressed()).extracting(d -> d.statement().statementId())
                .containsExactlyInAnyOrder("/statements/0", "/statements/1", "/statements/6");
        assertThat(r.kept()).hasSize(6);
        // an earlier not_affected is overridden by a later affected; under_investigation is reported, not suppressing
        assertThat(r.decisions()).filteredOn(d -> !d.suppressed())
                .extracting(d -> d.finding().vulnerabilityId() + " " + d.statement().statusText())
                .containsExactlyInAnyOrder("CVE-2022-41717 affected", "CVE-2022-29526 under_investigation");
    }

    @Test
    void apply_nodeOpenVex_productLevelStatementCoversTheSbomOfNode() {
        Component openssl = VexFixtures.component("pkg:generic/openssl@3.0.15");
        Component node = Component.builder("node").version("20.11.0").type("application")
                .purl("pkg:nodejs/node@20.11.0", Purl.parse("pkg:nodejs/node@20.11.0")).build();
        Bom nodeBom = VexFixtures.bom(null, node, openssl);
        Finding opensslCve = VexFixtures.finding(openssl, "CVE-2024-13176");
        Finding other = VexFixtures.finding(openssl, "CVE-2024-12797");
        VexApplier.Result r = VexFixtures.apply(nodeBom, List.of(opensslCve, other), "openvex/node.openvex.json.gz");
        assertThat(r.suppressed()).singleElement().satisfies(d -> {
            assertThat(d.finding()).isSameAs(opensslCve);
            assertThat(d.statement().justification()).isEqualTo("vulnerable_code_not_in_execute_path");
        });
        assertThat(r.kept()).containsExactly(other);
        // the same openssl in an SBOM of something else is not covered
        Bom elsewhere = VexFixtures.bom(null, VexFixtures.component("pkg:generic/acme@1.0"), openssl);
        assertThat(VexFixtures.apply(elsewhere, List.of(opensslCve), "openvex/node.openvex.json.gz").suppressed()).isEmpty();
    }

    @Test
    void apply_nodeOpenVexFixed_onlyTheFixedVersions() {
        for (String[] c : new String[][] {{"pkg:nodejs/node@5.1.1", "1"}, {"pkg:nodejs/node@v4.2.3", "1"}, {"pkg:nodejs/node@5.1.0", "0"}}) {
            Component node = VexFixtures.component(c[0]);
            Finding f = VexFixtures.finding(node, "CVE-2015-3193");
            assertThat(VexFixtures.apply(VexFixtures.bom(null, null, node), List.of(f), "openvex/node.openvex.json.gz").suppressed())
                    .as(c[0]).hasSize(Integer.parseInt(c[1]));
        }
    }

    @Test
    void apply_redHatCsafVex_sourcePackageOnItsPlatformRelease() {
        Component kernel9 = VexFixtures.component(
                "pkg:rpm/redhat/kernel-core@5.14.0-362.8.1.el9_3?arch=x86_64&upstream=kernel-5.14.0-362.8.1.el9_3.src.rpm");
        Finding f = VexFixtures.finding(kernel9, "CVE-2023-6238");
        VexApplier.Result r = VexFixtures.apply(VexFixtures.bom(null, null, kernel9), List.of(f), "csaf/redhat-cve-2023-6238.json");
        assertThat(r.suppressed()).singleElement().extracting(d -> d.statement().statementId())
                .isEqualTo("/vulnerabilities/0/product_status/known_not_affected/red_hat_enterprise_linux_9:kernel");
        // no release known (no distro qualifier, no .elN, no operating-system component): the platform cannot be confirmed
        Component unknown = VexFixtures.component("pkg:rpm/redhat/kernel-core@5.14.0?arch=x86_64&upstream=kernel-5.14.0-1.src.rpm");
        Finding g = VexFixtures.finding(unknown, "CVE-2023-6238");
        assertThat(VexFixtures.apply(VexFixtures.bom(null, null, unknown), List.of(g), "csaf/redhat-cve-2023-6238.json").suppressed()).isEmpty();
        // ... unless the SBOM says which operating system it is
        Component os = Component.builder("rhel").version("9.3").type("operating-system").build();
        Bom withOs = new Bom(dev.mamori.sbom.SbomFormat.CYCLONEDX, "1.6", "json", null, 1, dev.mamori.sbom.Metadata.EMPTY,
                List.of(os, unknown), java.util.Map.of(), List.of());
        assertThat(new VexApplier(VexFixtures.read("csaf/redhat-cve-2023-6238.json").statements()).apply(withOs, List.of(g)).suppressed()).hasSize(1);
    }

    @Test
    void apply_redHatCsafVex_fixedVersionOnlyAndOtherReleasesNotCovered() {
        Component fixed = VexFixtures.component("pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&epoch=1&distro=rhel-9.4");
        Component older = VexFixtures.component("pkg:rpm/redhat/openssl@3.0.7-20.el9?arch=x86_64&epoch=1&distro=rhel-9.2&upstream=openssl-3.0.7-20.el9.src.rpm");
        Component rhel8 = VexFixtures.component("pkg:rpm/redhat/openssl-libs@1.1.1k-9.el8_7?arch=x86_64&epoch=1&upstream=openssl-1.1.1k-9.el8_7.src.rpm");
        List<Finding> findings = List.of(VexFixtures.finding(fixed, "CVE-2023-6237"), VexFixtures.finding(older, "CVE-2023-6237"),
                VexFixtures.finding(rhel8, "CVE-2023-6237"));
        VexApplier.Result r = VexFixtures.apply(VexFixtures.bom(null, null, fixed, older, rhel8), findings, "csaf/redhat-cve-2023-6237.json.gz");
        assertThat(r.suppressed()).extracting(d -> d.finding().component().name() + " " + d.statement().statusText())
                .containsExactlyInAnyOrder("openssl fixed", "openssl-libs known_not_affected");
        // RHEL 9.2's openssl 3.0.7-20 is neither fixed nor covered by the RHEL 6/7/8 not-affected statements
        assertThat(r.kept()).singleElement().extracting(f -> f.component()).isSameAs(older);
    }

    @Test
    void apply_sameTimeStatements_theLaterInTheInputWins() {
        Component c = VexFixtures.component("pkg:npm/left-pad@1.0.0");
        Finding f = VexFixtures.finding(c, "CVE-2000-0001");
        VexStatement a = statement("a.json", VexStatus.NOT_AFFECTED, null, c.purlText());
        VexStatement b = statement("b.json", VexStatus.AFFECTED, null, c.purlText());
        Bom bom = VexFixtures.bom(null, null, c);
        assertThat(new VexApplier(List.of(a, b)).apply(bom, List.of(f)).kept()).containsExactly(f);
        assertThat(new VexApplier(List.of(b, a)).apply(bom, List.of(f)).suppressed()).hasSize(1);
        VexStatement older = statement("c.json", VexStatus.AFFECTED, "2020-01-01T00:00:00Z", c.purlText());
        assertThat(new VexApplier(List.of(a, older)).apply(bom, List.of(f)).decisions().getFirst().statement()).isSameAs(older);
        VexStatement newer = statement("d.json", VexStatus.NOT_AFFECTED, "2021-01-01", c.purlText());
        assertThat(new VexApplier(List.of(newer, older)).apply(bom, List.of(f)).suppressed()).hasSize(1);
    }

    @Test
    void apply_vulnerabilityIdsCompareCaseInsensitivelyAcrossAliases() {
        Component c = VexFixtures.component("pkg:npm/left-pad@1.0.0");
        Finding f = VexFixtures.finding(c, "CVE-2000-0001", "GHSA-aaaa-bbbb-cccc");
        VexStatement byAlias = new VexStatement("v.json", "OpenVEX 0.2.0", "/statements/0", List.of("ghsa-AAAA-bbbb-cccc"),
                List.of(VexProduct.ofPurl("pkg:npm/left-pad", Purl.parse("pkg:npm/left-pad"))), VexStatus.FIXED, "fixed", null, null, null);
        assertThat(new VexApplier(List.of(byAlias)).apply(VexFixtures.bom(null, null, c), List.of(f)).suppressed()).hasSize(1);
    }

    private static VexStatement statement(String file, VexStatus status, String time, String purl) {
        return new VexStatement(file, "OpenVEX 0.2.0", "/statements/0", List.of("CVE-2000-0001"),
                List.of(VexProduct.ofPurl(purl, Purl.parse(purl))), status, status.label(), null, null, time);
    }
}

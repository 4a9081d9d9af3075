package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.risk.Assessment;
import dev.mamori.risk.ProductScore;
import dev.mamori.risk.WeaknessClass;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ScanAssessorTest {

    @Test
    void assess_kawipikoWithRealThreatData_putsTheKevListedRapidResetFirst() {
        ScanReport r = ReportFixtures.kawipiko();
        assertThat(r.findings()).hasSize(10);
        assertThat(r.risk()).hasSize(10);
        Assessment first = r.risk().values().iterator().next();
        assertThat(first.vulnerabilityId()).isEqualTo("CVE-2023-44487");
        assertThat(first.priority()).isEqualTo(1);
        assertThat(first.kev().dateAdded()).isEqualTo(LocalDate.parse("2023-10-10"));
        assertThat(first.epss().score()).isEqualTo(0.99999);
        assertThat(first.ssvcInput("Exploitation")).isEqualTo("active");
        assertThat(first.ssvc().label()).isNotEqualTo("Track");
        assertThat(first.reasons()).contains("in KEV since 2023-10-10", "EPSS 100.0%");
        assertThat(first.primaryScore().vector()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:L");
        assertThat(first.primaryScore().baseScore()).isEqualTo(5.3);
        // priorities are 1..n in map order
        assertThat(r.risk().values()).extracting(Assessment::priority).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        // the Go advisories carry no vector: no CVSS score, and SSVC's technical impact is the default's worst case
        Assessment text = r.risk().get("CVE-2022-32149");
        assertThat(text.cvss()).isEmpty();
        assertThat(text.epss().percentile()).isEqualTo(0.72947);
        assertThat(text.kev()).isNull();
    }

    @Test
    void assess_profileAndCatalogue_environmentalScoreAndWeaknessClassChange() {
        ScanReport plain = ReportFixtures.jackson(dev.mamori.risk.RiskProfile.unknown(), null);
        Assessment a = plain.risk().get("CVE-2020-25649");
        ProductScore s = a.primaryScore();
        assertThat(s.baseScore()).isEqualTo(7.5);
        assertThat(s.environmentalScore()).isEqualTo(7.5);
        assertThat(a.weakness().weaknessClass()).isEqualTo(WeaknessClass.UNKNOWN);

        ScanReport pump = ReportFixtures.jackson(ReportFixtures.profile("pump-controller.profile.json"), ReportFixtures.cwe());
        Assessment p = pump.risk().get("CVE-2020-25649");
        assertThat(p.primaryScore().baseScore()).isEqualTo(7.5);
        assertThat(p.primaryScore().environmentalScore()).isEqualTo(8.3); // isolated (MAV:A) lowers it, integrity requirement high raises it
        assertThat(p.primaryScore().adjustments()).contains("MAV:A (network exposure isolated)", "IR:H (integrity requirement high)");
        assertThat(p.weakness().weaknessClass()).isNotEqualTo(WeaknessClass.UNKNOWN);
        assertThat(p.weakness().cwe()).isEqualTo("CWE-611");
        assertThat(p.ssvcInput("Mission Prevalence")).isEqualTo("essential");
    }

    @Test
    void assess_advisoryOwnKevListingVulnrichmentAndExploitReference_areUsed() {
        dev.mamori.advisory.Advisory a = dev.mamori.advisory.Advisory.builder("CVE-2024-3400",
                        new dev.mamori.advisory.Provenance("cve5", "CVE-2024-3400.json", null, null))
                .severity(new dev.mamori.advisory.Severity("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                        dev.mamori.advisory.SeverityLevel.CRITICAL))
                .kev(new dev.mamori.advisory.KevListing("2024-04-12", "2024-04-19", null, null, null, "CISA-ADP"))
                .ssvc(new dev.mamori.advisory.Ssvc("active", "yes", "total", "CISA Coordinator", "2.0.3", "2024-04-13", "CISA-ADP"))
                .reference(new dev.mamori.advisory.Reference("https://example.com/exploit.py", "EXPLOIT"))
                .cwe("CWE-77")
                .build();
        dev.mamori.sbom.Component c = dev.mamori.sbom.Component.builder("pan-os").version("10.2.9").build();
        dev.mamori.match.Finding f = new dev.mamori.match.Finding(c, "10.2.9", "CVE-2024-3400", List.of(), List.of(a),
                new dev.mamori.match.Evidence("pan-os", dev.mamori.match.Evidence.Method.NAME, List.of(), "name"),
                dev.mamori.match.Fix.NONE, dev.mamori.match.Confidence.LOW);
        Assessment x = ScanAssessor.assess(List.of(f), ThreatData.none(), dev.mamori.risk.RiskProfile.unknown(),
                ReportFixtures.cwe(), dev.mamori.risk.PriorityPolicy.defaults()).get("CVE-2024-3400");
        assertThat(x.kev().dateAdded()).isEqualTo(LocalDate.parse("2024-04-12"));
        assertThat(x.kev().dueDate()).isEqualTo(LocalDate.parse("2024-04-19"));
        assertThat(x.ssvcInput("Automatable")).isEqualTo("yes");
        assertThat(x.ssvcInput("Technical Impact")).isEqualTo("total");
        assertThat(x.exploitEvidence()).singleElement().satisfies(e -> assertThat(e.detail()).contains("https://example.com/exploit.py"));
        assertThat(x.primaryScore().version()).isEqualTo(dev.mamori.risk.CvssVersion.V4_0);
        assertThat(x.weakness().weaknessClass()).isEqualTo(WeaknessClass.CODE);
        assertThat(FailOn.parse("kev").fails(f, x)).isTrue();
    }

    @Test
    void cves_ofAFinding_canonicalIdAndCveAliasesUpperCase() {
        ScanReport r = ReportFixtures.kawipiko();
        assertThat(r.findings()).allSatisfy(f -> assertThat(ScanAssessor.cves(f)).containsExactly(f.vulnerabilityId()));
        assertThat(List.of("CVE-2023-44487")).isEqualTo(ScanAssessor.cves(r.findings().stream()
                .filter(f -> f.vulnerabilityId().equals("CVE-2023-44487")).findFirst().orElseThrow()));
    }
}

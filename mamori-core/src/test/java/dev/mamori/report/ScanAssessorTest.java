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
    void cves_ofAFinding_canonicalIdAndCveAliasesUpperCase() {
        ScanReport r = ReportFixtures.kawipiko();
        assertThat(r.findings()).allSatisfy(f -> assertThat(ScanAssessor.cves(f)).containsExactly(f.vulnerabilityId()));
        assertThat(List.of("CVE-2023-44487")).isEqualTo(ScanAssessor.cves(r.findings().stream()
                .filter(f -> f.vulnerabilityId().equals("CVE-2023-44487")).findFirst().orElseThrow()));
    }
}

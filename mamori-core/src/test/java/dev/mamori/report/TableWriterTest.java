package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TableWriterTest {

    static String table(ScanReport r) {
        StringWriter w = new StringWriter();
        TableWriter.write(List.of(r), new PrintWriter(w));
        return w.toString();
    }

    @Test
    void write_kawipikoWithVex_showsPrioritySsvcWeaknessScoresAndSuppressed() {
        String t = table(ReportFixtures.kawipiko("scenario/kawipiko.openvex.json"));
        List<String> lines = t.lines().toList();
        assertThat(lines.getFirst()).startsWith("PRIORITY  COMPONENT").contains("SEVERITY", "CVSS", "ENV", "SSVC", "WEAKNESS", "FIXED IN");
        assertThat(lines.get(1)).startsWith("#1").contains("golang.org/x/net", "CVE-2023-44487", "medium", "5.3", "unknown", "0.17.0");
        assertThat(t).contains("CVE-2022-41717 [VEX: affected]", "CVE-2022-29526 [VEX: under_investigation]");
        assertThat(t).contains("7 findings in 3 of 27 components (14 advisories checked); 3 suppressed by VEX");
        assertThat(t).contains("Priority (SSVC cisa_coordinator_2_0_3):",
                "  1. CVE-2023-44487  Attend — in KEV since 2023-10-10, automatable, EPSS 100.0% (99th percentile), CVSS 3.1 5.3");
        assertThat(t).contains("Suppressed by VEX (not affected or fixed; these never fail the build):");
        assertThat(t).contains("golang.org/x/text v0.3.7  CVE-2022-32149  by src/test/resources/vex/scenario/kawipiko.openvex.json "
                + "/statements/1 (OpenVEX 0.2.0): not_affected, vulnerable_code_cannot_be_controlled_by_adversary — Accept-Language");
        // suppressed findings are not in the table
        assertThat(lines.stream().filter(l -> l.startsWith("#"))).hasSize(7).noneMatch(l -> l.contains("CVE-2023-48795"));
    }

    @Test
    void write_profileAndCatalogue_environmentalBesideBaseAndWeaknessClass() {
        String t = table(ReportFixtures.jackson(ReportFixtures.profile("pump-controller.profile.json"), ReportFixtures.cwe()));
        String row = t.lines().filter(l -> l.startsWith("#1")).findFirst().orElseThrow();
        assertThat(row).contains("jackson-databind", "2.10.0", "CVE-2020-25649", "GHSA-288c-cq4h-88gq", "high", "2.10.5.1")
                .containsPattern("high +7\\.5 +8\\.3 +(Track\\*?|Attend|Act) +code +2\\.10\\.5\\.1$");
        assertThat(t).contains("CVSS 3.1 7.5, 8.3 in this product", "code weakness (CWE-611)");
    }

    @Test
    void write_reportWithoutRisk_dashesNotErrors() {
        ScanReport r = ReportFixtures.kawipiko();
        ScanReport bare = new ScanReport(r.sbom(), r.componentsScanned(), r.advisoriesLoaded(), r.findings(), r.upgrades(), r.warnings());
        String t = table(bare);
        assertThat(t.lines().skip(1).limit(10)).allSatisfy(l -> assertThat(l).startsWith("-"));
        assertThat(t).doesNotContain("Priority (");
    }
}

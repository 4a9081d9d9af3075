package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/risk.md, computed: CVE-2023-6448 (Unitronics Vision PLC/HMI default password, in KEV)
 * in two products. The rendered text must appear verbatim in the doc, so the doc cannot drift from the code.
 */
final class RiskExampleTest {
    static final Path DOC = Path.of("../docs/risk.md");
    static final String CVE = "CVE-2023-6448";

    static String render() {
        CweXmlCatalog catalog = RiskFixtures.catalog();
        PriorityPolicy policy = PriorityPolicy.defaults();
        StringBuilder b = new StringBuilder();
        for (String file : List.of("internet-gateway.profile.json", "pump-controller.profile.json")) {
            RiskProfile profile = RiskFixtures.profile(file);
            List<Assessment> all = new ArrayList<>();
            for (RiskInput in : RiskFixtures.inputs().values()) {
                all.add(Assessor.assess(in, profile, catalog, policy));
            }
            List<Assessment> ordered = Priorities.order(all, policy);
            Assessment a = ordered.stream().filter(x -> x.vulnerabilityId().equals(CVE)).findFirst().orElseThrow();
            ProductScore s = a.primaryScore();
            b.append("profile: ").append(profile.label()).append('\n');
            b.append(String.format(Locale.ROOT, "  CVSS %s base          %.1f %-8s  %s%n", s.version().label(), s.baseScore(),
                    s.baseSeverity().label(), s.vector()));
            b.append(String.format(Locale.ROOT, "  CVSS %s environmental %.1f %-8s  %s%n", s.version().label(),
                    s.environmentalScore(), s.environmentalSeverity().label(), s.productVector()));
            for (String adj : s.adjustments()) {
                b.append("    ").append(adj).append('\n');
            }
            b.append("  SSVC ").append(a.ssvc().table()).append(" → ").append(a.ssvc().label()).append('\n');
            for (SsvcInput i : a.ssvc().inputs()) {
                b.append("    ").append(i.decisionPoint()).append(" = ").append(i.value()).append("  [")
                        .append(i.source()).append(": ").append(i.detail()).append("]\n");
            }
            b.append("  SSVC ").append(a.deployer().table()).append(" → ").append(a.deployer().label()).append('\n');
            b.append("    ").append(a.deployer().path()).append('\n');
            b.append("  weakness: ").append(a.weakness().explanation()).append('\n');
            b.append("  priority ").append(a.priority()).append(" of ").append(ordered.size()).append(": ")
                    .append(a.reasons()).append('\n');
            b.append('\n');
        }
        b.append("priority list, pump controller:\n");
        RiskProfile pump = RiskFixtures.profile("pump-controller.profile.json");
        List<Assessment> all = new ArrayList<>();
        for (RiskInput in : RiskFixtures.inputs().values()) {
            all.add(Assessor.assess(in, pump, catalog, policy));
        }
        for (Assessment a : Priorities.order(all, policy)) {
            b.append("  ").append(a.priority()).append(". ").append(a.vulnerabilityId()).append("  ").append(a.reasons()).append('\n');
        }
        return b.toString();
    }

    @Test
    void workedExample_numbersInTheDoc_areComputedByTheCode() throws IOException {
        String rendered = render();
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertThat(doc).as("docs/risk.md must contain the computed example:%n%s", rendered).contains(rendered);
    }

    @Test
    void workedExample_twoProfiles_keyNumbers() {
        CweXmlCatalog catalog = RiskFixtures.catalog();
        RiskInput in = RiskFixtures.inputs().get(CVE);
        Assessment server = Assessor.assess(in, RiskFixtures.profile("internet-gateway.profile.json"), catalog, PriorityPolicy.defaults());
        Assessment pump = Assessor.assess(in, RiskFixtures.profile("pump-controller.profile.json"), catalog, PriorityPolicy.defaults());
        assertThat(server.primaryScore().baseScore()).isEqualTo(9.8);
        assertThat(server.primaryScore().environmentalScore()).isEqualTo(9.8);
        assertThat(pump.primaryScore().environmentalScore()).isEqualTo(8.8);
        assertThat(server.ssvc().label()).isEqualTo("Attend");
        assertThat(pump.ssvc().label()).isEqualTo("Act");
        assertThat(pump.weakness().weaknessClass()).isEqualTo(WeaknessClass.CONFIGURATION);
    }
}

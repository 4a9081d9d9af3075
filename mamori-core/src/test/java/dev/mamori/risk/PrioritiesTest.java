package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class PrioritiesTest {
    static PriorityPolicy policy(String json) {
        return PriorityPolicy.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "policy.json");
    }

    static List<Assessment> assess(RiskProfile profile, PriorityPolicy policy) {
        List<Assessment> all = new ArrayList<>();
        for (RiskInput in : RiskFixtures.inputs().values()) {
            all.add(Assessor.assess(in, profile, RiskFixtures.catalog(), policy));
        }
        return all;
    }

    @Test
    void defaults_builtIn_areTheDocumentedPolicy() {
        PriorityPolicy p = PriorityPolicy.defaults();
        assertThat(p.name()).isEqualTo("default");
        assertThat(p.ssvcTree()).isEqualTo("cisa-coordinator");
        assertThat(p.order()).containsExactly("ssvc", "kev", "exploitation", "epssPercentile", "environmentalScore", "safetyImpact");
        assertThat(p.unreportedWhenNoEvidence()).isFalse();
    }

    @Test
    void order_internetGateway_decisionThenEpss() {
        List<Assessment> ordered = Priorities.order(assess(RiskFixtures.profile("internet-gateway.profile.json"),
                PriorityPolicy.defaults()), PriorityPolicy.defaults());
        assertThat(ordered).extracting(Assessment::vulnerabilityId).containsExactly(
                // Attend (active, automatable, low mission and well-being impact), by EPSS percentile …
                "CVE-2024-3400", "CVE-2024-5910", "CVE-2022-0028", "CVE-2023-6448",
                // … then Track (not automatable), by EPSS percentile.
                "CVE-2024-6670", "CVE-2024-1086");
        assertThat(ordered).extracting(Assessment::priority).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ordered.get(0).reasons()).startsWith("Attend — in KEV since 2024-04-12 (known ransomware use), automatable");
        assertThat(ordered.get(4).ssvc().label()).isEqualTo("Track");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void order_doesNotDependOnInputOrder(long seed) {
        PriorityPolicy p = PriorityPolicy.defaults();
        List<Assessment> all = assess(RiskFixtures.profile("pump-controller.profile.json"), p);
        List<Assessment> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        assertThat(Priorities.order(shuffled, p)).isEqualTo(Priorities.order(all, p));
    }

    @Test
    void order_byPolicyKeys_deployerAndBaseScore() {
        PriorityPolicy p = policy("""
                {"schema": "mamori-priority-policy/1", "name": "by base", "ssvcTree": "deployer",
                 "order": ["baseScore"], "reasons": ["cvss"]}""");
        List<Assessment> ordered = Priorities.order(assess(RiskProfile.unknown(), p), p);
        assertThat(ordered.get(0).vulnerabilityId()).isEqualTo("CVE-2024-3400");
        assertThat(ordered.get(0).reasons()).isEqualTo("Out-of-Cycle — CVSS 3.1 10.0");
        assertThat(ordered).extracting(a -> a.primaryScore().baseScore()).isSortedAccordingTo(Collections.reverseOrder());
    }

    @Test
    void unreportedPolicy_setsExploitMaturityU_whenNothingIsKnown() {
        PriorityPolicy p = policy("{\"schema\": \"mamori-priority-policy/1\", \"exploitMaturityWhenNoEvidence\": \"unreported\"}");
        RiskInput in = new RiskInput("X-1", List.of("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"), List.of(),
                ThreatIntel.none(), UserInputs.none());
        Assessment a = Assessor.assess(in, RiskProfile.unknown(), null, p);
        assertThat(a.primaryScore().productVector()).endsWith("/E:U");
        assertThat(a.primaryScore().baseScore()).isEqualTo(9.3);
        assertThat(a.primaryScore().environmentalScore()).isEqualTo(8.1);
        assertThat(a.weakness().weaknessClass()).isEqualTo(WeaknessClass.UNKNOWN);
        assertThat(a.reasons()).isEqualTo("Track — no known exploitation, automatable, total technical impact, CVSS 4.0 9.3, 8.1 in this product");
        Assessment d = Assessor.assess(in, RiskProfile.unknown(), null, PriorityPolicy.defaults());
        assertThat(d.primaryScore().environmentalScore()).isEqualTo(9.3);
    }

    @Test
    void assess_invalidVector_becomesANote() {
        RiskInput in = new RiskInput("X-2", List.of("CVSS:3.1/AV:N"), List.of(), ThreatIntel.none(), UserInputs.none());
        Assessment a = Assessor.assess(in, RiskProfile.unknown(), null, PriorityPolicy.defaults());
        assertThat(a.cvss()).isEmpty();
        assertThat(a.notes()).singleElement().asString().contains("missing mandatory metrics AC");
        assertThat(a.ssvc().inputs().get(1).source()).isEqualTo(Source.DEFAULT);
    }

    @Test
    void read_invalidPolicy_namesTheField() {
        assertThatThrownBy(() -> policy("{\"schema\": \"mamori-priority-policy/1\", \"order\": [\"cvss\"]}"))
                .isInstanceOf(InputException.class).hasMessageContaining("/order/0: unknown order key 'cvss'");
        assertThatThrownBy(() -> policy("{\"schema\": \"mamori-priority-policy/1\", \"ssvcTree\": \"supplier\"}"))
                .isInstanceOf(InputException.class).hasMessageContaining("ssvcTree is cisa-coordinator or deployer");
        assertThatThrownBy(() -> policy("{\"schema\": \"mamori-priority-policy/2\"}"))
                .isInstanceOf(InputException.class).hasMessageContaining("/schema");
    }

    @Test
    void ordinal_numbers_getEnglishSuffixes() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 79, 100).stream().map(Assessor::ordinal).toList())
                .containsExactly("1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "79th", "100th");
    }
}

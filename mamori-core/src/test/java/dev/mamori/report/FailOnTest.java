package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.match.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class FailOnTest {
    static ScanReport report;

    @BeforeAll
    static void scan() {
        report = ReportFixtures.kawipiko();
    }

    /** The findings of the kawipiko scan (10, with real KEV and EPSS data) that the conditions fail on. */
    static List<String> failing(String spec) {
        FailOn f = FailOn.parse(spec);
        return report.findings().stream().filter(x -> f.fails(x, report.assessment(x))).map(Finding::vulnerabilityId).sorted().toList();
    }

    @ParameterizedTest(name = "--fail-on {0} → {1}")
    @CsvSource(delimiter = ';', value = {
        "any; 10",
        "none; 0",
        "low; 1",
        "medium; 1",
        "high; 0",
        "kev; 1",
        "epss>=0.5; 2",
        "epss>=0.05; 3",
        "epss-percentile>=0.9; 4",
        "ssvc=track; 10",
        "ssvc=act; 0",
        "ssvc>=track*; 1",
        "ssvc=defer; 10",
        "'none,kev'; 1",
        "'high, epss>=0.9'; 2",
        "'KEV,Critical'; 1",
    })
    void fails_kawipikoScan_countsTheFindingsMeetingAnyCondition(String spec, int expected) {
        assertThat(failing(spec)).hasSize(expected);
    }

    @Test
    void fails_conditions_pickTheRightFindings() {
        assertThat(failing("kev")).containsExactly("CVE-2023-44487");
        assertThat(failing("epss>=0.5")).containsExactly("CVE-2023-44487", "CVE-2023-48795");
        assertThat(FailOn.parse("medium,kev").failing(report.findings().stream()
                .filter(f -> f.vulnerabilityId().equals("CVE-2023-44487")).findFirst().orElseThrow(), null)).isEqualTo("medium");
        // without an assessment only severity conditions can be evaluated
        Finding rapid = report.findings().stream().filter(f -> f.vulnerabilityId().equals("CVE-2023-44487")).findFirst().orElseThrow();
        assertThat(FailOn.parse("kev,epss>=0.1,ssvc=track").fails(rapid, null)).isFalse();
        assertThat(FailOn.parse("epss>=0.5").needsEpss()).isTrue();
        assertThat(FailOn.parse("kev,high").needsEpss()).isFalse();
        assertThat(FailOn.parse(" kev , high ").toString()).isEqualTo("kev , high");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "bogus; unknown --fail-on condition 'bogus'",
        "epss>=1.5; the threshold is a number from 0 to 1, not '1.5'",
        "epss>=x; not 'x'",
        "epss>0.5; unknown --fail-on condition 'epss>0.5'",
        "ssvc=urgent; unknown SSVC decision 'urgent'",
        "'kev,,high'; empty condition",
        "' '; needs at least one condition",
    })
    void parse_badConditions_sayWhatIsWrong(String spec, String message) {
        assertThatThrownBy(() -> FailOn.parse(spec)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}

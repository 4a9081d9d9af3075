package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.risk.Ssvc.Automatable;
import dev.mamori.risk.Ssvc.Exploitation;
import dev.mamori.risk.Ssvc.TechnicalImpact;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ThreatRulesTest {
    static final KevEntry KEV = new KevEntry("CVE-2023-6448", LocalDate.parse("2023-12-11"), LocalDate.parse("2023-12-18"), false);

    @Test
    void exploitation_precedence_userKevEvidenceDefault() {
        ThreatIntel poc = new ThreatIntel(null, null, List.of(new ExploitEvidence(Exploitation.PUBLIC_POC, Source.ADVISORY,
                "reference tagged exploit: https://example.org/poc")), null);
        assertThat(ThreatRules.exploitation(poc, UserInputs.none()))
                .isEqualTo(Sourced.of(Exploitation.PUBLIC_POC, Source.ADVISORY, "reference tagged exploit: https://example.org/poc"));
        ThreatIntel kevAndPoc = new ThreatIntel(null, KEV, poc.evidence(), VulnrichmentSsvc.of("poc", null, null, null));
        assertThat(ThreatRules.exploitation(kevAndPoc, UserInputs.none()))
                .isEqualTo(Sourced.of(Exploitation.ACTIVE, Source.KEV, "in KEV since 2023-12-11"));
        assertThat(ThreatRules.exploitation(kevAndPoc, new UserInputs(Exploitation.NONE, null, null)).source()).isEqualTo(Source.USER);
        ThreatIntel vulnrichmentActive = new ThreatIntel(null, null, poc.evidence(), VulnrichmentSsvc.of("Active", null, null, null));
        assertThat(ThreatRules.exploitation(vulnrichmentActive, UserInputs.none()))
                .isEqualTo(Sourced.of(Exploitation.ACTIVE, Source.VULNRICHMENT, "CISA Vulnrichment: active"));
        assertThat(ThreatRules.exploitation(new ThreatIntel(null, null, List.of(), VulnrichmentSsvc.of("none", null, null, null)),
                UserInputs.none()).source()).isEqualTo(Source.VULNRICHMENT);
        assertThat(ThreatRules.exploitation(ThreatIntel.none(), UserInputs.none()))
                .isEqualTo(Sourced.of(Exploitation.NONE, Source.DEFAULT, "no KEV listing or exploit evidence"));
        // EPSS is a probability, not evidence: it never sets Exploitation.
        assertThat(ThreatRules.exploitation(new ThreatIntel(new Epss(0.97, 0.999, null), null, List.of(), null), UserInputs.none()).value())
                .isEqualTo(Exploitation.NONE);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | YES | CVSS 3.1 AV:N/AC:L/PR:N/UI:N",
        "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H | NO | CVSS 3.1 PR:L",
        "CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | NO | CVSS 3.0 AV:A",
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | NO | CVSS 4.0 AT:P",
        "CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AU:Y | YES | AU:Y in the CVSS 4.0 vector",
        "AV:N/AC:L/Au:N/C:P/I:P/A:P | YES | CVSS 2.0 AV:N/AC:L/Au:N",
    })
    void automatable_fromTheVector(String vector, Automatable expected, String detail) {
        assertThat(ThreatRules.automatable(CvssVector.parse(vector), ThreatIntel.none(), UserInputs.none()))
                .isEqualTo(Sourced.of(expected, Source.VECTOR, detail));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N | TOTAL",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:H | PARTIAL",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N | TOTAL",
        "AV:N/AC:L/Au:N/C:C/I:P/A:C | PARTIAL",
    })
    void technicalImpact_fromTheVector(String vector, TechnicalImpact expected) {
        assertThat(ThreatRules.technicalImpact(CvssVector.parse(vector), ThreatIntel.none(), UserInputs.none()).value()).isEqualTo(expected);
    }

    @Test
    void derive_vulnrichmentOrNoVector_beatsVectorOrDefaults() {
        ThreatIntel t = new ThreatIntel(null, null, List.of(), VulnrichmentSsvc.of("none", "no", "partial", null));
        CvssVector v = CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(ThreatRules.automatable(v, t, UserInputs.none()).value()).isEqualTo(Automatable.NO);
        assertThat(ThreatRules.technicalImpact(v, t, UserInputs.none()).source()).isEqualTo(Source.VULNRICHMENT);
        assertThat(ThreatRules.automatable(null, ThreatIntel.none(), UserInputs.none()).source()).isEqualTo(Source.DEFAULT);
        assertThat(ThreatRules.technicalImpact(null, ThreatIntel.none(), UserInputs.none()))
                .isEqualTo(Sourced.of(TechnicalImpact.TOTAL, Source.DEFAULT, "no CVSS vector: assume the worst"));
    }

    @Test
    void exploitMaturity_fromExploitation_andPolicy() {
        assertThat(ThreatRules.exploitMaturity(Sourced.of(Exploitation.ACTIVE, Source.KEV, ""), false)).isEqualTo("A");
        assertThat(ThreatRules.exploitMaturity(Sourced.of(Exploitation.PUBLIC_POC, Source.ADVISORY, ""), false)).isEqualTo("P");
        assertThat(ThreatRules.exploitMaturity(Sourced.of(Exploitation.NONE, Source.DEFAULT, ""), false)).isNull();
        assertThat(ThreatRules.exploitMaturity(Sourced.of(Exploitation.NONE, Source.DEFAULT, ""), true)).isEqualTo("U");
    }

    @Test
    void primary_severalVersions_isTheNewest() {
        List<CvssVector> vs = List.of(CvssVector.parse("AV:N/AC:L/Au:N/C:C/I:C/A:C"),
                CvssVector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"),
                CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"));
        assertThat(ThreatRules.primary(vs).version()).isEqualTo(CvssVersion.V4_0);
        assertThat(ThreatRules.primary(List.of())).isNull();
    }
}

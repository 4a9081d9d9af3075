package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import dev.mamori.risk.RiskProfile.NetworkExposure;
import dev.mamori.risk.RiskProfile.Requirement;
import dev.mamori.risk.Ssvc.MissionImpact;
import dev.mamori.risk.Ssvc.MissionPrevalence;
import dev.mamori.risk.Ssvc.PublicWellBeing;
import dev.mamori.risk.Ssvc.SafetyImpact;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class RiskProfileTest {
    static RiskProfile read(String json) {
        return RiskProfile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p.json");
    }

    static RiskProfile exposure(NetworkExposure e, Boolean ui) {
        return new RiskProfile("t", e, ui, null, null, null, false, null, null, null, null);
    }

    @Test
    void read_exampleProfile_allFields() {
        RiskProfile p = RiskFixtures.profile("pump-controller.profile.json");
        assertThat(p.networkExposure()).isEqualTo(NetworkExposure.ISOLATED);
        assertThat(p.userInteraction()).isFalse();
        assertThat(p.confidentialityRequirement()).isEqualTo(Requirement.LOW);
        assertThat(p.safetyImpact()).isEqualTo(SafetyImpact.CRITICAL);
        assertThat(p.effectivePublicWellBeing()).isEqualTo(PublicWellBeing.MATERIAL);
        assertThat(p.effectiveMissionImpact()).isEqualTo(MissionImpact.MEF_FAILURE);
        assertThat(p.missionPrevalence()).isEqualTo(MissionPrevalence.ESSENTIAL);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "{} | /schema: expected \"schema\": \"mamori-risk-profile/1\"",
        "{\"schema\":\"mamori-risk-profile/1\",\"exposure\":\"internet\"} | /exposure: unknown field 'exposure'",
        "{\"schema\":\"mamori-risk-profile/1\",\"networkExposure\":\"cloud\"} | /networkExposure: networkExposure: 'cloud' is not one of internet, internal, isolated, local, physical",
        "{\"schema\":\"mamori-risk-profile/1\",\"userInteraction\":\"no\"} | /userInteraction: userInteraction must be true or false",
        "{\"schema\":\"mamori-risk-profile/1\",\"safetyCritical\":true} | a safety-critical profile needs safetyImpact",
        "{\"schema\":\"mamori-risk-profile/1\",\"safetyImpact\":\"critical\"} | safetyImpact critical needs safetyCritical: true",
        "{\"schema\":\"mamori-risk-profile/1\",\"safetyCritical\":true,\"safetyImpact\":\"deadly\"} | /safetyImpact: safetyImpact: 'deadly' is not a SafetyImpact value",
        "[1] | a risk profile is a JSON object",
    })
    void read_invalid_namesFileAndField(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(InputException.class).hasMessageStartingWith("p.json").hasMessageContaining(message);
    }

    @Test
    void read_acceptsLettersAndAdjacent() {
        RiskProfile p = read("{\"schema\":\"mamori-risk-profile/1\",\"networkExposure\":\"adjacent\",\"integrityRequirement\":\"H\"}");
        assertThat(p.networkExposure()).isEqualTo(NetworkExposure.ISOLATED);
        assertThat(p.integrityRequirement()).isEqualTo(Requirement.HIGH);
    }

    @ParameterizedTest(name = "{0} on {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        // Exposure only narrows the attack vector.
        "INTERNET | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "INTERNAL | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "ISOLATED | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:A",
        "ISOLATED | CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "PHYSICAL | CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MAV:P",
        "LOCAL | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MAV:L",
        "LOCAL | AV:N/AC:L/Au:N/C:C/I:C/A:C | AV:N/AC:L/Au:N/C:C/I:C/A:C",
    })
    void apply_networkExposure_narrowsTheAttackVector(NetworkExposure e, String vector, String expected) {
        assertThat(ProfileMapping.apply(CvssVector.parse(vector), exposure(e, null), null, "").vector().toString()).isEqualTo(expected);
    }

    @Test
    void apply_noUserInteraction_v4PassiveBecomesActive() {
        CvssVector v = CvssVector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        ProfileMapping.Result r = ProfileMapping.apply(v, exposure(null, false), null, "");
        assertThat(r.vector().get("MUI")).isEqualTo("A");
        assertThat(CvssCalculator.score(r.vector()).environmentalScore()).isLessThan(CvssCalculator.score(v).baseScore());
        ProfileMapping.Result v3 = ProfileMapping.apply(CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H"),
                exposure(null, false), null, "");
        assertThat(v3.vector().isDefined("MUI")).isFalse();
        assertThat(v3.changes()).containsExactly("UI:R kept (no user interacts with the product, but CVSS v3 has no stricter value)");
    }

    @Test
    void apply_safetyCritical_v4SetsSafetyOnIntegrityAndAvailability() {
        RiskProfile p = new RiskProfile("c", null, null, null, null, null, true, SafetyImpact.MARGINAL, null, null, null);
        CvssVector v = CvssVector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:H/SC:N/SI:N/SA:N");
        ProfileMapping.Result r = ProfileMapping.apply(v, p, null, "");
        assertThat(r.vector().get("MSI")).isNull();
        assertThat(r.vector().get("MSA")).isEqualTo("S");
        assertThat(CvssCalculator.score(r.vector()).environmentalScore()).isGreaterThan(CvssCalculator.score(v).baseScore());
        // v2: safety becomes Collateral Damage Potential.
        ProfileMapping.Result v2 = ProfileMapping.apply(CvssVector.parse("AV:N/AC:L/Au:N/C:P/I:P/A:P"), p, null, "");
        assertThat(v2.vector().toString()).isEqualTo("AV:N/AC:L/Au:N/C:P/I:P/A:P/CDP:LM");
    }

    @Test
    void apply_requirementsAndDerivedExploitMaturity() {
        RiskProfile p = new RiskProfile("r", null, null, Requirement.LOW, Requirement.MEDIUM, Requirement.HIGH, false, null, null, null, null);
        CvssVector v4 = CvssVector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        ProfileMapping.Result r = ProfileMapping.apply(v4, p, "P", "public PoC");
        assertThat(r.vector().toString()).isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:L/IR:M/AR:H");
        assertThat(r.changes()).containsExactly("CR:L (confidentiality requirement low)", "IR:M (integrity requirement medium)",
                "AR:H (availability requirement high)", "E:P (public PoC)");
        // A vector that sets E keeps it.
        CvssVector withE = v4.with("E", "U");
        assertThat(ProfileMapping.apply(withE, RiskProfile.unknown(), "A", "KEV").vector().get("E")).isEqualTo("U");
    }

    @Test
    void apply_unknownProfile_changesNothing() {
        CvssVector v = CvssVector.parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        ProfileMapping.Result r = ProfileMapping.apply(v, RiskProfile.unknown(), null, "");
        assertThat(r.vector()).isEqualTo(v);
        assertThat(r.changes()).isEmpty();
        assertThat(RiskProfile.unknown().effectivePublicWellBeing()).isNull();
        assertThat(RiskProfile.unknown().effectiveMissionImpact()).isNull();
    }
}

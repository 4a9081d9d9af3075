package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.advisory.SeverityLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class CvssVectorTest {

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', value = {
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/FOO:X | FOO | unknown metric FOO for CVSS 3.1",
        "CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | AV | duplicate metric AV (Attack Vector)",
        "CVSS:3.1/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | AV | missing mandatory metric AV",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H | SC | missing mandatory metrics SC, SI, SA",
        "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | PR | unknown CVSS v2 metric PR; CVSS v3 and v4 vectors must start with their prefix",
        "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | AV | invalid value 'Q' for metric AV (Attack Vector); allowed: N, A, L, P",
        "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | AV | invalid value 'X' for metric AV",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSC:S | MSC | invalid value 'S' for metric MSC",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:red | U | allowed: X, Clear, Green, Amber, Red",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E | E | field 'E' has no value",
        "AV:N/AC:L/Au:N/C:C/I:C | A | missing mandatory metric A",
        "AC:L/AV:N/Au:N/C:C/I:C/A:C | AV | metric AV out of order: CVSS v2 metrics follow the order AV/AC/Au",
        "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:X | E | invalid value 'X' for metric E (Exploitability); allowed: U, POC, F, H, ND",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CVSS:3.1 | CVSS | the prefix 'CVSS' is only allowed at the start",
    })
    void parse_invalidVector_namesTheMetric(String vector, String metric, String reason) {
        assertThatThrownBy(() -> CvssVector.parse(vector))
                .isInstanceOf(CvssException.class)
                .hasMessageContaining(reason)
                .hasMessageStartingWith("invalid CVSS vector '" + vector + "': ")
                .satisfies(e -> assertThat(((CvssException) e).metric()).isEqualTo(metric));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "'' | empty vector",
        "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | unsupported CVSS version 'CVSS:3.2'",
        "CVSS:2.0/AV:N/AC:L/Au:N/C:C/I:C/A:C | CVSS v2 vectors are written without a prefix",
        "CVSS:3.1/ | no metrics after the prefix",
        "CVSS:3.1 | no metrics after the prefix",
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ | empty field 9 (a doubled or trailing '/')",
        "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | empty field 2",
        "(AV:N/AC:L/Au:N/C:C/I:C/A:C) | parentheses are not part of a CVSS vector",
        "'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H ' | whitespace at position",
        "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H | unknown metric cvss",
    })
    void parse_malformedVector_saysWhy(String vector, String reason) {
        assertThatThrownBy(() -> CvssVector.parse(vector)).isInstanceOf(CvssException.class).hasMessageContaining(reason);
    }

    @Test
    void parse_v3AnyOrder_acceptedAsTheSpecificationRequires() {
        // A real CNA vector (CVE-2023-41265) with metrics out of the preferred order.
        CvssVector v = CvssVector.parse("CVSS:3.1/AC:L/AV:N/A:N/C:H/I:H/PR:L/S:C/UI:N");
        assertThat(v.toString()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:N");
        assertThat(v.text()).isEqualTo("CVSS:3.1/AC:L/AV:N/A:N/C:H/I:H/PR:L/S:C/UI:N");
        assertThat(CvssCalculator.score(v).baseScore()).isEqualTo(9.6);
    }

    @Test
    void with_setsAndReplacesMetrics_andValidates() {
        CvssVector v = CvssVector.parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A");
        CvssVector w = v.with("MAV", "A").with("E", "P");
        assertThat(w.toString()).isEqualTo("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/MAV:A");
        assertThat(w.get("MAV")).isEqualTo("A");
        assertThat(w.isDefined("MAC")).isFalse();
        assertThatThrownBy(() -> v.with("MAV", "Q")).isInstanceOf(CvssException.class).hasMessageContaining("MAV");
        assertThatThrownBy(() -> v.with("CDP", "H")).isInstanceOf(CvssException.class).hasMessageContaining("CDP");
    }

    /** dependencies.md §3.4: 14 CVSS 4.0 vectors on which four independent implementations agree. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 9.3",
        "CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N | 8.5",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N | 5.1",
        "CVSS:4.0/AV:N/AC:H/AT:P/PR:H/UI:P/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N | 2.0",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U | 8.1",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:H/IR:L/AR:L/MAV:A/MAC:H | 6.6",
        "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N | 0.0",
        "CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/E:P | 5.7",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/AU:Y/R:U/V:D/RE:L/U:Red | 9.3",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/MSI:S/MSA:S | 10.0",
        "CVSS:4.0/AV:L/AC:H/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MVC:L/MVI:L/MVA:L/MSC:L | 2.0",
        "CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L/E:A | 2.3",
        "CVSS:4.0/AV:A/AC:H/AT:N/PR:L/UI:A/VC:H/VI:L/VA:N/SC:H/SI:N/SA:L/CR:L/IR:H/AR:M | 4.1",
        "CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H/E:U/MAT:P | 1.4",
    })
    void score_v4CrossCheckedVectors_agree(String vector, double score) {
        assertThat(CvssCalculator.score(vector).score()).isEqualTo(score);
    }

    @Test
    void score_v4_reportsBaseThreatEnvironmentalAndNomenclature() {
        CvssScores s = CvssCalculator.score(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P/CR:H/IR:L/AR:L/MAV:A/MAC:H");
        assertThat(s.baseScore()).isEqualTo(9.3);
        assertThat(s.baseSeverity()).isEqualTo(SeverityLevel.CRITICAL);
        assertThat(s.threatScore()).isEqualTo(8.9);
        assertThat(s.temporalScore()).isNull();
        assertThat(s.environmentalScore()).isEqualTo(6.6);
        assertThat(s.score()).isEqualTo(6.6);
        assertThat(s.severity()).isEqualTo(SeverityLevel.MEDIUM);
        assertThat(s.kind()).isEqualTo("CVSS-BTE");
        assertThat(CvssCalculator.score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U").kind())
                .isEqualTo("CVSS-BT");
    }

    @Test
    void score_v3AndV2_reportTheScoreOfTheVectorAsWritten() {
        CvssScores v3 = CvssCalculator.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:C");
        assertThat(v3.baseScore()).isEqualTo(9.8);
        assertThat(v3.temporalScore()).isEqualTo(8.5);
        assertThat(v3.environmentalScore()).isEqualTo(8.5);
        assertThat(v3.score()).isEqualTo(8.5);
        assertThat(v3.kind()).isEqualTo("temporal");
        assertThat(v3.threatScore()).isNull();
        CvssScores v2 = CvssCalculator.score("AV:N/AC:L/Au:N/C:P/I:P/A:P");
        assertThat(v2.baseScore()).isEqualTo(7.5);
        assertThat(v2.baseSeverity()).isEqualTo(SeverityLevel.HIGH);
        assertThat(v2.kind()).isEqualTo("base");
        assertThat(CvssCalculator.score("AV:N/AC:H/Au:M/C:N/I:N/A:P").baseSeverity()).isEqualTo(SeverityLevel.LOW);
    }

    /** Every product a v2 or v3.0 temporal score can be built from rounds as exact decimals would. */
    @Test
    void rounding_everyTemporalProduct_equalsExactDecimalRounding() {
        String[] v3E = {"X", "H", "F", "P", "U"}, v3RL = {"X", "U", "W", "T", "O"}, v3RC = {"X", "C", "R", "U"};
        String[] v2E = {"U", "POC", "F", "H", "ND"}, v2RL = {"OF", "TF", "W", "U", "ND"}, v2RC = {"UC", "UR", "C", "ND"};
        int checked = 0;
        for (int tenths = 0; tenths <= 100; tenths++) {
            double base = tenths / 10.0;
            for (String e : v3E) {
                for (String rl : v3RL) {
                    for (String rc : v3RC) {
                        CvssVector v = CvssVector.parse("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:" + e + "/RL:" + rl + "/RC:" + rc);
                        double ours = Cvss3Scorer.roundUp(base * w3(e, rl, rc));
                        assertThat(ours).as("%s × %s", base, v).isEqualTo(CvssGeneratedVectorsTest.exactTemporal(v, base));
                        checked++;
                    }
                }
            }
            for (String e : v2E) {
                for (String rl : v2RL) {
                    for (String rc : v2RC) {
                        CvssVector v = CvssVector.parse("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:" + e + "/RL:" + rl + "/RC:" + rc);
                        double ours = Cvss2Scorer.round1(base * w2(e, rl, rc));
                        assertThat(ours).as("%s × %s", base, v).isEqualTo(CvssGeneratedVectorsTest.exactTemporal(v, base));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(101 * (100 + 100));
        assertThat(new BigDecimal("8.55").setScale(1, RoundingMode.HALF_UP).doubleValue()).isEqualTo(Cvss2Scorer.round1(9.0 * 0.95));
    }

    private static double w3(String e, String rl, String rc) {
        double we = switch (e) { case "F" -> 0.97; case "P" -> 0.94; case "U" -> 0.91; default -> 1.0; };
        double wrl = switch (rl) { case "W" -> 0.97; case "T" -> 0.96; case "O" -> 0.95; default -> 1.0; };
        double wrc = switch (rc) { case "R" -> 0.96; case "U" -> 0.92; default -> 1.0; };
        return we * wrl * wrc;
    }

    private static double w2(String e, String rl, String rc) {
        double we = switch (e) { case "U" -> 0.85; case "POC" -> 0.90; case "F" -> 0.95; default -> 1.0; };
        double wrl = switch (rl) { case "OF" -> 0.87; case "TF" -> 0.90; case "W" -> 0.95; default -> 1.0; };
        double wrc = switch (rc) { case "UC" -> 0.90; case "UR" -> 0.95; default -> 1.0; };
        return we * wrl * wrc;
    }
}

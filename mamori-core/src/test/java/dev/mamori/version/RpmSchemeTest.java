package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class RpmSchemeTest {
    private final VersionScheme rpm = VersionSchemes.forName("rpm");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        // tilde: before everything, even the end
        "1.0~rc1|1.0|-1",
        "1.0~rc1|1.0~rc2|-1",
        "1.0~rc1~git123|1.0~rc1|-1",
        "1.0~rc1|1.0arc1|-1",
        "1.0~|1.0|-1",
        // caret: after the end, before any further segment
        "1.0^|1.0|1",
        "1.0^git1|1.0|1",
        "1.0^git1|1.01|-1",
        "1.0^20160101|1.0.1|-1",
        "1.0^20160102|1.0^20160101^git1|1",
        "1.0~rc1^git1|1.0~rc1|1",
        "1.0^git1~pre|1.0^git1|-1",
        // segments: numbers beat letters, leading zeros ignored, separators only separate
        "10.0001|10.1|0",
        "1.0001|1.01|0",
        "6.0.rc1|6.0|1",
        "1.0a|1.0.1|-1",
        "1.0.a|1.0.1|-1",
        "2.0.1a|2.0.1|1",
        "5.5p1|5.5p10|-1",
        "xyz.4|8|-1",
        "2_0|2.0|0",
        "1.0_1|1.0.1|0",
        "a+|a_|0",
        "1.1.α|1.1.β|0",
        "1.1.α|1.1.a|-1",
        "99999999999999999999999|18446744073709551616|1",
        // epochs: absent = 0, numeric
        "1.0|0:1.0|0",
        "1:1.0|2.0|1",
        "01:2|1:2|0",
        "13:5|004:2|1",
        // release: absent sorts before any release, even an empty one
        "1.0|1.0-1|-1",
        "1.0|1.0-0|-1",
        "1|1-|-1",
        "1-1.|1-1|0",
        "1-1.a|1-1.|1",
        "1-123|1-1.el7|1",
        // real RHEL and AlmaLinux shapes
        "0:3.10.0-229.el7|0:3.10.0-229.1.2.ael7b|-1",
        "0:3.10.0-229.1.2.ael7b|0:3.10.0-229.1.2.el7|-1",
        "1.2.3-4.el8|1.2.3-4.el8_10|-1",
        "1.2.3-4.el8_10|1.2.3-4.el8_10.alma|-1",
        "4.18.0-553.84.1.el8_10|4.18.0-553.84.1.rt7.425.el8_10|-1",
        "1.2.3-4.module_el8.10.0+4124+c9cb0592|1.2.3-4.module+el8.10.0+4124+c9cb0592|0",
        "2:8.0.1763-21.el8_10|2:8.0.1763-19.el8_6.4|1",
        "1:1.1.1k-12.el8_9|1:3.0.7-27.el9|-1",
        // a colon after non-digits is part of the version, the last hyphen starts the release
        "a:1|b:1|-1",
        "1.m+e2:1|4.m+e1:1|-1",
        "+2-:1|+1-:1|1",
    })
    void compare_namedCases_followRpm(String a, String b, int expected) {
        assertThat(rpm.compare(a, b)).isEqualTo(expected);
        assertThat(rpm.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1.0 -1", "1.0\t", ":1.0", "1:", "1:-2", "-1", "1.0\u0000"})
    void validate_invalid_throwsNamingTheVersion(String v) {
        assertThatThrownBy(() -> rpm.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("RPM version");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.2-3.el8;>= 1.2-3.el8;true",
        "1.2-2.el8;>= 1.2-3.el8;false",
        "1.5-1;>= 1.2-3, < 2.0;true",
        "2.0-1;>= 1.2-3, < 2.0;false",
        // a bound without release ignores the version's release (rpm dependency matching)
        "1.2-5.el9;= 1.2;true",
        "1.2-5.el9;<= 1.2;true",
        "1.2-5.el9;> 1.2;false",
        "1.2-5.el9;< 1.2;false",
        "1.2-5.el9;== 1.2-5.el9;true",
        "1.2-5.el9;= 1.2-6.el9;false",
        // a version without release against a bound with one: release ignored as well
        "1.2;>= 1.2-3;true",
        // a missing epoch is 0
        "1:1.0-1;> 2.0;true",
        "1:1.0-1;= 1.0-1;false",
        "0:1.0-1;= 1.0-1;true",
        "1.0~rc1-1;< 1.0;true",
        "1.0^git1-1;> 1.0-1;true",
    })
    void parseRange_comparators_containExpectedVersions(String version, String range, boolean expected) {
        assertThat(rpm.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0", ">= ", ">= 1.0 < 2.0", ">= 1.0 | < 0.5", "!= 1.0", ">= :1", ">= 1.0,", "=> 1.0"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> rpm.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("rpm range");
    }

    @Test
    void oracleVectors_everyLabelComparePair_holds() {
        List<String[]> rows = VectorFiles.tsv("rpm.tsv.gz");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            int want = Integer.parseInt(r[2]);
            if (Integer.signum(rpm.compare(r[0], r[1])) != want || Integer.signum(rpm.compare(r[1], r[0])) != -want) {
                wrong.add(r[0] + " vs " + r[1] + ": rpm.labelCompare says " + want);
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(wrong).isEmpty();
    }

    @Test
    void osvScalibrComparisons_everyLine_holds() {
        List<VectorFiles.Comparison> lines = VectorFiles.comparisons("osv-scalibr/redhat-versions.txt.gz");
        List<String> wrong = new ArrayList<>();
        for (VectorFiles.Comparison c : lines) {
            if (Integer.signum(rpm.compare(c.a(), c.b())) != c.expectedSign()) {
                wrong.add(c.toString());
            }
        }
        assertThat(lines).hasSize(165);
        assertThat(wrong).isEmpty();
    }
}

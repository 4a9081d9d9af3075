package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class DebianSchemeTest {
    private final VersionScheme deb = VersionSchemes.forName("deb");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        // tilde sorts before everything, even the end
        "1.0~rc1|1.0|-1",
        "1.0~~|1.0~|-1",
        "1.0~~a|1.0~|-1",
        "1.0~rc1|1.0~rc2|-1",
        "1.0~|1.0|-1",
        "1.2.3-1~deb7u1|1.2.3-1|-1",
        "1.0-1~bpo11+1|1.0-1|-1",
        // letters before non-letters, end before letters
        "1.0+|1.0.|-1",
        "1.0|1.0a|-1",
        "1.0|1.0+|-1",
        "1.0+|1.0.|-1",
        "1.0a|1.0.|-1",
        "1A|1a|-1",
        "1Z|1a|-1",
        // digits numeric, leading zeros ignored
        "1.00|1.0|0",
        "009|9|0",
        "0.9|0.10|-1",
        "99999999999999999999|100000000000000000000|-1",
        // epochs
        "0:1.0|1.0|0",
        "01:1.0|1:1.0|0",
        "1:0.1|9.9|1",
        "2:0.1|1:9.9|1",
        // revision after the last hyphen; absent revision equals 0
        "1.0|1.0-0|0",
        "1.0-00|1.0|0",
        "1.0-1|1.0|1",
        "1.2.3-4-5|1.2.3-4-4|1",
        "1.2-3-4|1.2-3-3|1",
        "1.0-a|1.0-1|1",
        // real security-update shapes
        "1.1.1n-0+deb11u5|1.1.1n-0+deb11u4|1",
        "1.1.1n-0+deb10u6|1.1.1n-0+deb11u5|-1",
        "1.1.1n-0ubuntu0.1|1.1.1n-0+deb11u5|-1",
        "2:1.0~rc1-1ubuntu0.1|2:1.0~rc1-1|1",
        "2:1.0~rc1-1ubuntu0.1|2:1.0-1|-1",
        "2.7.4+reloaded2-13ubuntu1|2.7.4+reloaded2-13+deb9u1|-1",
        "2.7.4+reloaded2-13|2.7.4+reloaded2-13+deb9u1|-1",
        "1:8.1.1+ds-2|1:8.1.1-2|1",
        "3.0.20-0+deb12u1|3.0.20-1|-1",
        // colons and hyphens inside the upstream version
        "1:2.3:4-5|1:2.3:3-5|1",
    })
    void compare_namedCases_followDpkg(String a, String b, int expected) {
        assertThat(deb.compare(a, b)).isEqualTo(expected);
        assertThat(deb.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " 1.0", "1.0 1", "a1.0", "~1", ":1.0", "1:", "a:1.0", "-1:1.0", "1.0-",
        "2147483648:1.0", "1.0_1", "1.0-1_1", "1.0-1:1", "1.0/1", "1.é", "1:-1"})
    void validate_invalid_throwsNamingTheVersion(String v) {
        assertThatThrownBy(() -> deb.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("Debian version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1:1.0", "2147483647:1", "1.2.3-4-5", "1:2:3-4", "1.0+dfsg-1+deb11u1", "1.0-1.1~1+a"})
    void validate_valid_passes(String v) {
        deb.validate(v);
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.2-1;>= 1.2-1;true",
        "1.2-0;>= 1.2-1;false",
        "1.9;>= 1.2-1, << 2.0;true",
        "2.0;>= 1.2-1, << 2.0;false",
        "2.0~rc1;>= 1.2-1, << 2.0;true",
        "2.0;<= 2.0;true",
        "2.0-1;<= 2.0;false",
        "2.0.1;>> 2.0;true",
        "2.0;>> 2.0;false",
        "1:1.0;= 1:1.0-0;true",
        "1.0;= 1:1.0;false",
        "3.5;<< 1.0 | >= 3.0;true",
        "2.5;<< 1.0 | >= 3.0;false",
        // comma binds looser than the bar: (>= 1) and (<< 2 or >= 3)
        "1.5;>= 1.0, << 2.0 | >= 3.0;true",
        "0.5;>= 1.0, << 2.0 | >= 3.0;false",
        "3.5;>= 1.0, << 2.0 | >= 3.0;true",
        "1.5;(>= 1.0), (<< 2.0);true",
        "2.0;(>= 1.0), (<< 2.0);false",
        "1.5;>=1.0,<<2.0;true",
        "1.5;>= 2.0, << 1.0;false",
    })
    void parseRange_relations_containExpectedVersions(String version, String range, boolean expected) {
        assertThat(deb.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "< 1.0", "> 1.0", "!= 1.0", "1.0", ">= ", ">= 1.0,", "| >= 1.0", ">= a1.0",
        ">= 1.0 << 2.0", ">= 1.0 || << 0.5"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> deb.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("deb range");
    }

    @Test
    void parseRange_interval_exposesBounds() {
        IntervalRange r = (IntervalRange) deb.parseRange(">= 1.2-1, << 2.0 | = 3.0");
        assertThat(r.intervals()).containsExactly(
                new Interval("1.2-1", true, "2.0", false), Interval.exactly("3.0"));
    }

    @Test
    void contains_invalidVersion_throws() {
        assertThatThrownBy(() -> deb.parseRange(">= 1.0").contains("x1")).isInstanceOf(VersionException.class);
    }

    @Test
    void oracleVectors_everyDpkgLabelledPair_holds() {
        List<String[]> rows = VectorFiles.tsv("deb.tsv.gz");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            int want = Integer.parseInt(r[2]);
            if (Integer.signum(deb.compare(r[0], r[1])) != want || Integer.signum(deb.compare(r[1], r[0])) != -want) {
                wrong.add(r[0] + " vs " + r[1] + ": dpkg says " + want);
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(wrong).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"osv-scalibr/debian-versions.txt.gz", "osv-scalibr/debian-versions-generated.txt.gz"})
    void osvScalibrComparisons_everyLine_holds(String file) {
        List<VectorFiles.Comparison> lines = VectorFiles.comparisons(file);
        List<String> wrong = new ArrayList<>();
        for (VectorFiles.Comparison c : lines) {
            if (Integer.signum(deb.compare(c.a(), c.b())) != c.expectedSign()) {
                wrong.add(c.toString());
            }
        }
        assertThat(lines).hasSizeGreaterThan(25);
        assertThat(wrong).isEmpty();
    }
}

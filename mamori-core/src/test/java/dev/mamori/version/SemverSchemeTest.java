package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class SemverSchemeTest {
    private final VersionScheme semver = VersionSchemes.forName("semver");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.0.0-alpha|1.0.0-alpha.1|-1",
        "1.0.0-alpha.1|1.0.0-alpha.beta|-1",
        "1.0.0-beta.11|1.0.0-rc.1|-1",
        "1.0.0-rc.1|1.0.0|-1",
        "1.0.0+build.1|1.0.0+build.2|0",
        "1.2.3-a.b.c.10.d.5|1.2.3-a.b.c.5.d.100|1",
        "1.2.3-r2|1.2.3-r100|1",
        "v1.2.3|1.2.3|0",
        "99999999999999999999.0.0|99999999999999999998.0.0|1",
        "1.0.0-99999999999999999999|1.0.0-99999999999999999998|1",
        "1.0.0-0|1.0.0-a|-1",
    })
    void compare_namedCases_followSemVer200(String a, String b, int expected) {
        assertThat(semver.compare(a, b)).isEqualTo(expected);
        assertThat(semver.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2", "1.2.3.4", "01.2.3", "1.2.3-01", "V1.2.3", "1.2.3-", "1.2.3+",
        "1.2.3-a..b", "1.2.3-a_b", " 1.2.3", "=1.2.3"})
    void validate_notSemVer_throws(String v) {
        assertThatThrownBy(() -> semver.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("semver");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.5.0;^1.2.3;true", "2.0.0-rc.1;^1.2.3;false", "1.5.0-rc.1;^1.2.3;true", "1.2.9;~1.2.3;true",
        "1.3.0;~1.2.3;false", "1.0.0-beta;*;true", "1.9.0;1.x || >=3;true", "2.5.0;1.x || >=3;false",
        "1.2.3-beta;<1.2.3;true", "100000000000000000000.0.0;>=99999999999999999999.0.0;true",
    })
    void parseRange_npmSyntax_usesIntervalsWithoutThePrereleaseRule(String v, String range, boolean expected) {
        assertThat(semver.parseRange(range).contains(v)).isEqualTo(expected);
    }

    /**
     * osv-scalibr's semver file. Its lenient parser also takes {@code 1.1.3.4.5} and a lone number; those
     * are not SemVer 2.0.0, so this scheme rejects them, and the test says so explicitly.
     */
    @Test
    void osvScalibrComparisons_everyStrictLineHolds_andTheRestAreRejected() {
        List<VectorFiles.Comparison> lines = VectorFiles.comparisons("osv-scalibr/semver-versions.txt.gz");
        List<String> wrong = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (VectorFiles.Comparison c : lines) {
            try {
                if (semver.compare(c.a(), c.b()) != c.expectedSign()) {
                    wrong.add(c.toString());
                }
            } catch (VersionException e) {
                rejected.add(c.a() + " " + c.op() + " " + c.b());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(rejected).containsExactly(
                "999999999999999999999999999991 < 999999999999999999999999999999",
                "1.1.3.4.5 = 1.1.3.4.5");
        assertThat(lines.size() - rejected.size()).isGreaterThan(80);
    }

    /** node-semver implements SemVer 2.0.0 precedence: its labels hold for every strict SemVer pair. */
    @Test
    void oracleVectors_everyStrictPair_matchesSemverCompare() {
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] r : VectorFiles.tsv("npm.tsv.gz")) {
            if (!isStrict(r[0]) || !isStrict(r[1])) {
                continue;
            }
            checked++;
            if (semver.compare(r[0], r[1]) != Integer.parseInt(r[2])) {
                wrong.add(r[0] + " vs " + r[1]);
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(wrong).isEmpty();
    }

    private boolean isStrict(String v) {
        try {
            semver.validate(v);
            // beyond 2^53 node-semver compares numeric prerelease identifiers as doubles
            return !v.matches(".*[-.]\\d{16,}.*");
        } catch (VersionException e) {
            return false;
        }
    }
}

package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class MavenSchemeTest {
    private final VersionScheme maven = VersionSchemes.forName("maven");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.0-SNAPSHOT|1.0|-1",
        "1.0-SNAPSHOT|1.0-rc1|1",
        "1.0-alpha-1|1.0-beta-1|-1",
        "1.0-beta-1|1.0-milestone-1|-1",
        "1.0-M1|1.0-RC1|-1",
        "1.0-rc1|1.0-cr1|0",
        "1.0.Final|1.0|0",
        "1.0.GA|1.0|0",
        "1.0-RELEASE|1.0|0",
        "1.0|1.0-sp1|-1",
        "1.0-sp1|1.0.1|-1",
        "31.1-jre|31.1-android|1",
        "31.1-jre|31.1|1",
        "1.0a1|1.0-alpha-1|0",
        "1.0b1|1.0-beta-1|0",
        "1.0m1|1.0-milestone-1|0",
        "1.0.0|1|0",
        "1.0-1|1.0.1|-1",
        "1.0|1.0-1|-1",
        "2.0.1-xyz|2.0.1-123|-1",
        "1.0.0.Final-SNAPSHOT|1.0.0.Final|-1",
        "1.0-ALPHA-1|1.0-alpha-1|0",
        "9223372036854775808|9223372036854775807|1",
        "5.3.20.RELEASE|5.3.20|0",
        "1.0.0.redhat-1|1.0.0|1",
    })
    void compare_qualifierCases_matchComparableVersion(String a, String b, int expected) {
        assertThat(maven.compare(a, b)).isEqualTo(expected);
        assertThat(maven.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0 beta", "[1.0]", "1.0,2.0", "(1.0)", "1.0\t"})
    void validate_notAVersion_throws(String v) {
        assertThatThrownBy(() -> maven.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("maven");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.0;[1.0,2.0);true", "1.5;[1.0,2.0);true", "2.0;[1.0,2.0);false", "2.0-SNAPSHOT;[1.0,2.0);true",
        "0.9;[1.0,2.0);false", "1.0;(,1.0];true", "1.0.1;(,1.0];false", "0.1;(,1.0];true", "1.2;[1.2];true",
        "1.2.0;[1.2];true", "1.2.1;[1.2];false", "1.1;[1.0,1.2),[1.5,);true", "1.3;[1.0,1.2),[1.5,);false",
        "9.9;[1.0,1.2),[1.5,);true", "1.0;1.0;true", "1.0.0;1.0;true", "1.1;1.0;false", "1.0;(1.0,);false",
        "1.0.1;(1.0,);true", "2.0;[1.0, 2.0];true", "1.0;[1.0,1.0];true", "1.5; [1.0,1.2) , [1.5,) ;true",
        "1.0.Final;[1.0];true", "5.3.19;(,5.3.20.RELEASE);true", "3.0;(,);true",
    })
    void parseRange_mavenRanges_containExpectedVersions(String version, String range, boolean expected) {
        assertThat(maven.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1.0,2.0", "[1.0,2.0)x", "(1.0]", "[1.0)", "[2.0,1.0]", "(1.0,1.0)",
        "[1.0,1.0)", "[1.0,2.0,3.0]", "[1.0,2.0)[3.0,)", "[1.0,2.0),", "[1.0 beta,2.0)", "[,1.0],x"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> maven.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("maven");
    }

    @Test
    void compare_mixedQualifiers_followsComparableVersion381EvenWhereItIsNotTransitive() {
        // ComparableVersion 3.8.1 orders 10 < 10.a < 10.0RC2 but 10 > 10.0RC2 (decision 0009 says why we follow it).
        assertThat(maven.compare("10", "10.a")).isNegative();
        assertThat(maven.compare("10.a", "10.0RC2")).isNegative();
        assertThat(maven.compare("10", "10.0RC2")).isPositive();
    }

    @Test
    void parseRange_union_keepsTextAndIntervals() {
        IntervalRange r = (IntervalRange) maven.parseRange("[1.0,1.2),[1.5,)");
        assertThat(r.toString()).isEqualTo("[1.0,1.2),[1.5,)");
        assertThat(r.intervals()).containsExactly(new Interval("1.0", true, "1.2", false), Interval.atLeast("1.5"));
    }

    @Test
    void compare_manyCalls_useTheCacheAndStayCorrect() {
        for (int i = 0; i < 20_000; i++) {
            assertThat(maven.compare("1." + i, "1." + (i + 1))).isEqualTo(-1);
        }
    }
}

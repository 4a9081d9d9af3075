package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class GentooSchemeTest {
    private final VersionScheme gentoo = VersionSchemes.forName("gentoo");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.0|1.0.0|-1",
        "0|0.0|-1",
        "5|5.0|-1",
        "1.01|1.1|-1",
        "1.010|1.01|0",
        "1.1|1.010|1",
        "1.001000000000000000001|1.001000000000000000002|-1",
        "1.00100000000|1.0010000000000000001|-1",
        "999999999999999999999999999998|999999999999999999999999999999|-1",
        "007|7|0",
        "1|1b|-1",
        "1.1|1.1b|-1",
        "1.0b|1.0.0|-1",
        "12.2b|12.2.5|-1",
        "1_p1|1b_p1|-1",
        "1.0_alpha1|1.0_beta1|-1",
        "1.0_beta3|1.0_rc3|-1",
        "1.0_pre2|1.0_p2|-1",
        "1.0_rc9|1.0|-1",
        "1.0|1.0_p1|-1",
        "1.0_alpha|1.0_alpha0|0",
        "1.0_alpha_beta|1.0_alpha|-1",
        "1.0_alpha_p|1.0_alpha|1",
        "1.0|1.0-r0|0",
        "1.0-r0|1.0-r1|-1",
        "1.0-r10|1.0-r9|1",
        "1.0_p1|1.0-r5|1",
    })
    void compare_namedCases_followPms(String a, String b, int expected) {
        assertThat(gentoo.compare(a, b)).isEqualTo(expected);
        assertThat(gentoo.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "1.", "1..2", "1.0ab", "1.0_foo", "1.0-r", "1.0-1", "1.0_p1b", "1.0 ", ".1",
        "1.0-r1_p1"})
    void validate_invalid_throwsNamingTheVersion(String v) {
        assertThatThrownBy(() -> gentoo.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("Gentoo version");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.2.3;>=1.2 <2.0;true",
        "2.0_rc1;>=1.2, <2.0;true",
        "2.0;>=1.2 <2.0;false",
        "1.2-r3;~1.2;true",
        "1.2.1;~1.2;false",
        "1.2;=1.2-r0;true",
        "1.2.5;=1.2*;true",
        "1.2;=1.2*;true",
        "1.2b;=1.2*;true",
        "1.2_rc1-r1;=1.2*;true",
        "1.20;=1.2*;false",
        "1.3;=1.2*;false",
        "1.2_rc1;=1.2_rc1*;true",
        "1.2_rc1_p2;=1.2_rc1*;true",
        "1.2_rc3;=1.2_rc*;true",
        "1.2_rc;=1.2_rc*;true",
        "1.2_beta1;=1.2_rc*;false",
        "1.2_rc2;=1.2_rc1*;false",
        "1.2;1.2;true",
        "0.9;<1.0 || >=3.0;true",
    })
    void parseRange_atomOperators_containExpectedVersions(String version, String range, boolean expected) {
        assertThat(gentoo.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ">=", ">=1.2*", "=1.2-r1*", ">=a", ">=1.2 | <1.0"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> gentoo.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("gentoo range");
    }

    @Test
    void versSpecComparisonTests_everyTest_holds() {
        JsonNode tests = VectorFiles.json("vers-spec/gentoo_version_cmp_test.json.gz").get("tests");
        assertThat(tests.size()).isEqualTo(48);
        assertThat(VersSpecCases.check(gentoo, tests, (a, b, sign) -> a.equals(b) ? 0 : sign)).isEmpty();
    }
}

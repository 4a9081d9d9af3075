package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ConanSchemeTest {
    private final VersionScheme conan = VersionSchemes.forName("conan");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1|1.0.0|0",
        "1.0|1.0.0.0|0",
        "1.3|1.22|-1",
        "1.0.2|1.1|-1",
        "1.1|1.a|-1",
        "1.1|1.1a|-1",
        "1.1.a|1.2|-1",
        "a.b.c|b.c|-1",
        "1.1*|1.20|-1",
        "1.01|1.1|0",
        "1.1-pre1|1.1-pre2|-1",
        "1.1-alpha.3|1.1-alpha.22|-1",
        "1.1-alpha.1|1.1|-1",
        "1.1-alpha.1|1.1.0|-1",
        "1.1|1.2-alpha1|-1",
        "1.0.0-|1.0.0-alpha1|-1",
        "1.0-pre1.0|1.0.0-pre1|0",
        "1-pre1+b1|1.0.0-pre1+b1|0",
        "1.1|1.1+b2|-1",
        "1.1+b1|1.1+b2|-1",
        "1.1+b.3|1.1+b.22|-1",
        "1.1+b1|1.2|-1",
        "1.1-alpha.3+b1|1.1-alpha.3+b2|-1",
        "1.0-a-b|1.0-a|1",
        "1_000|999|1",
    })
    void compare_namedCases_followConanVersion(String a, String b, int expected) {
        assertThat(conan.compare(a, b)).isEqualTo(expected);
        assertThat(conan.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.0 ", " ", "1.0\n"})
    void validate_invalid_throwsNamingTheVersion(String v) {
        assertThatThrownBy(() -> conan.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("Conan version");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.5;[>=1.0 <2.0];true",
        "2.0;>=1.0 <2.0;false",
        "2.5.9;~2.5;true",
        "2.6;~2.5;false",
        "2.6-rc1;~2.5;false",
        "2.5.7;~2.5.1;true",
        "1.9;^1.2;true",
        "2.0;^1.2;false",
        "0.1.9;^0.1.2;true",
        "0.2.0;^0.1.2;false",
        "7.0;*;true",
        "1.0.0;1.0.0 || 2.1.3;true",
        "2.1.3;=1.0.0 || =2.1.3;true",
        "2.1.4;1.0.0 || 2.1.3;false",
        "3.9;>1 <2.0 || ^3.2;true",
        "1.5-rc1;[>=1.0 <2.0, include_prerelease];true",
    })
    void parseRange_conanSyntax_containExpectedVersions(String version, String range, boolean expected) {
        assertThat(conan.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "~2.5;>=2.5 <2.6-",
        "~1;>=1 <2-",
        "~1.1.2-;>=1.1.2 <1.2-",
        "^0.1.2;>=0.1.2 <0.2-",
        "^1.2.3;>=1.2.3 <2-",
        ">1- <2.0;>1 <2.0",
        "*;>=0.0.0",
        "*-;>=0.0.0",
        "1.0.0;=1.0.0",
    })
    void parseRange_tildeAndCaret_expandLikeConan(String range, String intervals) {
        IntervalRange r = (IntervalRange) conan.parseRange(range);
        assertThat(r.intervals()).hasSize(1);
        assertThat(r.intervals().get(0).toString()).isEqualTo(intervals);
    }

    @ParameterizedTest
    @ValueSource(strings = {">", "~=1.0", "==1.0", ">=1.0, foo", "^a.1"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> conan.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("conan range");
    }

    @Test
    void versSpecComparisonTests_everyTest_holds() {
        JsonNode tests = VectorFiles.json("vers-spec/conan_version_cmp_test.json.gz").get("tests");
        assertThat(tests.size()).isEqualTo(47);
        assertThat(VersSpecCases.check(conan, tests, (a, b, sign) -> a.equals(b) ? 0 : sign)).isEmpty();
    }
}

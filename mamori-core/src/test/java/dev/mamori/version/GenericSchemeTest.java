package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class GenericSchemeTest {
    private final VersionScheme generic = VersionSchemes.forName("generic");

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.2|1.10|-1",
        "1.2.0|1.2|0",
        "1-0|1.0|0",
        "1_2+3|1.2.3|0",
        "v1.2|1.2|0",
        "V1.2|1.2.0|0",
        "1.0.0009|1.0.9|0",
        "1.0rc1|1.0-rc.1|0",
        "99999999999999999999.1|99999999999999999999.0|1",
        // pre-release words below 0
        "1.0-dev|1.0-alpha|-1",
        "1.0-alpha|1.0-beta|-1",
        "1.0-beta2|1.0-beta10|-1",
        "1.0-beta|1.0-pre|-1",
        "1.0-pre|1.0-preview|0",
        "1.0-pre1|1.0-rc1|-1",
        "1.0-RC1|1.0-rc1|0",
        "1.0-rc1|1.0|-1",
        "1.0.rc1|1.0.0|-1",
        "1.0-rc1|0.9|1",
        // post-release words between 0 and 1
        "1.0|1.0p1|-1",
        "1.0p1|1.0-post1|0",
        "1.0.0|1.0-patch2|-1",
        "1.0-pl1|1.0.1|-1",
        "1.0-p1|1.0-p2|-1",
        "1.0-rc1|1.0-p1|-1",
        // unknown words equal only themselves
        "1.0-foo|1.0-foo|0",
        "1.0-Foo2|1.0-foo1|1",
        "1.0-foo|1.1|-1",
        "r123|r124|-1",
    })
    void compare_namedCases_orderBySegments(String a, String b, int expected) {
        assertThat(generic.compare(a, b)).isEqualTo(expected);
        assertThat(generic.compare(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource(delimiter = '|', value = {
        "1.0-foo|1.0-bar",
        "1.0-foo|1.0",
        "1.0-foo|1.0.1",
        "1.0a|1.0b",
        "1.0-foo|1.0-rc1",
        "1.0-foo|1.0-p1",
    })
    void compare_unorderedWords_throwInsteadOfStringOrder(String a, String b) {
        assertThatThrownBy(() -> generic.compare(a, b)).isInstanceOf(VersionException.class)
                .hasMessageContaining("cannot order").hasMessageContaining("generic scheme");
        assertThatThrownBy(() -> generic.compare(b, a)).isInstanceOf(VersionException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "...", "1.0 ", "1.0~1", "1.0:1", "1/2", "1.é", "-"})
    void validate_invalid_throws(String v) {
        assertThatThrownBy(() -> generic.validate(v)).isInstanceOf(VersionException.class);
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        "1.5;>=1.2 <2.0;true",
        "2.0;>=1.2 <2.0;false",
        "2.0-rc1;>=1.2 <2.0;true",
        "1.5;>=1.2, <2.0;true",
        "1.5;>= 1.2 < 2.0;true",
        "3.1;>=1.2 <2.0 || >=3.0;true",
        "2.5;>=1.2 <2.0 || >=3.0;false",
        "1.2;1.2;true",
        "1.2.0;=1.2;true",
        "1.2.1;==1.2;false",
        "1.3;>1.2 !=1.3;false",
        "1.4;>1.2 !=1.3;true",
        "0.1;*;true",
        "1.2;<=1.2;true",
    })
    void parseRange_comparators_containExpectedVersions(String version, String range, boolean expected) {
        assertThat(generic.parseRange(range).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ">=", ">=1.2 | <1.0", ">=1.2,", "|| 1.0", ">=1.0~1"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> generic.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("generic range");
    }

    @Test
    void contains_unorderedWord_throws() {
        assertThatThrownBy(() -> generic.parseRange(">=1.0").contains("1.0-foo")).isInstanceOf(VersionException.class)
                .hasMessageContaining("cannot order 'foo'");
    }
}

package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class NpmSchemeTest {
    private final VersionScheme npm = VersionSchemes.forName("npm");

    private int cmp(String a, String b) {
        return npm.compare(a, b);
    }

    private boolean sat(String version, String range) {
        return npm.parseRange(range).contains(version);
    }

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "1.0.0-alpha|1.0.0-alpha.1|-1",
        "1.0.0-alpha.1|1.0.0-alpha.beta|-1",
        "1.0.0-alpha.beta|1.0.0-beta|-1",
        "1.0.0-beta.2|1.0.0-beta.11|-1",
        "1.0.0-rc.1|1.0.0|-1",
        "1.2.3+build.1|1.2.3+build.2|0",
        "v1.2.3|1.2.3|0",
        "' 1.2.3 '|1.2.3|0",
        "1.2.3-R2|1.2.3-r100|-1",
        "1.2.3-5-foo|1.2.3-5|1",
        "9007199254740991.0.0|1.0.0|1",
        "1.0.0-99999999999999999999|1.0.0-99999999999999999998|0",
        "1.0.0-99999999999999999999.1|1.0.0-99999999999999999998.2|0",
        "1.0.0-9007199254740993|1.0.0-9007199254740992|0",
        "1.0.0-123456789012345|1.0.0-123456789012346|-1",
    })
    void compare_namedCases_matchNodeSemver(String a, String b, int expected) {
        assertThat(cmp(a, b)).isEqualTo(expected);
        assertThat(cmp(b, a)).isEqualTo(-expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.2", "1.2.3.4", "01.2.3", "1.2.3-01", "=1.2.3", "V1.2.3", "vv1.2.3",
        "1.2.3-", "1.2.3+", "1.2.3-a..b", "9007199254740992.0.0", "1.2.3beta", "x.2.3"})
    void validate_invalidVersion_throwsNamingIt(String v) {
        assertThatThrownBy(() -> npm.validate(v)).isInstanceOf(VersionException.class).hasMessageContaining("npm");
    }

    @Test
    void validate_versionLongerThan256_throws() {
        String v = "1.2.3-" + "a".repeat(251);
        assertThatThrownBy(() -> npm.validate(v)).isInstanceOf(VersionException.class)
                .hasMessageContaining("256");
    }

    @ParameterizedTest(name = "{0} in {1} = {2}")
    @CsvSource(delimiter = ';', value = {
        // caret
        "1.9.9;^1.2.3;true", "2.0.0-0;^1.2.3;false", "0.2.9;^0.2.3;true", "0.3.0;^0.2.3;false",
        "0.0.3;^0.0.3;true", "0.0.4;^0.0.3;false", "0.9.0;^0;true", "1.0.0;^0;false", "0.0.9;^0.0;true",
        "0.1.0;^0.0;false", "1.2.4-beta.2;^1.2.3-beta.1;false", "1.2.3-beta.2;^1.2.3-beta.1;true",
        // tilde
        "1.2.9;~1.2.3;true", "1.3.0;~1.2.3;false", "1.9.0;~1;true", "1.3.0;~> 1.2;false", "1.2.0;~ 1.2;true",
        // x-ranges and partials
        "1.5.0;1.x;true", "2.0.0;1.x;false", "1.2.9;1.2.*;true", "1.3.0;1.2;false", "0.0.1;*;true",
        "1.3.0;>1.2;true", "1.2.9;>1.2;false", "1.9.9;<=1;true", "2.0.0;<=1;false", "1.1.9;<1.2;true",
        "1.2.0;<1.2;false", "1.2.0;>=1.2;true", "2.5.0;=2;true", "1.0.0;>*;false", "1.0.0;;true",
        // hyphen ranges
        "2.3.4;1.2.3 - 2.3.4;true", "2.3.5;1.2.3 - 2.3.4;false", "2.3.9;1.2 - 2.3;true", "2.4.0;1.2 - 2.3;false",
        "1.1.9;1.2 - 2;false", "2.9.9;1.2 - 2;true",
        // || and whitespace
        "2.0.0;1.x || >=2.5.0 || 5.0.0 - 7.2.3;false", "6.0.0;1.x || >=2.5.0 || 5.0.0 - 7.2.3;true",
        "1.5.0;>= 1.0.0  <  2.0.0;true", "1.0.0;>=v1.0.0;true", "1.0.0;=1.0.0;true", "1.0.0;= 1.0.0;true",
        "1.2.3;1.2.3+build;true",
        // prerelease rule
        "1.2.3-alpha.7;>1.2.3-alpha.3;true", "3.4.5-alpha.9;>1.2.3-alpha.3;false", "3.4.5;>1.2.3-alpha.3;true",
        "1.0.0-beta;*;false", "1.0.0-beta;>=0.0.0;false", "1.0.0-beta;1.0.0-beta || *;false",
        "1.0.0-beta;1.0.0-beta || 2.x;true", "1.2.0-rc.1;>=1.0.0 <2.0.0;false",
    })
    void parseRange_namedCases_matchNodeSemverSatisfies(String version, String range, boolean expected) {
        assertThat(sat(version, range == null ? "" : range)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", ">=1.0.0-*", "<~", "1.x.3", "x.1", "^1.2.3.4", "=1.2.3 - 2", ">= = 1.0.0",
        "1 | 2", ">9007199254740992.0.0"})
    void parseRange_invalid_throwsNamingTheRange(String range) {
        assertThatThrownBy(() -> npm.parseRange(range)).isInstanceOf(VersionException.class)
                .hasMessageContaining("npm range");
    }

    @Test
    void parseRange_compiledForm_showsDesugaredComparators() {
        ComparatorRange r = (ComparatorRange) npm.parseRange("^1.2.3 || ~0.2 || 1.2.3 - 2.x || >=0.0.0");
        assertThat(r.compiled()).isEqualTo("*");
        r = (ComparatorRange) npm.parseRange("^1.2.3 || ~0.2 || 1.2.3 - 2.x");
        assertThat(r.compiled()).isEqualTo(">=1.2.3 <2.0.0-0 || >=0.2.0 <0.3.0-0 || >=1.2.3 <3.0.0-0");
        assertThat(r.toString()).isEqualTo("^1.2.3 || ~0.2 || 1.2.3 - 2.x");
    }

    @Test
    void contains_invalidVersion_throws() {
        VersionRange r = npm.parseRange("^1.0.0");
        assertThatThrownBy(() -> r.contains("1.0")).isInstanceOf(VersionException.class);
    }
}

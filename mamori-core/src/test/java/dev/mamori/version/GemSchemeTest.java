package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Gem::Version / Gem::Requirement edge cases, each checked against Ruby 3.1 / RubyGems 3.3 when written. */
final class GemSchemeTest {
    private final VersionScheme gem = VersionSchemes.forName("gem");

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.0.a, 1.0", "1.0.a, 1.0.b", "1.0.a9, 1.0.a10", "1.0.a.9, 1.0.a10", "1.0.A, 1.0.a", "1.0.a, 1.0.aa",
        "1.0.rc1, 1.0", "1.0-1, 1.0", "1.0-beta, 1.0", "1.0.beta.1, 1.0-beta", "1.9.9.a, 2", "2.a, 2",
        "1.0.a, 1.0.0.1", "1.0.z, 1.0.0.0.1", "3.2, 3.10", "1.0.a, 1.0.a.1", "1.a.a, 1.a.b",
        "999999999999999999999999999991, 999999999999999999999999999999"})
    void compare_orderedPair_isLess(String smaller, String larger) {
        assertThat(gem.compare(smaller, larger)).isEqualTo(-1);
        assertThat(gem.compare(larger, smaller)).isEqualTo(1);
    }

    @Test
    void compare_lettersAfterLeadingNumber_acceptedAsExtension() {
        // Gem::Version rejects "1beta"; osv-scalibr's fixture compares it, so Mamori splits it like "1.beta"
        assertThat(gem.compare("1beta", "1")).isEqualTo(-1);
        assertThat(gem.compare("1beta", "1.beta")).isZero();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1.0, 1.0.0", "1, 1.0.0.0", "01.0, 1.0", "1.0.a2, 1.0.a.2", "1.0-1, 1.0.pre.1", "1.0.a.0, 1.0.a",
        "1.0.0.a, 1.0.a", "' 1.0 ', 1.0", "1.0.b0, 1.0.b"})
    void compare_sameSegments_areEqual(String a, String b) {
        assertThat(gem.compare(a, b)).isZero();
    }

    @ParameterizedTest(name = "invalid: \"{0}\"")
    @ValueSource(strings = {"", " ", "1.0.", ".1", "1..0", "a1", "v1.0", "1.0_1", "1.0+1", "1.0~1", "-1", "1 0"})
    void validate_notGemVersion_throws(String text) {
        assertThatThrownBy(() -> gem.validate(text)).isInstanceOf(VersionException.class);
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        "2.9 | ~> 2.1 | true", "2.1 | ~> 2.1 | true", "3.0 | ~> 2.1 | false", "3.0.a | ~> 2.1 | false",
        "2.9.z | ~> 2.1 | true", "2.0 | ~> 2.1 | false", "2.1.9 | ~> 2.1.3 | true", "2.2 | ~> 2.1.3 | false",
        "2.2.a | ~> 2.1.3 | false", "2.9 | ~> 2 | true", "3.0 | ~> 2 | false", "2.1.a | ~> 2.1.a | true",
        "2.9 | ~> 2.1.a | true", "2.0.8 | ~>2.0.8 | true", "2.1 | ~>2.0.8 | false",
        "1.5 | '>= 1.0, < 2' | true", "2.a | '>= 1.0, < 2' | true", "2 | '>= 1.0, < 2' | false",
        "1.0 | != 1.0 | false", "1.0.0 | != 1.0 | false", "1.0.1 | != 1.0 | true", "1.0.0 | = 1.0 | true",
        "1.0.0 | 1.0 | true", "1.0.a | > 1.0 | false", "1.0.a | >= 0 | true",
        "5.2.4.3 | '~> 5.2.4, >= 5.2.4.3' | true", "5.2.4.2 | '~> 5.2.4, >= 5.2.4.3' | false"})
    void contains_requirement_followsGemRequirement(String version, String requirement, boolean expected) {
        assertThat(gem.parseRange(requirement).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "invalid range: \"{0}\"")
    @ValueSource(strings = {"~>", ">> 1.0", "=> 1.0", "foo", ">= 1.0 < 2", "1.0 2.0", "<>1.0", "~= 1.0",
        ">= 1..0", ", 1.0"})
    void parseRange_notGemRequirement_throws(String requirement) {
        assertThatThrownBy(() -> gem.parseRange(requirement)).isInstanceOf(VersionException.class);
    }

    @ParameterizedTest(name = "empty clause: \"{0}\"")
    @ValueSource(strings = {"", " ", "~> 1.0,", ">= 1.0,, < 2"})
    void parseRange_emptyClause_throws(String requirement) {
        // Ruby reads no requirement as ">= 0" and drops a trailing empty clause; an advisory range that says
        // nothing is a data error here
        assertThatThrownBy(() -> gem.parseRange(requirement)).isInstanceOf(VersionException.class);
    }

    @Test
    void contains_invalidVersion_throws() {
        assertThatThrownBy(() -> gem.parseRange("~> 1.0").contains("1..0")).isInstanceOf(VersionException.class)
                .hasMessageContaining("1..0");
    }
}

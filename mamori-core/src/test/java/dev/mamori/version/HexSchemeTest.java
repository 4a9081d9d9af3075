package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Elixir {@code Version} edge cases, each checked against Elixir 1.14 when written (extensions marked). */
final class HexSchemeTest {
    private final VersionScheme hex = VersionSchemes.forName("hex");

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.0.0-alpha, 1.0.0-alpha.1", "1.0.0-alpha.1, 1.0.0-alpha.beta", "1.0.0-alpha.beta, 1.0.0-beta",
        "1.0.0-beta, 1.0.0-beta.2", "1.0.0-beta.2, 1.0.0-beta.11", "1.0.0-beta.11, 1.0.0-rc.1", "1.0.0-rc.1, 1.0.0",
        "1.0.0-2, 1.0.0-10", "1.0.0-10, 1.0.0-a", "1.0.0-RC1, 1.0.0-rc1", "1.0.0, 1.0.1", "1.9.0, 1.10.0",
        "1.0.0-alpha.1.2, 1.0.0-beta", "2.0.1-alpha1, 2.0.1", "999999999999999999999.0.0, 999999999999999999999.0.1"})
    void compare_orderedPair_isLess(String smaller, String larger) {
        assertThat(hex.compare(smaller, larger)).isEqualTo(-1);
        assertThat(hex.compare(larger, smaller)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"2.0.1+build0, 2.0.1", "1.0.0+a, 1.0.0+b", "1.0.0-rc.1+x, 1.0.0-rc.1", "1.0.0+001, 1.0.0"})
    void compare_buildMetadata_isIgnored(String a, String b) {
        assertThat(hex.compare(a, b)).isZero();
    }

    @ParameterizedTest(name = "invalid: \"{0}\"")
    @ValueSource(strings = {"", "1.0", "1", "v1.0.0", "01.0.0", "1.00.0", "1.0.0-01", "1.0.0-rc.01", "1.0.0-",
        "1.0.0+", "1.0.0-a..b", " 1.0.0", "1.0.0 ", "1.0.0.0", "1.0.0-a_b", "1.0.0+a+b", "a.b.c", "2.0-alpha1"})
    void validate_notElixirVersion_throws(String text) {
        assertThatThrownBy(() -> hex.validate(text)).isInstanceOf(VersionException.class);
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        // the ~> table of Elixir's Version documentation
        "2.1.0 | ~> 2.0 | true", "3.0.0 | ~> 2.0 | false", "2.0.1 | ~> 2.0.0 | true", "2.1.0 | ~> 2.0.0 | false",
        "2.1.3-dev | ~> 2.1.2 | true", "2.2.0-dev | ~> 2.1-dev | true", "2.1.3-dev | ~> 2.1.2-dev | true",
        "2.2.3-dev | >= 2.1.0-dev | true", "2.2.0-dev | >= 2.1.0 | true",
        // ~> never includes pre-releases of its upper bound
        "3.0.0-rc.1 | ~> 2.0 | false", "2.2.0-0 | ~> 2.1.2 | false", "2.1.99 | ~> 2.1.2 | true",
        // comparisons follow Version.compare, pre-releases matched (allow_pre: true)
        "2.0.0-rc.1 | < 2.0.0 | true", "1.0.0-rc.1 | > 0.9.0 | true", "1.0.0-alpha.1.2 | < 1.0.0-beta | true",
        "1.0.0-beta | > 1.0.0-alpha.1 | true", "1.0.0+build | == 1.0.0 | true", "1.0.0 | != 1.0.0 | false",
        "1.0.0 | ! 1.0.0 | false", "1.0.1 | 1.0.0 | false", "1.0.0 | >=1.0.0 | true",
        // and binds tighter than or
        "1.0.0 | == 1.0.0 or == 2.0.0 and == 3.0.0 | true", "2.0.0 | == 1.0.0 or == 2.0.0 and == 3.0.0 | false",
        "1.5.0 | >= 1.0.0 and < 2.0.0 or == 3.0.0 | true", "3.0.0 | >= 1.0.0 and < 2.0.0 or == 3.0.0 | true",
        "2.0.0 | >=1.0.0  and  <2.0.0 | false", "2.0.0 | 1.0.0 or 2.0.0 | true"})
    void contains_requirement_followsElixirVersionMatch(String version, String requirement, boolean expected) {
        assertThat(hex.parseRange(requirement).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {"1.5.0 | >= 1.0 and < 2.0 | true", "2.0.0 | >= 1.0 and < 2.0 | false",
        "1.0.0 | == 1.0 | true"})
    void contains_majorMinorVersionAfterOperator_readAsPatchZero(String version, String requirement,
            boolean expected) {
        // Elixir only allows MAJOR.MINOR after ~>; advisory-style ranges write ">= 1.0", so Mamori pads it
        assertThat(hex.parseRange(requirement).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "invalid range: \"{0}\"")
    @ValueSource(strings = {"", "~> 2", "~> 1", "~>", "== == 1.0.0", "1.0.0 and", "and 1.0.0", ">= 1.0.0 or",
        ">= 1.0.0 && < 2.0.0", ">= 1.0.0, < 2.0.0", "=> 1.0.0", ">= v1.0.0", "1.0.0 1.0.1", ">= 1.0.0\tand < 2.0.0"})
    void parseRange_notElixirRequirement_throws(String requirement) {
        assertThatThrownBy(() -> hex.parseRange(requirement)).isInstanceOf(VersionException.class);
    }
}

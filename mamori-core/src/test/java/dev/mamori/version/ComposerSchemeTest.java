package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Packagist edge cases: order checked against PHP 8.2 {@code version_compare} (except where osv-scalibr's
 * behaviour is followed, marked below), constraints against composer-semver 3.3.2.
 */
final class ComposerSchemeTest {
    private final VersionScheme composer = VersionSchemes.forName("composer");

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.0-dev, 1.0-alpha1", "1.0-alpha1, 1.0-beta1", "1.0-beta1, 1.0-RC1", "1.0-RC1, 1.0", "1.0, 1.0-pl1",
        "1.0, 1.0-p1", "1.0, 1.0-patch1", "1.0-foo, 1.0-dev", "1.0, 1.0.0", "1.0-beta, 1.0", "1.0-dev, 1.0.0",
        "dev-foo, 0.0.1", "dev-master, 1.0", "1.0a1, 1.0b1", "1.25.0, 1.26.0", "v1.0, 1.1", "4.3-2beta5, 4.3-2RC2",
        "1.0.0-stable, 1.0.0-beta", "3.0.0b1, 3.0.0b1.post1", "9, 10"})
    void compare_orderedPair_isLess(String smaller, String larger) {
        assertThat(composer.compare(smaller, larger)).isEqualTo(-1);
        assertThat(composer.compare(larger, smaller)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1.0RC1, 1.0rc1", "1.0.0rc2, 1.0.0.rc2", "1.25.0-beta2.1, 1.25.0-b.2.1", "v1.0.0, V1.0.0",
        "v1.0pl1, 1.0pl1", "1.0-alpha1, 1.0_a1", "1.0+build, 1.0-build", "1.0.0-ALPHA, 1.0.0-BETA",
        "1.0-beta, 1.0-bugfix", "1.0-pre, 1.0-patch", "01.2, 1.2"})
    void compare_samePhpParts_areEqual(String a, String b) {
        assertThat(composer.compare(a, b)).isZero();
    }

    @ParameterizedTest(name = "osv-scalibr: {0} {1} {2}")
    @CsvSource({"1.2.3.#, =, 1.2.3.1", "1.2.3.#.p3, >, 1.2.3",
        "999999999999999999999999999991, <, 999999999999999999999999999999"})
    void compare_scalibrRule_followedWherePhpDiffers(String a, String op, String b) {
        // PHP drops '#' and saturates numbers at 2^63; osv-scalibr (and so OSV matching) does not
        int expected = op.equals("<") ? -1 : op.equals("=") ? 0 : 1;
        assertThat(composer.compare(a, b)).isEqualTo(expected);
    }

    @Test
    void compare_hashPart_equalsEveryNumberSoIsNotTransitive() {
        assertThat(composer.compare("1.2.3.#", "1.2.3.1")).isZero();
        assertThat(composer.compare("1.2.3.#", "1.2.3.2")).isZero();
        assertThat(composer.compare("1.2.3.1", "1.2.3.2")).isEqualTo(-1);
    }

    @ParameterizedTest(name = "invalid: \"{0}\"")
    @ValueSource(strings = {"", " ", "v", "1.0 ", " 1.0", "1.0.", ".1", "1..0", "1.0-", "1.0\t1"})
    void validate_emptyOrSpacedOrEmptyPart_throws(String text) {
        assertThatThrownBy(() -> composer.validate(text)).isInstanceOf(VersionException.class);
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        "1.2.3 | ^1.2.3 | true", "1.9 | ^1.2.3 | true", "2.0.0-beta1 | ^1.2.3 | false", "1.2.3-RC1 | ^1.2.3 | true",
        "0.3.9 | ^0.3 | true", "0.4.0 | ^0.3 | false", "0.0.3 | ^0.0.3 | true", "0.0.4 | ^0.0.3 | false",
        "1.2.9 | ~1.2.3 | true", "1.3.0 | ~1.2.3 | false", "1.9 | ~1.2 | true", "2.0 | ~1.2 | false",
        "1.2.0-beta1 | ~1.2 | true", "1.0.5 | 1.0.* | true", "1.1 | 1.0.* | false", "1.0.0-dev | 1.0.* | true",
        "1.5 | 1.0 - 2.0 | true", "2.0.0 | 1.0 - 2.0 | true", "2.0.1 | 1.0 - 2.0 | true", "2.1.0 | 1.0 - 2.0 | false", "2.0.1 | 1.0 - 2.0.0 | false",
        "2.0.1 | 1.0 - 2 | true", "3.0.0-dev | 1.0 - 2 | false",
        "1.5 | >=1.0 <2.0 | true", "1.5 | '>=1.0, <2.0' | true", "0.9 | '<1.0 || >=2.0' | true",
        "1.5 | '<1.0 | >=2.0' | false",
        "2.0.0-beta1 | <2.0 | false", "1.9.9 | <2.0 | true", "1.0.0-RC1 | >=1.0 | true", "1.0.0-RC1 | >1.0 | false",
        "2.0.0-beta1 | <2.0-beta2 | true", "1.5 | !=1.5 | false", "1.5.0.0 | <>1.5 | false", "1.0 | 1.0.0 | true",
        "dev-foo | dev-foo | true", "dev-foo | !=dev-foo | false", "dev-bar | !=dev-foo | true",
        "dev-foo | >=1.0 | false", "dev-foo | * | true",
        "2.0.0-beta1 | <2.0@beta | false", "2.0.0-alpha1 | <2.0@beta | true", "v1.5 | ^1.0 | true"})
    void contains_constraint_followsComposerSemver(String version, String constraint, boolean expected) {
        assertThat(composer.parseRange(constraint).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {"1.0.0.0.1 | >=1.0 | true", "1.0.0.0.1 | <1.0.0.1 | true",
        "1.0.0.0.1 | <1.0 | false", "1.2.3.# | >=1.2.3 | true"})
    void contains_versionComposerCannotNormalize_comparedAsWritten(String version, String constraint,
            boolean expected) {
        // Composer refuses these versions; Mamori compares their text with the normalized bounds instead
        assertThat(composer.parseRange(constraint).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "invalid range: \"{0}\"")
    @ValueSource(strings = {"", "~>1.0", "foo", ">>1.0", "=>1.0", "^", "~", "1.0 -", "1.0 - 2.0 - 3.0", "<1.0 ||",
        ">=1.0 <", "x.1", "1.*.1", "~1.0.x"})
    void parseRange_notComposerConstraint_throws(String constraint) {
        assertThatThrownBy(() -> composer.parseRange(constraint)).isInstanceOf(VersionException.class);
    }
}

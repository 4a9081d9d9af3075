package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pub_semver edge cases (from its {@code Version.compareTo} and {@code VersionConstraint.parse} rules and its own
 * tests; no Dart oracle is packaged for Debian).
 */
final class PubSchemeTest {
    private final VersionScheme pub = VersionSchemes.forName("pub");

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.0.0-alpha, 1.0.0-alpha.1", "1.0.0-beta.2, 1.0.0-beta.11", "1.0.0-rc.1, 1.0.0", "1.0.0, 1.0.0+build",
        "1.0.0+1, 1.0.0+a", "1.0.0+1, 1.0.0+1.0", "1.0.0-pre, 1.0.0-pre+build", "1.0.0-pre+build, 1.0.0",
        "1.2.3+9, 1.2.3+a", "1.2.3+1z, 1.2.3+9a", "1.2.3+build, 1.2.3+otherbuild", "1.0.0+zzz, 1.0.1",
        "1.2.3-5, 1.2.3-5-foo", "1.2.3-R2, 1.2.3-r100", "0.9.9, 1.0.0", "1.0.0-9223372036854775808, 1.0.0-a",
        "1.0.0-9223372036854775808, 1.0.0-9223372036854775809", "1.0.0-1, 1.0.0-9223372036854775808"})
    void compare_orderedPair_isLess(String smaller, String larger) {
        assertThat(pub.compare(smaller, larger)).isEqualTo(-1);
        assertThat(pub.compare(larger, smaller)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"01.02.03, 1.2.3", "1.0.0-01, 1.0.0-1", "1.0.0+01, 1.0.0+1", "1.2.3-a.b+c.d, 1.2.3-a.b+c.d"})
    void compare_sameVersion_isEqual(String a, String b) {
        assertThat(pub.compare(a, b)).isZero();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"v1.2.3, 1.2.3", "1.2, 1.2.0", "1, 1.0.0", "1-2-3, 1.0.0-2-3", "1.2.3.4, 1.2.3.4.0"})
    void compare_scalibrLeniency_readsShortAndPrefixedVersions(String a, String b) {
        // pub_semver wants exactly MAJOR.MINOR.PATCH; osv-scalibr's pub fixture compares v-prefixed and one-number
        // versions, so Mamori pads missing numbers with 0 (so "1-2-3" is 1.0.0 with pre-release "2-3")
        assertThat(pub.compare(a, b)).isZero();
    }

    @ParameterizedTest(name = "invalid: \"{0}\"")
    @ValueSource(strings = {"", "1.0.0-", "1.0.0+", "1.0.0-a..b", "1.0.0 ", " 1.0.0", "a.b.c", "1..0", "1.0.0-a_b",
        "1.0.0+a+b", "1.0.0-é", "vv1.0.0", "1.0.0."})
    void validate_notPubVersion_throws(String text) {
        assertThatThrownBy(() -> pub.validate(text)).isInstanceOf(VersionException.class);
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        "1.2.3 | ^1.2.3 | true", "1.9.0 | ^1.2.3 | true", "2.0.0-dev | ^1.2.3 | false", "2.0.0 | ^1.2.3 | false",
        "1.2.2 | ^1.2.3 | false", "0.7.9 | ^0.7.2 | true", "0.8.0-0 | ^0.7.2 | false", "0.0.9 | ^0.0.3 | true",
        "0.1.0 | ^0.0.3 | false", "0.7.2-pre+1 | ^0.7.2-pre+1 | true", "0.7.2-pre | ^0.7.2-pre+1 | false",
        "1.2.3+foo | >1.2.3 | true", "1.2.3-build | >1.2.3 | false", "1.2.3 | >1.2.3 | false",
        "1.2.3+foo | >=1.2.3 | true", "1.2.3-build | >=1.2.3 | false",
        "1.2.2+foo | <1.2.3 | true", "1.2.3-beta | <1.2.3 | false", "1.2.3+foo | <1.2.3 | false",
        "1.2.3-build | <=1.2.3 | true", "1.2.3+foo | <=1.2.3 | false",
        "2.0.0-beta | >=1.0.0 <2.0.0 | false", "2.0.0-beta | >=2.0.0-alpha <2.0.0 | true",
        "2.0.0-beta | <2.0.0-rc | true", "2.0.0+1 | <2.0.0+2 | true",
        "1.2.3 | >1.0.0 >=1.2.3 <1.3.0 | true", "1.2.3-pre | >1.0.0 >=1.2.3 <1.3.0 | false",
        "1.2.5 | ' >1.0.0>=1.2.3 < 1.3.0' | true", "1.3.0 | ' >1.0.0>=1.2.3 < 1.3.0' | false",
        "1.2.3 | 1.2.3 | true", "1.2.3+1 | 1.2.3 | false", "1.2.3-alpha | 1.2.3-alpha | true",
        "12345.678.90 | any | true", "0.0.0-blah | any | true", "1.5.0 | >=2.0.0 <1.0.0 | false",
        "1.0.0 | >=1.0.0 <1.0.0 | false", "1.0.0 | >=1.0.0 <=1.0.0 | true"})
    void contains_constraint_followsPubSemver(String version, String constraint, boolean expected) {
        assertThat(pub.parseRange(constraint).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "invalid range: \"{0}\"")
    @ValueSource(strings = {"", "   ", "foo", ">foo", "^foo", "1.0.0 foo", "1.0.0foo", "anything", "<>1.0.0",
        "1.0.0<", "any 1.0.0", ">=1.2.3 ^1.0.0", "^1.0.0 <1.2.3", "=1.0.0", "~1.0.0", ">=1.0.0, <2.0.0"})
    void parseRange_notPubConstraint_throws(String constraint) {
        assertThatThrownBy(() -> pub.parseRange(constraint)).isInstanceOf(VersionException.class);
    }
}

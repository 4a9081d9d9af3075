package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PEP 440 edge cases, each checked against python3-packaging 23.0 when written, and legacy (non-PEP 440) versions,
 * checked against packaging 21.3 ({@code pip._vendor.packaging}).
 */
final class PypiSchemeTest {
    private final VersionScheme pypi = VersionSchemes.forName("pypi");

    @Test
    void order_pep440Chain_isStrictlyIncreasing() {
        String[] chain = {"1!0.1", "1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a1.post1.dev1", "1.0a1.post1", "1.0b1",
            "1.0rc1", "1.0", "1.0+local", "1.0.post1.dev1", "1.0.post1", "1.0.1"};
        // "1!0.1" is an epoch-1 version: greater than everything without an epoch
        String[] withoutEpoch = java.util.Arrays.copyOfRange(chain, 1, chain.length);
        for (int i = 0; i + 1 < withoutEpoch.length; i++) {
            assertThat(pypi.compare(withoutEpoch[i], withoutEpoch[i + 1])).as(withoutEpoch[i] + " < " + withoutEpoch[i + 1])
                    .isEqualTo(-1);
        }
        assertThat(pypi.compare(chain[0], "999.0")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "1.0-r1, 1.0.post1", "1.0.POST1, 1.0.post1", "v1.0, 1.0", "V1.0, 1.0", "1.0-1, 1.0.post1",
        "1.0_post_1, 1.0.post1", "1.0rev1, 1.0.post1", "1.0r, 1.0.post0", "1.0alpha1, 1.0a1", "1.0-ALPHA.1, 1.0a1",
        "1.0beta2, 1.0b2", "1.0c1, 1.0rc1", "1.0pre1, 1.0rc1", "1.0preview1, 1.0rc1", "1.0-rc.1, 1.0rc1",
        "1.0a, 1.0a0", "1.0.dev, 1.0.dev0", "1.0-dev-1, 1.0.dev1", "1.0, 1.0.0", "1.0, 1.0.0.0.0", "01.00, 1.0",
        "0!1.0, 1.0", "1.0+ubuntu.01, 1.0+ubuntu.1", "1.0+UBUNTU, 1.0+ubuntu", "1.0+a-b_c, 1.0+a.b.c",
        "1.0a-1, 1.0a1", "'  1.0 ', 1.0", "999999999999999999999999999999.1, 999999999999999999999999999999.1.0"})
    void compare_alternateSpellings_areEqual(String a, String b) {
        assertThat(pypi.compare(a, b)).isZero();
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.0, 1!0.1", "1.0.dev0, 1.0a0", "1.0a0.dev0, 1.0a0", "1.0.post0.dev0, 1.0.post0", "1.0, 1.0.post0.dev0",
        "1.0, 1.0+0", "1.0+abc, 1.0+1", "1.0+abc.1, 1.0+abc.1.a", "1.0+ubuntu.1, 1.0+ubuntu.2",
        "1.0+1.0, 1.0+1.0.0", "1.0+z, 1.0+0", "1.0rc1+local, 1.0", "1.9.99999, 2.0.dev0", "2.9, 2.10",
        "999999999999999999999999999991, 999999999999999999999999999999", "1.0a99999999999999999999, 1.0b0",
        "1.0.post1, 1.0.post1+x", "1.0a1-1, 1.0a2"})
    void compare_orderedPair_isLess(String smaller, String larger) {
        assertThat(pypi.compare(smaller, larger)).isEqualTo(-1);
        assertThat(pypi.compare(larger, smaller)).isEqualTo(1);
    }

    @ParameterizedTest(name = "invalid: \"{0}\"")
    @ValueSource(strings = {"", " ", "\u3000", " \u2003\t", "1.0.po\u017ft1", "1.0prev\u0131ew1", "1.0+\u212a"})
    void validate_blankOrPep440OnlyByUnicodeFolding_throws(String text) {
        assertThatThrownBy(() -> pypi.validate(text)).isInstanceOf(VersionException.class)
                .hasMessageContaining(text.isBlank() ? "empty" : text);
        assertThatThrownBy(() -> pypi.compare(text, "0.1-bulbasaur")).isInstanceOf(VersionException.class);
        assertThatThrownBy(() -> pypi.compare("1.0", text)).isInstanceOf(VersionException.class);
    }

    @ParameterizedTest(name = "legacy: \"{0}\"")
    @ValueSource(strings = {"0.1-bulbasaur", "0.7.10p1", "2013-01-21T20:33:09+0100", "1.0-", "1.0+", "1!", "1..0",
        "1.0-1-1", "1.0_1", "1.0.x", "1.0.*", "a1", "1.0 1", "vv1.0", "1.0a1b1", "1.0.post1.post2", "1.0.dev1a1",
        "2.0.1rc2-git", "trunk", "1.0\u0661", " foo "})
    void validate_legacyVersion_isAcceptedAndBelowEveryPep440Version(String text) {
        pypi.validate(text);
        assertThat(pypi.compare(text, "0.0.dev0")).isEqualTo(-1);
        assertThat(pypi.compare("0!0", text)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        // numbers compare padded to eight digits (longer ones as text), letters after numbers
        "0.7.10p1, 0.7.11p1", "0.7.9p1, 0.7.10p1", "0.7.10p1, 0.7.10p2", "100000000-x, 99999999-x",
        "123456789-x, 99999999-x", "1.0.x, 1.0.0.x.1", "1.0-a, 1.0-b", "1.0-x, 1.0x",
        // pre/preview/rc -> c, dev -> @, - -> final-: @ < a < c < final < final-
        "1.0-dev-x, 1.0a-x", "1.0a-x, 1.0-rc-x", "1.0pre-x, 1.0final", "1.0final, 1.0-x",
        // code point order, not UTF-16 order: U+FF21 (lower U+FF41) sorts below U+1F600
        "1.0-\uff21, 1.0-\ud83d\ude00", "TRUNK, z",
        // a legacy version is below every PEP 440 version, even one its key would equal
        "1.0final, 1.0", "99999-x, 0.dev0"})
    void compare_legacyOrderedPair_isLess(String smaller, String larger) {
        assertThat(pypi.compare(smaller, larger)).isEqualTo(-1);
        assertThat(pypi.compare(larger, smaller)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"1.0-FOO, 1.0-foo", "1.0.0-x, 1.0-x", "1.0-rc-x, 1.0-c-x", "1.0-preview-x, 1.0-pre-x",
        "1.0-dev-x, 1.0-@-x", "1.0.x, 1x", "01.0-x, 1.0-x"})
    void compare_legacyEquivalentSpellings_areEqual(String a, String b) {
        assertThat(pypi.compare(a, b)).isZero();
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        // exclusive ordered comparisons (PEP 440): <V excludes V's pre-releases, >V excludes V's post/local
        "1.0rc1 | <1.0 | false", "1.0.dev0 | <1.0 | false", "0.9rc1 | <1.0 | true", "1.0rc1 | <1.0rc2 | true",
        "1.0rc1 | <1.0.post1 | false", "1.0.post1 | >1.0 | false", "1.0.post2 | >1.0.post1 | true",
        "1.0+local | >1.0 | false", "1.1+local | >1.0 | true", "1.0+local | <=1.0 | true", "1.0+local | <1.0 | false",
        "1.0+local | >=1.0 | true",
        // prereleases=True: a range covering a pre-release matches it
        "2.0a1 | >=1.0 | true", "1.5rc1 | >=1.0,<2.0 | true", "2.0rc1 | >=1.0,<2.0 | false",
        // equality, local labels and prefix matching
        "1.0+local | ==1.0 | true", "1.0 | ==1.0+local | false", "1.0.0 | ==1.0 | true", "1.4rc1 | ==1.4.* | true",
        "1.4 | ==1.4.0.* | true", "1.40 | ==1.4.* | false", "1.4.2 | !=1.4.* | false", "2.0 | !=1.4.* | true",
        "1!1.4 | ==1.4.* | false", "1.0.0 | ==1!1.0.* | false",
        // compatible release
        "1.4.9 | ~=1.4.5 | true", "1.5 | ~=1.4.5 | false", "1.4.4 | ~=1.4.5 | false", "1.9 | ~=1.4 | true",
        "2.0 | ~=1.4 | false", "2.2.0.post2 | ~=2.2.0.post1 | true", "1.4.6 | ~=1.4.5rc1 | true",
        "1.4.6 | ~=1.4.5c1 | false",
        // arbitrary equality compares the normalized text
        "1.0 | ===1.0 | true", "1.0.0 | ===1.0 | false", "v1.0 | ===1.0 | true", "1.0.POST1 | ===1.0.post1 | true",
        // empty set and whitespace
        "3.0 | '' | true", "1.5 | '>= 1.0 , <2.0,,' | true", "1.5 | '>=1.0, <2.0, !=1.5' | false"})
    void contains_specifierSet_followsPackaging(String version, String spec, boolean expected) {
        assertThat(pypi.parseRange(spec).contains(version)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "invalid range: \"{0}\"")
    @ValueSource(strings = {"1.0", "=1.0", "~=1", "~=1.*", "<1.0.*", ">=1.0+local", "==1.0a1.*", "===1.0 2",
        ">=foo", "~>1.0", "<>1.0", ">=1.0,<"})
    void parseRange_notPep440_throws(String spec) {
        assertThatThrownBy(() -> pypi.parseRange(spec)).isInstanceOf(VersionException.class)
                .hasMessageContaining(spec);
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'' is {2}")
    @CsvSource(delimiter = '|', value = {
        // packaging 21.3: every PEP 440 operator refuses a LegacyVersion, != included; === compares the raw text
        "0.1-bulbasaur | >=0 | false", "0.1-bulbasaur | <99 | false", "0.1-bulbasaur | !=1.0 | false",
        "0.1-bulbasaur | ==0.1.* | false", "0.1-bulbasaur | '' | true", "0.1-bulbasaur | ===0.1-BULBASAUR | true",
        "0.1-bulbasaur | '>=0,===0.1-bulbasaur' | false", "trunk | ===trunk | true", "trunk | ===trunk2 | false"})
    void contains_legacyVersion_followsPackaging213(String version, String spec, boolean expected) {
        assertThat(pypi.parseRange(spec).contains(version)).isEqualTo(expected);
    }

    @Test
    void contains_blankVersion_throws() {
        assertThatThrownBy(() -> pypi.parseRange(">=1.0").contains(" ")).isInstanceOf(VersionException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void name_isPypi() {
        assertThat(pypi.name()).isEqualTo("pypi");
    }
}

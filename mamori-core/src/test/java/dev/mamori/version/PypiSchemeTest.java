package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PEP 440 edge cases, each checked against python3-packaging 23.0 when written. */
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
    @ValueSource(strings = {"", " ", "0.1-bulbasaur", "1.0-", "1.0+", "1.0+a..b", "1!", "1..0", "1.0-1-1", "1.0_1",
        "1.0.x", "1.0.*", "a1", "1.0 1", "vv1.0", "1.0a1b1", "1.0.post1.post2", "1.0.dev1a1", "2.0.1rc2-git",
        "trunk", "1.0\u0661", "1.0.po\u017ft1", "1.0+\u212a"})
    void validate_notPep440_throwsNamingText(String text) {
        assertThatThrownBy(() -> pypi.validate(text)).isInstanceOf(VersionException.class)
                .hasMessageContaining(text.isBlank() ? "empty" : text);
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

    @Test
    void contains_invalidVersion_throws() {
        assertThatThrownBy(() -> pypi.parseRange(">=1.0").contains("0.1-bulbasaur"))
                .isInstanceOf(VersionException.class).hasMessageContaining("0.1-bulbasaur");
    }

    @Test
    void name_isPypi() {
        assertThat(pypi.name()).isEqualTo("pypi");
    }
}

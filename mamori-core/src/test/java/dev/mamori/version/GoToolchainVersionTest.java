package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class GoToolchainVersionTest {

    /** Expected forms as the Go vulnerability database writes the stdlib's versions (e.g. GO-2023-1987's events). */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "go1.20.4, 1.20.4", "1.20.4, 1.20.4", "v1.20.4, 1.20.4",
            "go1.20, 1.20.0", "go1.21.0, 1.21.0", "go1.21rc4, 1.21.0-rc.4", "go1.19beta1, 1.19.0-beta.1",
            "go1.9.2, 1.9.2", "' go1.22.1 ', 1.22.1",
            // not Go release tags: unchanged
            "1.21.0-rc.4, 1.21.0-rc.4", "devel, devel", "go1, go1", "1.2.3.4, 1.2.3.4"})
    void toSemver_goReleaseTags(String tag, String semver) {
        assertThat(GoToolchainVersion.toSemver(tag)).isEqualTo(semver);
    }

    @Test
    void toSemver_ordersLikeTheGoReleases() {
        VersionScheme go = VersionSchemes.forName("golang");
        String[] releases = {"go1.20", "go1.20.1", "go1.21rc2", "go1.21rc4", "go1.21.0", "go1.21.1", "go1.22rc1"};
        for (int i = 1; i < releases.length; i++) {
            assertThat(go.compare(GoToolchainVersion.toSemver(releases[i - 1]),
                    GoToolchainVersion.toSemver(releases[i]))).as(releases[i - 1] + " < " + releases[i]).isNegative();
        }
    }

    @Test
    void isToolchainPackage_onlyTheVulndbPseudoModules() {
        assertThat(GoToolchainVersion.isToolchainPackage("stdlib")).isTrue();
        assertThat(GoToolchainVersion.isToolchainPackage("toolchain")).isTrue();
        assertThat(GoToolchainVersion.isToolchainPackage("golang.org/x/net")).isFalse();
    }
}

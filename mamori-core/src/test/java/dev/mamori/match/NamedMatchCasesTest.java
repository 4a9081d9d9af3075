package dev.mamori.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.NvdReader;
import dev.mamori.advisory.Origin;
import dev.mamori.advisory.OsvReader;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.SbomFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The version and identifier cases every matcher gets wrong somewhere, each against real advisories (the ground-truth
 * advisories, NVD records from anchore/nvd-data-overrides and osv.dev, Debian DSAs; see
 * {@code ground-truth/README.md} and {@code ground-truth/named/}). Where no real record has the shape (Maven
 * {@code .Final} and {@code -jre}/{@code -android}), a record shaped like the named GHSA is written here; the
 * expected answers come from each ecosystem's own order (Maven ComparableVersion, node-semver, PEP 440, Go
 * pseudo-versions) and are noted beside each case.
 */
final class NamedMatchCasesTest {
    private static Matcher matcher;

    /** GHSA-7g45-4rm6-3mm3 (Guava, CVE-2023-2976) and GHSA-j8jw-g6fq-mp7h (Hibernate ORM, CVE-2020-25638), as published. */
    private static final String MAVEN_SHAPED = """
            [{"id":"GHSA-7g45-4rm6-3mm3","aliases":["CVE-2023-2976"],"modified":"2024-01-01T00:00:00Z",
              "affected":[{"package":{"ecosystem":"Maven","name":"com.google.guava:guava"},
                "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"1.0"},{"fixed":"32.0.0-android"}]}]}]},
             {"id":"GHSA-j8jw-g6fq-mp7h","aliases":["CVE-2020-25638"],"modified":"2024-01-01T00:00:00Z",
              "affected":[{"package":{"ecosystem":"Maven","name":"org.hibernate:hibernate-core"},
                "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"5.4.24.Final"}]}]}]}]
            """;

    @BeforeAll
    static void index() {
        List<Advisory> all = new ArrayList<>(GroundTruthTest.advisories());
        all.addAll(read("/ground-truth/named/debian-dsa-openssl.json"));
        all.addAll(read("/ground-truth/named/more-distros-osv.json"));
        OsvReader.readDocument(new ByteArrayInputStream(MAVEN_SHAPED.getBytes(StandardCharsets.UTF_8)),
                Origin.of("NamedMatchCasesTest"), all::add);
        for (String nvd : List.of("/ground-truth/named/nvd-openssl.json", "/intel/nvd/CVE-2024-3094.json",
                "/intel/nvd/CVE-2023-4863.json")) {
            try (InputStream in = NamedMatchCasesTest.class.getResourceAsStream(nvd)) {
                NvdReader.read(in, Origin.of(nvd), all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        matcher = new Matcher(AdvisoryIndex.of(all));
    }

    private static List<Advisory> read(String resource) {
        List<Advisory> out = new ArrayList<>();
        try (InputStream in = NamedMatchCasesTest.class.getResourceAsStream(resource)) {
            OsvReader.readDocument(in, Origin.of(resource), out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static Component purl(String purl) {
        Purl p = Purl.parse(purl);
        return Component.builder(p.name()).bomRef(purl).type("library").version(p.version()).purl(purl, p).build();
    }

    static Bom bom(Component... components) {
        return new Bom(SbomFormat.CYCLONEDX, "1.6", "json", null, null, null, List.of(components), Map.of(), List.of());
    }

    static List<Finding> findings(Component... components) {
        return matcher.match(bom(components)).findings();
    }

    /** The advisory ids behind a component's findings. */
    static Set<String> advisoryIds(Component c) {
        return findings(c).stream().flatMap(f -> f.advisories().stream()).map(Advisory::id).collect(Collectors.toSet());
    }

    static Finding finding(List<Finding> findings, String advisoryId) {
        return findings.stream().filter(f -> f.advisories().stream().anyMatch(a -> a.id().equals(advisoryId)))
                .findFirst().orElseThrow(() -> new AssertionError("no finding from " + advisoryId + " in " + findings));
    }

    // ------------------------------------------------------------------------------------------ OpenSSL letters

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // CVE-2021-23839: >= 1.0.2s, < 1.0.2y
            "1.0.2r, CVE-2021-23839, false", "1.0.2s, CVE-2021-23839, true", "1.0.2x, CVE-2021-23839, true",
            "1.0.2y, CVE-2021-23839, false", "1.0.2za, CVE-2021-23839, false",
            // CVE-2023-3446: 1.0.2 <= v < 1.0.2zi (letters run past z: z < za < … < zi), 1.1.1 <= v < 1.1.1v
            "1.0.2, CVE-2023-3446, true", "1.0.2k, CVE-2023-3446, true", "1.0.2z, CVE-2023-3446, true",
            "1.0.2zh, CVE-2023-3446, true", "1.0.2zi, CVE-2023-3446, false", "1.1.1n, CVE-2023-3446, true",
            "1.1.1u, CVE-2023-3446, true", "1.1.1v, CVE-2023-3446, false", "1.1.0l, CVE-2023-3446, false",
            // CVE-2015-4000: 1.0.2 <= v <= 1.0.2a, v <= 1.0.1m
            "1.0.2a, CVE-2015-4000, true", "1.0.2b, CVE-2015-4000, false", "1.0.1m, CVE-2015-4000, true",
            "1.0.1n, CVE-2015-4000, false",
            // CVE-2004-0975: enumerated versions 0.9.6, 0.9.6a … (no range)
            "0.9.6k, CVE-2004-0975, true", "0.9.8, CVE-2004-0975, false"})
    void match_opensslLetterVersionByCpe_followsOpensslOrder(String version, String cve, boolean affected) {
        Component c = Component.builder("openssl").bomRef("openssl").version(version)
                .cpe("cpe:2.3:a:openssl:openssl:" + version + ":*:*:*:*:*:*:*").build();
        assertThat(advisoryIds(c).contains(cve)).as("openssl %s in %s", version, cve).isEqualTo(affected);
    }

    @Test
    void match_genericOpensslPurlWithoutCpe_matchesByNameWithLowConfidence() {
        Component c = purl("pkg:generic/openssl@1.0.2k");
        List<Finding> found = findings(c);
        Finding f = finding(found, "CVE-2023-3446");
        assertThat(f.confidence()).isEqualTo(Confidence.LOW);
        assertThat(f.evidence().method()).isEqualTo(Evidence.Method.NAME);
        assertThat(f.evidence().reason()).contains("only a name and version").contains("openssl");
        assertThat(f.nearestFix()).isEqualTo("1.0.2zi");
        assertThat(found).extracting(Finding::vulnerabilityId).doesNotContain("CVE-2021-23839"); // 1.0.2k < 1.0.2s
    }

    // ------------------------------------------------------------------------------------------ Debian backports

    @Test
    void match_debianBackportFixedInDsa_isNotMatchedByTheUpstreamRange() {
        // DSA-5343-1 fixed bullseye's openssl in 1.1.1n-0+deb11u4; upstream fixed these CVEs in 1.1.1t and
        // CVE-2023-3446 in 1.1.1v, so every upstream range covers 1.1.1n. The Debian build decides.
        Component fixed = purl("pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u5?arch=amd64&distro=debian-11");
        assertThat(findings(fixed)).isEmpty();

        Component before = purl("pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3?arch=amd64&distro=debian-11");
        List<Finding> found = findings(before);
        assertThat(found).extracting(f -> f.advisory().id()).containsOnly("DSA-5343-1");
        assertThat(found).extracting(Finding::vulnerabilityId)
                .containsExactlyInAnyOrder("CVE-2022-2097", "CVE-2022-4304", "CVE-2022-4450", "CVE-2023-0215", "CVE-2023-0286");
        Finding f = found.getFirst();
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.evidence().method()).isEqualTo(Evidence.Method.PURL_DISTRO);
        assertThat(f.nearestFix()).isEqualTo("1.1.1n-0+deb11u4");
        assertThat(f.evidence().matched()).singleElement().satisfies(m -> assertThat(m.ecosystem()).isEqualTo("Debian:11"));
    }

    @Test
    void match_debianPackageOfAnotherRelease_isMatchedOnlyByThatReleasesRecord() {
        // DSA-5169-1 names buster (1.1.1n-0+deb10u3) and bullseye (1.1.1n-0+deb11u3); DSA-5343-1 only bullseye.
        Component buster = purl("pkg:deb/debian/openssl@1.1.1n-0%2Bdeb10u2?distro=debian-10");
        assertThat(advisoryIds(buster)).containsOnly("DSA-5169-1");
        Component busterFixed = purl("pkg:deb/debian/openssl@1.1.1n-0%2Bdeb10u3?distro=buster");
        assertThat(advisoryIds(busterFixed)).isEmpty();
        // the bullseye version string under bookworm: no bookworm record, so nothing
        Component bookworm = purl("pkg:deb/debian/openssl@1.1.1n-0%2Bdeb11u3?distro=debian-12");
        assertThat(advisoryIds(bookworm)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ Maven qualifiers

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource({
            // GHSA-2c3p-9j5f-33g3 (real): introduced 1.0.0, fixed 3.3.0; ComparableVersion: -SNAPSHOT < release, .Final = release
            "pkg:maven/org.apache.openmeetings/openmeetings-parent@3.3.0-SNAPSHOT, GHSA-2c3p-9j5f-33g3, true",
            "pkg:maven/org.apache.openmeetings/openmeetings-parent@3.3.0, GHSA-2c3p-9j5f-33g3, false",
            "pkg:maven/org.apache.openmeetings/openmeetings-parent@3.3.0.Final, GHSA-2c3p-9j5f-33g3, false",
            "pkg:maven/org.apache.openmeetings/openmeetings-parent@3.2.1.Final, GHSA-2c3p-9j5f-33g3, true",
            "pkg:maven/org.apache.openmeetings/openmeetings-parent@1.0.0-SNAPSHOT, GHSA-2c3p-9j5f-33g3, false",
            // GHSA-7g45-4rm6-3mm3: fixed 32.0.0-android; "jre" sorts after "android" (unknown qualifiers, lexically)
            "pkg:maven/com.google.guava/guava@31.1-jre, GHSA-7g45-4rm6-3mm3, true",
            "pkg:maven/com.google.guava/guava@31.1-android, GHSA-7g45-4rm6-3mm3, true",
            "pkg:maven/com.google.guava/guava@32.0.0-android, GHSA-7g45-4rm6-3mm3, false",
            "pkg:maven/com.google.guava/guava@32.0.0-jre, GHSA-7g45-4rm6-3mm3, false",
            // GHSA-j8jw-g6fq-mp7h: fixed 5.4.24.Final (= 5.4.24)
            "pkg:maven/org.hibernate/hibernate-core@5.4.23.Final, GHSA-j8jw-g6fq-mp7h, true",
            "pkg:maven/org.hibernate/hibernate-core@5.4.24.Final, GHSA-j8jw-g6fq-mp7h, false",
            "pkg:maven/org.hibernate/hibernate-core@5.4.24, GHSA-j8jw-g6fq-mp7h, false",
            "pkg:maven/org.hibernate/hibernate-core@5.4.24-SNAPSHOT, GHSA-j8jw-g6fq-mp7h, true",
            "pkg:maven/org.hibernate/hibernate-core@5.4.24.Final-SNAPSHOT, GHSA-j8jw-g6fq-mp7h, true"})
    void match_mavenQualifier_followsComparableVersion(String purl, String advisory, boolean affected) {
        assertThat(advisoryIds(purl(purl)).contains(advisory)).isEqualTo(affected);
    }

    // ------------------------------------------------------------------------------------------ npm prereleases

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // GHSA-92r3-m2mg-pj97 (vite, real): [4.4.0, 4.4.12), [4.5.0, 4.5.1), [5.0.0, 5.0.5)
            "4.4.0-alpha.1, false", // a pre-release of 4.4.0 is below it
            "4.4.0, true", "4.4.12-beta.0, true", "4.4.12, false", "4.5.1-0, true", "4.5.1, false",
            "5.0.0-beta.1, false", "5.0.0, true", "5.0.5-rc.1, true", "5.0.5, false", "5.1.0-beta.2, false"})
    void match_npmPrerelease_isOrderedBelowItsRelease(String version, boolean affected) {
        assertThat(advisoryIds(purl("pkg:npm/vite@" + version)).contains("GHSA-92r3-m2mg-pj97")).isEqualTo(affected);
    }

    // ------------------------------------------------------------------------------------------ PyPI post and dev

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // PYSEC-2021-335 (AccessControl, real): [4.0, 4.3), [5.0, 5.2); PEP 440: X.devN < X < X.postN
            "4.0.dev0, false", "4.0, true", "4.0.post1, true", "4.2.post3, true", "4.3.dev0, true", "4.3, false",
            "4.3.post1, false", "5.0.dev1, false", "5.0, true", "5.2rc1, true", "5.2, false", "5.2.post1, false"})
    void match_pypiPostAndDevRelease_followsPep440(String version, boolean affected) {
        assertThat(advisoryIds(purl("pkg:pypi/accesscontrol@" + version)).contains("PYSEC-2021-335")).isEqualTo(affected);
    }

    // ------------------------------------------------------------------------------------------ Go pseudo-versions

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // GO-2021-0356 (golang.org/x/crypto, real): fixed 0.0.0-20220314234659-1baeb1ce4c0b
            "v0.0.0-20211202192323-5770296d904e, true",
            "v0.0.0-20220314234658-1baeb1ce4c0b, true", // one second before the fixing commit
            "v0.0.0-20220314234659-1baeb1ce4c0b, false",
            "v0.0.0-20220315160706-3147a52a75dd, false",
            "v0.1.0, false",
            "v0.3.1-0.20221117191849-2c476679df9a, false"}) // a pseudo-version after v0.3.0
    void match_goPseudoVersion_isOrderedByItsCommitTime(String version, boolean affected) {
        assertThat(advisoryIds(purl("pkg:golang/golang.org/x/crypto@" + version)).contains("GO-2021-0356")).isEqualTo(affected);
    }

    // ------------------------------------------------------------------------------------------ Go standard library

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // GO-2023-1987 (stdlib, CVE-2023-29409, real): [0, 1.19.12), [1.20.0-0, 1.20.7), [1.21.0-0, 1.21.0-rc.4)
            "go1.19.11, true", "1.19.11, true", "v1.19.11, true", "go1.19.12, false",
            "go1.20, true", "go1.20.6, true", "go1.20.7, false",
            "go1.21rc3, true", "1.21.0-rc.3, true", "go1.21rc4, false", "go1.21.0, false", "go1.21, false"})
    void match_goStandardLibrary_purlWithoutNamespace_andGoReleaseTags(String version, boolean affected) {
        assertThat(advisoryIds(purl("pkg:golang/stdlib@" + version)).contains("GO-2023-1987")).isEqualTo(affected);
    }

    @Test
    void match_goReleaseTag_saysHowItWasRead() {
        Finding f = finding(findings(purl("pkg:golang/stdlib@go1.21rc3")), "GO-2023-1987");

        assertThat(f.evidence().reason()).contains("Go release go1.21rc3 read as 1.21.0-rc.3");
        assertThat(f.vulnerabilityId()).isEqualTo("CVE-2023-29409");
    }

    @Test
    void match_singleElementGoModulePath_isMatched() {
        // GO-2022-1119 (tailscale.com, real): fixed 1.32.3
        assertThat(advisoryIds(purl("pkg:golang/tailscale.com@v1.32.2"))).contains("GO-2022-1119");
        assertThat(advisoryIds(purl("pkg:golang/tailscale.com@v1.32.3"))).doesNotContain("GO-2022-1119");
    }

    // ------------------------------------------------------------------------------------------ more distributions

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // CGA-2c2h-8fj5-55vx (real; Wolfi and Chainguard, rolling): nri-memcached fixed 2.5.7-r1
            "pkg:apk/wolfi/nri-memcached@2.5.7-r0, CGA-2c2h-8fj5-55vx, true",
            "pkg:apk/wolfi/nri-memcached@2.5.7-r1, CGA-2c2h-8fj5-55vx, false",
            "pkg:apk/chainguard/nri-memcached@2.5.6-r3, CGA-2c2h-8fj5-55vx, true",
            // MINI-2cf5-qxg8-p76v (real; MinimOS, rolling): openjdk-19 fixed 19.0.2.7-r1
            "pkg:apk/minimos/openjdk-19@19.0.2.7-r0, MINI-2cf5-qxg8-p76v, true",
            "pkg:apk/minimos/openjdk-19@19.0.2.7-r1, MINI-2cf5-qxg8-p76v, false",
            // MGASA-2025-0124 (real; Mageia 9 only): microcode fixed 0.20250211-2.mga9.nonfree
            "pkg:rpm/mageia/microcode@0.20241112-1.mga9.nonfree?distro=mageia-9, MGASA-2025-0124, true",
            "pkg:rpm/mageia/microcode@0.20250211-2.mga9.nonfree?distro=mageia-9, MGASA-2025-0124, false",
            "pkg:rpm/mageia/microcode@0.20241112-1.mga8.nonfree?distro=mageia-8, MGASA-2025-0124, false",
            // OESA-2021-1001 (real; openEuler 20.03-LTS and 20.03-LTS-SP1): dnsmasq fixed 2.82-5.oe1
            "pkg:rpm/openEuler/dnsmasq@2.82-4.oe1?distro=openEuler-20.03-LTS, OESA-2021-1001, true",
            "pkg:rpm/openEuler/dnsmasq@2.82-5.oe1?distro=openEuler-20.03-LTS-SP1, OESA-2021-1001, false",
            "pkg:rpm/openEuler/dnsmasq@2.82-4.oe1?distro=openEuler-22.03-LTS, OESA-2021-1001, false",
            // BELL-CVE-2025-49796 (real): libxml2 Alpaquita 23 [2.10.3-r2, 2.10.4-r5), stream [2.10.3-r2, 2.13.8-r1),
            // BellSoft Hardened Containers 23 [2.10.3-r2, 2.10.4-r5)
            "pkg:apk/alpaquita/libxml2@2.10.4-r4?distro=23, BELL-CVE-2025-49796, true",
            "pkg:apk/alpaquita/libxml2@2.12.0-r0?distro=23, BELL-CVE-2025-49796, false",
            "pkg:apk/alpaquita/libxml2@2.12.0-r0?distro=stream, BELL-CVE-2025-49796, true",
            "pkg:apk/alpaquita/libxml2@2.10.3-r1?distro=stream, BELL-CVE-2025-49796, false",
            "pkg:apk/bellsoft-hardened-containers/libxml2@2.10.4-r0?distro=23, BELL-CVE-2025-49796, true"})
    void match_moreDistributions_releaseBoundAndRollingAtHighConfidence(String purl, String advisory, boolean affected) {
        List<Finding> found = findings(purl(purl));
        assertThat(found.stream().anyMatch(f -> f.advisories().stream().anyMatch(a -> a.id().equals(advisory))))
                .as(purl).isEqualTo(affected);
        if (affected) {
            Finding f = finding(found, advisory);
            assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(f.evidence().method()).isEqualTo(Evidence.Method.PURL_DISTRO);
        }
    }

    // ------------------------------------------------------------------------------------------ no purl in the SBOM

    @Test
    void match_goModuleWithoutPurl_asKubernetesBomWritesIt_isInferredAtMediumConfidence() {
        // SPDX from kubernetes-sigs/bom: PackageName "golang.org/x/crypto@v0.0.0-…", PackageVersion the same version
        Component c = Component.builder("golang.org/x/crypto@v0.0.0-20211202192323-5770296d904e").bomRef("p")
                .type("library").version("v0.0.0-20211202192323-5770296d904e").build();

        Finding f = finding(findings(c), "GO-2021-0356");

        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(f.evidence().method()).isEqualTo(Evidence.Method.PURL_INFERRED);
        assertThat(f.evidence().identifier())
                .isEqualTo("pkg:golang/golang.org/x/crypto@v0.0.0-20211202192323-5770296d904e");
        assertThat(f.evidence().reason()).startsWith("no package URL in the SBOM: the name golang.org/x/crypto@")
                .contains("are a Go module path and version");
        // the same module at the fixing commit: nothing
        Component fixed = Component.builder("golang.org/x/crypto").bomRef("q").type("library")
                .version("v0.0.0-20220314234659-1baeb1ce4c0b").build();
        assertThat(findings(fixed)).extracting(Finding::vulnerabilityId).doesNotContain(f.vulnerabilityId());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "golang.org/x/crypto,  0.0.0-20211202192323-5770296d904e", // Go versions always have the v
            "crypto,               v0.0.0-20211202192323-5770296d904e", // no module path
            "golang.org,           v0.0.0-20211202192323-5770296d904e", // one element: could be anything
            "golang.org/x/crypto@v0.0.0-20211202192323-5770296d904e, v0.1.0"}) // name and version disagree
    void match_nameThatIsNotUnambiguouslyAGoModule_isNotInferred(String name, String version) {
        Component c = Component.builder(name).bomRef("p").type("library").version(version).build();
        assertThat(findings(c)).noneMatch(f -> f.evidence().method() == Evidence.Method.PURL_INFERRED);
    }

    // ------------------------------------------------------------------------------------------ distro release

    @Test
    void match_rpmWithoutDistroRelease_isMediumConfidenceWithReason() {
        // ALSA-2022:5818 (AlmaLinux 8) fixed openssl in 1:1.1.1k-7.el8_6
        Component noRelease = purl("pkg:rpm/almalinux/openssl@1.1.1k-7.el8?arch=x86_64&epoch=1");
        Finding f = finding(findings(noRelease), "ALSA-2022:5818");
        assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(f.evidence().method()).isEqualTo(Evidence.Method.PURL_DISTRO_UNKNOWN_RELEASE);
        assertThat(f.evidence().reason()).contains("distro release unknown").contains("every almalinux release's advisories");
        assertThat(f.installedVersion()).isEqualTo("1:1.1.1k-7.el8");

    }

    @Test
    void match_distroMamoriHasNoAdvisoriesFor_isNotMatchedAgainstAnotherDistro_andSaysSo() {
        // Fedora's openssl, with an EVR the AlmaLinux 8 advisory would call affected
        Component fedora = purl("pkg:rpm/fedora/openssl@1.1.1k-7.el8?epoch=1");
        Component other = purl("pkg:rpm/fedora/curl@7.61.1-1?epoch=0");

        Matcher.Result r = matcher.match(bom(fedora, other));

        assertThat(r.findings()).isEmpty();
        assertThat(r.warnings()).containsOnlyOnce("rpm/fedora: no advisories for this distribution are known, so its "
                + "packages were not matched against other distributions' advisories");
    }

    @Test
    void match_rpmWithDistroFromQualifierOrOperatingSystem_isHighConfidenceAndReleaseBound() {
        Component el8 = purl("pkg:rpm/almalinux/openssl@1.1.1k-7.el8?arch=x86_64&epoch=1&distro=almalinux-8.6");
        List<Finding> found = findings(el8);
        Finding f = finding(found, "ALSA-2022:5818");
        assertThat(f.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(f.evidence().method()).isEqualTo(Evidence.Method.PURL_DISTRO);
        assertThat(found).flatExtracting(Finding::advisories).extracting(Advisory::id)
                .doesNotContain("ALSA-2023:0946", "ALSA-2025:21248"); // AlmaLinux 9 and 10 records

        Component os = Component.builder("almalinux").bomRef("os").type("operating-system").version("8.6").build();
        Component bare = purl("pkg:rpm/almalinux/openssl@1.1.1k-7.el8?arch=x86_64&epoch=1");
        List<Finding> withOs = matcher.match(bom(os, bare)).findings();
        assertThat(finding(withOs, "ALSA-2022:5818").confidence()).isEqualTo(Confidence.HIGH);
        assertThat(withOs).flatExtracting(Finding::advisories).extracting(Advisory::id).doesNotContain("ALSA-2023:0946");
    }

    // ------------------------------------------------------------------------------------------ CPE fallback

    @Test
    void match_componentWithOnlyCpe_isLowConfidenceWithReason() {
        // CVE-2024-3094 (xz backdoor, NVD): cpe:2.3:a:tukaani:xz:5.6.0 and 5.6.1
        Component xz = Component.builder("xz").bomRef("xz").version("5.6.1").cpe("cpe:2.3:a:tukaani:xz:5.6.1:*:*:*:*:*:*:*").build();
        Finding f = finding(findings(xz), "CVE-2024-3094");
        assertThat(f.confidence()).isEqualTo(Confidence.LOW);
        assertThat(f.evidence().method()).isEqualTo(Evidence.Method.CPE);
        assertThat(f.evidence().reason()).contains("no package URL").contains("CPE");
        assertThat(f.evidence().identifier()).isEqualTo("cpe:2.3:a:tukaani:xz:5.6.1:*:*:*:*:*:*:*");

        Component older = Component.builder("xz").bomRef("xz").version("5.4.6").cpe("cpe:2.3:a:tukaani:xz:5.4.6:*:*:*:*:*:*:*").build();
        assertThat(findings(older)).isEmpty();
    }

    @Test
    void match_componentWithOnlyNameAndVersion_isLowConfidenceNamingTheVendorsTried() {
        Component xz = Component.builder("xz").bomRef("xz").version("5.6.0").build();
        Finding f = finding(findings(xz), "CVE-2024-3094");
        assertThat(f.confidence()).isEqualTo(Confidence.LOW);
        assertThat(f.evidence().method()).isEqualTo(Evidence.Method.NAME);
        assertThat(f.evidence().reason()).contains("only a name and version").contains("tukaani");
    }

    @Test
    void match_purlTheAdvisoriesDoNotKnowButWithCpe_fallsBackToCpe() {
        // libwebp is not in any OSV set here; its CPE is in CVE-2023-4863's NVD configurations
        Purl p = Purl.parse("pkg:generic/libwebp@1.3.1");
        Component webp = Component.builder("libwebp").bomRef("webp").version("1.3.1").purl("pkg:generic/libwebp@1.3.1", p)
                .cpe("cpe:2.3:a:webmproject:libwebp:1.3.1:*:*:*:*:*:*:*").build();
        Finding f = finding(findings(webp), "CVE-2023-4863");
        assertThat(f.confidence()).isEqualTo(Confidence.LOW);
        assertThat(f.evidence().method()).isEqualTo(Evidence.Method.CPE);
    }
}

package dev.mamori.sbom.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Diffs of real release series. Expected counts were made independently with Python (json module): components keyed
 * by purl without version and qualifiers (SPDX: the PACKAGE_MANAGER purl, keeping only distro and arch qualifiers),
 * equal versions paired first, then the rest pairwise; webgoat 8.1.0 -> 8.2.0: 40 added, 6 removed, 33 same version,
 * 119 version changes; 8.2.0 -> 2025.3: 52 added, 80 removed, 13 same version, 99 version changes; kube-proxy
 * v1.24.1 -> v1.25.1 (packages only): 76 added, 92 removed, 5 same version, 2 version changes (base-files,
 * libssl1.1).
 */
final class SbomDiffTest {
    static Bom read(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("src/test/resources/sbom").resolve(name)))) {
            return SbomReader.read(in, name);
        }
    }

    static ComponentChange change(DiffReport d, String key) {
        return d.changed().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    @Test
    void compare_webgoat810To820_matchesIndependentCounts() throws IOException {
        DiffReport d = SbomDiff.compare(read("webgoat/mvn-webgoat-8.1.0.cdx16.json.gz"), read("webgoat/mvn-webgoat-8.2.0.cdx16.json.gz"));
        assertThat(d.added()).hasSize(40);
        assertThat(d.removed()).hasSize(6);
        assertThat(d.changed().stream().filter(ComponentChange::versionChanged)).hasSize(119);
        assertThat(d.unchanged() + d.changed().stream().filter(c -> !c.versionChanged()).count()).isEqualTo(33);
        ComponentChange jjwt = change(d, "pkg:maven/io.jsonwebtoken/jjwt");
        assertThat(jjwt.oldVersion()).isEqualTo("0.7.0");
        assertThat(jjwt.newVersion()).isEqualTo("0.9.1");
        assertThat(jjwt.direction()).isEqualTo(ComponentChange.Direction.UPGRADE);
        assertThat(jjwt.bump()).isEqualTo(ComponentChange.Bump.MINOR);
        assertThat(jjwt.scheme()).isEqualTo("maven");
        assertThat(d.changed()).noneMatch(c -> c.key().equals("pkg:maven/com.thoughtworks.xstream/xstream"));
        assertThat(change(d, "pkg:maven/com.google.guava/guava").bump()).isEqualTo(ComponentChange.Bump.MAJOR);
        assertThat(change(d, "pkg:maven/org.hsqldb/hsqldb").bump()).isEqualTo(ComponentChange.Bump.PATCH);
        ComponentChange xnio = change(d, "pkg:maven/org.jboss.xnio/xnio-api");
        assertThat(xnio.oldLicences()).containsExactly("Public Domain");
        assertThat(xnio.newLicences()).containsExactly("Apache-2.0");
        assertThat(d.downgraded()).isEmpty();
        assertThat(d.edgesAdded()).isNotEmpty();
    }

    @Test
    void compare_webgoat820To20253_findsSpringBootMajorAndUnchangedJjwtAndXstream() throws IOException {
        DiffReport d = SbomDiff.compare(read("webgoat/mvn-webgoat-8.2.0.cdx16.json.gz"), read("webgoat/mvn-webgoat-2025.3.cdx16.json.gz"));
        assertThat(d.added()).hasSize(52);
        assertThat(d.removed()).hasSize(80);
        assertThat(d.changed().stream().filter(ComponentChange::versionChanged)).hasSize(99);
        ComponentChange boot = change(d, "pkg:maven/org.springframework.boot/spring-boot");
        assertThat(boot.oldVersion()).isEqualTo("2.4.3");
        assertThat(boot.newVersion()).isEqualTo("3.4.3");
        assertThat(boot.bump()).isEqualTo(ComponentChange.Bump.MAJOR);
        assertThat(d.changed()).noneMatch(c -> c.key().equals("pkg:maven/io.jsonwebtoken/jjwt") && c.versionChanged());
        assertThat(d.changed()).noneMatch(c -> c.key().equals("pkg:maven/com.thoughtworks.xstream/xstream") && c.versionChanged());
    }

    @Test
    void compare_kubeProxySpdx_findsTheDebianUpgradesWithoutBumpSize() throws IOException {
        DiffReport d = SbomDiff.compare(read("guac-data/syft-spdx-k8s.gcr.io-kube-proxy.v1.24.1.json.gz"),
                read("guac-data/syft-spdx-k8s.gcr.io-kube-proxy.v1.25.1.json.gz"));
        assertThat(d.added()).hasSize(76);
        assertThat(d.removed()).hasSize(92);
        assertThat(d.upgraded()).extracting(ComponentChange::name).containsExactly("base-files", "libssl1.1");
        ComponentChange ssl = change(d, "pkg:deb/debian/libssl1.1?arch=amd64&distro=debian-11");
        assertThat(ssl.oldVersion()).isEqualTo("1.1.1n-0+deb11u1");
        assertThat(ssl.newVersion()).isEqualTo("1.1.1n-0+deb11u3");
        assertThat(ssl.scheme()).isEqualTo("deb");
        assertThat(ssl.bump()).isNull();
        assertThat(d.changed().stream().filter(c -> !c.versionChanged()).map(ComponentChange::name)).containsExactly("dash", "grep");
        assertThat(d.unchanged()).isEqualTo(3);
    }

    @Test
    void compare_sameSbom_isEmpty() throws IOException {
        Bom b = read("webgoat/mvn-webgoat-8.2.0.cdx16.json.gz");
        DiffReport d = SbomDiff.compare(b, b);
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.unchanged()).isEqualTo(192);
    }

    @ParameterizedTest
    @CsvSource({
        "npm, 1.2.3, 2.0.0, MAJOR", "npm, 1.2.3, 1.3.0, MINOR", "npm, 1.2.3, 1.2.4, PATCH", "npm, 1.2.3-rc.1, 1.2.3, OTHER",
        "golang, v0.9.0, v0.10.1, MINOR", "maven, 2.2.2.RELEASE, 2.4.3, MINOR", "maven, 1.0, 1.0.1, PATCH",
        "maven, 5.4.9.Final, 5.4.28.Final, PATCH", "pypi, 1!1.0, 2.0, MAJOR", "pypi, 2.31.0, 2.32.3, MINOR",
        "pypi, 1.0.0.post1, 1.0.0.post2, OTHER",
    })
    void bump_schemesWithMajorMinorPatch(String scheme, String a, String b, ComponentChange.Bump expected) {
        assertThat(Bumps.of(scheme, a, b)).isEqualTo(expected);
    }

    @Test
    void bump_schemesWithoutTheNotion_isNull() {
        assertThat(Bumps.of("deb", "1.0-1", "2.0-1")).isNull();
        assertThat(Bumps.of("maven", "RELEASE", "1.0")).isNull();
    }
}

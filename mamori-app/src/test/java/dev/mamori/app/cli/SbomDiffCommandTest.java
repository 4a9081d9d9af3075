package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SbomDiffCommandTest {
    @TempDir
    Path tmp;

    @Test
    void diff_webgoatReleases_textListsUpgradesAndLicenceChanges() throws IOException {
        Path a = SbomValidateCommandTest.fixture(tmp, "webgoat/mvn-webgoat-8.1.0.cdx16.json.gz");
        Path b = SbomValidateCommandTest.fixture(tmp, "webgoat/mvn-webgoat-8.2.0.cdx16.json.gz");
        SbomValidateCommandTest.Run r = SbomValidateCommandTest.run("sbom", "diff", a.toString(), b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(": 40 added, 6 removed, 119 upgraded (")
                .contains("  io.jsonwebtoken/jjwt 0.7.0 -> 0.9.1 (minor)")
                .contains("  org.jboss.xnio/xnio-api: [Public Domain] -> [Apache-2.0]")
                .doesNotContain("xstream");
    }

    @Test
    void diff_kubeProxySpdxJson_givesDebianUpgrades() throws IOException {
        Path a = SbomValidateCommandTest.fixture(tmp, "guac-data/syft-spdx-k8s.gcr.io-kube-proxy.v1.24.1.json.gz");
        Path b = SbomValidateCommandTest.fixture(tmp, "guac-data/syft-spdx-k8s.gcr.io-kube-proxy.v1.25.1.json.gz");
        SbomValidateCommandTest.Run r = SbomValidateCommandTest.run("sbom", "diff", "--format", "json", a.toString(), b.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("summary").path("added").asInt()).isEqualTo(76);
        assertThat(j.path("summary").path("removed").asInt()).isEqualTo(92);
        assertThat(j.path("summary").path("upgraded").asInt()).isEqualTo(2);
        JsonNode ssl = j.path("changed").findParents("name").stream().filter(n -> n.path("name").asText().equals("libssl1.1")).findFirst().orElseThrow();
        assertThat(ssl.path("direction").asText()).isEqualTo("upgrade");
        assertThat(ssl.path("scheme").asText()).isEqualTo("deb");
        assertThat(ssl.path("newVersion").asText()).isEqualTo("1.1.1n-0+deb11u3");
    }

    @Test
    void diff_unreadable_exit2() {
        SbomValidateCommandTest.Run r = SbomValidateCommandTest.run("sbom", "diff", "../examples/kawipiko-sbom.cdx.json", tmp.resolve("no.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
    }
}

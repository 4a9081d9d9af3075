package dev.mamori.sbom.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomReader;
import dev.mamori.sbom.validate.SbomValidator;
import dev.mamori.sbom.validate.ValidationReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Scores on real SBOMs. Expected counts were made independently with Python over the same files (json module only),
 * e.g. for webgoat 8.2.0: components = metadata.component + components[] walked recursively = 192; with hashes 156
 * (all SHA-512); with licences 191; with supplier/manufacturer/authors 0; with a vcs or source-distribution
 * reference 176; with a distribution reference 99; every bom-ref in dependencies[] (ref or dependsOn) 192;
 * metadata: no authors, tools present, lifecycle build. kube-scheduler (syft SPDX 2.2): 100 packages (1,972 files
 * not scored), supplier or originator 3, licenseConcluded/Declared other than NONE/NOASSERTION 1 each, versionInfo
 * 100, externalRefs 100, checksums 0, no relationships.
 */
final class SbomQualityTest {
    static final Path DIR = Path.of("src/test/resources/sbom");

    record Scored(Bom bom, ValidationReport validation) {}

    static Scored load(String name) throws IOException {
        byte[] bytes;
        try (InputStream raw = Files.newInputStream(DIR.resolve(name)); InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            bytes = in.readAllBytes();
        }
        return new Scored(SbomReader.read(new ByteArrayInputStream(bytes), name), SbomValidator.validate(bytes, name));
    }

    static ElementResult element(ProfileResult p, String id) {
        return p.elements().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void assess_webgoat820_matchesIndependentCounts() throws IOException {
        Scored s = load("webgoat/mvn-webgoat-8.2.0.cdx16.json.gz");
        QualityReport r = SbomQuality.assess(s.bom(), s.validation(), List.of(Profile.values()));
        assertThat(r.components()).isEqualTo(192);
        ProfileResult ntia = r.profiles().get(0);
        assertThat(element(ntia, "C3").present()).isZero();
        assertThat(element(ntia, "C3").missing()).hasSize(192);
        assertThat(element(ntia, "C6").present()).isEqualTo(156);
        assertThat(element(ntia, "C7").present()).isEqualTo(191);
        assertThat(element(ntia, "C5").present()).isEqualTo(192);
        assertThat(element(ntia, "D1").present()).isZero();
        // NTIA required: D1 0, D2 1, D7 1, C1 1, C2 1, C3 0, C4 1, C5 1 -> 6/8
        assertThat(ntia.score()).isEqualTo(75.0);
        assertThat(ntia.grade()).isEqualTo('C');
        ProfileResult cisa = r.profiles().get(1);
        // 0+1+1+1+1 (D1 D2 D3 D4 D7) + 1+1+0+1+1 (C1-C5) + 156/192 + 191/192 = 9.8073 / 12
        assertThat(cisa.score()).isEqualTo(81.7);
        assertThat(cisa.grade()).isEqualTo('B');
        ProfileResult bsi = r.profiles().get(2);
        assertThat(element(bsi, "C6").present()).isEqualTo(156);
        assertThat(element(bsi, "C7").present()).isZero();
        assertThat(element(bsi, "C8").present()).isEqualTo(191);
        assertThat(element(bsi, "C11").present()).isEqualTo(176);
        assertThat(element(bsi, "C12").present()).isEqualTo(99);
        // D: 0+1+1+1+1; C: 1+1+0+1+1+156/192+0+191/192+0+0+176/192+99/192 -> 11.2396 / 17
        assertThat(bsi.score()).isEqualTo(66.1);
        assertThat(bsi.gatesPassed()).isTrue();
        assertThat(r.grade()).isEqualTo('D');
    }

    @Test
    void assess_syftSpdx22_failsTheGatesAndNamesWhatIsMissing() throws IOException {
        Scored s = load("guac-data/syft-spdx-k8s.gcr.io-kube-scheduler.v1.25.1.json.gz");
        QualityReport r = SbomQuality.assess(s.bom(), s.validation(), List.of(Profile.values()));
        assertThat(r.components()).isEqualTo(100);
        ProfileResult ntia = r.profiles().get(0);
        assertThat(element(ntia, "C3").present()).isEqualTo(3);
        assertThat(element(ntia, "C5").present()).isZero();
        assertThat(element(ntia, "C6").present()).isZero();
        assertThat(element(ntia, "C7").present()).isEqualTo(1);
        // D1 1, D2 1, D7 0, C1 1, C2 1, C3 0.03, C4 1, C5 0 -> 5.03/8
        assertThat(ntia.score()).isEqualTo(62.9);
        assertThat(ntia.grade()).isEqualTo('F'); // schema gate: copyrightText missing
        assertThat(ntia.gates().getFirst().passed()).isFalse();
        ProfileResult bsi = r.profiles().get(2);
        assertThat(bsi.gates()).anySatisfy(g -> {
            assertThat(g.name()).isEqualTo("format-version");
            assertThat(g.passed()).isFalse();
        });
        assertThat(r.grade()).isEqualTo('F');
    }

    @Test
    void assess_spdx23SpecExample_scoresItsFourPackages() throws IOException {
        Scored s = load("spdx-tools-java/SPDXJSONExample-v2.3.spdx.json");
        QualityReport r = SbomQuality.assess(s.bom(), s.validation(), List.of(Profile.NTIA));
        assertThat(r.components()).isEqualTo(4);
        ProfileResult ntia = r.profiles().getFirst();
        assertThat(element(ntia, "C2").present()).isEqualTo(3);
        assertThat(element(ntia, "C3").present()).isEqualTo(1);
        assertThat(element(ntia, "C4").present()).isEqualTo(2);
        assertThat(element(ntia, "C5").present()).isEqualTo(2);
        // D1 1, D2 1, D7 1, C1 1, C2 .75, C3 .25, C4 .5, C5 .5 -> 6/8
        assertThat(ntia.score()).isEqualTo(75.0);
        assertThat(ntia.grade()).isEqualTo('C');
    }

    @Test
    void grade_cutOffs() {
        assertThat(SbomQuality.grade(90)).isEqualTo('A');
        assertThat(SbomQuality.grade(89.9)).isEqualTo('B');
        assertThat(SbomQuality.grade(70)).isEqualTo('C');
        assertThat(SbomQuality.grade(60)).isEqualTo('D');
        assertThat(SbomQuality.grade(50)).isEqualTo('E');
        assertThat(SbomQuality.grade(49.9)).isEqualTo('F');
        assertThat(SbomQuality.isoTimestamp("2024-01-01T00:00:00Z")).isTrue();
        assertThat(SbomQuality.isoTimestamp("yesterday")).isFalse();
    }
}

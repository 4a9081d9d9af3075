package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SbomQualityCommandTest {
    @TempDir
    Path tmp;

    @Test
    void quality_allProfiles_textShowsGradesGatesAndWhatIsMissing() throws IOException {
        Path f = SbomValidateCommandTest.fixture(tmp, "webgoat/mvn-webgoat-8.2.0.cdx16.json.gz");
        SbomValidateCommandTest.Run r = SbomValidateCommandTest.run("sbom", "quality", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("CycloneDX 1.6 JSON, 192 components - overall grade D")
                .contains("NTIA minimum elements (2021): score 75.0, grade C")
                .contains("CISA 2025 minimum elements (draft 2025-08-22): score 81.7, grade B")
                .contains("BSI TR-03183-2 v2.1.0: score 66.1, grade D")
                .contains("gate format-version: pass")
                .containsPattern("C3 +required +supplier name +0/192 \\(0\\.0%\\) missing: .*, … 182 more")
                .containsPattern("D1 +required +SBOM author +MISSING");
    }

    @Test
    void quality_oneProfileJson_hasFullMissingLists() throws IOException {
        Path f = SbomValidateCommandTest.fixture(tmp, "guac-data/syft-spdx-k8s.gcr.io-kube-scheduler.v1.25.1.json.gz");
        SbomValidateCommandTest.Run r = SbomValidateCommandTest.run("sbom", "quality", f.toString(), "--profile", "bsi-tr-03183-2", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("grade").asText()).isEqualTo("F");
        assertThat(j.path("profiles")).hasSize(1);
        JsonNode bsi = j.path("profiles").get(0);
        assertThat(bsi.path("profile").asText()).isEqualTo("bsi-tr-03183-2");
        assertThat(bsi.path("gates").get(1).path("passed").asBoolean()).isFalse();
        JsonNode hash = bsi.path("elements").findParents("id").stream().filter(e -> e.path("id").asText().equals("C6")).findFirst().orElseThrow();
        assertThat(hash.path("missing")).hasSize(100);
    }

    @Test
    void quality_unknownProfileOrUnreadable_exit2() {
        assertThat(SbomValidateCommandTest.run("sbom", "quality", "../examples/kawipiko-sbom.cdx.json", "--profile", "iso").code()).isEqualTo(2);
        SbomValidateCommandTest.Run r = SbomValidateCommandTest.run("sbom", "quality", tmp.resolve("none.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
    }
}

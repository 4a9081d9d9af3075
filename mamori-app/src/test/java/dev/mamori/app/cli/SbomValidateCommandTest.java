package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SbomValidateCommandTest {
    static final Path FIXTURES = Path.of("../mamori-core/src/test/resources/sbom");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** A fixture as a plain file (gunzipped when it is .gz). */
    static Path fixture(Path tmp, String name) throws IOException {
        Path src = FIXTURES.resolve(name);
        if (!name.endsWith(".gz")) {
            return src;
        }
        Path out = tmp.resolve(src.getFileName().toString().replaceFirst("\\.gz$", ""));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(src))) {
            Files.copy(in, out);
        }
        return out;
    }

    @Test
    void validate_validFiles_exit0AndSayValid() throws IOException {
        Run r = run("sbom", "validate", "../examples/kawipiko-sbom.cdx.json", fixture(tmp, "spdx-tools-java/SPDXTagExample-v2.3.spdx").toString());
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("kawipiko-sbom.cdx.json: valid (CycloneDX 1.4 JSON; schema: CycloneDX 1.4 JSON schema)")
                .contains("SPDXTagExample-v2.3.spdx: valid (SPDX 2.3 tag-value");
    }

    @Test
    void validate_invalidFile_exit1WithEveryProblemPlaced() throws IOException {
        Path f = tmp.resolve("bad.cdx.json");
        Files.writeString(f, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[
                  {"type":"library","bom-ref":"a","name":"a","purl":"pkg:/nope"},
                  {"type":"library","bom-ref":"a","name":"b","licenses":[{"expression":"MIT AND"}]}],
                 "dependencies":[{"ref":"a","dependsOn":["zzz"]}]}
                """);
        Run r = run("sbom", "validate", f.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(": invalid (CycloneDX 1.6 JSON")
                .contains("error [ref.duplicate] /components/1/bom-ref: bom-ref 'a' is already used at /components/0/bom-ref")
                .contains("error [ref.dangling] /dependencies/0/dependsOn/0: dependsOn ref 'zzz' names no element of this document")
                .contains("error [purl] /components/0/purl")
                .contains("error [license.expression] /components/1/licenses/0/expression");
    }

    @Test
    void validate_jsonFormat_listsProblemsAsObjects() throws IOException {
        Run r = run("sbom", "validate", "--format", "json", fixture(tmp, "guac-data/syft-spdx-k8s.gcr.io-kube-scheduler.v1.25.1.json.gz").toString());
        assertThat(r.code()).isEqualTo(1);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("result").asText()).isEqualTo("invalid");
        assertThat(j.path("format").asText()).isEqualTo("SPDX");
        assertThat(j.path("schema").asText()).isEqualTo("SPDX 2.2 JSON schema");
        assertThat(j.path("problems").get(0).path("location").asText()).isEqualTo("/packages/0");
        assertThat(j.path("problems").get(0).path("rule").asText()).isEqualTo("schema");
        assertThat(j.path("problems").size()).isGreaterThan(100);
    }

    @Test
    void validate_textCapsAProblemRule() throws IOException {
        Run r = run("sbom", "validate", fixture(tmp, "guac-data/syft-spdx-k8s.gcr.io-kube-scheduler.v1.25.1.json.gz").toString());
        assertThat(r.out()).contains("error [schema] … ").contains("more (use --format json for all)");
        assertThat(r.out().lines().filter(l -> l.startsWith("  error [schema]"))).hasSize(SbomValidateCommand.MAX_PER_RULE + 1);
    }

    @Test
    void validate_unreadableAndMissing_exit2() throws IOException {
        Path f = tmp.resolve("x.json");
        Files.writeString(f, "{\"bomFormat\":\"CycloneDX\",");
        Run r = run("sbom", "validate", f.toString(), tmp.resolve("missing.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("x.json: unreadable").contains("missing.json: unreadable").contains("no such file");
    }
}

package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomFormat;
import dev.mamori.sbom.SbomReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SbomConvertCommandTest {
    static final String BOM = "../examples/kawipiko-sbom.cdx.json";
    static final String ADVISORIES = "../examples/advisories";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void convert_cycloneDxToSpdxFile_writesReadableSpdxWithEveryComponent() {
        Path out = tmp.resolve("k.spdx.json");
        Run r = run("sbom", "convert", BOM, "--to", "spdx-json", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        Bom spdx = SbomReader.read(out);
        assertThat(spdx.format()).isEqualTo(SbomFormat.SPDX);
        assertThat(spdx.specVersion()).isEqualTo("2.3");
        assertThat(spdx.allComponents()).hasSize(SbomReader.read(Path.of(BOM)).allComponents().size());
    }

    @Test
    void convert_cycloneDxToSpdx3File_writesReadableSpdx3WithEveryComponentAndEdge() {
        Path out = tmp.resolve("k.spdx3.json");
        Run r = run("sbom", "convert", BOM, "--to", "spdx3-json", "-o", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
        Bom original = SbomReader.read(Path.of(BOM));
        Bom spdx3 = SbomReader.read(out);
        assertThat(spdx3.format()).isEqualTo(SbomFormat.SPDX);
        assertThat(spdx3.specVersion()).isEqualTo("3.0.1");
        assertThat(spdx3.encoding()).isEqualTo("json-ld");
        assertThat(spdx3.allComponents()).hasSize(original.allComponents().size());
        assertThat(spdx3.dependencyEdgeCount()).isEqualTo(original.dependencyEdgeCount());
        assertThat(spdx3.warnings()).isEmpty();
    }

    @Test
    void convert_toSpdx3OnStdout_writesTheSpdx3Context() {
        Run r = run("sbom", "convert", BOM, "--to", "SPDX3-JSON");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{").contains("\"@context\" : \"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\"");
    }

    @Test
    void convert_help_namesEveryTarget() {
        Run r = run("sbom", "convert", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("Target format: cyclonedx-json, cyclonedx-xml, spdx-json, spdx3-json.")
                .contains("SPDX 2.3 JSON or SPDX 3.0.1 JSON-LD");
    }

    @Test
    void convert_toStdout_writesCycloneDxXml() {
        Run r = run("sbom", "convert", BOM, "--to", "cyclonedx-xml");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"");
        Bom back = SbomReader.read(new java.io.ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)), "stdout");
        assertThat(back.allComponents()).hasSize(27);
    }

    @Test
    void convert_evidenceToSpdx_reportsWhatIsLostOnStderr() throws IOException {
        Path in = tmp.resolve("evidence.json");
        Files.writeString(in, """
                {"bomFormat":"CycloneDX","specVersion":"1.6","components":[{"type":"library","name":"zlib","version":"1.3",
                 "evidence":{"identity":[{"field":"purl","confidence":0.8,"methods":[{"technique":"binary-analysis","confidence":0.8}]}]}}]}
                """);
        Run r = run("sbom", "convert", in.toString(), "--to", "spdx-json", "-o", tmp.resolve("out.json").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("mamori: not converted: SPDX 2.3 cannot hold evidence");
    }

    @Test
    void convert_unreadableInput_exits2NamingThePlace() throws IOException {
        Path in = tmp.resolve("broken.json");
        Files.writeString(in, "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"name\":");
        Run r = run("sbom", "convert", in.toString(), "--to", "cyclonedx-json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("mamori: " + in).contains("line 1");
        Run missing = run("sbom", "convert", tmp.resolve("nope").toString(), "--to", "cyclonedx-json");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void convert_unknownTarget_exits2() {
        Run r = run("sbom", "convert", BOM, "--to", "swid");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown target format 'swid'");
    }

    @Test
    void scan_spdxConvertedFromTheExample_findsTheSameAdvisories() {
        Path spdx = tmp.resolve("k.spdx.json");
        assertThat(run("sbom", "convert", BOM, "--to", "spdx-json", "-o", spdx.toString()).code()).isZero();
        Path xml = tmp.resolve("k.cdx.xml");
        assertThat(run("sbom", "convert", BOM, "--to", "cyclonedx-xml", "-o", xml.toString()).code()).isZero();
        Path spdx3 = tmp.resolve("k.spdx3.json");
        assertThat(run("sbom", "convert", BOM, "--to", "spdx3-json", "-o", spdx3.toString()).code()).isZero();
        for (Path p : new Path[] {spdx, xml, spdx3}) {
            Run r = run("scan", p.toString(), "--advisories", ADVISORIES);
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.out()).contains("9 findings in 5 of 27 components (13 advisories checked)");
        }
    }
}

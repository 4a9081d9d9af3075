package dev.mamori.sbom.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.sbom.SbomFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

final class SbomValidatorTest {
    static final Path DIR = Path.of("src/test/resources/sbom");

    static byte[] fixture(String name) {
        try (InputStream raw = Files.newInputStream(DIR.resolve(name));
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ValidationReport validate(String text) {
        return SbomValidator.validate(text.getBytes(StandardCharsets.UTF_8), "test");
    }

    static List<String> rules(ValidationReport r) {
        return r.problems().stream().map(p -> p.severity().label() + " " + p.rule() + " " + p.location()).toList();
    }

    @Test
    void validate_cycloneDxJsonWithSemanticFaults_reportsEachWithItsJsonPointer() {
        ValidationReport r = validate("""
                {"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
                 "components":[
                   {"type":"library","bom-ref":"a","name":"a","purl":"pkg:maven/org.example/a@1.0","licenses":[{"license":{"id":"Apache-2"}}]},
                   {"type":"library","bom-ref":"a","name":"b","purl":"not-a-purl","cpe":"cpe:2.3:a:x","licenses":[{"expression":"MIT OR"}]},
                   {"type":"library","bom-ref":"c","name":"c","licenses":[{"expression":"GPL-2.0-only WITH Nope-exception"}]}
                 ],
                 "dependencies":[{"ref":"a","dependsOn":["c","ghost"]},{"ref":"c","dependsOn":["a"]}]}
                """);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.formatLabel()).isEqualTo("CycloneDX 1.6 JSON");
        assertThat(rules(r)).contains(
                "error ref.duplicate /components/1/bom-ref",
                "error ref.dangling /dependencies/0/dependsOn/1",
                "error purl /components/1/purl",
                "error cpe /components/1/cpe",
                "error license.expression /components/1/licenses/0/expression",
                "error license.unknown-exception /components/2/licenses/0/expression",
                "warning dependency.cycle /dependencies/0/dependsOn/0");
        // the licence id is wrong for the schema (enum) and for the licence rule
        assertThat(rules(r)).contains("error license.unknown-id /components/0/licenses/0/license/id");
        assertThat(r.problems()).anySatisfy(p -> assertThat(p.rule()).isEqualTo("schema"));
    }

    @Test
    void validate_cleanCycloneDxJson_isValidWithoutProblems() {
        ValidationReport r = validate("""
                {"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
                 "components":[{"type":"library","bom-ref":"a","name":"a","version":"1","purl":"pkg:npm/a@1",
                   "licenses":[{"expression":"MIT OR (Apache-2.0 AND BSD-3-Clause)"}]}],
                 "dependencies":[{"ref":"a","dependsOn":[]}]}
                """);
        assertThat(r.problems()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.schema()).isEqualTo("CycloneDX 1.5 JSON schema");
    }

    @Test
    void validate_cycloneDxXml_locatesProblemsByElementPathAndLine() {
        ValidationReport r = validate("""
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.4" version="1">
                  <components>
                    <component type="library" bom-ref="x"><name>a</name><version>1</version><purl>pkg:npm/a@1</purl></component>
                    <component type="library" bom-ref="x"><name>b</name><version>1</version><scope>sometimes</scope></component>
                  </components>
                  <dependencies><dependency ref="x"><dependency ref="nowhere"/></dependency></dependencies>
                </bom>
                """);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(rules(r)).contains(
                "error ref.duplicate /bom/components[1]/component[2] (line 5, column 43)/@bom-ref",
                "error ref.dangling /bom/dependencies[1]/dependency[1]/dependency[1] (line 7, column 64)/@ref");
        assertThat(r.problems()).anySatisfy(p -> {
            assertThat(p.rule()).isEqualTo("schema");
            assertThat(p.location()).startsWith("/bom/components[1]/component[2]/scope[1]");
            assertThat(p.message()).contains("CycloneDX 1.4 XSD").contains("sometimes");
        });
    }

    @Test
    void validate_spdxJsonDanglingRelationshipAndBadSpdxId_areErrors() {
        ValidationReport r = validate("""
                {"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"d",
                 "documentNamespace":"https://example.com/d","creationInfo":{"created":"2024-01-01T00:00:00Z","creators":["Tool: t"]},
                 "packages":[{"SPDXID":"SPDXRef-a","name":"a","downloadLocation":"NOASSERTION","licenseConcluded":"MIT AND LicenseRef-x"},
                             {"SPDXID":"b c","name":"b","downloadLocation":"NOASSERTION"}],
                 "relationships":[{"spdxElementId":"SPDXRef-DOCUMENT","relationshipType":"DESCRIBES","relatedSpdxElement":"SPDXRef-a"},
                                  {"spdxElementId":"SPDXRef-a","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-missing"},
                                  {"spdxElementId":"SPDXRef-a","relationshipType":"DEPENDS_ON","relatedSpdxElement":"NONE"}]}
                """);
        assertThat(r.formatLabel()).isEqualTo("SPDX 2.3 JSON");
        assertThat(rules(r)).contains("error ref.dangling /relationships/1/relatedSpdxElement", "error ref.format /packages/1/SPDXID",
                "warning license.undefined-ref /packages/0/licenseConcluded");
        assertThat(rules(r)).noneMatch(s -> s.contains("/relationships/2"));
    }

    @Test
    void validate_spdxTagValue_locatesByLine() {
        ValidationReport r = validate("""
                SPDXVersion: SPDX-2.2
                DataLicense: CC0-1.0
                SPDXID: SPDXRef-DOCUMENT
                DocumentName: d
                DocumentNamespace: https://example.com/d
                Creator: Tool: t
                Created: 2024-01-01T00:00:00Z

                PackageName: a
                SPDXID: SPDXRef-a
                PackageDownloadLocation: NOASSERTION
                PackageLicenseDeclared: Apache-2
                ExternalRef: PACKAGE-MANAGER purl pkg:maven/only-a-name
                Relationship: SPDXRef-a DEPENDS_ON SPDXRef-b
                """);
        assertThat(r.formatLabel()).isEqualTo("SPDX 2.2 tag-value");
        assertThat(rules(r)).contains("error license.unknown-id line 12", "error ref.dangling line 14", "error purl line 13");
    }

    @Test
    void validate_realFixtures_giveTheExpectedVerdicts() {
        // the SPDX 2.3 specification example: schema-valid; JenaLib CONTAINS Package while Package hasFiles JenaLib
        ValidationReport spdx = SbomValidator.validate(fixture("spdx-tools-java/SPDXJSONExample-v2.3.spdx.json"), "spdx");
        assertThat(spdx.exitCode()).isZero();
        assertThat(rules(spdx)).containsExactly("warning containment.cycle /packages/0/hasFiles/0");
        ValidationReport spdx3 = SbomValidator.validate(fixture("spdx-tools-java/SPDXJsonLDExample-v3.0.1.json"), "spdx3");
        assertThat(spdx3.schema()).isEqualTo("SPDX 3.0.1 JSON schema");
        assertThat(spdx3.problems()).isEmpty();
        ValidationReport yaml = SbomValidator.validate(fixture("spdx-tools-java/SPDXYAMLExample-2.3.spdx.yaml"), "yaml");
        assertThat(yaml.formatLabel()).isEqualTo("SPDX 2.3 YAML");
        assertThat(yaml.exitCode()).isZero();
        ValidationReport webgoat = SbomValidator.validate(fixture("webgoat/mvn-webgoat-8.2.0.cdx16.json.gz"), "webgoat");
        assertThat(webgoat.exitCode()).isZero();
        assertThat(webgoat.warningCount()).isEqualTo(15); // GPL-2.0-with-classpath-exception, deprecated
        // syft 0.57 left out copyrightText, which the SPDX 2.2 schema requires of every package
        ValidationReport syft = SbomValidator.validate(fixture("guac-data/syft-spdx-k8s.gcr.io-kube-scheduler.v1.25.1.json.gz"), "syft");
        assertThat(syft.exitCode()).isEqualTo(1);
        assertThat(syft.problems().getFirst().message()).contains("required property 'copyrightText' not found");
        ValidationReport swid = SbomValidator.validate(fixture("swid-nist/authoritative.swidtag"), "swid");
        assertThat(swid.standard()).isEqualTo(SbomFormat.SWID);
        assertThat(swid.exitCode()).isZero();
    }

    @Test
    void validate_unreadableInputs_exit2WithAReadError() {
        assertThat(validate("").exitCode()).isEqualTo(2);
        assertThat(validate("hello").exitCode()).isEqualTo(2);
        ValidationReport broken = validate("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.problems().getFirst().rule()).isEqualTo("read");
        assertThat(broken.problems().getFirst().location()).contains("line 1");
        ValidationReport xxe = SbomValidator.validate(fixture("cyclonedx-core-java/xxe-protection.xml"), "xxe");
        assertThat(xxe.exitCode()).isEqualTo(2);
        assertThat(SbomValidator.validate(DIR.resolve("no-such-file.json")).problems().getFirst().message()).isEqualTo("no such file");
    }

    @Test
    void validate_cycloneDx11Xml_isCheckedAgainstItsXsdThoughTheModelReaderRefusesIt() {
        ValidationReport r = validate("""
                <?xml version="1.0"?>
                <bom xmlns="http://cyclonedx.org/schema/bom/1.1" version="1">
                  <components><component type="library"><name>a</name><version>1</version></component></components>
                </bom>
                """);
        assertThat(r.formatLabel()).isEqualTo("CycloneDX 1.1 XML");
        assertThat(r.exitCode()).isZero();
    }
}

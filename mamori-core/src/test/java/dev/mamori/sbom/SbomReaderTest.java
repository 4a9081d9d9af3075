package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class SbomReaderTest {

    static Stream<Arguments> expectedCounts() throws IOException {
        return Files.readAllLines(Fixtures.DIR.resolve("expected-counts.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0].substring(2), Integer.parseInt(f[1]), Integer.parseInt(f[2])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedCounts")
    void read_fixture_matchesIndependentCount(String name, int components, int edges) {
        Bom bom = Fixtures.read(name);
        assertThat(bom.allComponentsWithSubject()).as("components").hasSize(components);
        // SPDX CONTAINS that is not a tree is kept as a dependency, and the reader says how many
        int flattened = bom.warnings().stream().filter(w -> w.contains("CONTAINS relationship(s) do not form a tree"))
                .mapToInt(w -> Integer.parseInt(w.split(" ")[0])).sum();
        assertThat(bom.dependencyEdgeCount()).as("dependency edges").isEqualTo(edges + flattened);
    }

    private static Bom read(String text) {
        return SbomReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test");
    }

    @Test
    void detect_formatsFromContentNotName() {
        assertThat(read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"}").format()).isEqualTo(SbomFormat.CYCLONEDX);
        assertThat(Fixtures.read("spdx-tools-java/SPDXJSONExample-v2.3.spdx.json").encoding()).isEqualTo("json");
        assertThat(Fixtures.read("spdx-tools-java/SPDXYAMLExample-2.3.spdx.yaml").encoding()).isEqualTo("yaml");
        assertThat(Fixtures.read("spdx-tools-java/SPDXTagExample-v2.3.spdx").encoding()).isEqualTo("tag-value");
        Bom spdx3 = Fixtures.read("spdx-tools-java/SPDXJsonLDExample-v3.0.1.json");
        assertThat(spdx3.specVersion()).isEqualTo("3.0.1");
        assertThat(spdx3.encoding()).isEqualTo("json-ld");
        assertThat(Fixtures.read("cyclonedx-spec/valid-component-swid-1.6.xml").encoding()).isEqualTo("xml");
        assertThat(Fixtures.read("swid-nist/authoritative.swidtag").format()).isEqualTo(SbomFormat.SWID);
    }

    @Test
    void read_gzippedFiles_areReadLikeThePlainOnes(@TempDir Path dir) throws IOException {
        // the WebGoat fixture is stored gzipped: read the file itself, not the test helper's gunzipped bytes
        Bom gz = SbomReader.read(Fixtures.DIR.resolve("webgoat/mvn-webgoat-8.2.0.cdx16.json.gz"));
        Bom plain = Fixtures.read("webgoat/mvn-webgoat-8.2.0.cdx16.json.gz");
        assertThat(gz.allComponentsWithSubject().size()).isEqualTo(plain.allComponentsWithSubject().size())
                .isEqualTo(192);
        assertThat(gz.dependencyEdgeCount()).isEqualTo(plain.dependencyEdgeCount());
        for (String name : List.of("spdx-tools-java/SPDXTagExample-v2.3.spdx",
                "cyclonedx-spec/valid-component-swid-1.6.xml")) {
            Path file = dir.resolve(Path.of(name).getFileName() + ".gz");
            Files.write(file, gzip(Fixtures.bytes(name)));
            assertThat(SbomReader.read(file).allComponentsWithSubject().size()).as(name)
                    .isEqualTo(Fixtures.read(name).allComponentsWithSubject().size()).isPositive();
        }
    }

    @Test
    void read_truncatedOrBombGzip_isRefusedNamingTheFile() throws IOException {
        byte[] gz = gzip(Fixtures.bytes("webgoat/mvn-webgoat-8.2.0.cdx16.json.gz"));
        byte[] truncated = java.util.Arrays.copyOf(gz, gz.length / 2);

        assertThatThrownBy(() -> SbomReader.read(new ByteArrayInputStream(truncated), "webgoat.cdx.json.gz"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("webgoat.cdx.json.gz (gunzipped): ")
                .hasMessageContaining("nexpected end of");
        assertThatThrownBy(() -> SbomReader.read(new ByteArrayInputStream(gz), "bomb.json.gz", 10_000))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bomb.json.gz: ")
                .hasMessageContaining("decompresses to more than 10000 bytes", "compression bomb");
    }

    static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void read_path_missingFileOrDirectory_isInputException(@TempDir Path dir) {
        assertThatThrownBy(() -> SbomReader.read(dir.resolve("nope.json")))
                .isInstanceOf(InputException.class).hasMessageEndingWith("no such file");
        assertThatThrownBy(() -> SbomReader.read(dir)).isInstanceOf(InputException.class).hasMessageContaining("is a directory");
    }

    @Test
    void read_emptyOrUnknown_saysWhat() {
        assertThatThrownBy(() -> read("")).isInstanceOf(InputException.class).hasMessage("test: empty file, expected an SBOM");
        assertThatThrownBy(() -> read("{\"hello\":1}")).isInstanceOf(InputException.class).hasMessageContaining("not a recognised SBOM");
        assertThatThrownBy(() -> read("<html/>")).isInstanceOf(InputException.class).hasMessageContaining("not a recognised SBOM");
        assertThatThrownBy(() -> read("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:spdx=\"http://spdx.org/rdf/terms#\"/>"))
                .hasMessageContaining("SPDX RDF/XML is not read");
    }

    @Test
    void read_utf8ByteOrderMark_isAcceptedInJsonAndXml() throws IOException {
        for (String name : List.of("cyclonedx-core-java/bom-1.2-utf8bom.json", "cyclonedx-core-java/bom-1.2-utf8bom.xml")) {
            byte[] bytes = Fixtures.bytes(name);
            assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
            assertThat(Fixtures.read(name).specVersion()).isEqualTo("1.2");
        }
        byte[] tv = ("\uFEFFSPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nPackageName: a\nSPDXID: SPDXRef-a\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(SbomReader.read(new ByteArrayInputStream(tv), "bom.spdx").allComponents()).extracting(Component::name).containsExactly("a");
    }

    @Test
    void read_xxe_isRefusedWithoutTouchingTheFileSystem() {
        assertThatThrownBy(() -> Fixtures.read("cyclonedx-core-java/xxe-protection.xml"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(((InputException) e).location()).startsWith("line "));
    }

    @Test
    void read_billionLaughs_isRefused() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE bom [\n<!ENTITY lol \"lol\">\n");
        xml.append("<!ENTITY lol0 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 1; i < 10; i++) {
            xml.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        xml.append("]>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\"><components><component type=\"library\">")
                .append("<name>&lol9;</name></component></components></bom>");
        assertThatThrownBy(() -> read(xml.toString())).isInstanceOf(InputException.class).hasMessageContaining("DOCTYPE");
        String swid = xml.toString().replace("<!DOCTYPE bom", "<!DOCTYPE SoftwareIdentity").replaceAll("<bom .*</bom>",
                "<SoftwareIdentity xmlns=\"http://standards.iso.org/iso/19770/-2/2015/schema.xsd\" name=\"&lol9;\" tagId=\"x\"/>");
        assertThatThrownBy(() -> read(swid)).isInstanceOf(InputException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void read_yamlAliasBomb_isNotExpanded() {
        StringBuilder y = new StringBuilder("spdxVersion: SPDX-2.3\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            y.append(c).append(": &").append(c).append(" [").append(("*" + prev + ",").repeat(9)).append("*").append(prev).append("]\n");
            prev = c;
        }
        // Jackson's YAML parser does not expand aliases into values, so the bomb reads as a document with nothing in it
        Bom bom = read(y.toString());
        assertThat(bom.allComponentsWithSubject()).isEmpty();
    }

    @Test
    void read_cycloneDxEvidence_keepsTechniquesAndConfidence() {
        Bom bom = Fixtures.read("cyclonedx-spec/valid-evidence-1.6.json");
        Evidence e = bom.allComponents().stream().map(Component::evidence).filter(x -> x != null && !x.identities().isEmpty())
                .findFirst().orElseThrow();
        Evidence.Identity id = e.identities().getFirst();
        assertThat(id.field()).isNotNull();
        assertThat(e.identities()).flatExtracting(Evidence.Identity::methods).extracting(Evidence.Method::technique)
                .contains("ast-fingerprint", "filename", "hash-comparison");
        assertThat(e.identities()).flatExtracting(Evidence.Identity::methods).allSatisfy(m ->
                assertThat(m.confidence()).isBetween(0.0, 1.0));
    }

    @Test
    void read_cycloneDx17Distribution_keepsTlpInJsonAndXml() {
        assertThat(Fixtures.read("cyclonedx-spec/valid-metadata-distribution-1.7.json").metadata().tlp()).isEqualTo("RED");
        assertThat(Fixtures.read("cyclonedx-spec/valid-metadata-distribution-1.7.xml").metadata().tlp()).isEqualTo("RED");
    }

    @Test
    void read_cycloneDxLifecycleAndIdentifiers_areKept() {
        assertThat(Fixtures.read("cyclonedx-spec/valid-metadata-lifecycle-1.6.json").metadata().lifecycles()).isNotEmpty();
        Component c = Fixtures.read("cyclonedx-spec/valid-component-identifiers-1.6.json").allComponents().getFirst();
        assertThat(c.purl()).isNotNull();
        assertThat(c.cpe()).startsWith("cpe:");
        assertThat(c.identifiers()).extracting(Identifier::type).contains("omniborId", "swhid");
    }

    @Test
    void read_swidInCycloneDx_jsonAndXmlAgree() {
        Swid json = Fixtures.read("cyclonedx-spec/valid-component-swid-1.6.json").allComponents().getFirst().swid();
        Swid xml = Fixtures.read("cyclonedx-spec/valid-component-swid-1.6.xml").allComponents().getFirst().swid();
        assertThat(json).isNotNull();
        assertThat(json.tagId()).isEqualTo("swidgen-242eb18a-503e-ca37-393b-cf156ef09691_9.1.1");
        assertThat(xml).isEqualTo(json);
    }

    @Test
    void read_cycloneDxXml_keepsDependencyGraph() {
        Bom bom = Fixtures.read("cyclonedx-spec/valid-dependency-1.6.xml");
        assertThat(bom.dependencies()).isNotEmpty();
        assertThat(bom.allComponents()).allSatisfy(c -> assertThat(c.location()).contains("line "));
    }

    @Test
    void read_spdx23Json_mapsPackageFields() {
        Bom bom = Fixtures.read("spdx-tools-java/SPDXJSONExample-v2.3.spdx.json");
        assertThat(bom.format()).isEqualTo(SbomFormat.SPDX);
        assertThat(bom.specVersion()).isEqualTo("2.3");
        assertThat(bom.serialNumber()).startsWith("http://spdx.org/spdxdocs/");
        assertThat(bom.metadata().tools()).extracting(Tool::name).contains("LicenseFind");
        assertThat(bom.metadata().authors()).extracting(Party::name).contains("Jane Doe", "ExampleCodeInspect");
        Component glibc = bom.allComponentsWithSubject().stream().filter(c -> c.name().equals("glibc")).findFirst().orElseThrow();
        assertThat(glibc.version()).isEqualTo("2.11.1");
        assertThat(glibc.supplier().name()).isEqualTo("Jane Doe");
        assertThat(glibc.manufacturer().name()).isEqualTo("ExampleCodeInspect");
        assertThat(glibc.hashes()).containsKeys("MD5", "SHA-1", "SHA-256", "BLAKE2b-384");
        assertThat(glibc.licenses()).extracting(License::acknowledgement).contains(License.Acknowledgement.CONCLUDED, License.Acknowledgement.DECLARED);
        assertThat(glibc.cpes()).isNotEmpty();
        assertThat(glibc.propertyValues("bsi:component:filename")).containsExactly("glibc-2.11.1.tar.gz");
        assertThat(glibc.externalReferences()).extracting(ExternalReference::type).contains("distribution", "website");
    }

    @Test
    void read_spdx23_jsonYamlAndTagValueAgree() {
        Bom json = Fixtures.read("spdx-tools-java/SPDXJSONExample-v2.3.spdx.json");
        Bom yaml = Fixtures.read("spdx-tools-java/SPDXYAMLExample-2.3.spdx.yaml");
        Bom tv = Fixtures.read("spdx-tools-java/SPDXTagExample-v2.3.spdx");
        for (Bom other : List.of(yaml, tv)) {
            assertThat(names(other)).as(other.encoding()).containsExactlyInAnyOrderElementsOf(names(json));
            assertThat(other.dependencies()).isEqualTo(json.dependencies());
            assertThat(other.subject().bomRef()).isEqualTo(json.subject().bomRef());
        }
    }

    private static List<String> names(Bom bom) {
        return bom.allComponentsWithSubject().stream().map(c -> c.bomRef() + " " + c.name() + " " + c.version() + " " + c.purlText()
                + " " + c.hashes() + " " + c.cpes()).toList();
    }

    @Test
    void read_spdx3_mapsPackagesLicencesAndRoot() {
        Bom bom = Fixtures.read("spdx-examples/examplemaven-0.0.1-enriched.spdx3.json");
        assertThat(bom.subject()).isNotNull();
        assertThat(bom.subject().name()).isEqualTo("examplemaven");
        assertThat(bom.subject().supplier()).isNotNull();
        assertThat(bom.allComponentsWithSubject()).anySatisfy(c -> assertThat(c.licenses()).isNotEmpty());
        assertThat(bom.metadata().tools()).extracting(Tool::name).contains("spdx-maven-plugin");
        assertThat(bom.timestamp()).isEqualTo("2024-11-18T10:22:12Z");
        Bom v2 = Fixtures.read("spdx-examples/examplemaven-0.0.1-enriched.spdx.json");
        assertThat(bom.dependencyEdgeCount()).isEqualTo(v2.dependencyEdgeCount());
    }

    @Test
    void read_swidTag_isOneComponentWithFilesAndEntities() {
        Bom bom = Fixtures.read("swid-nist/authoritative.swidtag");
        Component c = bom.components().getFirst();
        assertThat(c.swid().tagId()).isEqualTo("gov.nist.decima-swidval-0.5.0.1");
        assertThat(c.version()).isEqualTo("0.5.0.1");
        assertThat(c.manufacturer().name()).isEqualTo("National Institute of Standards and Technology");
        assertThat(bom.metadata().authors()).extracting(Party::url).containsExactly("nist.gov");
        assertThat(c.children()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo("file");
            assertThat(f.hashes()).containsKeys("SHA-256", "SHA-512");
        });
        Bom deb = Fixtures.read("swid-strongswan/docker_deb_signed_SWID-Template.xml");
        assertThat(deb.components().getFirst().children()).hasSize(6)
                .allSatisfy(f -> assertThat(f.name()).startsWith("/usr/"));
    }

    @Test
    void read_realSyftSpdx_keepsFilesAndPurls() {
        Bom bom = Fixtures.read("guac-data/syft-spdx-k8s.gcr.io-kube-scheduler.v1.25.1.json.gz");
        assertThat(bom.specVersion()).isEqualTo("2.2");
        assertThat(bom.allComponents()).filteredOn(c -> c.purl() != null).isNotEmpty();
        assertThat(bom.allComponents()).filteredOn(c -> "file".equals(c.type())).isNotEmpty();
    }

    @Test
    void read_tagValueError_namesLine() {
        assertThatThrownBy(() -> read("SPDXVersion: SPDX-2.3\nthis is not a tag\n"))
                .isInstanceOf(InputException.class).hasMessage("test: line 2, column 1: expected 'Tag: value', found 'this is not a tag'");
        assertThatThrownBy(() -> read("SPDXVersion: SPDX-2.3\nPackageComment: <text>never closed\n"))
                .hasMessageContaining("line 2, column 1: <text> is not closed");
    }

    @Test
    void read_xmlError_namesLineAndColumn() {
        assertThatThrownBy(() -> read("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component type=\"library\"><name>x</name></components></bom>"))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).location()).matches("line 1, column \\d+"))
                .hasMessageContaining("malformed XML");
        assertThatThrownBy(() -> read("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components><component type=\"library\"><version>1</version></component></components></bom>"))
                .hasMessageContaining("/bom/components/component[1]").hasMessageContaining("needs a name");
    }

    @Test
    void read_spdx3Error_namesGraphPointer() {
        assertThatThrownBy(() -> read("{\"@context\":\"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\",\"@graph\":[{\"type\":\"software_Package\",\"spdxId\":\"x\"}]}"))
                .isInstanceOf(InputException.class).hasMessage("test: /@graph/0/name: a software_Package needs a name");
    }
}

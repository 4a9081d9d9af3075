package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

final class CycloneDxJsonReaderTest {
    static final Path KAWIPIKO = Path.of("../examples/kawipiko-sbom.cdx.json");

    private static Bom read(String json) {
        return CycloneDxJsonReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
    }

    @Test
    void read_realSbom_keepsEveryComponentWithPurl() throws IOException {
        Bom bom;
        try (var in = Files.newInputStream(KAWIPIKO)) {
            bom = CycloneDxJsonReader.read(in, KAWIPIKO.toString());
        }
        assertThat(bom.format()).isEqualTo(SbomFormat.CYCLONEDX);
        assertThat(bom.specVersion()).isEqualTo("1.4");
        assertThat(bom.allComponents()).hasSize(27);
        assertThat(bom.allComponents()).allSatisfy(c -> assertThat(c.purl()).isNotNull());
        Component net = bom.allComponents().stream().filter(c -> c.name().equals("golang.org/x/net")).findFirst().orElseThrow();
        assertThat(net.purl().type()).isEqualTo("golang");
        assertThat(net.purl().version()).isEqualTo("v0.0.0-20220127200216-cd36cc0744dd");
        assertThat(net.purl().qualifier("type")).isEqualTo("module");
        assertThat(bom.warnings()).isEmpty();
    }

    @Test
    void read_nestedComponentsAndDependencies_keepsTreeAndEdges() {
        Bom bom = read("""
                {"bomFormat":"CycloneDX","specVersion":"1.6","serialNumber":"urn:uuid:1",
                 "metadata":{"timestamp":"2026-01-01T00:00:00Z","component":{"type":"application","name":"app","version":"1"}},
                 "components":[{"type":"library","bom-ref":"a","name":"a","version":"1.0","purl":"pkg:npm/a@1.0",
                   "hashes":[{"alg":"SHA-256","content":"abcd"}],"licenses":[{"license":{"id":"MIT"}},{"expression":"Apache-2.0 OR MIT"}],
                   "components":[{"type":"library","bom-ref":"b","name":"b","version":"2.0"}]}],
                 "dependencies":[{"ref":"a","dependsOn":["b"]},{"ref":"b"}]}
                """);
        assertThat(bom.subject().name()).isEqualTo("app");
        assertThat(bom.timestamp()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(bom.components()).hasSize(1);
        assertThat(bom.components().getFirst().children()).extracting(Component::name).containsExactly("b");
        assertThat(bom.allComponents()).extracting(Component::bomRef).containsExactly("a", "b");
        assertThat(bom.components().getFirst().hashes()).containsEntry("SHA-256", "abcd");
        assertThat(bom.components().getFirst().licenses()).extracting(License::value).containsExactly("MIT", "Apache-2.0 OR MIT");
        assertThat(bom.dependencies()).containsEntry("a", java.util.List.of("b")).containsEntry("b", java.util.List.of());
        assertThat(bom.allComponents().get(1).location()).isEqualTo("/components/0/components/0");
    }

    @Test
    void read_truncatedFile_namesFileLineAndColumn() throws IOException {
        byte[] whole = Files.readAllBytes(KAWIPIKO);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> CycloneDxJsonReader.read(new ByteArrayInputStream(truncated), "cut.json"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cut.json: line ")
                .hasMessageContaining("column")
                .hasMessageContaining("/components/")
                .satisfies(e -> assertThat(((InputException) e).location()).startsWith("line "));
    }

    @Test
    void read_utf8ByteOrderMark_isAccepted() {
        byte[] json = "\uFEFF{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.5\",\"components\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(json[0] & 0xFF).isEqualTo(0xEF);
        Bom bom = CycloneDxJsonReader.read(new ByteArrayInputStream(json), "bom.json");
        assertThat(bom.specVersion()).isEqualTo("1.5");
    }

    @Test
    void read_notCycloneDx_saysWhy() {
        assertThatThrownBy(() -> read("{\"spdxVersion\":\"SPDX-2.3\"}"))
                .isInstanceOf(InputException.class)
                .hasMessage("test.json: /bomFormat: not a CycloneDX document: no bomFormat");
        assertThatThrownBy(() -> read("[1,2]"))
                .hasMessageContaining("top level is not an object");
        assertThatThrownBy(() -> read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"2.0\"}"))
                .hasMessageContaining("/specVersion").hasMessageContaining("'2.0'");
    }

    @Test
    void read_componentWithoutName_namesItsPath() {
        assertThatThrownBy(() -> read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"name\":\"x\"},{\"type\":\"library\"}]}"))
                .isInstanceOf(InputException.class)
                .hasMessage("test.json: /components/1/name: a component needs a name");
    }

    @Test
    void read_invalidPurl_isAWarningWithItsPlace() {
        Bom bom = read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"name\":\"x\",\"purl\":\"npm/x@1\"}]}");
        assertThat(bom.allComponents().getFirst().purl()).isNull();
        assertThat(bom.allComponents().getFirst().purlText()).isEqualTo("npm/x@1");
        assertThat(bom.warnings()).singleElement().asString().startsWith("/components/0/purl: invalid purl 'npm/x@1'");
    }

    @Test
    void read_trailingGarbage_isRefused() {
        assertThatThrownBy(() -> read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"} }"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 1, column");
    }

    @Test
    void read_hostileNesting_isRefusedNotStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> read("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"x\":" + deep + "}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nesting depth");
    }
}

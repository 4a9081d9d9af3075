package dev.mamori.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class VexTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final VexProduct XSTREAM = new VexProduct("com.thoughtworks.xstream/xstream", "1.4.5",
            "pkg:maven/com.thoughtworks.xstream/xstream@1.4.5?type=jar", "x");
    private static final VexProduct DOM4J = new VexProduct("org.dom4j/dom4j", "2.1.1", "pkg:maven/org.dom4j/dom4j@2.1.1", "d");
    private static final VexProduct JSOUP = new VexProduct("org.jsoup/jsoup", "1.11.3", "pkg:maven/org.jsoup/jsoup@1.11.3", "j");
    private static final VexProduct NOPURL = new VexProduct("busybox", "1.36", null, "b");

    static VexDocument sample() {
        return new VexDocument(VexFormat.OPENVEX, "urn:uuid:3f1c8a2e-4b5d-4c6e-9f70-8192a3b4c5d6", "Example PSIRT", T, 2,
                new VexProduct("WebGoat", "8.1.0", null, null), List.of(
                new VexStatement("CVE-2013-7285", List.of("GHSA-f554-x222-wgf7"), List.of(XSTREAM), VexState.NOT_AFFECTED,
                        VexJustification.NOT_IN_EXECUTE_PATH, "XStream is only used by a disabled lesson", null, null, T),
                new VexStatement("CVE-2020-10683", List.of("GHSA-hwj3-m3p6-hj38"), List.of(DOM4J), VexState.EXPLOITABLE,
                        null, null, null, "2.1.3", T),
                new VexStatement("GHSA-673j-qm5f-xpv8", List.of(), List.of(JSOUP), VexState.FALSE_POSITIVE, null, "wrong package", null, null, T),
                new VexStatement("CVE-2021-37714", List.of(), List.of(JSOUP, NOPURL), VexState.IN_TRIAGE, null, null, null, null, T),
                new VexStatement("CVE-2022-0001", List.of(), List.of(DOM4J), VexState.RESOLVED, null, null, null, null, T),
                new VexStatement("CVE-2022-0002", List.of(), List.of(DOM4J), VexState.NOT_AFFECTED, null, "only an impact statement",
                        null, null, T)));
    }

    @ParameterizedTest
    @EnumSource(VexFormat.class)
    void write_everyFormat_isValidAgainstItsSchema(VexFormat format) {
        byte[] bytes = new VexWriter("Mamori", "0.1.0").bytes(sample(), format);
        assertThat(VexSchemas.violations(bytes, format)).as(new String(bytes, StandardCharsets.UTF_8)).isEmpty();
    }

    /** The validation is real: a document broken in a way only the schema knows is refused, for every format. */
    @ParameterizedTest
    @EnumSource(VexFormat.class)
    void schema_brokenDocument_hasViolations(VexFormat format) {
        String text = new String(new VexWriter("Mamori", "0.1.0").bytes(sample(), format), StandardCharsets.UTF_8);
        String broken = switch (format) {
            case CYCLONEDX -> text.replace("\"state\" : \"not_affected\"", "\"state\" : \"fine\"");
            case OPENVEX -> text.replace("\"action_statement\"", "\"action_note\"");
            case CSAF -> text.replace("\"category\" : \"csaf_vex\"", "\"category\" : \"\"");
        };
        assertThat(broken).isNotEqualTo(text);
        assertThat(VexSchemas.violations(broken.getBytes(StandardCharsets.UTF_8), format)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(VexFormat.class)
    void writeThenRead_keepsEveryStatement(VexFormat format) {
        byte[] bytes = new VexWriter("Mamori", "0.1.0").bytes(sample(), format);
        VexDocument back = VexReader.read(new ByteArrayInputStream(bytes), "written");
        assertThat(back.format()).isEqualTo(format);
        assertThat(back.author()).isEqualTo("Example PSIRT");
        for (VexStatement s : sample().statements()) {
            VexState expected = format != VexFormat.CYCLONEDX && s.state() == VexState.FALSE_POSITIVE ? VexState.NOT_AFFECTED : s.state();
            VexStatement found = back.statements().stream()
                    .filter(b -> b.vulnerabilityId().equals(s.vulnerabilityId()) && b.state() == expected).findFirst()
                    .orElseThrow(() -> new AssertionError(s.vulnerabilityId() + " " + expected + " not read back from " + format));
            assertThat(found.components()).extracting(VexProduct::purl)
                    .containsExactlyInAnyOrderElementsOf(s.components().stream().map(VexProduct::purl).toList());
            assertThat(found.ids()).containsAll(s.ids());
            if (s.justification() != null) {
                assertThat(found.justification()).isEqualTo(s.justification());
            }
        }
    }

    @Test
    void read_realOpenVex020And001() throws IOException {
        VexDocument demo = read("examples/openvex-demo.vex.json");
        assertThat(demo.format()).isEqualTo(VexFormat.OPENVEX);
        assertThat(demo.author()).isEqualTo("Wolfi J Inkinson");
        assertThat(demo.statements()).singleElement().satisfies(s -> {
            assertThat(s.vulnerabilityId()).isEqualTo("CVE-2014-123456");
            assertThat(s.state()).isEqualTo(VexState.RESOLVED);
            assertThat(s.components()).extracting(VexProduct::purl).containsExactly("pkg:apk/distro/git@2.39.0-r1?arch=armv7",
                    "pkg:apk/distro/git@2.39.0-r1?arch=x86_64");
        });
        VexDocument old = read("examples/openvex-v001-1.vex.json");
        assertThat(old.statements()).isNotEmpty().allSatisfy(s -> assertThat(s.vulnerabilityId()).isNotBlank());
    }

    @Test
    void read_realCycloneDxVex() throws IOException {
        VexDocument doc = read("examples/cyclonedx-vex.json");
        assertThat(doc.format()).isEqualTo(VexFormat.CYCLONEDX);
        assertThat(doc.statements()).singleElement().satisfies(s -> {
            assertThat(s.vulnerabilityId()).isEqualTo("CVE-2020-25649");
            assertThat(s.aliases()).contains("SNYK-JAVA-COMFASTERXMLJACKSONCORE-1048302");
            assertThat(s.state()).isEqualTo(VexState.NOT_AFFECTED);
            assertThat(s.justification()).isEqualTo(VexJustification.NOT_IN_EXECUTE_PATH);
            assertThat(s.components()).isNotEmpty();
        });
    }

    @Test
    void read_realCsafVex() throws IOException {
        VexDocument doc;
        try (InputStream in = Files.newInputStream(VexSchemas.DIR.resolve("../intel/csaf/oasis-2.0/sec-vex-2022-0001.json"))) {
            doc = VexReader.read(in, "sec-vex-2022-0001.json");
        }
        assertThat(doc.format()).isEqualTo(VexFormat.CSAF);
        assertThat(doc.id()).isEqualTo("SEC-VEX-2022-0001");
        assertThat(doc.author()).isEqualTo("Secvisogram");
        assertThat(doc.statements()).extracting(VexStatement::vulnerabilityId)
                .containsExactly("CVE-2021-44228", "CVE-2021-45046", "CVE-2021-45105");
        assertThat(doc.statements()).allSatisfy(s -> {
            assertThat(s.state()).isEqualTo(VexState.NOT_AFFECTED);
            assertThat(s.justification()).isEqualTo(VexJustification.COMPONENT_NOT_PRESENT);
            assertThat(s.components()).extracting(VexProduct::name).containsExactly("Secvisogram <=1.14.0");
        });
    }

    @Test
    void read_notVex_namesTheProblem() {
        assertThatThrownBy(() -> VexReader.read(new ByteArrayInputStream("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8)), "x.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("x.json").hasMessageContaining("not a recognised VEX");
        assertThatThrownBy(() -> VexReader.read(new ByteArrayInputStream(
                "{\"@context\": \"https://openvex.dev/ns/v0.2.0\", \"statements\": [{\"vulnerability\": {\"name\": \"CVE-1\"}, \"status\": \"maybe\"}]}"
                        .getBytes(StandardCharsets.UTF_8)), "y.json"))
                .isInstanceOf(InputException.class).hasMessageContaining("/statements/0/status");
    }

    private static VexDocument read(String name) throws IOException {
        Path file = VexSchemas.DIR.resolve(name);
        try (InputStream in = Files.newInputStream(file)) {
            return VexReader.read(in, name);
        }
    }
}

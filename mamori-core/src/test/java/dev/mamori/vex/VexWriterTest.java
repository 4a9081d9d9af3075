package dev.mamori.vex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.purl.Purl;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class VexWriterTest {
    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final VexExport.Subject XSTREAM = new VexExport.Subject("com.thoughtworks.xstream/xstream", "1.4.5",
            "pkg:maven/com.thoughtworks.xstream/xstream@1.4.5?type=jar", "x");
    private static final VexExport.Subject DOM4J = new VexExport.Subject("org.dom4j/dom4j", "2.1.1", "pkg:maven/org.dom4j/dom4j@2.1.1", "d");
    private static final VexExport.Subject JSOUP = new VexExport.Subject("org.jsoup/jsoup", "1.11.3", "pkg:maven/org.jsoup/jsoup@1.11.3", "j");
    private static final VexExport.Subject NOPURL = new VexExport.Subject("busybox", "1.36", null, "b");

    static VexExport sample() {
        return new VexExport("urn:uuid:3f1c8a2e-4b5d-4c6e-9f70-8192a3b4c5d6", "Example PSIRT", T, 2,
                new VexExport.Subject("WebGoat", "8.1.0", null, null), List.of(
                new VexExport.Statement("CVE-2013-7285", List.of("GHSA-f554-x222-wgf7"), List.of(XSTREAM), VexState.NOT_AFFECTED,
                        VexJustification.NOT_IN_EXECUTE_PATH, "XStream is only used by a disabled lesson", null, null, T),
                new VexExport.Statement("CVE-2020-10683", List.of("GHSA-hwj3-m3p6-hj38"), List.of(DOM4J), VexState.EXPLOITABLE,
                        null, null, null, "2.1.3", T),
                new VexExport.Statement("GHSA-673j-qm5f-xpv8", List.of(), List.of(JSOUP), VexState.FALSE_POSITIVE, null,
                        "wrong package", null, null, T),
                new VexExport.Statement("CVE-2021-37714", List.of(), List.of(JSOUP, NOPURL), VexState.IN_TRIAGE, null, null, null,
                        null, T),
                new VexExport.Statement("CVE-2022-0001", List.of(), List.of(DOM4J), VexState.RESOLVED, null, null, null, null, T),
                new VexExport.Statement("CVE-2022-0002", List.of(), List.of(DOM4J), VexState.NOT_AFFECTED, null,
                        "only an impact statement", null, null, T)));
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

    /** What is written, Mamori's reader reads back: every statement, its status, ids, justification and components. */
    @ParameterizedTest
    @EnumSource(VexFormat.class)
    void writeThenRead_keepsEveryStatement(VexFormat format) {
        byte[] bytes = new VexWriter("Mamori", "0.1.0").bytes(sample(), format);
        VexDocument back = VexReader.read(bytes, "written." + format.label());
        // the only warnings: the product and the component that have no purl can match nothing
        assertThat(back.warnings()).allSatisfy(w -> assertThat(w).containsAnyOf("WebGoat", "busybox"));
        for (VexExport.Statement s : sample().statements()) {
            VexStatus expected = VexStatus.valueOf(switch (s.state()) {
                case IN_TRIAGE -> "UNDER_INVESTIGATION";
                case EXPLOITABLE -> "AFFECTED";
                case NOT_AFFECTED, FALSE_POSITIVE -> "NOT_AFFECTED";
                case RESOLVED -> "FIXED";
            });
            List<VexStatement> found = back.statements().stream()
                    .filter(b -> b.vulnerabilityIds().contains(s.vulnerabilityId()) && b.status() == expected).toList();
            assertThat(found).as(s.vulnerabilityId() + " " + expected + " read back from " + format).isNotEmpty();
            VexStatement first = found.getFirst();
            assertThat(first.vulnerabilityIds()).containsAll(s.ids());
            if (s.justification() != null) {
                String read = first.justification();
                assertThat(format == VexFormat.CYCLONEDX ? VexJustification.ofCycloneDx(read) : read).isEqualTo(s.justification());
            }
            List<String> purls = found.stream().flatMap(b -> b.products().stream())
                    .flatMap(p -> p.subcomponents().isEmpty() ? java.util.stream.Stream.of(p) : p.subcomponents().stream())
                    .map(VexProduct::purl).filter(Objects::nonNull).map(Purl::toString).toList();
            for (VexExport.Subject c : s.components()) {
                if (c.purl() != null) {
                    assertThat(purls).as(format + " " + s.vulnerabilityId()).anyMatch(p -> p.startsWith(c.purl().split("\\?")[0]));
                }
            }
        }
    }

    @Test
    void cycloneDx_keepsMamorisFiveStates() {
        String text = new String(new VexWriter("Mamori", "0.1.0").bytes(sample(), VexFormat.CYCLONEDX), StandardCharsets.UTF_8);
        assertThat(text).contains("\"state\" : \"false_positive\"", "\"state\" : \"in_triage\"", "\"state\" : \"resolved\"",
                "\"justification\" : \"code_not_reachable\"", "\"response\" : [ \"update\" ]");
    }
}

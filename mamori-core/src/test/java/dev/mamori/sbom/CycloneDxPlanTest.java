package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CycloneDxPlanTest {

    @Test
    void cpe_unquotedSpecialCharacters_areQuotedAndReported() {
        CycloneDxPlan plan = new CycloneDxPlan();
        Component c = Component.builder("x").cpe("cpe:2.3:a:evanphx:json-patch:v4.12.0+incompatible:*:*:*:*:*:*:*").build();
        assertThat(plan.cpe(c)).isEqualTo("cpe:2.3:a:evanphx:json-patch:v4.12.0\\+incompatible:*:*:*:*:*:*:*");
        assertThat(plan.losses.report()).singleElement().asString().contains("written quoted");
        Component ok = Component.builder("y").cpe("cpe:2.3:a:golang:x\\/net:v0.1:*:*:*:*:*:*:*").build();
        assertThat(plan.cpe(ok)).isEqualTo(ok.cpe());
        Component bad = Component.builder("z").cpe("not a cpe").build();
        assertThat(plan.cpe(bad)).isNull();
    }

    @Test
    void emailAndUrl_invalidOnes_areDroppedAndReported() {
        CycloneDxPlan plan = new CycloneDxPlan();
        assertThat(plan.email("a@b.org", "x")).isEqualTo("a@b.org");
        assertThat(plan.email("Jane <a@b.org>", "x")).isNull();
        assertThat(plan.url("https://github.com/x/y", "u")).isEqualTo("https://github.com/x/y");
        assertThat(plan.url("https://ex.org/ünïcode", "u")).isNotNull();
        assertThat(plan.url("git@github.com:chaijs/assertion-error.git", "u")).isNull();
        assertThat(plan.url("https://github.com/${project.artifactId}/issues", "u")).isNull();
        assertThat(plan.losses.report()).hasSize(2);
    }

    @Test
    void spdxActor_npmStyle_splitsNameEmailAndUrl() {
        Party p = SpdxParties.parse("Person: Isaac Z. Schlueter <i@izs.me> (http://blog.izs.me/)");
        assertThat(p).isEqualTo(new Party("Isaac Z. Schlueter", "i@izs.me", "http://blog.izs.me/", Party.Kind.PERSON));
        assertThat(SpdxParties.parse("Organization: ACME (contact@acme.example)"))
                .isEqualTo(new Party("ACME", "contact@acme.example", null, Party.Kind.ORGANIZATION));
        assertThat(SpdxParties.parse("Person: Laszlo Boszormenyi (GCS) <gcs@debian.org>").email()).isEqualTo("gcs@debian.org");
        assertThat(SpdxParties.parse("NOASSERTION")).isNull();
        assertThat(SpdxParties.tool("Tool: syft-0.50.0")).isEqualTo(new Tool(null, "syft", "0.50.0"));
    }

    @Test
    void licenses_severalExpressions_becomeNamesInCycloneDx16() {
        Bom bom = new Bom(SbomFormat.SPDX, "2.3", "json", null, null, null, List.of(Component.builder("x")
                .license(License.expression("MIT OR Apache-2.0", License.Acknowledgement.CONCLUDED))
                .license(License.expression("GPL-2.0-only WITH Classpath-exception-2.0", License.Acknowledgement.DECLARED))
                .build()), java.util.Map.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> losses = SbomWriter.write(bom, SbomWriter.Target.CYCLONEDX_JSON, out);
        assertThat(losses).anySatisfy(l -> assertThat(l).contains("several licence expressions"));
        Component back = SbomReader.read(new ByteArrayInputStream(out.toByteArray()), "x").components().getFirst();
        assertThat(back.licenses()).extracting(License::value).containsExactly("MIT OR Apache-2.0", "GPL-2.0-only WITH Classpath-exception-2.0");
        assertThat(back.licenses()).extracting(License::acknowledgement)
                .containsExactly(License.Acknowledgement.CONCLUDED, License.Acknowledgement.DECLARED);
    }
}

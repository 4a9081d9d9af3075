package dev.mamori.vex;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.OsvReader;
import dev.mamori.advisory.Provenance;
import dev.mamori.match.AdvisoryIndex;
import dev.mamori.match.Confidence;
import dev.mamori.match.Evidence;
import dev.mamori.match.Finding;
import dev.mamori.match.Fix;
import dev.mamori.match.Matcher;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.Metadata;
import dev.mamori.sbom.SbomFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test data for the VEX tests: real documents under src/test/resources/vex, and findings made from real advisories. */
final class VexFixtures {
    static final Path DIR = Path.of("src/test/resources/vex");

    private VexFixtures() {}

    static VexDocument read(String name) {
        return VexReader.read(DIR.resolve(name));
    }

    /** The findings of an SBOM against advisory files, by the real matcher. */
    static Matcher.Result match(Bom bom, Path... advisories) {
        List<Advisory> loaded = OsvReader.readAll(List.of(advisories));
        return new Matcher(AdvisoryIndex.of(loaded)).match(bom);
    }

    static Component component(String purl) {
        Purl p = Purl.parse(purl);
        return Component.builder(p.name()).version(p.version()).purl(purl, p).bomRef(purl).type("library").build();
    }

    /** A finding of a vulnerability in a component, as the matcher would make it (for components no advisory file covers). */
    static Finding finding(Component c, String vulnerability, String... aliases) {
        Advisory a = Advisory.builder(vulnerability, new Provenance("test", "test", null, null)).build();
        return new Finding(c, c.purl() != null && c.purl().version() != null ? c.purl().version() : c.version(),
                vulnerability, List.of(aliases), List.of(a),
                new Evidence(c.purlText(), Evidence.Method.PURL, List.of(), "test"), Fix.NONE, Confidence.HIGH);
    }

    static Bom bom(String serial, Component subject, Component... components) {
        return new Bom(SbomFormat.CYCLONEDX, "1.6", "json", serial, 1, Metadata.EMPTY.withSubject(subject),
                List.of(components), Map.of(), List.of());
    }

    static VexApplier.Result apply(Bom bom, List<Finding> findings, String... vexFiles) {
        List<VexStatement> statements = new java.util.ArrayList<>();
        for (String f : vexFiles) {
            statements.addAll(read(f).statements());
        }
        return new VexApplier(statements).apply(bom, findings);
    }
}

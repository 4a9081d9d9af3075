package dev.mamori.store.portfolio;

import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.Metadata;
import dev.mamori.sbom.SbomFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small SBOMs built in code for store tests. */
final class Boms {
    private Boms() {}

    static Component maven(String group, String artifact, String version) {
        String purl = "pkg:maven/" + group + "/" + artifact + "@" + version + "?type=jar";
        return Component.builder(artifact).group(group).version(version).type("library")
                .bomRef(purl).purl(purl, Purl.parse(purl)).build();
    }

    static Component named(String name, String version) {
        return Component.builder(name).version(version).type("application").build();
    }

    static Bom of(Component... components) {
        return of(List.of(components));
    }

    static Bom of(List<Component> components) {
        Component subject = Component.builder("product").version("1").type("application").build();
        Metadata m = new Metadata("2026-01-01T00:00:00Z", null, null, null, null, null, subject, null, null, null, null);
        return new Bom(SbomFormat.CYCLONEDX, "1.6", "json", "urn:uuid:1", 1, m, components, Map.of(), List.of());
    }

    static Bom generated(int n) {
        List<Component> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(maven("org.example.g" + (i % 17), "artifact-" + i, "1." + (i % 5) + "." + i));
        }
        return of(out);
    }

    static SbomRepository.Upload upload(String sha) {
        return new SbomRepository.Upload("tester", "application/vnd.cyclonedx+json", "bom.json", sha, 123);
    }
}

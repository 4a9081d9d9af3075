package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class DependencyGraphTest {
    static final String ROOT = "pkg:maven/org.owasp.webgoat/webgoat-parent@8.2.0?type=pom";

    static Component find(Bom bom, String name) {
        return bom.allComponents().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> refs(List<Component> cs) {
        return cs.stream().map(Component::bomRef).toList();
    }

    /**
     * Expected chains computed independently with a breadth-first walk in Python over the SBOM's
     * {@code dependencies} (documented in the session that added this test).
     */
    @Test
    void webgoat_shortestChainAndTheDirectDependenciesThatBringItIn() {
        Bom bom = Fixtures.read("webgoat/mvn-webgoat-8.2.0.cdx16.json.gz");
        DependencyGraph g = DependencyGraph.of(bom);

        Component xstream = find(bom, "xstream");
        assertThat(refs(g.pathTo(xstream))).containsExactly(ROOT,
                "pkg:maven/org.owasp.webgoat.lesson/webgoat-lessons-parent@8.2.0?type=pom",
                "pkg:maven/org.owasp.webgoat.lesson/vulnerable-components@8.2.0?type=jar",
                "pkg:maven/com.thoughtworks.xstream/xstream@1.4.5?type=jar");
        assertThat(g.isDirect(xstream)).isFalse();
        assertThat(refs(g.introducedBy(xstream))).containsExactly(
                "pkg:maven/org.owasp.webgoat.lesson/webgoat-lessons-parent@8.2.0?type=pom",
                "pkg:maven/org.owasp.webgoat/webgoat-server@8.2.0?type=jar",
                "pkg:maven/org.owasp.webgoat/webgoat-integration-tests@8.2.0?type=jar");

        Component jackson = find(bom, "jackson-databind");
        assertThat(refs(g.pathTo(jackson))).containsExactly(ROOT, "pkg:maven/org.owasp.webgoat/webwolf@8.2.0?type=jar",
                "pkg:maven/com.fasterxml.jackson.datatype/jackson-datatype-jsr310@2.11.4?type=jar",
                "pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.11.4?type=jar");
        assertThat(g.introducedBy(jackson)).hasSize(5);

        Component validation = find(bom, "spring-boot-starter-validation");
        assertThat(g.isDirect(validation)).isTrue();
        // direct, and also brought in by other direct dependencies (webgoat-container depends on it too)
        assertThat(refs(g.introducedBy(validation))).first().isEqualTo(validation.bomRef());
        assertThat(refs(g.introducedBy(validation))).contains("pkg:maven/org.owasp.webgoat/webgoat-container@8.2.0?type=jar");
        assertThat(refs(g.pathTo(bom.subject()))).containsExactly(ROOT);
        assertThat(g.depth(xstream)).isEqualTo(3);
        assertThat(g.depth(validation)).isEqualTo(1);
        assertThat(g.depth(bom.subject())).isZero();
        assertThat(g.predecessorOf(xstream)).isEqualTo("pkg:maven/org.owasp.webgoat.lesson/vulnerable-components@8.2.0?type=jar");
        assertThat(g.predecessorOf(bom.subject())).isNull();
    }

    @Test
    void withoutSubject_rootsAreWhatNothingDependsOn_andNestingCounts() {
        Component inner = Component.builder("inner").bomRef("inner").type("library").version("1").build();
        Component outer = Component.builder("outer").bomRef("outer").type("library").version("2")
                .child(inner).build();
        Component app = Component.builder("app").bomRef("app").type("application").version("3").build();
        Component lonely = Component.builder("lonely").bomRef("lonely").type("library").version("4").build();
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put("app", List.of("outer"));
        Bom bom = new Bom(SbomFormat.CYCLONEDX, "1.6", "json", null, null, null, List.of(app, outer, lonely), deps,
                List.of());

        DependencyGraph g = DependencyGraph.of(bom);

        assertThat(refs(g.pathTo(inner))).containsExactly("app", "outer", "inner");
        assertThat(refs(g.introducedBy(inner))).containsExactly("outer");
        assertThat(g.isDirect(outer)).isTrue();
        assertThat(g.pathTo(lonely)).isEmpty();
        assertThat(g.depth(lonely)).isEqualTo(-1);
        assertThat(g.depth(inner)).isEqualTo(2);
        assertThat(g.introducedBy(lonely)).isEmpty();
    }

    @Test
    void cycles_andSelfEdges_doNotLoop() {
        Component a = Component.builder("a").bomRef("a").type("library").version("1").build();
        Component b = Component.builder("b").bomRef("b").type("library").version("1").build();
        Component root = Component.builder("root").bomRef("root").type("application").version("1").build();
        Map<String, List<String>> deps = new LinkedHashMap<>();
        deps.put("root", List.of("a"));
        deps.put("a", List.of("b", "a"));
        deps.put("b", List.of("a"));
        Bom bom = new Bom(SbomFormat.CYCLONEDX, "1.6", "json", null, null,
                new Metadata(null, null, null, null, null, null, root, null, null, null, null),
                List.of(a, b), deps, List.of());

        DependencyGraph g = DependencyGraph.of(bom);

        assertThat(refs(g.pathTo(b))).containsExactly("root", "a", "b");
        assertThat(refs(g.introducedBy(b))).containsExactly("a");
    }

    @Test
    void noDependencyInformation_isEmpty() {
        Component a = Component.builder("a").bomRef("a").type("library").version("1").build();
        DependencyGraph g = DependencyGraph.of(new Bom(SbomFormat.SPDX, "2.3", "json", null, null, null, List.of(a),
                Map.of(), List.of()));

        assertThat(g.isEmpty()).isTrue();
        assertThat(g.pathTo(a)).isEmpty();
    }
}

package dev.mamori.sbom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns SPDX's flat elements and relationships (SPDX 2 and 3 alike) into the model's tree and graph.
 *
 * <ul>
 *   <li>DESCRIBES (document → element; SPDX 3 {@code rootElement}) picks the subject. With several, the first
 *       is the subject and the others stay components.</li>
 *   <li>CONTAINS / CONTAINED_BY (SPDX 2.2 {@code hasFiles} too) nest the contained element under its container when
 *       containment forms a tree. What the subject contains becomes a top-level component (as in CycloneDX, where
 *       the top-level components make up {@code metadata.component}). Containment that is not a tree (an element in
 *       two containers, a cycle, or nesting deeper than {@link #MAX_NESTING}) is kept as a dependency edge, with a
 *       warning.</li>
 *   <li>DEPENDS_ON, DYNAMIC_LINK, STATIC_LINK (a → b) and DEPENDENCY_OF and its BUILD_/DEV_/OPTIONAL_/PROVIDED_/
 *       RUNTIME_/TEST_ forms (b → a) become dependency edges.</li>
 *   <li>Other relationship types are not kept; one warning counts them.</li>
 * </ul>
 */
final class SpdxGraph {
    static final int MAX_NESTING = 200;

    /** How a relationship type is kept. */
    enum Kind { DEPENDS_ON, DEPENDENCY_OF, CONTAINS, CONTAINED_BY, DESCRIBES, DESCRIBED_BY, OTHER }

    private final ReadContext ctx;
    private final Map<String, Component.Builder> elements = new LinkedHashMap<>();
    private final Set<String> documentIds = new HashSet<>();
    private final List<String> describes = new ArrayList<>();
    private final List<String[]> contains = new ArrayList<>();
    private final Map<String, List<String>> dependencies = new LinkedHashMap<>();
    private final Set<String> dependsOnNothing = new HashSet<>();
    private final Map<String, Integer> ignored = new TreeMap<>();
    private int danglingEdges;

    SpdxGraph(ReadContext ctx) {
        this.ctx = ctx;
    }

    static Kind kind(String spdx2Type) {
        String t = spdx2Type.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "DEPENDS_ON", "DYNAMIC_LINK", "STATIC_LINK", "DEPENDSON", "HASDYNAMICLINK", "HASSTATICLINK" -> Kind.DEPENDS_ON;
            case "DEPENDENCY_OF", "BUILD_DEPENDENCY_OF", "DEV_DEPENDENCY_OF", "OPTIONAL_DEPENDENCY_OF",
                 "PROVIDED_DEPENDENCY_OF", "RUNTIME_DEPENDENCY_OF", "TEST_DEPENDENCY_OF" -> Kind.DEPENDENCY_OF;
            case "CONTAINS" -> Kind.CONTAINS;
            case "CONTAINED_BY" -> Kind.CONTAINED_BY;
            case "DESCRIBES", "DESCRIBE" -> Kind.DESCRIBES;
            case "DESCRIBED_BY" -> Kind.DESCRIBED_BY;
            default -> Kind.OTHER;
        };
    }

    /** Marks an id as the document (or SPDX 3 Sbom) itself, so DESCRIBES from it pick the subject. */
    void document(String id) {
        documentIds.add(id);
    }

    void element(String id, Component.Builder builder) {
        if (id == null) {
            elements.put("\u0000anonymous-" + elements.size(), builder);
            return;
        }
        if (elements.putIfAbsent(id, builder) != null) {
            ctx.warn(builder.location(), "element id '" + id + "' is used twice; the second one is ignored");
        }
    }

    boolean has(String id) {
        return elements.containsKey(id);
    }

    void describes(String id) {
        if (id != null && !describes.contains(id)) {
            describes.add(id);
        }
    }

    void relationship(String from, String type, String to) {
        if (from == null || to == null || type == null) {
            return;
        }
        switch (kind(type)) {
            case DEPENDS_ON -> dependsOn(from, to);
            case DEPENDENCY_OF -> dependsOn(to, from);
            case CONTAINS -> contains.add(new String[] {from, to});
            case CONTAINED_BY -> contains.add(new String[] {to, from});
            case DESCRIBES -> {
                if (documentIds.contains(from) || from.equals("SPDXRef-DOCUMENT")) {
                    describes(to);
                } else {
                    ignored.merge(type, 1, Integer::sum);
                }
            }
            case DESCRIBED_BY -> {
                if (documentIds.contains(to) || to.equals("SPDXRef-DOCUMENT")) {
                    describes(from);
                } else {
                    ignored.merge(type, 1, Integer::sum);
                }
            }
            case OTHER -> ignored.merge(type, 1, Integer::sum);
        }
    }

    /** Records that an element is known to depend on nothing (SPDX 3 {@code dependsOn} {@code NoneElement}). */
    void dependsOnNothing(String from) {
        if (from != null) {
            dependencies.computeIfAbsent(from, k -> new ArrayList<>());
            dependsOnNothing.add(from);
        }
    }

    private void dependsOn(String from, String to) {
        List<String> on = dependencies.computeIfAbsent(from, k -> new ArrayList<>());
        if (!on.contains(to)) {
            on.add(to);
        }
    }

    /** The subject, the top-level components and the dependency graph. */
    record Result(Component subject, List<Component> components, Map<String, List<String>> dependencies) {}

    Result assemble() {
        String subjectId = null;
        for (String d : describes) {
            if (elements.containsKey(d) && !"file".equals(elements.get(d).build().type())) {
                subjectId = d;
                break;
            }
        }
        for (String d : describes) {
            if (subjectId == null && elements.containsKey(d)) {
                subjectId = d;
            }
        }
        for (String d : describes) {
            if (elements.containsKey(d) && !d.equals(subjectId)) {
                ctx.warn("", "the document describes several elements; '" + subjectId
                        + "' is the subject, '" + d + "' stays a component");
            }
        }
        // containment → nesting where it forms a tree
        Map<String, String> parent = new HashMap<>();
        Map<String, List<String>> childrenOf = new LinkedHashMap<>();
        Set<String> topLevelBySubject = new LinkedHashSet<>();
        int flattened = 0;
        for (String[] edge : contains) {
            String from = edge[0];
            String to = edge[1];
            if (!elements.containsKey(from) || !elements.containsKey(to)) {
                if (!documentIds.contains(from)) {
                    danglingEdges++;
                }
                continue;
            }
            if (from.equals(to) || to.equals(subjectId)) {
                flattened += keepAsDependency(from, to);
                continue;
            }
            if (from.equals(subjectId)) {
                topLevelBySubject.add(to);
                continue;
            }
            String existing = parent.get(to);
            if (existing != null) {
                if (!existing.equals(from)) {
                    flattened += keepAsDependency(from, to);
                }
                continue;
            }
            if (depthOf(from, parent) >= MAX_NESTING || reaches(from, to, parent)) {
                flattened += keepAsDependency(from, to);
                continue;
            }
            parent.put(to, from);
            childrenOf.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
        }
        if (flattened > 0) {
            ctx.warn("", flattened + " CONTAINS relationship(s) do not form a tree (an element in two containers, "
                    + "a cycle, or too deep) and are kept as dependencies");
        }
        // keep only dependency edges between known elements (the subject counts)
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : dependencies.entrySet()) {
            if (!elements.containsKey(e.getKey())) {
                danglingEdges += e.getValue().size();
                continue;
            }
            List<String> on = new ArrayList<>();
            for (String to : e.getValue()) {
                if (elements.containsKey(to)) {
                    on.add(to);
                } else {
                    danglingEdges++;
                }
            }
            if (!on.isEmpty() || e.getValue().isEmpty() && dependsOnNothing.contains(e.getKey())) {
                deps.put(e.getKey(), on);
            }
        }
        if (danglingEdges > 0) {
            ctx.warn("", danglingEdges + " relationship(s) name elements that are not in this document and are not kept");
        }
        if (!ignored.isEmpty()) {
            ctx.warn("", "relationship types not kept in the model: " + ignored);
        }
        Map<String, Component> built = new HashMap<>();
        Component subject = subjectId == null ? null : build(subjectId, childrenOf, built);
        List<Component> top = new ArrayList<>();
        for (String id : elements.keySet()) {
            if (!id.equals(subjectId) && !parent.containsKey(id)) {
                top.add(build(id, childrenOf, built));
            }
        }
        return new Result(subject, top, deps);
    }

    private int keepAsDependency(String from, String to) {
        dependsOn(from, to);
        return 1;
    }

    private static int depthOf(String id, Map<String, String> parent) {
        int d = 0;
        for (String p = parent.get(id); p != null && d <= MAX_NESTING; p = parent.get(p)) {
            d++;
        }
        return d;
    }

    /** True when {@code to} is {@code from} or one of its ancestors: nesting it under {@code from} would be a cycle. */
    private static boolean reaches(String from, String to, Map<String, String> parent) {
        int guard = 0;
        for (String p = from; p != null && guard++ <= MAX_NESTING + 1; p = parent.get(p)) {
            if (p.equals(to)) {
                return true;
            }
        }
        return false;
    }

    private Component build(String id, Map<String, List<String>> childrenOf, Map<String, Component> built) {
        Component done = built.get(id);
        if (done != null) {
            return done;
        }
        Component.Builder b = elements.get(id);
        for (String child : childrenOf.getOrDefault(id, List.of())) {
            b.child(build(child, childrenOf, built));
        }
        Component c = b.build();
        built.put(id, c);
        return c;
    }
}

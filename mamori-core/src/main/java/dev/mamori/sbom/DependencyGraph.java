package dev.mamori.sbom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Why a component is in an SBOM: the dependency graph ({@code dependencies}, plus nesting — a component inside
 * another is there because of it) read from the product down. The roots are the SBOM's subject when it has
 * dependencies, else every component nothing depends on. Answers, for one component, the shortest chain from a root
 * and the root's direct dependencies that bring it in — what a user upgrades to get rid of it.
 */
public final class DependencyGraph {
    private final Map<String, Component> byRef = new HashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    private final Map<String, List<String>> parents = new HashMap<>();
    private final Set<String> edges = new java.util.HashSet<>();
    private final List<String> roots;
    private final Set<String> rootSet;
    private final Map<String, String> predecessor = new HashMap<>();
    private final Map<String, Integer> depth = new HashMap<>();
    private final Map<String, List<Component>> introducedBy = new HashMap<>();
    private Map<String, Integer> directPosition;

    private DependencyGraph(Bom bom) {
        for (Component c : bom.allComponentsWithSubject()) {
            if (c.bomRef() != null) {
                byRef.putIfAbsent(c.bomRef(), c);
            }
            for (Component child : c.children()) {
                edge(c.bomRef(), child.bomRef());
            }
        }
        bom.dependencies().forEach((from, tos) -> tos.forEach(to -> edge(from, to)));
        Component subject = bom.subject();
        if (subject != null && subject.bomRef() != null && children.containsKey(subject.bomRef())) {
            roots = List.of(subject.bomRef());
        } else {
            List<String> r = new ArrayList<>();
            for (String ref : children.keySet()) {
                if (!parents.containsKey(ref)) {
                    r.add(ref);
                }
            }
            roots = List.copyOf(r);
        }
        rootSet = Set.copyOf(roots);
        // one breadth-first walk from the roots: each component's predecessor on a shortest chain
        ArrayDeque<String> queue = new ArrayDeque<>(roots);
        roots.forEach(r -> depth.put(r, 0));
        while (!queue.isEmpty()) {
            String ref = queue.poll();
            for (String next : children.getOrDefault(ref, List.of())) {
                if (!depth.containsKey(next)) {
                    predecessor.put(next, ref);
                    depth.put(next, depth.get(ref) + 1);
                    queue.add(next);
                }
            }
        }
    }

    /** The graph of an SBOM. */
    public static DependencyGraph of(Bom bom) {
        return new DependencyGraph(bom);
    }

    /** True when the SBOM says anything about dependencies or nesting. */
    public boolean isEmpty() {
        return children.isEmpty();
    }

    private void edge(String from, String to) {
        if (from == null || to == null || from.equals(to)) {
            return;
        }
        if (edges.add(from + '\u0000' + to)) {
            children.computeIfAbsent(from, k -> new ArrayList<>()).add(to);
            parents.computeIfAbsent(to, k -> new ArrayList<>()).add(from);
        }
    }

    /**
     * The shortest chain from a root to the component, root first and the component last; just the component when
     * it is a root; empty when the graph does not reach it.
     */
    public List<Component> pathTo(Component c) {
        if (c.bomRef() == null) {
            return List.of();
        }
        if (rootSet.contains(c.bomRef())) {
            return List.of(c);
        }
        if (!predecessor.containsKey(c.bomRef())) {
            return List.of();
        }
        List<Component> path = new ArrayList<>();
        for (String ref = c.bomRef(); ref != null; ref = predecessor.get(ref)) {
            Component at = byRef.get(ref);
            if (at != null) {
                path.add(at);
            }
        }
        Collections.reverse(path);
        return path;
    }

    /**
     * The bom-ref of the component just above this one on its shortest chain from a root (null for a root or a
     * component the graph does not reach): storing it per component keeps every chain, one column each.
     */
    public String predecessorOf(Component c) {
        return c.bomRef() == null ? null : predecessor.get(c.bomRef());
    }

    /** How many steps the component is below a root: 0 for a root, 1 for a direct dependency, -1 when unreached. */
    public int depth(Component c) {
        return c.bomRef() == null ? -1 : depth.getOrDefault(c.bomRef(), -1);
    }

    /** True when a root depends on the component itself. */
    public boolean isDirect(Component c) {
        List<String> ps = c.bomRef() == null ? List.of() : parents.getOrDefault(c.bomRef(), List.of());
        return ps.stream().anyMatch(rootSet::contains);
    }

    /**
     * The roots' direct dependencies that bring the component in (the component itself when it is one), in the
     * roots' order; empty when the graph does not reach it.
     */
    public List<Component> introducedBy(Component c) {
        if (c.bomRef() == null || !predecessor.containsKey(c.bomRef())) {
            return List.of();
        }
        return introducedBy.computeIfAbsent(c.bomRef(), ref -> walkUp(c));
    }

    /** Where each direct dependency of the roots stands in their lists, for ordering. */
    private Map<String, Integer> directPosition() {
        if (directPosition == null) {
            Map<String, Integer> pos = new HashMap<>();
            for (String root : roots) {
                for (String d : children.getOrDefault(root, List.of())) {
                    pos.putIfAbsent(d, pos.size());
                }
            }
            directPosition = pos;
        }
        return directPosition;
    }

    private List<Component> walkUp(Component c) {
        // walk up from the component; every ancestor a root depends on directly is one way in
        Set<String> seen = new LinkedHashSet<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        queue.add(c.bomRef());
        seen.add(c.bomRef());
        Set<String> direct = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            String ref = queue.poll();
            for (String p : parents.getOrDefault(ref, List.of())) {
                if (rootSet.contains(p)) {
                    direct.add(ref);
                } else if (seen.add(p)) {
                    queue.add(p);
                }
            }
        }
        // in the roots' order of their direct dependencies (positions computed once, not a scan per call)
        List<String> ordered = new ArrayList<>(direct);
        ordered.sort(java.util.Comparator.comparingInt(r -> directPosition().getOrDefault(r, Integer.MAX_VALUE)));
        Set<Component> out = new LinkedHashSet<>();
        for (String d : ordered) {
            Component at = byRef.get(d);
            if (at != null) {
                out.add(at);
            }
        }
        return List.copyOf(out);
    }
}

package dev.mamori.sbom.diff;

import java.util.List;

/**
 * What changed from one SBOM to the next.
 *
 * @param added        components only in the new SBOM
 * @param removed      components only in the old SBOM
 * @param changed      components in both whose version, licences, hashes or supplier changed
 * @param unchanged    how many components are in both, unchanged
 * @param edgesAdded   dependency edges only in the new SBOM (between match keys, so an upgrade keeps its edges)
 * @param edgesRemoved dependency edges only in the old SBOM
 */
public record DiffReport(List<ComponentSummary> added, List<ComponentSummary> removed, List<ComponentChange> changed,
                         int unchanged, List<Edge> edgesAdded, List<Edge> edgesRemoved) {

    /** A dependency edge between two components, named by their match keys. */
    public record Edge(String from, String to) {
        @Override
        public String toString() {
            return from + " -> " + to;
        }
    }

    public DiffReport {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        edgesAdded = List.copyOf(edgesAdded);
        edgesRemoved = List.copyOf(edgesRemoved);
    }

    public List<ComponentChange> upgraded() {
        return changed.stream().filter(c -> c.direction() == ComponentChange.Direction.UPGRADE).toList();
    }

    public List<ComponentChange> downgraded() {
        return changed.stream().filter(c -> c.direction() == ComponentChange.Direction.DOWNGRADE).toList();
    }

    /** True when nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && edgesAdded.isEmpty() && edgesRemoved.isEmpty();
    }
}

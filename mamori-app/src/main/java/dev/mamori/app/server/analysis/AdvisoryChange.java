package dev.mamori.app.server.analysis;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Affected;
import dev.mamori.purl.PackageKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two snapshots: advisory ids added, removed or modified, the packages their statements name
 * (before and after, so a range that stops naming a package counts too), and whether any CPE statement changed
 * (those reach components without a purl). Records are compared by content: the same record read from another
 * file is not a change.
 */
public record AdvisoryChange(AdvisorySnapshot before, AdvisorySnapshot after, List<String> added, List<String> removed,
                             List<String> modified, Set<PackageKey> packages, boolean cpeStatementsChanged) {

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && modified.isEmpty();
    }

    public static AdvisoryChange between(AdvisorySnapshot before, AdvisorySnapshot after) {
        Map<String, List<Advisory>> old = byId(before.advisories());
        Map<String, List<Advisory>> now = byId(after.advisories());
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        Set<PackageKey> packages = new TreeSet<>();
        boolean[] cpe = {false};
        for (var e : now.entrySet()) {
            List<Advisory> was = old.get(e.getKey());
            if (was == null) {
                added.add(e.getKey());
            } else if (!Objects.equals(was, e.getValue())) {
                modified.add(e.getKey());
            } else {
                continue;
            }
            touch(e.getValue(), packages, cpe);
            if (was != null) {
                touch(was, packages, cpe);
            }
        }
        for (var e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                removed.add(e.getKey());
                touch(e.getValue(), packages, cpe);
            }
        }
        return new AdvisoryChange(before, after, added, removed, modified, packages, cpe[0]);
    }

    private static void touch(List<Advisory> list, Set<PackageKey> packages, boolean[] cpe) {
        for (Advisory a : list) {
            for (Affected af : a.affected()) {
                if (af.packageKey() != null) {
                    packages.add(af.packageKey());
                }
            }
            if (!a.configurations().isEmpty()) {
                cpe[0] = true;
            }
        }
    }

    private static Map<String, List<Advisory>> byId(List<Advisory> all) {
        Map<String, List<Advisory>> out = new HashMap<>();
        for (Advisory a : all) {
            out.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(AdvisorySnapshot.content(a));
        }
        return out;
    }
}

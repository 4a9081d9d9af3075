package dev.mamori.match;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Affected;
import dev.mamori.purl.PackageKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An immutable index of advisories by the package they affect. */
public final class AdvisoryIndex {
    /** One advisory's statement about one package. */
    public record Entry(Advisory advisory, Affected affected) {}

    private final Map<PackageKey, List<Entry>> byPackage;
    private final int advisoryCount;

    private AdvisoryIndex(Map<PackageKey, List<Entry>> byPackage, int advisoryCount) {
        this.byPackage = byPackage;
        this.advisoryCount = advisoryCount;
    }

    /** Indexes the advisories; withdrawn ones and entries of unknown ecosystems are left out. */
    public static AdvisoryIndex of(Collection<Advisory> advisories) {
        Map<PackageKey, List<Entry>> map = new HashMap<>();
        int count = 0;
        for (Advisory a : advisories) {
            if (a.withdrawn() != null) {
                continue;
            }
            count++;
            for (Affected affected : a.affected()) {
                if (affected.packageKey() != null) {
                    map.computeIfAbsent(affected.packageKey(), k -> new ArrayList<>()).add(new Entry(a, affected));
                }
            }
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return new AdvisoryIndex(Map.copyOf(map), count);
    }

    /** The entries filed under a package, or an empty list. */
    public List<Entry> lookup(PackageKey key) {
        return byPackage.getOrDefault(key, List.of());
    }

    public int advisoryCount() {
        return advisoryCount;
    }

    public int packageCount() {
        return byPackage.size();
    }
}

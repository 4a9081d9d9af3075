package dev.mamori.app.server.portfolio;

import dev.mamori.app.server.ApiException;
import dev.mamori.store.portfolio.ComponentRepository;
import dev.mamori.store.portfolio.FindingRepository;
import dev.mamori.store.portfolio.Release;
import dev.mamori.store.portfolio.ReleaseRepository;
import dev.mamori.store.portfolio.StoredComponent;
import dev.mamori.store.portfolio.StoredFinding;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/releases/{a}/diff/{b}}: what changed from release a to release b. Components are compared by
 * package (ecosystem and name, or the name for components without a purl): added, removed, or changed version.
 * Findings (present ones) are compared by package and vulnerability: new in b, fixed in b (present in a only).
 */
@RestController
@Tag(name = "Releases")
class DiffController {
    private final ReleaseRepository releases;
    private final ComponentRepository components;
    private final FindingRepository findings;

    DiffController(ReleaseRepository releases, ComponentRepository components, FindingRepository findings) {
        this.releases = releases;
        this.components = components;
        this.findings = findings;
    }

    record Side(long releaseId, long productId, String version, Long sbomId) {}

    record PackageVersions(String packageKey, List<String> versions) {}

    record Change(String packageKey, List<String> from, List<String> to) {}

    record ComponentDiff(List<PackageVersions> added, List<PackageVersions> removed, List<Change> changed, int unchanged) {}

    /** @param versionInTo for a fixed finding, the package's versions in release b (empty when removed) */
    record FindingChange(String vulnerabilityId, List<String> aliases, String packageKey, String version, String severity,
                         long findingId, List<String> versionInTo) {}

    record FindingDiff(List<FindingChange> introduced, List<FindingChange> fixed, int unchanged) {}

    record Diff(Side from, Side to, ComponentDiff components, FindingDiff findings) {}

    @GetMapping("/api/v1/releases/{a}/diff/{b}")
    @Operation(summary = "SBOM and findings diff from release a to release b")
    Diff diff(@PathVariable long a, @PathVariable long b) {
        Release ra = releases.find(a).orElseThrow(() -> ApiException.notFound("release", a));
        Release rb = releases.find(b).orElseThrow(() -> ApiException.notFound("release", b));
        Map<String, TreeSet<String>> va = versions(components.all(a));
        Map<String, TreeSet<String>> vb = versions(components.all(b));
        List<PackageVersions> added = new ArrayList<>();
        List<PackageVersions> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        int same = 0;
        for (var e : vb.entrySet()) {
            TreeSet<String> before = va.get(e.getKey());
            if (before == null) {
                added.add(new PackageVersions(e.getKey(), List.copyOf(e.getValue())));
            } else if (!before.equals(e.getValue())) {
                changed.add(new Change(e.getKey(), List.copyOf(before), List.copyOf(e.getValue())));
            } else {
                same++;
            }
        }
        for (var e : va.entrySet()) {
            if (!vb.containsKey(e.getKey())) {
                removed.add(new PackageVersions(e.getKey(), List.copyOf(e.getValue())));
            }
        }
        Map<String, StoredFinding> fa = byVulnerability(findings.present(a));
        Map<String, StoredFinding> fb = byVulnerability(findings.present(b));
        List<FindingChange> introduced = new ArrayList<>();
        List<FindingChange> fixed = new ArrayList<>();
        int unchanged = 0;
        for (var e : fb.entrySet()) {
            if (fa.containsKey(e.getKey())) {
                unchanged++;
            } else {
                introduced.add(change(e.getValue(), null));
            }
        }
        for (var e : fa.entrySet()) {
            if (!fb.containsKey(e.getKey())) {
                StoredFinding f = e.getValue();
                TreeSet<String> now = vb.get(packageKey(f.packageEcosystem(), f.packageName()));
                fixed.add(change(f, now == null ? List.of() : List.copyOf(now)));
            }
        }
        return new Diff(side(ra), side(rb), new ComponentDiff(added, removed, changed, same),
                new FindingDiff(introduced, fixed, unchanged));
    }

    private static Side side(Release r) {
        return new Side(r.id(), r.productId(), r.version(), r.currentSbomId());
    }

    private static Map<String, TreeSet<String>> versions(List<StoredComponent> all) {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        for (StoredComponent c : all) {
            if (!StoredComponent.ROLE_COMPONENT.equals(c.role())) {
                continue;
            }
            String v = ComponentController.versionOf(c);
            out.computeIfAbsent(packageKey(c.packageEcosystem(), c.packageName()), k -> new TreeSet<>()).add(v == null ? "" : v);
        }
        return out;
    }

    static String packageKey(String ecosystem, String name) {
        return (ecosystem.isEmpty() ? "name" : ecosystem) + ":" + name;
    }

    /** Present findings by package and vulnerability (one per pair: several versions of a package count once). */
    private static Map<String, StoredFinding> byVulnerability(List<StoredFinding> list) {
        Map<String, StoredFinding> out = new LinkedHashMap<>();
        for (StoredFinding f : list) {
            out.putIfAbsent(packageKey(f.packageEcosystem(), f.packageName()) + "\n" + f.vulnerabilityId(), f);
        }
        return out;
    }

    private static FindingChange change(StoredFinding f, List<String> versionInTo) {
        return new FindingChange(f.vulnerabilityId(), f.aliases(), packageKey(f.packageEcosystem(), f.packageName()),
                f.componentVersion(), f.severity(), f.id(), versionInTo);
    }
}

package dev.mamori.match;

import dev.mamori.advisory.AffectedRange;
import dev.mamori.purl.PackageKey;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.version.EventRange;
import dev.mamori.version.VersionException;
import dev.mamori.version.VersionScheme;
import dev.mamori.version.VersionSchemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Matches the components of an SBOM against an {@link AdvisoryIndex} by package URL. */
public final class Matcher {
    private final AdvisoryIndex index;

    public Matcher(AdvisoryIndex index) {
        this.index = index;
    }

    /** The result of matching one SBOM: findings in component order, and what could not be evaluated. */
    public record Result(List<Finding> findings, List<String> warnings, int componentsScanned) {}

    public Result match(Bom bom) {
        List<Finding> findings = new ArrayList<>();
        List<String> warnings = new ArrayList<>(bom.warnings());
        List<Component> components = bom.allComponents();
        for (Component c : components) {
            matchComponent(c, findings, warnings);
        }
        return new Result(findings, warnings, components.size());
    }

    private void matchComponent(Component c, List<Finding> findings, List<String> warnings) {
        Purl purl = c.purl();
        if (purl == null) {
            return;
        }
        String version = purl.version() != null ? purl.version() : c.version();
        if (version == null || version.isBlank()) {
            return;
        }
        PackageKey key = purl.packageKey();
        VersionScheme scheme = VersionSchemes.forPurlType(purl.type());
        Map<String, Finding> byAdvisory = new LinkedHashMap<>();
        for (AdvisoryIndex.Entry entry : index.lookup(key)) {
            String advisoryId = entry.advisory().id();
            if (byAdvisory.containsKey(advisoryId)) {
                continue;
            }
            String matchedBy = null;
            TreeSet<String> fixes = new TreeSet<>(scheme.comparator());
            if (entry.affected().versions().contains(version)) {
                matchedBy = "version " + version + " is listed as affected";
            }
            for (AffectedRange range : entry.affected().ranges()) {
                if (range.isGit()) {
                    continue;
                }
                try {
                    if (range.events().contains(scheme, version)) {
                        if (matchedBy == null) {
                            matchedBy = range.type() + " range " + describe(range.events());
                        }
                        for (String fix : range.events().fixedVersions()) {
                            if (scheme.compare(fix, version) > 0) {
                                fixes.add(fix);
                            }
                        }
                    }
                } catch (VersionException e) {
                    warnings.add(c.location() + ": " + advisoryId + " " + entry.affected().location()
                            + ": range not evaluated: " + e.getMessage());
                }
            }
            if (matchedBy != null) {
                byAdvisory.put(advisoryId, new Finding(c, version, entry.advisory(),
                        new Finding.Evidence(purl.toString(), matchedBy, entry.affected().location()),
                        List.copyOf(fixes)));
            }
        }
        findings.addAll(byAdvisory.values());
    }

    static String describe(EventRange range) {
        StringBuilder out = new StringBuilder();
        for (EventRange.Event e : range.events()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(e.kind().osvName()).append(' ').append(e.version());
        }
        return "[" + out + "]";
    }
}

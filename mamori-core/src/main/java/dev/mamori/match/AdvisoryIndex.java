package dev.mamori.match;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Affected;
import dev.mamori.advisory.CpeConfiguration;
import dev.mamori.advisory.Vulnerability;
import dev.mamori.advisory.VulnerabilityMerger;
import dev.mamori.cpe.Cpe;
import dev.mamori.cpe.NvdConfiguration;
import dev.mamori.cpe.NvdCpeMatch;
import dev.mamori.cpe.NvdNode;
import dev.mamori.purl.PackageKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable index of advisories: by package (ecosystem + canonical name) for package-URL matching, and by CPE
 * vendor:product (and product alone, for name-only fallback) for NVD applicability statements. Advisory records
 * that share an id or alias are one vulnerability ({@link VulnerabilityMerger}); a finding names the vulnerability.
 */
public final class AdvisoryIndex {

    /** What one advisory says about one package; {@code distro} is set for distro ecosystems (Debian:12 …). */
    record PackageEntry(Advisory advisory, Affected affected, DistroRelease distro, List<VulnRef> vulnerabilities) {}

    /** An advisory's NVD-style applicability statements, compiled. */
    record CpeEntry(Advisory advisory, List<NvdConfiguration> configurations, List<VulnRef> vulnerabilities) {}

    /** The vulnerability an advisory belongs to: canonical id and every alias. */
    record VulnRef(String id, List<String> aliases) {}

    private final Map<PackageKey, List<PackageEntry>> byPackage;
    private final Map<String, List<CpeEntry>> byVendorProduct;
    private final Map<String, List<CpeEntry>> byProduct;
    private final int advisoryCount;
    private final int vulnerabilityCount;

    private AdvisoryIndex(Map<PackageKey, List<PackageEntry>> byPackage, Map<String, List<CpeEntry>> byVendorProduct,
                          Map<String, List<CpeEntry>> byProduct, int advisoryCount, int vulnerabilityCount) {
        this.byPackage = byPackage;
        this.byVendorProduct = byVendorProduct;
        this.byProduct = byProduct;
        this.advisoryCount = advisoryCount;
        this.vulnerabilityCount = vulnerabilityCount;
    }

    /** Indexes the advisories; withdrawn ones are left out, records sharing an alias become one vulnerability. */
    public static AdvisoryIndex of(Collection<Advisory> advisories) {
        List<Advisory> live = advisories.stream().filter(a -> a.withdrawn() == null).toList();
        Map<Advisory, List<VulnRef>> vulnOf = new IdentityHashMap<>();
        VulnerabilityMerger.Result merged = VulnerabilityMerger.merge(live);
        for (Vulnerability v : merged.vulnerabilities()) {
            List<String> aliases = v.ids().stream().filter(id -> !id.equals(v.id())).toList();
            VulnRef ref = new VulnRef(v.id(), aliases);
            for (Advisory a : v.advisories()) {
                vulnOf.computeIfAbsent(a, k -> new ArrayList<>()).add(ref);
            }
        }
        Map<PackageKey, List<PackageEntry>> byPackage = new HashMap<>();
        Map<String, List<CpeEntry>> byVendorProduct = new HashMap<>();
        Map<String, List<CpeEntry>> byProduct = new HashMap<>();
        for (Advisory a : live) {
            List<VulnRef> vulns = vulnOf.getOrDefault(a, List.of(new VulnRef(a.id(), a.aliases())));
            for (Affected affected : a.affected()) {
                if (affected.packageKey() == null) {
                    continue;
                }
                DistroRelease distro = DistroRelease.ofOsvEcosystem(affected.osvEcosystem());
                byPackage.computeIfAbsent(affected.packageKey(), k -> new ArrayList<>())
                        .add(new PackageEntry(a, affected, distro, vulns));
            }
            if (!a.configurations().isEmpty()) {
                List<NvdConfiguration> compiled = compile(a.configurations());
                if (!compiled.isEmpty()) {
                    CpeEntry entry = new CpeEntry(a, compiled, vulns);
                    LinkedHashSet<String> vendorProducts = new LinkedHashSet<>();
                    LinkedHashSet<String> products = new LinkedHashSet<>();
                    for (NvdConfiguration c : compiled) {
                        for (NvdNode n : c.nodes()) {
                            for (NvdCpeMatch m : n.cpeMatch()) {
                                if (m.vulnerable()) {
                                    String vendor = String.valueOf(m.criteria().vendor().text()).toLowerCase(Locale.ROOT);
                                    String product = String.valueOf(m.criteria().product().text()).toLowerCase(Locale.ROOT);
                                    vendorProducts.add(vendor + ":" + product);
                                    products.add(product);
                                }
                            }
                        }
                    }
                    vendorProducts.forEach(vp -> byVendorProduct.computeIfAbsent(vp, k -> new ArrayList<>()).add(entry));
                    products.forEach(p -> byProduct.computeIfAbsent(p, k -> new ArrayList<>()).add(entry));
                }
            }
        }
        byPackage.replaceAll((k, v) -> List.copyOf(v));
        byVendorProduct.replaceAll((k, v) -> List.copyOf(v));
        byProduct.replaceAll((k, v) -> List.copyOf(v));
        return new AdvisoryIndex(byPackage, byVendorProduct, byProduct, live.size(), merged.vulnerabilities().size());
    }

    private static List<NvdConfiguration> compile(List<CpeConfiguration> configurations) {
        List<NvdConfiguration> out = new ArrayList<>();
        for (CpeConfiguration c : configurations) {
            try {
                List<NvdNode> nodes = new ArrayList<>();
                for (CpeConfiguration.Node n : c.nodes()) {
                    List<NvdCpeMatch> matches = new ArrayList<>();
                    for (CpeConfiguration.Match m : n.matches()) {
                        if (m.criteria() == null || !m.criteria().startsWith("cpe:")) {
                            continue; // e.g. MyJVN's jvnpid: product ids
                        }
                        matches.add(new NvdCpeMatch(Cpe.parse(m.criteria()), m.vulnerable(), m.versionStartIncluding(),
                                m.versionStartExcluding(), m.versionEndIncluding(), m.versionEndExcluding(), m.matchCriteriaId()));
                    }
                    if (!matches.isEmpty()) {
                        nodes.add(new NvdNode(operator(n.operator()), n.negate(), matches));
                    }
                }
                if (!nodes.isEmpty()) {
                    out.add(new NvdConfiguration(operator(c.operator()), c.negate(), nodes));
                }
            } catch (IllegalArgumentException e) {
                // an unparseable criterion makes that configuration unusable; the others still count
            }
        }
        return out;
    }

    private static NvdConfiguration.Operator operator(String op) {
        return "AND".equalsIgnoreCase(op) ? NvdConfiguration.Operator.AND : NvdConfiguration.Operator.OR;
    }

    List<PackageEntry> lookup(PackageKey key) {
        return byPackage.getOrDefault(key, List.of());
    }

    List<CpeEntry> lookupCpe(String vendor, String product) {
        return byVendorProduct.getOrDefault(vendor.toLowerCase(Locale.ROOT) + ":" + product.toLowerCase(Locale.ROOT), List.of());
    }

    List<CpeEntry> lookupProduct(String product) {
        return byProduct.getOrDefault(product.toLowerCase(Locale.ROOT), List.of());
    }

    /** Whether any advisory names this package, in any ecosystem release. */
    public boolean covers(PackageKey key) {
        return byPackage.containsKey(key);
    }

    /** Live (not withdrawn) advisory records indexed. */
    public int advisoryCount() {
        return advisoryCount;
    }

    /** Vulnerabilities those records describe, after merging by alias. */
    public int vulnerabilityCount() {
        return vulnerabilityCount;
    }

    public int packageCount() {
        return byPackage.size();
    }
}

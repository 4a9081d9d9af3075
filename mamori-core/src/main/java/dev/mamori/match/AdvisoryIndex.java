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
import java.util.Set;

/**
 * An immutable index of advisories: by package (ecosystem + canonical name) for package-URL matching, and by CPE
 * vendor:product (and product alone, for name-only fallback) for NVD applicability statements. Advisory records
 * that share an id or alias are one vulnerability ({@link VulnerabilityMerger}); a finding names the vulnerability.
 *
 * <p>An index is built in memory from advisories ({@link #of}) or read from a snapshot file
 * ({@link AdvisoryIndexSnapshot#read}); both answer the same.
 */
public final class AdvisoryIndex {

    /** The vulnerability an advisory belongs to: canonical id and every alias. */
    record VulnRef(String id, List<String> aliases) {
        VulnRef {
            aliases = List.copyOf(aliases);
        }
    }

    /** An advisory's NVD-style applicability statements, compiled. */
    record CpeEntry(Advisory advisory, List<NvdConfiguration> configurations, List<VulnRef> vulnerabilities) {}

    /**
     * What one advisory says about one package; {@code distro} is set for distro ecosystems (Debian:12 …). The
     * ranges are compiled for a version scheme on first use and kept.
     */
    static final class PackageEntry {
        private volatile Advisory advisory;
        private final java.util.function.Supplier<Advisory> loader;
        private final Affected affected;
        private final DistroRelease distro;
        private final List<VulnRef> vulnerabilities;
        private volatile CompiledRanges compiled;
        private PackageGroup group;
        private int position;

        PackageEntry(Advisory advisory, Affected affected, DistroRelease distro, List<VulnRef> vulnerabilities) {
            this.advisory = advisory;
            this.loader = null;
            this.affected = affected;
            this.distro = distro;
            this.vulnerabilities = vulnerabilities;
        }

        /** An entry whose advisory is decoded only when asked for (a snapshot's: matching needs only the statement). */
        PackageEntry(java.util.function.Supplier<Advisory> loader, Affected affected, List<VulnRef> vulnerabilities) {
            this.loader = loader;
            this.affected = affected;
            this.distro = DistroRelease.ofOsvEcosystem(affected.osvEcosystem());
            this.vulnerabilities = vulnerabilities;
        }

        /** Every statement about the same package, this one included. */
        PackageGroup group() {
            return group;
        }

        /** This statement's place in its group. */
        int position() {
            return position;
        }

        Advisory advisory() {
            Advisory a = advisory;
            if (a == null) {
                a = loader.get();
                advisory = a;
            }
            return a;
        }

        Affected affected() {
            return affected;
        }

        DistroRelease distro() {
            return distro;
        }

        List<VulnRef> vulnerabilities() {
            return vulnerabilities;
        }

        /** Sets the compiled ranges (a snapshot's, sorted when it was written). */
        void preset(CompiledRanges c) {
            compiled = c;
        }

        /** The ranges sorted under the scheme (kept for the last scheme asked: one per package in practice). */
        CompiledRanges compiled(dev.mamori.version.VersionScheme scheme) {
            CompiledRanges c = compiled;
            if (c == null && group != null && group.stored != null && scheme == group.storedScheme) {
                group.table(scheme); // a snapshot's table presets its statements' sorted ranges
                c = compiled;
            }
            if (c == null || c.scheme() != scheme) {
                c = CompiledRanges.of(affected, scheme);
                compiled = c;
            }
            return c;
        }
    }

    /** Every statement about one package key, with their boundary table (built on first use, per scheme). */
    static final class PackageGroup {
        static final PackageGroup EMPTY = new PackageGroup(List.of());

        private final List<PackageEntry> entries;
        private volatile BoundaryTable table;
        /** A table read from a snapshot, for the scheme it was computed under; null otherwise. */
        private final dev.mamori.version.VersionScheme storedScheme;
        private final java.util.function.Supplier<BoundaryTable> stored;

        PackageGroup(List<PackageEntry> entries) {
            this(entries, null, null);
        }

        PackageGroup(List<PackageEntry> entries, dev.mamori.version.VersionScheme storedScheme,
                     java.util.function.Supplier<BoundaryTable> stored) {
            this.entries = List.copyOf(entries);
            this.storedScheme = storedScheme;
            this.stored = stored;
            for (int i = 0; i < this.entries.size(); i++) {
                this.entries.get(i).group = this;
                this.entries.get(i).position = i;
            }
        }

        List<PackageEntry> entries() {
            return entries;
        }

        BoundaryTable table(dev.mamori.version.VersionScheme scheme) {
            BoundaryTable t = table;
            if (t == null || t.scheme() != scheme) {
                t = stored != null && scheme == storedScheme ? stored.get() : BoundaryTable.build(entries, scheme);
                table = t;
            }
            return t;
        }
    }

    /** Where an index's entries come from: maps built in memory, or a snapshot file decoded on demand. */
    interface Source {
        PackageGroup lookup(PackageKey key);

        List<CpeEntry> lookupCpe(String vendorProduct);

        List<CpeEntry> lookupProduct(String product);

        boolean covers(PackageKey key);

        int advisoryCount();

        int vulnerabilityCount();

        int packageCount();
    }

    /** The in-memory form: also what a snapshot is written from. */
    record Memory(List<Advisory> live, Map<Advisory, List<VulnRef>> vulnerabilitiesOf,
                  Map<PackageKey, PackageGroup> byPackage, Map<String, List<CpeEntry>> byVendorProduct,
                  Map<String, List<CpeEntry>> byProduct, int vulnerabilityCount) implements Source {
        @Override
        public PackageGroup lookup(PackageKey key) {
            return byPackage.getOrDefault(key, PackageGroup.EMPTY);
        }

        @Override
        public List<CpeEntry> lookupCpe(String vendorProduct) {
            return byVendorProduct.getOrDefault(vendorProduct, List.of());
        }

        @Override
        public List<CpeEntry> lookupProduct(String product) {
            return byProduct.getOrDefault(product, List.of());
        }

        @Override
        public boolean covers(PackageKey key) {
            return byPackage.containsKey(key);
        }

        @Override
        public int advisoryCount() {
            return live.size();
        }

        @Override
        public int packageCount() {
            return byPackage.size();
        }
    }

    private final Source source;

    AdvisoryIndex(Source source) {
        this.source = source;
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
            List<VulnRef> vulns = List.copyOf(vulnOf.getOrDefault(a, List.of(new VulnRef(a.id(), a.aliases()))));
            vulnOf.put(a, vulns);
            for (Affected affected : a.affected()) {
                if (affected.packageKey() == null) {
                    continue;
                }
                DistroRelease distro = DistroRelease.ofOsvEcosystem(affected.osvEcosystem());
                byPackage.computeIfAbsent(affected.packageKey(), k -> new ArrayList<>())
                        .add(new PackageEntry(a, affected, distro, vulns));
            }
            CpeEntry entry = cpeEntry(a, vulns);
            if (entry != null) {
                for (String vp : vendorProducts(entry)) {
                    byVendorProduct.computeIfAbsent(vp, k -> new ArrayList<>()).add(entry);
                }
                for (String p : products(entry)) {
                    byProduct.computeIfAbsent(p, k -> new ArrayList<>()).add(entry);
                }
            }
        }
        Map<PackageKey, PackageGroup> groups = new HashMap<>(byPackage.size() * 2);
        byPackage.forEach((k, v) -> groups.put(k, new PackageGroup(v)));
        byVendorProduct.replaceAll((k, v) -> List.copyOf(v));
        byProduct.replaceAll((k, v) -> List.copyOf(v));
        return new AdvisoryIndex(new Memory(live, vulnOf, groups, byVendorProduct, byProduct,
                merged.vulnerabilities().size()));
    }

    /** The compiled applicability statements of an advisory, or null when it has none usable. */
    static CpeEntry cpeEntry(Advisory a, List<VulnRef> vulns) {
        if (a.configurations().isEmpty()) {
            return null;
        }
        List<NvdConfiguration> compiled = compile(a.configurations());
        return compiled.isEmpty() ? null : new CpeEntry(a, compiled, vulns);
    }

    /** The lower-case vendor:product keys of an entry's vulnerable criteria, in order. */
    static Set<String> vendorProducts(CpeEntry entry) {
        Set<String> out = new LinkedHashSet<>();
        forVulnerable(entry, m -> out.add(lower(m.criteria().vendor().text()) + ":" + lower(m.criteria().product().text())));
        return out;
    }

    /** The lower-case product keys of an entry's vulnerable criteria, in order. */
    static Set<String> products(CpeEntry entry) {
        Set<String> out = new LinkedHashSet<>();
        forVulnerable(entry, m -> out.add(lower(m.criteria().product().text())));
        return out;
    }

    private static void forVulnerable(CpeEntry entry, java.util.function.Consumer<NvdCpeMatch> action) {
        for (NvdConfiguration c : entry.configurations()) {
            for (NvdNode n : c.nodes()) {
                for (NvdCpeMatch m : n.cpeMatch()) {
                    if (m.vulnerable()) {
                        action.accept(m);
                    }
                }
            }
        }
    }

    private static String lower(String s) {
        return String.valueOf(s).toLowerCase(Locale.ROOT);
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

    Source source() {
        return source;
    }

    PackageGroup lookup(PackageKey key) {
        return source.lookup(key);
    }

    List<CpeEntry> lookupCpe(String vendor, String product) {
        return source.lookupCpe(vendor.toLowerCase(Locale.ROOT) + ":" + product.toLowerCase(Locale.ROOT));
    }

    List<CpeEntry> lookupProduct(String product) {
        return source.lookupProduct(product.toLowerCase(Locale.ROOT));
    }

    /** Whether any advisory names this package, in any ecosystem release. */
    public boolean covers(PackageKey key) {
        return source.covers(key);
    }

    /** Live (not withdrawn) advisory records indexed. */
    public int advisoryCount() {
        return source.advisoryCount();
    }

    /** Vulnerabilities those records describe, after merging by alias. */
    public int vulnerabilityCount() {
        return source.vulnerabilityCount();
    }

    public int packageCount() {
        return source.packageCount();
    }
}

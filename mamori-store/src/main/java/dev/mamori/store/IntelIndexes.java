package dev.mamori.store;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Affected;
import dev.mamori.advisory.AffectedProduct;
import dev.mamori.advisory.CpeConfiguration;
import dev.mamori.cpe.Cpe;
import dev.mamori.cpe.CpeValue;
import dev.mamori.purl.PackageKey;
import dev.mamori.purl.Purl;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The index rows of one advisory: the packages it is filed under, the CPE vendor:product pairs it names, and every
 * id it is known by.
 */
final class IntelIndexes {
    /** How an id relates to the advisory that carries it, strongest first. */
    enum AliasKind {
        /** The advisory's own id. */
        ID,
        /** An alias the advisory states: the same vulnerability. */
        ALIAS,
        /** An id the advisory derives from (OSV {@code upstream}: a distro advisory's CVEs). */
        UPSTREAM,
        /** An id the advisory names as related (OSV {@code related}; the CSAF document of a CSAF record). */
        RELATED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record VendorProduct(String vendor, String product) {}

    private IntelIndexes() {}

    /** Packages by key: OSV affected packages, and the purls of vendor/product statements (CSAF, CVE 5). */
    static Set<PackageKey> packages(Advisory a) {
        Set<PackageKey> out = new LinkedHashSet<>();
        for (Affected x : a.affected()) {
            if (x.packageKey() != null) {
                out.add(x.packageKey());
            }
        }
        for (AffectedProduct p : a.products()) {
            for (String purl : p.purls()) {
                try {
                    out.add(Purl.parse(purl).packageKey());
                } catch (IllegalArgumentException e) {
                    // a purl the source got wrong is kept in the record but not indexed
                }
            }
        }
        return out;
    }

    /** CPE vendor:product pairs (lower case) of the products and of the vulnerable and platform match criteria. */
    static Set<VendorProduct> cpes(Advisory a) {
        Set<String> names = new LinkedHashSet<>();
        for (AffectedProduct p : a.products()) {
            names.addAll(p.cpes());
        }
        for (CpeConfiguration c : a.configurations()) {
            for (CpeConfiguration.Node n : c.nodes()) {
                for (CpeConfiguration.Match m : n.matches()) {
                    if (m.criteria() != null) {
                        names.add(m.criteria());
                    }
                }
            }
        }
        Set<VendorProduct> out = new LinkedHashSet<>();
        for (String name : names) {
            VendorProduct vp = vendorProduct(name);
            if (vp != null) {
                out.add(vp);
            }
        }
        return out;
    }

    /** The vendor:product of a CPE name (2.3 or 2.2 URI), lower case; null when either is not a plain value. */
    static VendorProduct vendorProduct(String cpe) {
        Cpe parsed;
        try {
            parsed = Cpe.parse(cpe);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String vendor = plain(parsed.vendor());
        String product = plain(parsed.product());
        return vendor == null || product == null ? null : new VendorProduct(vendor, product);
    }

    private static String plain(CpeValue v) {
        return v.isValue() && !v.hasWildcards() ? v.text().toLowerCase(Locale.ROOT) : null;
    }

    /** Every id the advisory carries, normalised by {@link #aliasKey}, with the strongest relation. */
    static Map<String, AliasKind> aliases(Advisory a) {
        Map<String, AliasKind> out = new LinkedHashMap<>();
        put(out, List.of(a.id()), AliasKind.ID);
        put(out, a.aliases(), AliasKind.ALIAS);
        put(out, a.upstream(), AliasKind.UPSTREAM);
        put(out, a.related(), AliasKind.RELATED);
        return out;
    }

    private static void put(Map<String, AliasKind> out, List<String> ids, AliasKind kind) {
        for (String id : ids) {
            out.putIfAbsent(aliasKey(id), kind);
        }
    }

    /** Ids are looked up without regard to case or surrounding space ({@code ghsa-…} finds {@code GHSA-…}). */
    static String aliasKey(String id) {
        return id.strip().toUpperCase(Locale.ROOT);
    }
}

package dev.mamori.sbom.diff;

import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.License;
import dev.mamori.sbom.Party;
import dev.mamori.version.VersionScheme;
import dev.mamori.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Compares two SBOMs of the same product (any formats Mamori reads): components added, removed, upgraded and
 * downgraded, licence, hash and supplier changes, and dependency edges added and removed.
 *
 * <p>Components are every component with the subject, SPDX files left out (they are not packages). They are
 * matched in three rounds, each over what the earlier rounds left: (1) the purl without version,
 * subpath and qualifiers, except the {@code distro} and {@code arch} qualifiers, which tell OS packages apart;
 * (2) name and supplier; (3) name and group. Within one key, equal versions pair first, then the rest pair in
 * version order; what is left over is added or removed. The direction of a version move is decided by the scheme of
 * the component's purl type ({@link VersionSchemes#forPurlType}; the generic scheme without a purl); versions the
 * scheme cannot compare give {@code unknown}, never a string comparison.
 */
public final class SbomDiff {
    private static final Set<String> KEPT_QUALIFIERS = Set.of("distro", "arch");

    private SbomDiff() {}

    /** One component with its match keys. */
    private record Entry(Component c, String purlKey, String supplier, String label) {}

    public static DiffReport compare(Bom oldBom, Bom newBom) {
        List<Entry> olds = entries(oldBom);
        List<Entry> news = entries(newBom);
        List<ComponentChange> changed = new ArrayList<>();
        int[] unchanged = {0};
        Map<Entry, Entry> pairs = new LinkedHashMap<>();
        round(olds, news, e -> e.purlKey(), "purl", pairs, changed, unchanged);
        round(olds, news, e -> e.supplier() == null ? null : lower(e.c().displayName()) + "|" + lower(e.supplier()),
                "name+supplier", pairs, changed, unchanged);
        round(olds, news, e -> lower(e.c().group()) + "|" + lower(e.c().name()), "name+group", pairs, changed, unchanged);
        List<ComponentSummary> added = news.stream().map(SbomDiff::summary).sorted(BY_NAME).toList();
        List<ComponentSummary> removed = olds.stream().map(SbomDiff::summary).sorted(BY_NAME).toList();
        changed.sort(Comparator.comparing(ComponentChange::name).thenComparing(c -> String.valueOf(c.newVersion())));
        Set<DiffReport.Edge> oldEdges = edges(oldBom);
        Set<DiffReport.Edge> newEdges = edges(newBom);
        List<DiffReport.Edge> edgesAdded = newEdges.stream().filter(e -> !oldEdges.contains(e)).toList();
        List<DiffReport.Edge> edgesRemoved = oldEdges.stream().filter(e -> !newEdges.contains(e)).toList();
        return new DiffReport(added, removed, changed, unchanged[0], edgesAdded, edgesRemoved);
    }

    private static final Comparator<ComponentSummary> BY_NAME = Comparator.comparing(ComponentSummary::name)
            .thenComparing(s -> String.valueOf(s.version()));

    private static List<Entry> entries(Bom bom) {
        List<Entry> out = new ArrayList<>();
        for (Component c : bom.allComponentsWithSubject()) {
            if (bom.format() == dev.mamori.sbom.SbomFormat.SPDX && "file".equals(c.type())) {
                continue; // SPDX files are not packages (as in quality scoring)
            }
            out.add(new Entry(c, purlKey(c.purl()), party(c.supplier() != null ? c.supplier() : c.manufacturer()), c.displayName()));
        }
        return out;
    }

    /** The purl without version, subpath and qualifiers other than distro and arch; null without a valid purl. */
    static String purlKey(Purl p) {
        if (p == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder("pkg:").append(p.type()).append('/');
        if (p.namespace() != null && !p.namespace().isEmpty()) {
            sb.append(p.namespace()).append('/');
        }
        sb.append(p.name());
        String sep = "?";
        for (Map.Entry<String, String> q : p.qualifiers().entrySet()) {
            if (KEPT_QUALIFIERS.contains(q.getKey())) {
                sb.append(sep).append(q.getKey()).append('=').append(q.getValue());
                sep = "&";
            }
        }
        return sb.toString();
    }

    /**
     * Pairs the entries of both lists that share a key; paired entries leave the lists. Within a key, equal versions
     * pair first, then the rest in version order.
     */
    private static void round(List<Entry> olds, List<Entry> news, Function<Entry, String> key, String how,
                              Map<Entry, Entry> pairs, List<ComponentChange> changed, int[] unchanged) {
        Map<String, List<Entry>> oldBy = group(olds, key);
        Map<String, List<Entry>> newBy = group(news, key);
        for (Map.Entry<String, List<Entry>> e : oldBy.entrySet()) {
            List<Entry> o = new ArrayList<>(e.getValue());
            List<Entry> n = newBy.get(e.getKey());
            if (n == null) {
                continue;
            }
            n = new ArrayList<>(n);
            // equal versions first
            for (var it = o.iterator(); it.hasNext(); ) {
                Entry a = it.next();
                for (var jt = n.iterator(); jt.hasNext(); ) {
                    Entry b = jt.next();
                    if (Objects.equals(a.c().version(), b.c().version())) {
                        pair(a, b, e.getKey(), how, pairs, changed, unchanged, olds, news);
                        it.remove();
                        jt.remove();
                        break;
                    }
                }
            }
            if (o.isEmpty() || n.isEmpty()) {
                continue;
            }
            Comparator<Entry> order = versionOrder(schemeOf(o.getFirst().c()));
            o.sort(order);
            n.sort(order);
            for (int i = 0; i < Math.min(o.size(), n.size()); i++) {
                pair(o.get(i), n.get(i), e.getKey(), how, pairs, changed, unchanged, olds, news);
            }
        }
    }

    private static Map<String, List<Entry>> group(List<Entry> entries, Function<Entry, String> key) {
        Map<String, List<Entry>> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            String k = key.apply(e);
            if (k != null) {
                out.computeIfAbsent(k, x -> new ArrayList<>()).add(e);
            }
        }
        return out;
    }

    private static Comparator<Entry> versionOrder(VersionScheme scheme) {
        return (a, b) -> {
            String x = a.c().version();
            String y = b.c().version();
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : -1) : 1;
            }
            try {
                return scheme.compare(x, y);
            } catch (IllegalArgumentException e) {
                return 0; // keep document order (the sort is stable)
            }
        };
    }

    private static void pair(Entry a, Entry b, String key, String how, Map<Entry, Entry> pairs,
                             List<ComponentChange> changed, int[] unchanged, List<Entry> olds, List<Entry> news) {
        pairs.put(a, b);
        olds.remove(a);
        news.remove(b);
        ComponentChange change = change(a.c(), b.c(), key, how);
        if (change == null) {
            unchanged[0]++;
        } else {
            changed.add(change);
        }
    }

    /** The change between two matched components, or null when nothing the diff reports changed. */
    static ComponentChange change(Component a, Component b, String key, String how) {
        VersionScheme scheme = schemeOf(b.purl() != null ? b : a);
        String va = a.version();
        String vb = b.version();
        ComponentChange.Direction direction;
        ComponentChange.Bump bump = null;
        if (Objects.equals(va, vb)) {
            direction = ComponentChange.Direction.SAME;
        } else if (va == null || vb == null) {
            direction = ComponentChange.Direction.UNKNOWN;
        } else {
            int cmp;
            try {
                cmp = Integer.signum(scheme.compare(va, vb));
            } catch (IllegalArgumentException e) {
                cmp = 2;
            }
            direction = switch (cmp) {
                case -1 -> ComponentChange.Direction.UPGRADE;
                case 1 -> ComponentChange.Direction.DOWNGRADE;
                case 0 -> ComponentChange.Direction.EQUIVALENT;
                default -> ComponentChange.Direction.UNKNOWN;
            };
            if (cmp == -1 || cmp == 1) {
                bump = Bumps.of(scheme.name(), va, vb);
            }
        }
        List<String> la = licences(a);
        List<String> lb = licences(b);
        List<String> hashes = new ArrayList<>();
        for (Map.Entry<String, String> h : a.hashes().entrySet()) {
            String other = b.hashes().get(h.getKey());
            if (other != null && !other.equalsIgnoreCase(h.getValue())) {
                hashes.add(h.getKey());
            }
        }
        String sa = party(a.supplier());
        String sb = party(b.supplier());
        boolean licenceChanged = !la.equals(lb);
        boolean supplierChanged = !Objects.equals(sa, sb);
        if (direction == ComponentChange.Direction.SAME && !licenceChanged && hashes.isEmpty() && !supplierChanged) {
            return null;
        }
        return new ComponentChange(b.displayName(), key, how, va, vb, direction, bump, scheme.name(),
                licenceChanged ? la : List.of(), licenceChanged ? lb : List.of(), hashes,
                supplierChanged ? sa : null, supplierChanged ? sb : null);
    }

    private static VersionScheme schemeOf(Component c) {
        return VersionSchemes.forPurlType(c.purl() == null ? null : c.purl().type());
    }

    /** Licence values, sorted, without duplicates. */
    private static List<String> licences(Component c) {
        TreeSet<String> out = new TreeSet<>();
        for (License l : c.licenses()) {
            out.add(l.value());
        }
        return List.copyOf(out);
    }

    /** Dependency edges between match keys (purl key, else display name), so that upgrades keep their edges. */
    private static Set<DiffReport.Edge> edges(Bom bom) {
        Map<String, String> keyOf = new HashMap<>();
        for (Component c : bom.allComponentsWithSubject()) {
            if (c.bomRef() != null) {
                String k = purlKey(c.purl());
                keyOf.putIfAbsent(c.bomRef(), k != null ? k : c.displayName());
            }
        }
        Set<DiffReport.Edge> out = new TreeSet<>(Comparator.comparing(DiffReport.Edge::from).thenComparing(DiffReport.Edge::to));
        bom.dependencies().forEach((from, tos) -> {
            for (String to : tos) {
                out.add(new DiffReport.Edge(keyOf.getOrDefault(from, from), keyOf.getOrDefault(to, to)));
            }
        });
        return out;
    }

    private static ComponentSummary summary(Entry e) {
        Component c = e.c();
        return new ComponentSummary(c.displayName(), c.version(), c.purlText(), e.purlKey() != null ? e.purlKey() : c.displayName());
    }

    private static String party(Party p) {
        return p == null || p.isEmpty() ? null : p.label();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}

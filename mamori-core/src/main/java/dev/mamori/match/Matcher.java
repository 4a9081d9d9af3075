package dev.mamori.match;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AffectedRange;
import dev.mamori.cpe.Cpe;
import dev.mamori.cpe.CpeValue;
import dev.mamori.cpe.NvdConfiguration;
import dev.mamori.cpe.NvdCpeMatch;
import dev.mamori.cpe.NvdNode;
import dev.mamori.purl.PackageKey;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.version.EventRange;
import dev.mamori.version.GoToolchainVersion;
import dev.mamori.version.VersionException;
import dev.mamori.version.VersionScheme;
import dev.mamori.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches the components of an SBOM against an {@link AdvisoryIndex}.
 *
 * <ul>
 *   <li>A component with a package URL is matched by package key. Packages of distributions (deb, rpm, apk) are
 *       matched only against their distribution's advisories for their release — so backported fixes count and
 *       upstream ranges are never applied to distro builds. The release comes from the purl's {@code distro}
 *       qualifier, else from the SBOM's operating-system component; without one, every release's advisories are
 *       consulted and the match is only {@link Confidence#MEDIUM}.</li>
 *   <li>A component without a usable purl falls back to its CPE names, or to its name and version as a CPE
 *       product of any vendor, against NVD applicability statements: {@link Confidence#LOW}, reason shown.</li>
 * </ul>
 * One finding per component and vulnerability, however many sources reported it.
 */
public final class Matcher {
    private static final Set<String> DISTRO_TYPES = Set.of("deb", "rpm", "apk", "alpm");
    private static final VersionScheme GENERIC = VersionSchemes.forName("generic");
    private static final VersionScheme SEMVER = VersionSchemes.forName("semver");
    /** Products whose versions have an order of their own, which NVD ranges over them follow (1.0.2k < 1.0.2l). */
    private static final Map<String, VersionScheme> CPE_PRODUCT_VERSIONS = Map.of(
            "openssl", VersionSchemes.forName("openssl"), "nginx", VersionSchemes.forName("nginx"));

    private final AdvisoryIndex index;

    public Matcher(AdvisoryIndex index) {
        this.index = index;
    }

    /** The result of matching one SBOM. */
    public record Result(List<Finding> findings, List<UpgradeAdvice> upgrades, List<String> warnings, int componentsScanned) {
        public Result {
            findings = List.copyOf(findings);
            upgrades = List.copyOf(upgrades);
            warnings = List.copyOf(warnings);
        }
    }

    /** A vulnerability's statements matched so far for one component (one finding in the making). */
    private static final class Hit {
        final AdvisoryIndex.VulnRef vuln;
        final List<Advisory> advisories = new ArrayList<>();
        final List<Evidence.MatchedStatement> statements = new ArrayList<>();
        final List<Object> entries = new ArrayList<>();
        final TreeSet<String> fixes;
        String nearest;

        Hit(AdvisoryIndex.VulnRef vuln, Comparator<String> order) {
            this.vuln = vuln;
            this.fixes = new TreeSet<>(order);
        }
    }

    public Result match(Bom bom) {
        List<Finding> findings = new ArrayList<>();
        List<UpgradeAdvice> upgrades = new ArrayList<>();
        List<String> warnings = new ArrayList<>(bom.warnings());
        DistroRelease os = operatingSystem(bom);
        List<Component> components = bom.allComponents();
        for (Component c : components) {
            matchComponent(c, os, findings, upgrades, warnings);
        }
        return new Result(findings, upgrades, warnings, components.size());
    }

    private static DistroRelease operatingSystem(Bom bom) {
        for (Component c : bom.allComponentsWithSubject()) {
            if ("operating-system".equals(c.type())) {
                DistroRelease d = DistroRelease.ofOperatingSystem(c.name(), c.version());
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    private void matchComponent(Component c, DistroRelease os, List<Finding> findings, List<UpgradeAdvice> upgrades,
                                List<String> warnings) {
        Purl purl = c.purl();
        String version = purl != null && purl.version() != null ? purl.nativeVersion() : c.version();
        if (version == null || version.isBlank()) {
            return;
        }
        if (purl != null && matchByPurl(c, purl, version, os, findings, upgrades, warnings, null)) {
            return;
        }
        if (purl == null && c.cpes().isEmpty()) {
            PurlInference.Inferred inferred = PurlInference.infer(c);
            if (inferred != null && matchByPurl(c, inferred.purl(), inferred.purl().version(), os, findings, upgrades,
                    warnings, inferred.reason())) {
                return;
            }
        }
        matchByCpe(c, version, findings);
    }

    /** Returns true when the index knows the package (so no CPE fallback is tried). */
    private boolean matchByPurl(Component c, Purl purl, String version, DistroRelease os, List<Finding> findings,
                                List<UpgradeAdvice> upgrades, List<String> warnings, String inferredBecause) {
        VersionScheme scheme = VersionSchemes.forPurlType(purl.type());
        boolean distroType = DISTRO_TYPES.contains(purl.type());
        String asked = version;
        if ("golang".equals(purl.type()) && purl.namespace() == null
                && GoToolchainVersion.isToolchainPackage(purl.name())) {
            version = GoToolchainVersion.toSemver(version); // go1.21rc2 → 1.21.0-rc.2, as the Go vulndb writes it
        }
        if (distroType && purl.namespace() != null && DistroRelease.family(purl.namespace()) == null) {
            // pkg:rpm/fedora/…, pkg:rpm/amzn/…: a distribution whose advisories Mamori does not know. Its builds and
            // version strings are its own, so another distribution's fixed versions say nothing about them.
            String w = purl.type() + "/" + purl.namespace() + ": no advisories for this distribution are known, so its "
                    + "packages were not matched against other distributions' advisories";
            if (!warnings.contains(w)) {
                warnings.add(w);
            }
            return false;
        }
        List<PackageKey> keys = new ArrayList<>();
        keys.add(purl.packageKey());
        if (distroType) {
            String source = sourcePackage(purl);
            if (source != null) {
                keys.add(PackageKey.of(purl.type(), source));
            }
        }
        List<AdvisoryIndex.PackageEntry> entries = new ArrayList<>();
        for (PackageKey k : keys) {
            entries.addAll(index.lookup(k).entries());
        }
        if (entries.isEmpty()) {
            return false;
        }
        Evidence.Method method = Evidence.Method.PURL;
        Confidence confidence = Confidence.HIGH;
        String reason;
        DistroRelease distro = null;
        if (distroType) {
            distro = DistroRelease.ofPurl(purl.namespace(), purl.qualifier("distro"));
            if ((distro == null || !distro.releaseKnown()) && os != null
                    && (distro == null || distro.family().equals(os.family()))) {
                distro = os;
            }
            if (distro != null && distro.releaseKnown()) {
                method = Evidence.Method.PURL_DISTRO;
                reason = "distro package matched against " + distro + " advisories (backported fixes count)";
            } else {
                method = Evidence.Method.PURL_DISTRO_UNKNOWN_RELEASE;
                confidence = Confidence.MEDIUM;
                reason = "distro release unknown (no distro qualifier, no operating-system component): matched against "
                        + (distro == null ? "every distribution's" : "every " + distro.family() + " release's")
                        + " advisories";
            }
        } else {
            reason = "package URL matched the advisory's " + purl.type() + " package"
                    + (asked.equals(version) ? "" : " (Go release " + asked + " read as " + version + ")");
        }
        List<AdvisoryIndex.PackageEntry> relevant = new ArrayList<>(entries.size());
        for (AdvisoryIndex.PackageEntry e : entries) {
            if (distroType) {
                if (e.distro() == null) {
                    continue; // upstream ranges are not applied to distro builds
                }
                if (distro != null && !e.distro().family().equals(distro.family())) {
                    continue;
                }
                if (distro != null && distro.releaseKnown() && !distro.release().equals(e.distro().release())) {
                    continue;
                }
            } else if (e.distro() != null) {
                continue;
            }
            relevant.add(e);
        }
        if (inferredBecause != null) {
            method = Evidence.Method.PURL_INFERRED;
            confidence = Confidence.MEDIUM;
            reason = inferredBecause + "; " + reason;
        }
        scheme = semverWhereDeclared(scheme, relevant, version);
        boolean caseInsensitive = purl.type().equals("pypi");
        Placement placement = new Placement(scheme, version);
        Comparator<String> order = order(scheme, relevant);
        Map<String, Hit> hits = new LinkedHashMap<>();
        for (AdvisoryIndex.PackageEntry e : relevant) {
            evaluate(c, e, scheme, version, caseInsensitive, placement, order, hits, warnings);
        }
        emit(c, version, scheme, order, purl.toString(), method, confidence, reason, hits, findings, upgrades);
        return true;
    }

    /** Where a component's version falls in its package's boundary table: one binary search per package. */
    private static final class Placement {
        private final VersionScheme scheme;
        private final String version;
        private AdvisoryIndex.PackageGroup group;
        private BoundaryTable table;
        private int slot;

        Placement(VersionScheme scheme, String version) {
            this.scheme = scheme;
            this.version = version;
        }

        /** The version's slot in the group's table, or -1 when the scheme cannot place it. */
        int slot(AdvisoryIndex.PackageGroup g) {
            if (g != group) {
                group = g;
                table = g.table(scheme);
                try {
                    slot = table.slotOf(version);
                } catch (VersionException e) {
                    slot = -1;
                }
            }
            return slot;
        }

        BoundaryTable table() {
            return table;
        }
    }

    /**
     * The order of the fixed versions of a component's statements: by their place in the package's boundary table
     * (no parsing), the scheme's order for anything else. The two agree, the table being sorted by the scheme.
     */
    private static Comparator<String> order(VersionScheme scheme, List<AdvisoryIndex.PackageEntry> relevant) {
        if (relevant.isEmpty()) {
            return scheme.comparator();
        }
        BoundaryTable table = relevant.getFirst().group().table(scheme);
        return (a, b) -> {
            int ia = table.indexOf(a);
            int ib = ia < 0 ? -1 : table.indexOf(b);
            return ia >= 0 && ib >= 0 ? Integer.compare(ia, ib) : scheme.compare(a, b);
        };
    }

    /**
     * The order to evaluate with. An ecosystem without an order of its own (Bitnami, say) gets the generic one,
     * unless its advisories type every range {@code SEMVER}: the OSV schema says those are evaluated by SemVer 2.0
     * precedence ({@code 1.24.0-0 < 1.24.0-rc.1 < 1.24.0}, where the generic order differs), so a SemVer version is
     * compared that way.
     */
    static VersionScheme semverWhereDeclared(VersionScheme scheme, List<AdvisoryIndex.PackageEntry> entries, String version) {
        if (scheme != GENERIC || entries.isEmpty()) {
            return scheme;
        }
        for (AdvisoryIndex.PackageEntry e : entries) {
            for (AffectedRange r : e.affected().ranges()) {
                if (!r.isGit() && !"SEMVER".equals(r.type())) {
                    return scheme;
                }
            }
        }
        try {
            SEMVER.validate(version);
            return SEMVER;
        } catch (VersionException e) {
            return scheme;
        }
    }

    /** The source package a distro purl names in its {@code upstream} qualifier (syft writes these), or null. */
    static String sourcePackage(Purl purl) {
        String upstream = purl.qualifier("upstream");
        if (upstream == null || upstream.isBlank()) {
            return null;
        }
        String s = upstream.strip();
        int space = s.indexOf(' ');
        if (space > 0) {
            s = s.substring(0, space); // "openssl (1.1.1n-0+deb11u5)"
        }
        if (s.endsWith(".src.rpm")) {
            // name-version-release.src.rpm
            String base = s.substring(0, s.length() - ".src.rpm".length());
            int r = base.lastIndexOf('-');
            int v = r > 0 ? base.lastIndexOf('-', r - 1) : -1;
            s = v > 0 ? base.substring(0, v) : base;
        }
        return s.equals(purl.name()) ? null : s;
    }

    private static void evaluate(Component c, AdvisoryIndex.PackageEntry e, VersionScheme scheme, String version,
                                 boolean caseInsensitive, Placement placement, Comparator<String> order,
                                 Map<String, Hit> hits, List<String> warnings) {
        CompiledRanges compiled = e.compiled(scheme);
        String matchedBy = null;
        String nearest = null;
        List<String> fixes = new ArrayList<>();
        if (compiled.listed(version, caseInsensitive)) {
            matchedBy = "versions list contains " + version;
        } else if (compiled.gitOnly() && !compiled.hasVersions()) {
            warnings.add(c.location() + ": " + e.advisory().id() + " " + e.affected().location()
                    + ": only GIT ranges, which need commit data; not evaluated");
            return;
        }
        int slot = placement.slot(e.group());
        BoundaryTable table = placement.table();
        if (slot >= 0 && table.covered(e.position())) {
            // the package's boundary table answers without comparing versions
            if (matchedBy == null && !table.contains(e.position(), slot)) {
                return;
            }
            String[] closing = new String[1];
            int range = table.detail(e.position(), slot, closing, fixes);
            if (matchedBy == null) {
                AffectedRange r = compiled.ranges().get(range).source();
                matchedBy = r.type() + " " + describe(r.events());
            }
            nearest = closing[0];
        } else {
            CompiledRanges.Outcome outcome = new CompiledRanges.Outcome();
            for (CompiledRanges.Range range : compiled.ranges()) {
                try {
                    CompiledRanges.evaluate(range, scheme, version, outcome, fixes);
                    if (outcome.contained) {
                        if (matchedBy == null) {
                            matchedBy = range.source().type() + " " + describe(range.source().events());
                        }
                        String closing = outcome.closing;
                        if (closing != null && (nearest == null || order.compare(closing, nearest) < 0)) {
                            nearest = closing;
                        }
                    }
                } catch (VersionException ex) {
                    warnings.add(c.location() + ": " + e.advisory().id() + " " + e.affected().location()
                            + ": range not evaluated: " + ex.getMessage());
                }
            }
        }
        if (matchedBy == null) {
            return;
        }
        for (AdvisoryIndex.VulnRef v : e.vulnerabilities()) {
            Hit hit = hits.computeIfAbsent(v.id(), k -> new Hit(v, order));
            Advisory advisory = e.advisory();
            boolean known = false;
            for (Advisory a : hit.advisories) {
                known |= a == advisory;
            }
            if (!known) {
                hit.advisories.add(advisory);
            }
            hit.statements.add(new Evidence.MatchedStatement(e.advisory().id(), e.advisory().source(),
                    e.affected().location(), e.affected().osvEcosystem(), matchedBy));
            hit.entries.add(e);
            hit.fixes.addAll(fixes);
            if (nearest != null && (hit.nearest == null || order.compare(nearest, hit.nearest) < 0)) {
                hit.nearest = nearest;
            }
        }
    }

    private void matchByCpe(Component c, String version, List<Finding> findings) {
        List<Cpe> platform = new ArrayList<>();
        List<AdvisoryIndex.CpeEntry> entries = new ArrayList<>();
        Evidence.Method method;
        String identifier;
        String reason;
        if (!c.cpes().isEmpty()) {
            method = Evidence.Method.CPE;
            for (String text : c.cpes()) {
                try {
                    Cpe cpe = Cpe.parse(text);
                    if (cpe.version().isAny()) {
                        cpe = withVersion(cpe, version);
                    }
                    platform.add(cpe);
                    if (cpe.vendor().text() != null && cpe.product().text() != null) {
                        entries.addAll(index.lookupCpe(cpe.vendor().text(), cpe.product().text()));
                    }
                } catch (IllegalArgumentException e) {
                    // an invalid CPE in the SBOM: nothing to match with (the SBOM's warnings name it)
                }
            }
            identifier = String.join(" ", c.cpes());
            reason = "no package URL the advisories know: matched by CPE against NVD applicability statements";
        } else {
            method = Evidence.Method.NAME;
            String product = c.name().strip().toLowerCase(Locale.ROOT).replace(' ', '_');
            entries.addAll(index.lookupProduct(product));
            Set<String> vendors = new LinkedHashSet<>();
            for (AdvisoryIndex.CpeEntry e : entries) {
                for (NvdConfiguration conf : e.configurations()) {
                    for (NvdNode n : conf.nodes()) {
                        for (NvdCpeMatch m : n.cpeMatch()) {
                            if (product.equalsIgnoreCase(m.criteria().product().text()) && m.criteria().vendor().text() != null) {
                                vendors.add(m.criteria().vendor().text());
                            }
                        }
                    }
                }
            }
            for (String vendor : vendors) {
                try {
                    platform.add(Cpe.of("a", vendor, product, version));
                } catch (IllegalArgumentException e) {
                    // a name that cannot be a CPE product
                }
            }
            identifier = "cpe:2.3:a:*:" + product + ":" + version;
            reason = "only a name and version: matched as a CPE product of any vendor (" + String.join(", ", vendors) + ")";
        }
        if (entries.isEmpty() || platform.isEmpty()) {
            return;
        }
        VersionScheme cpeVersions = cpeVersions(platform);
        Map<String, Hit> hits = new LinkedHashMap<>();
        Set<AdvisoryIndex.CpeEntry> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (AdvisoryIndex.CpeEntry e : entries) {
            if (!seen.add(e)) {
                continue;
            }
            for (NvdConfiguration conf : e.configurations()) {
                NvdConfiguration.Evaluation ev = conf.evaluate(platform, cpeVersions);
                if (!ev.vulnerable()) {
                    continue;
                }
                NvdCpeMatch m = ev.vulnerableHits().getFirst().match();
                String range = m.criteria() + rangeText(m);
                for (AdvisoryIndex.VulnRef v : e.vulnerabilities()) {
                    Hit hit = hits.computeIfAbsent(v.id(), k -> new Hit(v, cpeVersions.comparator()));
                    if (!hit.advisories.contains(e.advisory())) {
                        hit.advisories.add(e.advisory());
                        hit.statements.add(new Evidence.MatchedStatement(e.advisory().id(), e.advisory().source(),
                                "/configurations", "NVD CPE", range));
                    }
                    String fix = m.versionEndExcluding();
                    if (fix != null) {
                        hit.fixes.add(fix);
                        if (hit.nearest == null || cpeVersions.compare(fix, hit.nearest) < 0) {
                            hit.nearest = fix;
                        }
                    }
                }
                break;
            }
        }
        emit(c, version, cpeVersions, cpeVersions.comparator(), identifier, method, Confidence.LOW, reason, hits, findings, null);
    }

    /** The version order for a component's CPEs: the product's own where it has one, else the generic order. */
    static VersionScheme cpeVersions(List<Cpe> platform) {
        for (Cpe p : platform) {
            String product = p.product().text() == null ? "" : p.product().text().toLowerCase(Locale.ROOT);
            VersionScheme own = CPE_PRODUCT_VERSIONS.get(product);
            if (own != null) {
                return own;
            }
        }
        return GENERIC;
    }

    private static Cpe withVersion(Cpe cpe, String version) {
        return new Cpe(cpe.part(), cpe.vendor(), cpe.product(), CpeValue.literal(version), cpe.update(), cpe.edition(),
                cpe.language(), cpe.swEdition(), cpe.targetSw(), cpe.targetHw(), cpe.other());
    }

    private static String rangeText(NvdCpeMatch m) {
        StringBuilder out = new StringBuilder();
        if (m.versionStartIncluding() != null) {
            out.append(" >=").append(m.versionStartIncluding());
        }
        if (m.versionStartExcluding() != null) {
            out.append(" >").append(m.versionStartExcluding());
        }
        if (m.versionEndIncluding() != null) {
            out.append(" <=").append(m.versionEndIncluding());
        }
        if (m.versionEndExcluding() != null) {
            out.append(" <").append(m.versionEndExcluding());
        }
        return out.toString();
    }

    private static void emit(Component c, String version, VersionScheme scheme, Comparator<String> order, String identifier,
                             Evidence.Method method,
                             Confidence confidence, String reason, Map<String, Hit> hits, List<Finding> findings,
                             List<UpgradeAdvice> upgrades) {
        if (hits.isEmpty()) {
            return;
        }
        List<Finding> mine = new ArrayList<>();
        for (Hit h : hits.values()) {
            String newest = h.fixes.isEmpty() ? null : h.fixes.last();
            String nearest = h.nearest != null ? h.nearest : (h.fixes.isEmpty() ? null : h.fixes.first());
            Fix fix = nearest == null ? Fix.NONE : new Fix(nearest, newest, List.copyOf(h.fixes));
            List<String> aliases = new ArrayList<>(h.vuln.aliases());
            mine.add(new Finding(c, version, h.vuln.id(), aliases, h.advisories,
                    new Evidence(identifier, method, h.statements, reason), fix, confidence));
        }
        findings.addAll(mine);
        if (upgrades != null) {
            upgrades.add(advise(c, version, scheme, order, hits));
        }
    }

    /**
     * The smallest known fixed version that no matched statement still covers; when none does, the newest fix and
     * what it leaves open.
     */
    private static UpgradeAdvice advise(Component c, String version, VersionScheme scheme, Comparator<String> order,
                                        Map<String, Hit> hits) {
        TreeSet<String> candidates = new TreeSet<>(order);
        hits.values().forEach(h -> candidates.addAll(h.fixes));
        // A candidate is clean when no matched statement covers it. Statements are tried most-recently-covering
        // first: the statement that covered one candidate usually covers the next one too, so a component with
        // hundreds of advisories costs about one statement per candidate rather than all of them.
        List<AdvisoryIndex.PackageEntry> statements = new ArrayList<>();
        Set<AdvisoryIndex.PackageEntry> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Hit h : hits.values()) {
            for (Object o : h.entries) {
                if (seen.add((AdvisoryIndex.PackageEntry) o)) {
                    statements.add((AdvisoryIndex.PackageEntry) o);
                }
            }
        }
        String target = null;
        for (String candidate : candidates) {
            boolean clean = true;
            for (int i = 0; i < statements.size(); i++) {
                AdvisoryIndex.PackageEntry e = statements.get(i);
                if (covers(e, scheme, candidate)) {
                    clean = false;
                    if (i > 0) {
                        statements.remove(i);
                        statements.addFirst(e);
                    }
                    break;
                }
            }
            if (clean) {
                target = candidate;
                break;
            }
        }
        String chosen = target != null ? target : (candidates.isEmpty() ? null : candidates.last());
        List<String> fixes = new ArrayList<>();
        List<String> remains = new ArrayList<>();
        for (Hit h : hits.values()) {
            if (chosen != null && !covers(h, scheme, chosen)) {
                fixes.add(h.vuln.id());
            } else {
                remains.add(h.vuln.id());
            }
        }
        return new UpgradeAdvice(c, version, chosen, chosen == null ? VersionBump.UNKNOWN : VersionBump.between(scheme, version, chosen),
                fixes, remains);
    }

    private static boolean covers(Hit h, VersionScheme scheme, String candidate) {
        for (Object o : h.entries) {
            if (covers((AdvisoryIndex.PackageEntry) o, scheme, candidate)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a statement's ranges or versions list cover a version (a fixed version is placed without comparing). */
    private static boolean covers(AdvisoryIndex.PackageEntry e, VersionScheme scheme, String version) {
        CompiledRanges compiled = e.compiled(scheme);
        BoundaryTable table = e.group().table(scheme);
        if (table.covered(e.position()) && !compiled.listed(version, false)) {
            try {
                return table.contains(e.position(), table.slotOf(version));
            } catch (VersionException ex) {
                return true; // as the direct evaluation: a version that cannot be ordered counts as covered
            }
        }
        return compiled.covers(version, false);
    }

    static String describe(EventRange range) {
        StringBuilder out = new StringBuilder();
        for (EventRange.Event e : range.events()) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(e.kind().osvName()).append(' ').append(e.version());
        }
        return "range [" + out + "]";
    }
}

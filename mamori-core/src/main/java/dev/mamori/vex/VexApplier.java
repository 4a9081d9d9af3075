package dev.mamori.vex;

import dev.mamori.match.DistroRelease;
import dev.mamori.match.Finding;
import dev.mamori.purl.Purl;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.version.VersionSchemes;
import dev.mamori.version.Vers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Applies VEX statements to the findings of one SBOM.
 *
 * <p>A statement applies to a finding when one of its vulnerability ids (name or alias) equals the finding's
 * canonical id or one of its aliases (case-insensitive), and one of its products names the finding's component:
 * <ul>
 *   <li>by package URL — type, namespace and name equal; the version only when the statement gives one (equal as
 *       written, or equal in the ecosystem's version order; a leading {@code v} is ignored); each qualifier the
 *       statement gives must be on the component with the same value (an rpm {@code epoch} is compared as part of
 *       the version); the subpath only when given. A statement about a source package ({@code arch=src} or
 *       {@code arch=source}, as Red Hat's VEX names them) names the binary packages built from it: the component's
 *       {@code upstream} qualifier gives the source package's name (and version);</li>
 *   <li>by bom-ref (CycloneDX), or by BOM-Link when its serial number (and version, when given) is the scanned
 *       BOM's; a BOM-Link into another BOM still matches by package URL when its bom-ref is one;</li>
 *   <li>by CPE name (equal, case-insensitive);</li>
 *   <li>a CSAF product that is a component of a platform ({@code default_component_of} Red Hat Enterprise Linux 8)
 *       names the package only on that platform's release, which the component must be known to be on (its
 *       {@code distro} qualifier, an rpm release's {@code .elN}, or the SBOM's operating-system component);</li>
 *   <li>a product that names the SBOM's subject (its {@code metadata.component}) covers every component of the
 *       SBOM: the statement is about the product as a whole;</li>
 *   <li>with OpenVEX subcomponents, the component must be one of them and the product must be in the SBOM (the
 *       subject or a component);</li>
 *   <li>with CycloneDX {@code affects[].versions}, the version of the component (or subject) named must be one of
 *       them, or in a {@code vers:} range of them, whose status fits the statement's ({@code unaffected} for
 *       not affected / fixed, {@code affected} for exploitable, {@code unknown} for in triage).</li>
 * </ul>
 * Of the statements that apply to a finding, the most recent decides (by timestamp; statements without one count as
 * older; equal times: the later one in the input). Not affected and fixed suppress the finding; affected and under
 * investigation keep it, and are reported beside it.
 */
public final class VexApplier {
    private final Map<String, List<Indexed>> byVulnerability = new HashMap<>();
    private int count;

    private record Indexed(VexStatement statement, int order, Instant time) {}

    /** An applier over these statements, in input order (documents in the order given, statements in document order). */
    public VexApplier(List<VexStatement> statements) {
        for (VexStatement s : statements) {
            Indexed ix = new Indexed(s, count++, time(s.timestamp()));
            for (String id : new LinkedHashSet<>(s.vulnerabilityIds())) {
                byVulnerability.computeIfAbsent(id.toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(ix);
            }
        }
    }

    /** The findings split into those kept and those suppressed, with the statement that decided each. */
    public record Result(List<Finding> kept, List<VexDecision> decisions) {
        public Result {
            kept = List.copyOf(kept);
            decisions = List.copyOf(decisions);
        }

        /** The decisions that suppressed a finding. */
        public List<VexDecision> suppressed() {
            return decisions.stream().filter(VexDecision::suppressed).toList();
        }
    }

    public Result apply(Bom bom, List<Finding> findings) {
        List<Finding> kept = new ArrayList<>();
        List<VexDecision> decisions = new ArrayList<>();
        Context ctx = new Context(bom);
        for (Finding f : findings) {
            Indexed best = null;
            Set<Indexed> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            List<String> ids = new ArrayList<>();
            ids.add(f.vulnerabilityId());
            ids.addAll(f.aliases());
            for (String id : ids) {
                for (Indexed ix : byVulnerability.getOrDefault(id.toUpperCase(Locale.ROOT), List.of())) {
                    if (!seen.add(ix) || !applies(ix.statement(), f.component(), ctx)) {
                        continue;
                    }
                    if (best == null || later(ix, best)) {
                        best = ix;
                    }
                }
            }
            if (best == null) {
                kept.add(f);
                continue;
            }
            VexDecision d = new VexDecision(f, best.statement());
            decisions.add(d);
            if (!d.suppressed()) {
                kept.add(f);
            }
        }
        return new Result(kept, decisions);
    }

    private static boolean later(Indexed a, Indexed b) {
        int c = a.time().compareTo(b.time());
        return c != 0 ? c > 0 : a.order() > b.order();
    }

    /** What matching needs to know about the SBOM. */
    private static final class Context {
        final Bom bom;
        final Map<VexProduct, Boolean> present = new IdentityHashMap<>();

        Context(Bom bom) {
            this.bom = bom;
        }

        boolean inBom(VexProduct p, VexStatement s) {
            return present.computeIfAbsent(p, k -> bom.allComponentsWithSubject().stream().anyMatch(c -> names(k, c, bom, s)));
        }
    }

    static boolean applies(VexStatement s, Component c, Context ctx) {
        Component subject = ctx.bom == null ? null : ctx.bom.subject();
        for (VexProduct p : s.products()) {
            if (!p.subcomponents().isEmpty()) {
                for (VexProduct sub : p.subcomponents()) {
                    if (names(sub, c, ctx.bom, s) && ctx.inBom(p, s)) {
                        return true;
                    }
                }
                continue;
            }
            if (names(p, c, ctx.bom, s)) {
                return true;
            }
            if (subject != null && subject != c && names(p, subject, ctx.bom, s)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the product names this component (and, with versions given, this version of it). */
    static boolean names(VexProduct p, Component c, Bom bom, VexStatement s) {
        boolean named = false;
        if (p.purl() != null && c.purl() != null && purlMatches(p.purl(), c.purl())) {
            named = true;
        } else if (p.bomLinkSerial() != null) {
            named = bom != null && c.bomRef() != null && c.bomRef().equals(p.bomRef())
                    && p.bomLinkSerial().equals(serial(bom.serialNumber()))
                    && (p.bomLinkVersion() == null || p.bomLinkVersion().equals(bom.version() == null ? 1 : bom.version()));
        } else if (p.bomRef() != null && p.bomRef().equals(c.bomRef())) {
            named = true;
        } else if (p.cpe() != null) {
            for (String cpe : c.cpes()) {
                if (cpe.equalsIgnoreCase(p.cpe())) {
                    named = true;
                    break;
                }
            }
        }
        if (!named) {
            return false;
        }
        if (!p.platforms().isEmpty() && !onPlatform(p.platforms(), c, bom)) {
            return false;
        }
        return p.versions().isEmpty() || versionListed(p, c, s.status());
    }

    private static final Pattern EL_RELEASE = Pattern.compile("\\.el(\\d+)");

    /**
     * Whether the component is known to be on one of the platforms (CSAF relationship products): the platform CPE
     * names a distribution release (Red Hat Enterprise Linux 8: {@code cpe:/o:redhat:enterprise_linux:8}), and the
     * component's distro release — its purl's {@code distro} qualifier, an rpm release's {@code .elN}, or the SBOM's
     * operating-system component — is that release. Unknown either way: not on it (a statement about a package of
     * another release must not hide a finding).
     */
    static boolean onPlatform(List<String> platforms, Component c, Bom bom) {
        DistroRelease mine = distro(c, bom);
        if (mine == null || !mine.releaseKnown()) {
            return false;
        }
        for (String cpe : platforms) {
            DistroRelease platform = platformRelease(cpe);
            if (platform != null && platform.family().equals(mine.family()) && platform.release().equals(mine.release())) {
                return true;
            }
        }
        return false;
    }

    private static DistroRelease distro(Component c, Bom bom) {
        Purl p = c.purl();
        if (p != null) {
            DistroRelease d = DistroRelease.ofPurl(p.namespace(), p.qualifier("distro"));
            if (d != null && d.releaseKnown()) {
                return d;
            }
            if (p.version() != null) {
                java.util.regex.Matcher m = EL_RELEASE.matcher(p.version());
                if (m.find()) {
                    d = DistroRelease.ofPurl(p.namespace(), "el" + m.group(1));
                    if (d != null && d.releaseKnown()) {
                        return d;
                    }
                }
            }
        }
        if (bom != null) {
            for (Component os : bom.allComponentsWithSubject()) {
                if ("operating-system".equals(os.type())) {
                    DistroRelease d = DistroRelease.ofOperatingSystem(os.name(), os.version());
                    if (d != null && d.releaseKnown()) {
                        return d;
                    }
                }
            }
        }
        return null;
    }

    /** The distribution release a platform CPE names (vendor redhat, product enterprise_linux / rhel…), or null. */
    static DistroRelease platformRelease(String cpe) {
        String[] f;
        if (cpe.startsWith("cpe:2.3:")) {
            f = cpe.substring(8).split(":");
        } else if (cpe.startsWith("cpe:/")) {
            f = cpe.substring(5).split(":");
        } else {
            return null;
        }
        if (f.length < 4) {
            return null;
        }
        String vendor = f[1].toLowerCase(Locale.ROOT);
        String product = f[2].toLowerCase(Locale.ROOT);
        String version = f[3];
        String family = vendor.equals("redhat") && (product.startsWith("enterprise_linux") || product.startsWith("rhel"))
                ? "redhat" : DistroRelease.family(vendor);
        if (family == null || version.isEmpty() || version.equals("*") || version.equals("-")) {
            return null;
        }
        return DistroRelease.ofPurl(family, family + "-" + version);
    }

    private static boolean versionListed(VexProduct p, Component c, VexStatus status) {
        String version = c.purl() != null && c.purl().version() != null ? c.purl().version() : c.version();
        if (version == null) {
            return false;
        }
        String wanted = switch (status) {
            case NOT_AFFECTED, FIXED -> "unaffected";
            case AFFECTED -> "affected";
            case UNDER_INVESTIGATION -> "unknown";
        };
        for (VexProduct.VersionCondition v : p.versions()) {
            if (!wanted.equals(v.status())) {
                continue;
            }
            if (v.version() != null && versionsEqual(c.purl() == null ? null : c.purl().type(), v.version(), version)) {
                return true;
            }
            if (v.range() != null) {
                try {
                    if (Vers.parseLenient(v.range()).contains(version)) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // a range that cannot be evaluated names nothing
                }
            }
        }
        return false;
    }

    /** Whether the statement's purl names the component's purl (see the class comment). */
    static boolean purlMatches(Purl statement, Purl component) {
        if (!statement.type().equals(component.type()) || !Objects.equals(statement.namespace(), component.namespace())) {
            return false;
        }
        String sourceArch = statement.qualifier("arch");
        boolean source = ("src".equals(sourceArch) || "source".equals(sourceArch))
                && !sourceArch.equals(component.qualifier("arch"));
        String name = component.name();
        String componentVersion = component.nativeVersion();
        if (source) {
            // a statement about a source package names the binary packages built from it (the upstream qualifier)
            String[] up = upstream(component);
            if (up == null) {
                return false;
            }
            name = up[0];
            componentVersion = up[1] != null ? up[1] : componentVersion;
        }
        if (!statement.name().equals(name)) {
            return false;
        }
        boolean versioned = statement.version() != null;
        if (versioned && (componentVersion == null
                || !versionsEqual(statement.type(), statement.nativeVersion(), componentVersion))) {
            return false;
        }
        for (Map.Entry<String, String> q : statement.qualifiers().entrySet()) {
            if (versioned && q.getKey().equals("epoch") && statement.type().equals("rpm")
                    || source && q.getKey().equals("arch")) {
                continue;
            }
            if (!q.getValue().equals(component.qualifier(q.getKey()))) {
                return false;
            }
        }
        return statement.subpath() == null || statement.subpath().equals(component.subpath());
    }

    /**
     * The source package of a binary distro package, from its {@code upstream} qualifier: name and version (null
     * when the qualifier gives none). rpm: {@code name-version-release.src.rpm}; deb and others: {@code name},
     * {@code name@version} or {@code name (version)}.
     */
    static String[] upstream(Purl p) {
        String up = p.qualifier("upstream");
        if (up == null || up.isBlank()) {
            return null;
        }
        String s = up.strip();
        if (s.endsWith(".src.rpm")) {
            String base = s.substring(0, s.length() - ".src.rpm".length());
            int r = base.lastIndexOf('-');
            int v = r > 0 ? base.lastIndexOf('-', r - 1) : -1;
            if (v <= 0) {
                return new String[] {base, null};
            }
            String version = base.substring(v + 1);
            String epoch = p.qualifier("epoch");
            return new String[] {base.substring(0, v), epoch != null && version.indexOf(':') < 0 ? epoch + ":" + version : version};
        }
        int space = s.indexOf(' ');
        if (space > 0) {
            String version = s.substring(space + 1).strip();
            if (version.startsWith("(") && version.endsWith(")")) {
                version = version.substring(1, version.length() - 1);
            }
            return new String[] {s.substring(0, space), version.isEmpty() ? null : version};
        }
        int at = s.indexOf('@');
        if (at > 0) {
            return new String[] {s.substring(0, at), s.substring(at + 1)};
        }
        return new String[] {s, null};
    }

    static boolean versionsEqual(String purlType, String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String x = stripV(a);
        String y = stripV(b);
        if (x.equals(y)) {
            return true;
        }
        if (purlType == null) {
            return false;
        }
        try {
            return VersionSchemes.forPurlType(purlType).compare(x, y) == 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripV(String v) {
        return v.length() > 1 && (v.charAt(0) == 'v' || v.charAt(0) == 'V') && Character.isDigit(v.charAt(1)) ? v.substring(1) : v;
    }

    /** A serial number as BOM-Links write it: the UUID without {@code urn:uuid:}, lower case. */
    static String serial(String serialNumber) {
        if (serialNumber == null) {
            return null;
        }
        String s = serialNumber.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("urn:uuid:") ? s.substring(9) : s;
    }

    static Instant time(String text) {
        if (text == null) {
            return Instant.MIN;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e3) {
                    return Instant.MIN;
                }
            }
        }
    }
}

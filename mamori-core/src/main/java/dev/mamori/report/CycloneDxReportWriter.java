package dev.mamori.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Reference;
import dev.mamori.advisory.Severity;
import dev.mamori.input.JsonInput;
import dev.mamori.match.Finding;
import dev.mamori.risk.Assessment;
import dev.mamori.risk.CvssCalculator;
import dev.mamori.risk.CvssScores;
import dev.mamori.risk.CvssVector;
import dev.mamori.risk.ProductScore;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.CycloneDxJsonWriter;
import dev.mamori.sbom.Metadata;
import dev.mamori.sbom.Tool;
import dev.mamori.vex.VexDecision;
import dev.mamori.vex.VexStatement;
import dev.mamori.vex.VexStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes a scan as a CycloneDX 1.6 JSON BOM: the scanned SBOM's components with their original {@code bom-ref}s
 * (components without one get a stable generated ref: their package URL when no other component uses it as a ref,
 * else {@code mamori:<name>@<version>}, numbered when repeated), and {@code vulnerabilities}:
 * <ul>
 *   <li>one entry per vulnerability (and per VEX statement deciding some of its findings), {@code id} its canonical
 *       id with its {@code source}, {@code references} its aliases with theirs;</li>
 *   <li>{@code ratings} from every CVSS vector of the matched advisories, method {@code CVSSv2}, {@code CVSSv3},
 *       {@code CVSSv31} or {@code CVSSv4} and the score computed by {@code dev.mamori.risk}; qualitative ratings
 *       with method {@code other}; and the environmental score in the product when the risk profile changes it;</li>
 *   <li>{@code cwes}, {@code description} and {@code detail}, {@code recommendation} (the nearest fix of each
 *       component), {@code advisories} (the advisories' links), {@code affects} pointing at the components' bom-refs
 *       with the installed version {@code affected} ({@code unaffected} where VEX suppressed it);</li>
 *   <li>{@code analysis} where a VEX statement decided the findings (state, justification in CycloneDX's words,
 *       and a detail naming the VEX file and statement);</li>
 *   <li>{@code properties}: Mamori's priority, SSVC decision, weakness class and reasons.</li>
 * </ul>
 * The BOM's {@code version} is one more than the scanned SBOM's: it is the same BOM with vulnerabilities added.
 * One SBOM per document.
 */
public final class CycloneDxReportWriter {
    private static final Set<String> STATES = Set.of("resolved", "resolved_with_pedigree", "exploitable", "in_triage",
            "false_positive", "not_affected");
    private static final Set<String> JUSTIFICATIONS = Set.of("code_not_present", "code_not_reachable",
            "requires_configuration", "requires_dependency", "requires_environment", "protected_by_compiler",
            "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control");

    private final Map<Component, String> refs = new IdentityHashMap<>();
    private final Set<String> used = new HashSet<>();
    private JsonGenerator g;

    private CycloneDxReportWriter() {}

    /**
     * Writes one report as a CycloneDX 1.6 BOM.
     *
     * @throws IllegalArgumentException when the report has no SBOM model (a report made without one)
     */
    public static void write(ScanReport report, Writer out) {
        if (report.bom() == null) {
            throw new IllegalArgumentException("CycloneDX output needs the scanned SBOM (" + report.sbom() + ")");
        }
        CycloneDxReportWriter w = new CycloneDxReportWriter();
        Bom bom = w.withRefs(report.bom());
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CycloneDxJsonWriter.write(bom, buffer);
        try (JsonParser p = JsonInput.factory().createParser(buffer.toByteArray());
             JsonGenerator gen = JsonInput.factory().createGenerator(out)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            w.g = gen;
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("the CycloneDX writer wrote no object");
            }
            gen.writeStartObject();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                gen.writeFieldName(name);
                gen.copyCurrentStructure(p);
            }
            w.vulnerabilities(report);
            gen.writeEndObject();
            gen.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SBOM with a ref on every component (originals kept), the version bumped and Mamori among the tools. */
    private Bom withRefs(Bom bom) {
        for (Component c : bom.allComponentsWithSubject()) {
            if (c.bomRef() != null) {
                used.add(c.bomRef());
            }
        }
        Component subject = bom.subject() == null ? null : copy(bom.subject());
        List<Component> components = new ArrayList<>();
        for (Component c : bom.components()) {
            components.add(copy(c));
        }
        Metadata m = bom.metadata();
        List<Tool> tools = new ArrayList<>(m.tools());
        tools.add(new Tool("Mamori", "mamori", null));
        Metadata metadata = new Metadata(m.timestamp(), m.authors(), m.supplier(), m.manufacturer(), tools, m.lifecycles(),
                subject, m.tlp(), m.documentName(), m.licenses(), m.properties());
        return new Bom(bom.format(), bom.specVersion(), bom.encoding(), bom.serialNumber(),
                bom.version() == null ? 2 : bom.version() + 1, metadata, components, bom.dependencies(), bom.warnings());
    }

    private Component copy(Component c) {
        String ref = c.bomRef() != null ? c.bomRef() : generated(c);
        refs.put(c, ref);
        Component.Builder b = c.toBuilder().bomRef(ref).clearChildren();
        for (Component child : c.children()) {
            b.child(copy(child));
        }
        return b.build();
    }

    private String generated(Component c) {
        String base = c.purlText() != null && !used.contains(c.purlText()) ? c.purlText()
                : "mamori:" + c.displayName() + (c.version() == null ? "" : "@" + c.version());
        String ref = base;
        for (int n = 2; used.contains(ref); n++) {
            ref = base + "#" + n;
        }
        used.add(ref);
        return ref;
    }

    /** A group of findings that become one vulnerability entry. */
    private record Group(String id, VexStatement statement, List<Finding> findings) {}

    private void vulnerabilities(ScanReport report) throws IOException {
        Map<String, Group> groups = new LinkedHashMap<>();
        Map<Finding, VexDecision> vex = report.vexByFinding();
        for (Finding f : report.findingsByPriority()) {
            VexDecision d = vex.get(f);
            add(groups, f, d == null ? null : d.statement());
        }
        for (VexDecision d : report.suppressed()) {
            add(groups, d.finding(), d.statement());
        }
        g.writeArrayFieldStart("vulnerabilities");
        Set<String> vulnRefs = new HashSet<>();
        for (Group group : groups.values()) {
            String ref = "vulnerability:" + group.id();
            for (int n = 2; !vulnRefs.add(ref) || used.contains(ref); n++) {
                ref = "vulnerability:" + group.id() + "#" + n;
            }
            vulnerability(group, ref, report.risk().get(group.id()));
        }
        g.writeEndArray();
    }

    private static void add(Map<String, Group> groups, Finding f, VexStatement s) {
        String key = f.vulnerabilityId() + (s == null ? "" : "\u0000" + System.identityHashCode(s));
        groups.computeIfAbsent(key, k -> new Group(f.vulnerabilityId(), s, new ArrayList<>())).findings().add(f);
    }

    private void vulnerability(Group group, String ref, Assessment a) throws IOException {
        Finding first = group.findings().getFirst();
        Set<Advisory> advisories = new LinkedHashSet<>();
        Set<String> aliases = new LinkedHashSet<>();
        for (Finding f : group.findings()) {
            advisories.addAll(f.advisories());
            aliases.addAll(f.aliases());
        }
        aliases.remove(group.id());
        g.writeStartObject();
        g.writeStringField("bom-ref", ref);
        g.writeStringField("id", group.id());
        source(group.id());
        if (!aliases.isEmpty()) {
            g.writeArrayFieldStart("references");
            for (String alias : aliases) {
                g.writeStartObject();
                g.writeStringField("id", alias);
                source(alias);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        ratings(advisories, a);
        Set<Integer> cwes = new LinkedHashSet<>();
        for (Advisory adv : advisories) {
            for (String cwe : adv.cwes()) {
                if (cwe.regionMatches(true, 0, "CWE-", 0, 4)) {
                    try {
                        cwes.add(Integer.parseInt(cwe.substring(4).strip()));
                    } catch (NumberFormatException e) {
                        // NVD-CWE-noinfo and the like carry no number
                    }
                }
            }
        }
        if (!cwes.isEmpty()) {
            g.writeArrayFieldStart("cwes");
            for (int c : cwes) {
                g.writeNumber(c);
            }
            g.writeEndArray();
        }
        String summary = null;
        String details = null;
        for (Advisory adv : advisories) {
            summary = summary == null ? blankToNull(adv.summary()) : summary;
            details = details == null ? blankToNull(adv.details()) : details;
        }
        if (summary != null || details != null) {
            g.writeStringField("description", summary != null ? summary : details);
        }
        if (summary != null && details != null) {
            g.writeStringField("detail", details);
        }
        List<String> recommendations = new ArrayList<>();
        for (Finding f : group.findings()) {
            String r = f.nearestFix() == null ? "No fixed version of " + f.component().displayName() + " is known"
                    : "Upgrade " + f.component().displayName() + " from " + f.installedVersion() + " to " + f.nearestFix();
            if (!recommendations.contains(r)) {
                recommendations.add(r);
            }
        }
        g.writeStringField("recommendation", String.join("; ", recommendations) + ".");
        advisoryLinks(advisories);
        if (group.statement() != null) {
            analysis(group.statement());
        }
        g.writeArrayFieldStart("affects");
        boolean suppressed = group.statement() != null && group.statement().status().suppresses();
        for (Finding f : group.findings()) {
            g.writeStartObject();
            g.writeStringField("ref", refs.getOrDefault(f.component(), f.component().bomRef()));
            if (f.installedVersion() != null && !f.installedVersion().isBlank()) {
                g.writeArrayFieldStart("versions");
                g.writeStartObject();
                g.writeStringField("version", f.installedVersion());
                g.writeStringField("status", suppressed ? "unaffected" : "affected");
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (a != null && !suppressed) {
            g.writeArrayFieldStart("properties");
            property("mamori:priority", Integer.toString(a.priority()));
            property("mamori:ssvc", a.ssvc().label());
            property("mamori:ssvc:table", a.ssvc().table());
            property("mamori:weakness", a.weakness().weaknessClass().label());
            property("mamori:reasons", a.reasons());
            property("mamori:confidence", first.confidence().name().toLowerCase(Locale.ROOT));
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void ratings(Set<Advisory> advisories, Assessment a) throws IOException {
        Set<String> seen = new HashSet<>();
        boolean open = false;
        for (Advisory adv : advisories) {
            for (Severity s : adv.severities()) {
                String who = s.source() != null ? s.source() : adv.id();
                if (!seen.add(who + "\u0000" + s.type() + "\u0000" + s.score())) {
                    continue;
                }
                if (!open) {
                    g.writeArrayFieldStart("ratings");
                    open = true;
                }
                if (s.isCvss()) {
                    try {
                        CvssScores scores = CvssCalculator.score(CvssVector.parse(s.score().strip()));
                        rating(who, scores.score(), scores.severity().label(), method(scores), s.score().strip(), null);
                        continue;
                    } catch (IllegalArgumentException e) {
                        // an invalid vector is given as a qualitative rating below
                    }
                }
                rating(who, s.baseScore(), s.level().label(), "other", s.isCvss() ? s.score() : null, null);
            }
        }
        if (a != null) {
            for (ProductScore p : a.cvss()) {
                if (p.productVector().equals(p.vector())) {
                    continue;
                }
                if (!open) {
                    g.writeArrayFieldStart("ratings");
                    open = true;
                }
                rating("Mamori (environmental score in this product)", p.environmentalScore(), p.environmentalSeverity().label(),
                        method(p.version()), p.productVector(), "Environmental metrics from the risk profile: "
                                + String.join(", ", p.adjustments()));
            }
        }
        if (open) {
            g.writeEndArray();
        }
    }

    private void rating(String source, Double score, String severity, String method, String vector, String justification)
            throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("source");
        g.writeStringField("name", source);
        g.writeEndObject();
        if (score != null) {
            g.writeNumberField("score", score);
        }
        g.writeStringField("severity", severity);
        g.writeStringField("method", method);
        if (vector != null) {
            g.writeStringField("vector", vector);
        }
        if (justification != null) {
            g.writeStringField("justification", justification);
        }
        g.writeEndObject();
    }

    private static String method(CvssScores s) {
        return method(s.version());
    }

    private static String method(dev.mamori.risk.CvssVersion v) {
        return switch (v) {
            case V2_0 -> "CVSSv2";
            case V3_0 -> "CVSSv3";
            case V3_1 -> "CVSSv31";
            case V4_0 -> "CVSSv4";
        };
    }

    private void advisoryLinks(Set<Advisory> advisories) throws IOException {
        Set<String> urls = new LinkedHashSet<>();
        for (Advisory adv : advisories) {
            for (Reference r : adv.references()) {
                if ("ADVISORY".equals(r.type()) && validUri(r.url())) {
                    urls.add(r.url());
                }
            }
        }
        if (urls.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("advisories");
        for (String url : urls) {
            g.writeStartObject();
            g.writeStringField("url", url);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void analysis(VexStatement s) throws IOException {
        g.writeObjectFieldStart("analysis");
        String written = s.statusText() == null ? "" : s.statusText().toLowerCase(Locale.ROOT);
        g.writeStringField("state", STATES.contains(written) ? written : switch (s.status()) {
            case NOT_AFFECTED -> "not_affected";
            case FIXED -> "resolved";
            case AFFECTED -> "exploitable";
            case UNDER_INVESTIGATION -> "in_triage";
        });
        String j = justification(s.justification());
        if (j != null && s.status() == VexStatus.NOT_AFFECTED) {
            g.writeStringField("justification", j);
        }
        g.writeStringField("detail", "VEX statement " + ReportText.vex(s));
        g.writeEndObject();
    }

    /** A justification in CycloneDX's words (OpenVEX and CSAF's mapped as CISA's VEX guidance pairs them), or null. */
    static String justification(String j) {
        if (j == null) {
            return null;
        }
        String t = j.toLowerCase(Locale.ROOT);
        if (JUSTIFICATIONS.contains(t)) {
            return t;
        }
        return switch (t) {
            case "component_not_present", "vulnerable_code_not_present" -> "code_not_present";
            case "vulnerable_code_not_in_execute_path" -> "code_not_reachable";
            case "vulnerable_code_cannot_be_controlled_by_adversary" -> "requires_environment";
            case "inline_mitigations_already_exist" -> "protected_by_mitigating_control";
            default -> null;
        };
    }

    private void source(String id) throws IOException {
        String upper = id.toUpperCase(Locale.ROOT);
        String name;
        String url;
        if (upper.startsWith("CVE-")) {
            name = "NVD";
            url = "https://nvd.nist.gov/vuln/detail/" + id;
        } else if (upper.startsWith("GHSA-")) {
            name = "GitHub Advisory Database";
            url = "https://github.com/advisories/" + id;
        } else {
            name = "OSV";
            url = "https://osv.dev/vulnerability/" + id;
        }
        g.writeObjectFieldStart("source");
        g.writeStringField("name", name);
        if (validUri(url)) {
            g.writeStringField("url", url);
        }
        g.writeEndObject();
    }

    private void property(String name, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("value", value);
        g.writeEndObject();
    }

    static boolean validUri(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        try {
            URI u = new URI(s);
            return u.getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

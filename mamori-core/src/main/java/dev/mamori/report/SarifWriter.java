package dev.mamori.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Reference;
import dev.mamori.advisory.SeverityLevel;
import dev.mamori.input.JsonInput;
import dev.mamori.match.Finding;
import dev.mamori.risk.Assessment;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.DependencyGraph;
import dev.mamori.risk.ProductScore;
import dev.mamori.vex.VexDecision;
import dev.mamori.vex.VexStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes scan reports as SARIF 2.1.0 for code-scanning UIs: one run; one {@code rule} per vulnerability (id,
 * short and full description, {@code helpUri} from the advisories' links, default level, and properties with
 * severity, CVSS score and vector, {@code security-severity} and CWE tags); one {@code result} per finding, its level
 * from the severity, its message naming the component, installed version, fix and evidence, located in the SBOM
 * file ({@code artifactLocation}, with the line where the SBOM format gives one) and at the component (a logical
 * location named by its purl or bom-ref). Findings VEX suppressed are results with an accepted external
 * {@code suppression} that names the statement.
 */
public final class SarifWriter {
    /** The schema the output follows. */
    public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private SarifWriter() {}

    /** @param toolVersion the version of Mamori, or null */
    public static void write(List<ScanReport> reports, String toolVersion, Writer out) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (ScanReport r : reports) {
            for (Finding f : r.findingsByPriority()) {
                rules.computeIfAbsent(f.vulnerabilityId(), id -> new Rule(id, new ArrayList<>(), r.assessment(f))).findings().add(f);
            }
            for (VexDecision d : r.suppressed()) {
                rules.computeIfAbsent(d.finding().vulnerabilityId(), id -> new Rule(id, new ArrayList<>(), null)).findings().add(d.finding());
            }
        }
        List<String> ruleIds = new ArrayList<>(rules.keySet());
        try (JsonGenerator g = JsonInput.factory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("$schema", SCHEMA);
            g.writeStringField("version", "2.1.0");
            g.writeArrayFieldStart("runs");
            g.writeStartObject();
            g.writeObjectFieldStart("tool");
            g.writeObjectFieldStart("driver");
            g.writeStringField("name", "mamori");
            g.writeStringField("fullName", "Mamori SBOM vulnerability scanner");
            if (toolVersion != null) {
                g.writeStringField("version", toolVersion);
            }
            g.writeArrayFieldStart("rules");
            for (Rule rule : rules.values()) {
                rule(g, rule);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("artifacts");
            for (ScanReport r : reports) {
                g.writeStartObject();
                g.writeObjectFieldStart("location");
                g.writeStringField("uri", uri(r.sbom()));
                g.writeEndObject();
                g.writeArrayFieldStart("roles");
                g.writeString("analysisTarget");
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("results");
            for (int i = 0; i < reports.size(); i++) {
                ScanReport r = reports.get(i);
                Map<Finding, VexDecision> vex = r.vexByFinding();
                DependencyGraph graph = r.bom() == null ? null : DependencyGraph.of(r.bom());
                for (Finding f : r.findingsByPriority()) {
                    VexDecision d = vex.get(f);
                    result(g, f, r.assessment(f), d == null ? null : d.statement(), false, ruleIds, r, i, graph);
                }
                for (VexDecision d : r.suppressed()) {
                    result(g, d.finding(), null, d.statement(), true, ruleIds, r, i, graph);
                }
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Rule(String id, List<Finding> findings, Assessment assessment) {}

    private static void rule(JsonGenerator g, Rule rule) throws IOException {
        Set<Advisory> advisories = new LinkedHashSet<>();
        Set<String> aliases = new LinkedHashSet<>();
        SeverityLevel severity = SeverityLevel.UNKNOWN;
        for (Finding f : rule.findings()) {
            advisories.addAll(f.advisories());
            aliases.addAll(f.aliases());
            severity = f.severity().compareTo(severity) > 0 ? f.severity() : severity;
        }
        String summary = null;
        String details = null;
        Set<String> cwes = new LinkedHashSet<>();
        for (Advisory a : advisories) {
            summary = summary == null && a.summary() != null && !a.summary().isBlank() ? a.summary().strip() : summary;
            details = details == null && a.details() != null && !a.details().isBlank() ? a.details().strip() : details;
            cwes.addAll(a.cwes());
        }
        g.writeStartObject();
        g.writeStringField("id", rule.id());
        g.writeObjectFieldStart("shortDescription");
        g.writeStringField("text", summary != null ? summary : rule.id() + (aliases.isEmpty() ? "" : " (" + String.join(", ", aliases) + ")"));
        g.writeEndObject();
        g.writeObjectFieldStart("fullDescription");
        g.writeStringField("text", details != null ? details : summary != null ? summary : rule.id());
        g.writeEndObject();
        String help = helpUri(rule.id(), advisories);
        if (help != null) {
            g.writeStringField("helpUri", help);
        }
        g.writeObjectFieldStart("help");
        g.writeStringField("text", rule.id() + (aliases.isEmpty() ? "" : ", also known as " + String.join(", ", aliases))
                + ". Matched advisories: " + String.join(", ", advisories.stream().map(Advisory::id).toList()) + "."
                + (help == null ? "" : " See " + help + "."));
        g.writeEndObject();
        g.writeObjectFieldStart("defaultConfiguration");
        g.writeStringField("level", level(severity));
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeArrayFieldStart("tags");
        g.writeString("security");
        g.writeString("vulnerability");
        for (String cwe : cwes) {
            if (!cwe.equals("security") && !cwe.equals("vulnerability")) {
                g.writeString(cwe);
            }
        }
        g.writeEndArray();
        g.writeStringField("severity", severity.label());
        ProductScore score = rule.assessment() == null ? null : rule.assessment().primaryScore();
        if (score != null) {
            g.writeNumberField("cvss", score.baseScore());
            g.writeStringField("cvssVector", score.vector());
            g.writeNumberField("cvssEnvironmental", score.environmentalScore());
            g.writeStringField("security-severity", ReportText.score(score.baseScore()));
        }
        g.writeArrayFieldStart("aliases");
        for (String a : aliases) {
            g.writeString(a);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void result(JsonGenerator g, Finding f, Assessment a, VexStatement vex, boolean suppressed,
                               List<String> ruleIds, ScanReport r, int artifact, DependencyGraph graph)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.vulnerabilityId());
        g.writeNumberField("ruleIndex", ruleIds.indexOf(f.vulnerabilityId()));
        g.writeStringField("kind", "fail");
        g.writeStringField("level", level(f.severity()));
        List<Component> path = graph == null ? List.of() : graph.pathTo(f.component());
        String how = ReportText.introduced(graph, f.component());
        g.writeObjectFieldStart("message");
        g.writeStringField("text", ReportText.message(f) + (how == null ? ""
                : how.startsWith("via ") ? " It is brought in " + how + "." : " It is a " + how + "."));
        g.writeEndObject();
        g.writeArrayFieldStart("locations");
        g.writeStartObject();
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uri(r.sbom()));
        g.writeNumberField("index", artifact);
        g.writeEndObject();
        Integer line = line(f.component().location());
        if (line != null) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", line);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeArrayFieldStart("logicalLocations");
        g.writeStartObject();
        g.writeStringField("name", f.component().displayName() + (f.installedVersion() == null ? "" : "@" + f.installedVersion()));
        g.writeStringField("fullyQualifiedName", ReportText.identity(f));
        g.writeStringField("kind", "module");
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("mamoriFinding/v1", fingerprint(f.vulnerabilityId() + "\u0000" + ReportText.identity(f)));
        g.writeEndObject();
        if (suppressed) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", ReportText.vex(vex));
            g.writeObjectFieldStart("properties");
            vexProperties(g, vex);
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        g.writeStringField("component", f.component().displayName());
        g.writeStringField("installedVersion", f.installedVersion());
        if (f.component().purlText() != null) {
            g.writeStringField("purl", f.component().purlText());
        }
        if (f.component().bomRef() != null) {
            g.writeStringField("bomRef", f.component().bomRef());
        }
        if (f.nearestFix() != null) {
            g.writeStringField("fixedVersion", f.nearestFix());
        }
        g.writeStringField("severity", f.severity().label());
        g.writeStringField("confidence", f.confidence().name().toLowerCase(Locale.ROOT));
        if (!path.isEmpty()) {
            g.writeBooleanField("direct", graph.isDirect(f.component()));
            g.writeArrayFieldStart("dependencyPath");
            for (Component c : path) {
                g.writeString(c.displayName() + (c.version() == null ? "" : " " + c.version()));
            }
            g.writeEndArray();
        }
        if (a != null) {
            g.writeNumberField("priority", a.priority());
            g.writeStringField("ssvc", a.ssvc().label());
            g.writeStringField("weakness", a.weakness().weaknessClass().label());
            g.writeStringField("reasons", a.reasons());
            if (a.primaryScore() != null) {
                g.writeNumberField("cvssBase", a.primaryScore().baseScore());
                g.writeNumberField("cvssEnvironmental", a.primaryScore().environmentalScore());
            }
        }
        if (vex != null && !suppressed) {
            g.writeObjectFieldStart("vex");
            vexProperties(g, vex);
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void vexProperties(JsonGenerator g, VexStatement vex) throws IOException {
        g.writeStringField("vexFile", vex.source());
        g.writeStringField("vexFormat", vex.format());
        g.writeStringField("vexStatement", vex.statementId());
        g.writeStringField("vexStatus", vex.statusText());
        if (vex.justification() != null) {
            g.writeStringField("vexJustification", vex.justification());
        }
    }

    /** SARIF levels: critical and high are errors, medium and unknown warnings, low and none notes. */
    static String level(SeverityLevel s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM, UNKNOWN -> "warning";
            case LOW, NONE -> "note";
        };
    }

    private static String helpUri(String id, Set<Advisory> advisories) {
        String any = null;
        for (Advisory a : advisories) {
            for (Reference r : a.references()) {
                if (!CycloneDxReportWriter.validUri(r.url()) || !r.url().startsWith("http")) {
                    continue;
                }
                if ("ADVISORY".equals(r.type())) {
                    return r.url();
                }
                any = any == null ? r.url() : any;
            }
        }
        if (any != null) {
            return any;
        }
        String upper = id.toUpperCase(Locale.ROOT);
        return upper.startsWith("CVE-") ? "https://nvd.nist.gov/vuln/detail/" + id
                : upper.startsWith("GHSA-") ? "https://github.com/advisories/" + id : "https://osv.dev/vulnerability/" + id;
    }

    /** A file name as a URI reference: relative paths stay relative, with '/' and percent-encoding. */
    static String uri(String file) {
        Path p = Path.of(file);
        if (p.isAbsolute()) {
            return p.toUri().toASCIIString();
        }
        try {
            return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
        } catch (URISyntaxException e) {
            return p.toAbsolutePath().toUri().toASCIIString();
        }
    }

    private static Integer line(String location) {
        if (location == null) {
            return null;
        }
        Matcher m = LINE.matcher(location);
        if (m.find()) {
            try {
                int n = Integer.parseInt(m.group(1));
                return n >= 1 ? n : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String fingerprint(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.mamori.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.Severity;
import dev.mamori.input.JsonInput;
import dev.mamori.match.Evidence;
import dev.mamori.match.Finding;
import dev.mamori.match.UpgradeAdvice;
import dev.mamori.risk.Assessment;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.DependencyGraph;
import dev.mamori.risk.ExploitEvidence;
import dev.mamori.risk.ProductScore;
import dev.mamori.risk.SsvcDecision;
import dev.mamori.risk.SsvcInput;
import dev.mamori.vex.VexDecision;
import dev.mamori.vex.VexStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes scan reports as JSON: the same content as the table, with the evidence of every finding, its risk
 * assessment ({@code risk}: priority and reasons, SSVC decisions with their inputs, CVSS base and environmental
 * scores, EPSS, KEV, weakness class) and the VEX statement that applied to it; findings VEX suppressed are listed in
 * {@code suppressed} with the statement that did it.
 */
public final class JsonWriter {
    private JsonWriter() {}

    public static void write(List<ScanReport> reports, Writer out) {
        try (JsonGenerator g = JsonInput.factory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeArrayFieldStart("reports");
            for (ScanReport r : reports) {
                writeReport(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.flush();
            out.write(System.lineSeparator());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeReport(JsonGenerator g, ScanReport r) throws IOException {
        DependencyGraph graph = r.bom() == null ? null : DependencyGraph.of(r.bom());
        g.writeStartObject();
        g.writeStringField("sbom", r.sbom());
        g.writeNumberField("componentsScanned", r.componentsScanned());
        g.writeNumberField("advisoriesLoaded", r.advisoriesLoaded());
        java.util.Map<Finding, VexDecision> vex = r.vexByFinding();
        g.writeArrayFieldStart("findings");
        for (Finding f : r.findings()) {
            g.writeStartObject();
            finding(g, f, r.assessment(f), graph);
            VexDecision d = vex.get(f);
            if (d != null) {
                g.writeFieldName("vex");
                statement(g, d.statement());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("suppressed");
        for (VexDecision d : r.suppressed()) {
            g.writeStartObject();
            finding(g, d.finding(), null, graph);
            g.writeFieldName("suppressedBy");
            statement(g, d.statement());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("priorities");
        for (Assessment a : r.risk().values()) {
            g.writeStartObject();
            g.writeNumberField("priority", a.priority());
            g.writeStringField("vulnerability", a.vulnerabilityId());
            g.writeStringField("ssvc", a.ssvc() == null ? null : a.ssvc().label());
            g.writeStringField("reasons", a.reasons());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("upgrades");
        for (UpgradeAdvice u : r.upgrades()) {
            g.writeStartObject();
            g.writeStringField("component", u.component().displayName());
            g.writeStringField("purl", u.component().purl() == null ? null : u.component().purl().toString());
            g.writeStringField("installedVersion", u.installedVersion());
            g.writeStringField("target", u.target());
            g.writeStringField("bump", u.bump().label());
            stringArray(g, "fixes", u.fixes());
            stringArray(g, "remains", u.remains());
            g.writeEndObject();
        }
        g.writeEndArray();
        stringArray(g, "warnings", r.warnings());
        g.writeEndObject();
    }

    /** The fields of one finding (inside an object the caller opened). */
    private static void finding(JsonGenerator g, Finding f, Assessment a, DependencyGraph graph) throws IOException {
        g.writeObjectFieldStart("component");
        g.writeStringField("name", f.component().displayName());
        g.writeStringField("version", f.installedVersion());
        g.writeStringField("purl", f.component().purl() == null ? null : f.component().purl().toString());
        g.writeStringField("bomRef", f.component().bomRef());
        List<Component> path = graph == null ? List.of() : graph.pathTo(f.component());
        if (!path.isEmpty()) {
            // why the component is in the product: the shortest chain from the SBOM's root, and what brings it in
            g.writeBooleanField("direct", graph.isDirect(f.component()));
            components(g, "dependencyPath", path);
            components(g, "introducedBy", graph.introducedBy(f.component()));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("vulnerability");
        g.writeStringField("id", f.vulnerabilityId());
        stringArray(g, "aliases", f.aliases());
        g.writeStringField("summary", f.advisory().summary());
        g.writeStringField("severity", f.severity().label());
        Set<String> cwes = new LinkedHashSet<>();
        f.advisories().forEach(adv -> cwes.addAll(adv.cwes()));
        stringArray(g, "cwes", List.copyOf(cwes));
        g.writeEndObject();
        g.writeArrayFieldStart("advisories");
        for (Advisory adv : f.advisories()) {
            g.writeStartObject();
            g.writeStringField("id", adv.id());
            g.writeStringField("source", adv.source());
            g.writeArrayFieldStart("severities");
            for (Severity s : adv.severities()) {
                g.writeStartObject();
                g.writeStringField("type", s.type());
                g.writeStringField("score", s.score());
                g.writeStringField("level", s.level().label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("fix");
        g.writeStringField("nearest", f.fix().nearest());
        g.writeStringField("newest", f.fix().newest());
        stringArray(g, "all", f.fix().all());
        g.writeEndObject();
        g.writeStringField("confidence", f.confidence().name().toLowerCase(Locale.ROOT));
        g.writeObjectFieldStart("evidence");
        g.writeStringField("identifier", f.evidence().identifier());
        g.writeStringField("method", f.evidence().method().name().toLowerCase(Locale.ROOT));
        g.writeStringField("reason", f.evidence().reason());
        g.writeArrayFieldStart("matched");
        for (Evidence.MatchedStatement m : f.evidence().matched()) {
            g.writeStartObject();
            g.writeStringField("advisory", m.advisoryId());
            g.writeStringField("source", m.source());
            g.writeStringField("location", m.location());
            g.writeStringField("ecosystem", m.ecosystem());
            g.writeStringField("range", m.range());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        if (a != null) {
            risk(g, a);
        }
    }

    private static void risk(JsonGenerator g, Assessment a) throws IOException {
        g.writeObjectFieldStart("risk");
        g.writeNumberField("priority", a.priority());
        g.writeStringField("reasons", a.reasons());
        decision(g, "ssvc", a.ssvc());
        decision(g, "deployer", a.deployer());
        g.writeArrayFieldStart("cvss");
        for (ProductScore s : a.cvss()) {
            g.writeStartObject();
            g.writeStringField("version", s.version().label());
            g.writeStringField("vector", s.vector());
            g.writeNumberField("baseScore", s.baseScore());
            g.writeStringField("baseSeverity", s.baseSeverity().label());
            g.writeStringField("environmentalVector", s.productVector());
            g.writeNumberField("environmentalScore", s.environmentalScore());
            g.writeStringField("environmentalSeverity", s.environmentalSeverity().label());
            stringArray(g, "adjustments", s.adjustments());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (a.epss() != null) {
            g.writeObjectFieldStart("epss");
            g.writeNumberField("score", a.epss().score());
            g.writeNumberField("percentile", a.epss().percentile());
            g.writeStringField("date", a.epss().date() == null ? null : a.epss().date().toString());
            g.writeEndObject();
        }
        if (a.kev() != null) {
            g.writeObjectFieldStart("kev");
            g.writeStringField("cve", a.kev().cveId());
            g.writeStringField("dateAdded", a.kev().dateAdded() == null ? null : a.kev().dateAdded().toString());
            g.writeStringField("dueDate", a.kev().dueDate() == null ? null : a.kev().dueDate().toString());
            g.writeBooleanField("knownRansomwareUse", a.kev().knownRansomwareUse());
            g.writeEndObject();
        }
        g.writeArrayFieldStart("exploitEvidence");
        for (ExploitEvidence e : a.exploitEvidence()) {
            g.writeStartObject();
            g.writeStringField("level", e.level().word());
            g.writeStringField("source", e.source().name());
            g.writeStringField("detail", e.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("weakness");
        g.writeStringField("class", a.weakness().weaknessClass().label());
        g.writeStringField("cwe", a.weakness().cwe());
        g.writeStringField("decidingCwe", a.weakness().decidingCwe());
        g.writeStringField("phase", a.weakness().phase());
        g.writeStringField("explanation", a.weakness().explanation());
        g.writeEndObject();
        stringArray(g, "notes", a.notes());
        g.writeEndObject();
    }

    private static void decision(JsonGenerator g, String field, SsvcDecision d) throws IOException {
        if (d == null) {
            return;
        }
        g.writeObjectFieldStart(field);
        g.writeStringField("decision", d.label());
        g.writeStringField("table", d.table());
        g.writeArrayFieldStart("inputs");
        for (SsvcInput i : d.inputs()) {
            g.writeStartObject();
            g.writeStringField("decisionPoint", i.decisionPoint());
            g.writeStringField("value", i.value());
            g.writeStringField("source", i.source().name());
            g.writeStringField("detail", i.detail());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void statement(JsonGenerator g, VexStatement s) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", s.source());
        g.writeStringField("format", s.format());
        g.writeStringField("statement", s.statementId());
        g.writeStringField("vulnerability", s.vulnerability());
        g.writeStringField("status", s.status().label());
        g.writeStringField("statusAsWritten", s.statusText());
        g.writeStringField("justification", s.justification());
        g.writeStringField("detail", s.detail());
        g.writeStringField("timestamp", s.timestamp());
        g.writeEndObject();
    }

    private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void components(JsonGenerator g, String field, List<Component> components) throws IOException {
        g.writeArrayFieldStart(field);
        for (Component c : components) {
            g.writeStartObject();
            g.writeStringField("name", c.displayName());
            g.writeStringField("version", c.version());
            g.writeStringField("bomRef", c.bomRef());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}

package dev.mamori.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mamori.advisory.Severity;
import dev.mamori.input.JsonInput;
import dev.mamori.advisory.Advisory;
import dev.mamori.match.Evidence;
import dev.mamori.match.Finding;
import dev.mamori.match.UpgradeAdvice;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes scan reports as JSON: the same content as the table, with the evidence of every finding. */
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
        g.writeStartObject();
        g.writeStringField("sbom", r.sbom());
        g.writeNumberField("componentsScanned", r.componentsScanned());
        g.writeNumberField("advisoriesLoaded", r.advisoriesLoaded());
        g.writeArrayFieldStart("findings");
        for (Finding f : r.findings()) {
            g.writeStartObject();
            g.writeObjectFieldStart("component");
            g.writeStringField("name", f.component().displayName());
            g.writeStringField("version", f.installedVersion());
            g.writeStringField("purl", f.component().purl() == null ? null : f.component().purl().toString());
            g.writeStringField("bomRef", f.component().bomRef());
            g.writeEndObject();
            g.writeObjectFieldStart("vulnerability");
            g.writeStringField("id", f.vulnerabilityId());
            stringArray(g, "aliases", f.aliases());
            g.writeStringField("summary", f.advisory().summary());
            g.writeStringField("severity", f.severity().label());
            g.writeEndObject();
            g.writeArrayFieldStart("advisories");
            for (Advisory a : f.advisories()) {
                g.writeStartObject();
                g.writeStringField("id", a.id());
                g.writeStringField("source", a.source());
                g.writeArrayFieldStart("severities");
                for (Severity s : a.severities()) {
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
            g.writeStringField("confidence", f.confidence().name().toLowerCase(java.util.Locale.ROOT));
            g.writeObjectFieldStart("evidence");
            g.writeStringField("identifier", f.evidence().identifier());
            g.writeStringField("method", f.evidence().method().name().toLowerCase(java.util.Locale.ROOT));
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

    private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}

package dev.mamori.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.mamori.advisory.Severity;
import dev.mamori.input.JsonInput;
import dev.mamori.match.Finding;
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
            g.writeObjectFieldStart("advisory");
            g.writeStringField("id", f.advisory().id());
            stringArray(g, "aliases", f.advisory().aliases());
            g.writeStringField("summary", f.advisory().summary());
            g.writeStringField("severity", f.severity().label());
            g.writeArrayFieldStart("severities");
            for (Severity s : f.advisory().severities()) {
                g.writeStartObject();
                g.writeStringField("type", s.type());
                g.writeStringField("score", s.score());
                g.writeStringField("level", s.level().label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("source", f.advisory().source());
            g.writeEndObject();
            g.writeStringField("nearestFix", f.nearestFix());
            stringArray(g, "fixedVersions", f.fixedVersions());
            g.writeObjectFieldStart("evidence");
            g.writeStringField("identifier", f.evidence().identifier());
            g.writeStringField("matchedBy", f.evidence().matchedBy());
            g.writeStringField("advisoryLocation", f.evidence().advisoryLocation());
            g.writeEndObject();
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

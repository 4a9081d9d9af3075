package dev.mamori.sbom;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Writes a {@link Bom} as CycloneDX 1.6 JSON with Jackson's streaming generator (see decision record 0007). */
public final class CycloneDxJsonWriter {
    private final CycloneDxPlan plan = new CycloneDxPlan();
    private JsonGenerator g;

    private CycloneDxJsonWriter() {}

    /**
     * Writes the SBOM; the stream is flushed, not closed.
     *
     * @return what CycloneDX 1.6 could not hold, one line per kind (empty when nothing was lost)
     */
    public static List<String> write(Bom bom, OutputStream out) {
        CycloneDxJsonWriter w = new CycloneDxJsonWriter();
        try (JsonGenerator gen = JsonInput.factory().createGenerator(out, JsonEncoding.UTF8)) {
            gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            gen.useDefaultPrettyPrinter();
            w.g = gen;
            w.bom(bom);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.plan.losses.report();
    }

    private void bom(Bom bom) throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        g.writeStringField("bomFormat", "CycloneDX");
        g.writeStringField("specVersion", CycloneDxPlan.SPEC_VERSION);
        str("serialNumber", plan.serialNumber(bom));
        g.writeNumberField("version", bom.version() == null || bom.version() < 1 ? 1 : bom.version());
        metadata(bom);
        g.writeArrayFieldStart("components");
        for (Component c : bom.components()) {
            component(c);
        }
        g.writeEndArray();
        if (!bom.dependencies().isEmpty()) {
            g.writeArrayFieldStart("dependencies");
            for (Map.Entry<String, List<String>> e : bom.dependencies().entrySet()) {
                g.writeStartObject();
                g.writeStringField("ref", e.getKey());
                if (!e.getValue().isEmpty()) {
                    g.writeArrayFieldStart("dependsOn");
                    for (String d : e.getValue()) {
                        g.writeString(d);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void metadata(Bom bom) throws IOException {
        Metadata m = bom.metadata();
        g.writeObjectFieldStart("metadata");
        str("timestamp", m.timestamp());
        if (!m.lifecycles().isEmpty()) {
            g.writeArrayFieldStart("lifecycles");
            for (String l : m.lifecycles()) {
                g.writeStartObject();
                g.writeStringField(CycloneDxPlan.isPhase(l) ? "phase" : "name", l);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!m.tools().isEmpty()) {
            g.writeObjectFieldStart("tools");
            g.writeArrayFieldStart("components");
            for (Tool t : m.tools()) {
                g.writeStartObject();
                g.writeStringField("type", "application");
                str("group", t.vendor());
                g.writeStringField("name", t.name() == null ? "unknown" : t.name());
                str("version", t.version());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        if (m.manufacturer() != null) {
            g.writeFieldName("manufacturer");
            organization(m.manufacturer());
        }
        if (!m.authors().isEmpty()) {
            g.writeArrayFieldStart("authors");
            for (Party p : m.authors()) {
                contact(p);
            }
            g.writeEndArray();
        }
        if (m.subject() != null) {
            g.writeFieldName("component");
            component(m.subject());
        }
        if (m.supplier() != null) {
            g.writeFieldName("supplier");
            organization(m.supplier());
        }
        licenses(m.licenses(), "the document");
        properties(CycloneDxPlan.metadataProperties(bom));
        g.writeEndObject();
    }

    private void component(Component c) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", plan.type(c));
        str("bom-ref", c.bomRef());
        if (c.supplier() != null) {
            g.writeFieldName("supplier");
            organization(c.supplier());
        }
        if (c.manufacturer() != null) {
            g.writeFieldName("manufacturer");
            organization(c.manufacturer());
        }
        if (!c.authors().isEmpty()) {
            g.writeArrayFieldStart("authors");
            for (Party p : c.authors()) {
                contact(p);
            }
            g.writeEndArray();
        }
        str("publisher", c.publisher());
        str("group", c.group());
        g.writeStringField("name", c.name());
        str("version", c.version());
        str("description", c.description());
        str("scope", plan.scope(c));
        List<String[]> hashes = plan.hashes(c);
        if (!hashes.isEmpty()) {
            g.writeArrayFieldStart("hashes");
            for (String[] h : hashes) {
                g.writeStartObject();
                g.writeStringField("alg", h[0]);
                g.writeStringField("content", h[1]);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        licenses(c.licenses(), c.name());
        str("copyright", c.copyright());
        str("cpe", plan.cpe(c));
        str("purl", c.purlText());
        plan.otherIdentifiers(c);
        ids("omniborId", c);
        ids("swhid", c);
        if (c.swid() != null && c.swid().tagId() != null) {
            Swid s = c.swid();
            g.writeObjectFieldStart("swid");
            g.writeStringField("tagId", s.tagId());
            g.writeStringField("name", s.name() == null ? c.name() : s.name());
            str("version", s.version());
            if (s.tagVersion() != null) {
                g.writeNumberField("tagVersion", s.tagVersion());
            }
            if (s.patch() != null) {
                g.writeBooleanField("patch", s.patch());
            }
            str("url", plan.url(s.url(), "SWID tag URLs"));
            g.writeEndObject();
        }
        if (!c.externalReferences().isEmpty()) {
            g.writeArrayFieldStart("externalReferences");
            for (ExternalReference r : c.externalReferences()) {
                String url = plan.url(r.url(), "external reference URLs");
                if (url == null) {
                    continue;
                }
                g.writeStartObject();
                g.writeStringField("url", url);
                str("comment", r.comment());
                g.writeStringField("type", plan.referenceType(r));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        properties(c.properties());
        if (!c.children().isEmpty()) {
            g.writeArrayFieldStart("components");
            for (Component child : c.children()) {
                component(child);
            }
            g.writeEndArray();
        }
        if (c.evidence() != null) {
            evidence(c.evidence());
        }
        g.writeEndObject();
    }

    private void evidence(Evidence e) throws IOException {
        g.writeObjectFieldStart("evidence");
        if (!e.identities().isEmpty()) {
            g.writeArrayFieldStart("identity");
            for (Evidence.Identity id : e.identities()) {
                g.writeStartObject();
                g.writeStringField("field", id.field() == null ? "name" : id.field());
                if (id.confidence() != null) {
                    g.writeNumberField("confidence", id.confidence());
                }
                str("concludedValue", id.concludedValue());
                if (!id.methods().isEmpty()) {
                    g.writeArrayFieldStart("methods");
                    for (Evidence.Method m : id.methods()) {
                        g.writeStartObject();
                        g.writeStringField("technique", m.technique() == null ? "other" : m.technique());
                        g.writeNumberField("confidence", m.confidence() == null ? 0 : m.confidence());
                        str("value", m.value());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        if (!e.occurrences().isEmpty()) {
            g.writeArrayFieldStart("occurrences");
            for (String o : e.occurrences()) {
                g.writeStartObject();
                g.writeStringField("location", o);
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void ids(String type, Component c) throws IOException {
        boolean open = false;
        for (Identifier id : c.identifiers()) {
            if (id.type().equals(type)) {
                if (!open) {
                    g.writeArrayFieldStart(type);
                    open = true;
                }
                g.writeString(id.value());
            }
        }
        if (open) {
            g.writeEndArray();
        }
    }

    private void licenses(List<License> licenses, String owner) throws IOException {
        if (licenses.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("licenses");
        for (CycloneDxPlan.PlannedLicense p : plan.licenses(licenses, owner)) {
            String ack = p.license().acknowledgement().cycloneDxName();
            g.writeStartObject();
            if (p.form() == CycloneDxPlan.LicenseForm.EXPRESSION) {
                g.writeStringField("expression", p.license().value());
                str("acknowledgement", ack);
            } else {
                g.writeObjectFieldStart("license");
                g.writeStringField(p.form() == CycloneDxPlan.LicenseForm.ID ? "id" : "name", p.license().value());
                str("acknowledgement", ack);
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void properties(List<Property> properties) throws IOException {
        if (properties.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart("properties");
        for (Property p : properties) {
            g.writeStartObject();
            g.writeStringField("name", p.name());
            str("value", p.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void organization(Party p) throws IOException {
        g.writeStartObject();
        str("name", p.name());
        String url = plan.url(p.url(), "organisation URLs");
        if (url != null) {
            g.writeArrayFieldStart("url");
            g.writeString(url);
            g.writeEndArray();
        }
        String email = plan.email(p.email(), p.label());
        if (email != null) {
            g.writeArrayFieldStart("contact");
            g.writeStartObject();
            g.writeStringField("email", email);
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private void contact(Party p) throws IOException {
        g.writeStartObject();
        str("name", p.name() != null ? p.name() : p.url());
        str("email", plan.email(p.email(), p.label()));
        g.writeEndObject();
    }

    private void str(String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}

package dev.mamori.sbom;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a {@link Bom} as CycloneDX 1.6 XML with StAX, indented, elements in the schema's order. */
public final class CycloneDxXmlWriter {
    private final CycloneDxPlan plan = new CycloneDxPlan();
    private XMLStreamWriter w;
    private int depth;
    private boolean hadChild;

    private CycloneDxXmlWriter() {}

    /**
     * Writes the SBOM; the stream is flushed, not closed.
     *
     * @return what CycloneDX 1.6 could not hold, one line per kind
     */
    public static List<String> write(Bom bom, OutputStream out) {
        CycloneDxXmlWriter x = new CycloneDxXmlWriter();
        try {
            x.w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            x.bom(bom);
            x.w.flush();
            x.w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML: " + e.getMessage(), e);
        }
        return x.plan.losses.report();
    }

    private void bom(Bom bom) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.setDefaultNamespace(CycloneDxPlan.NAMESPACE);
        w.writeStartElement(CycloneDxPlan.NAMESPACE, "bom");
        w.writeDefaultNamespace(CycloneDxPlan.NAMESPACE);
        String serial = plan.serialNumber(bom);
        if (serial != null) {
            w.writeAttribute("serialNumber", serial);
        }
        w.writeAttribute("version", String.valueOf(bom.version() == null || bom.version() < 1 ? 1 : bom.version()));
        depth = 1;
        hadChild = false;
        metadata(bom);
        start("components");
        for (Component c : bom.components()) {
            component(c);
        }
        end();
        if (!bom.dependencies().isEmpty()) {
            start("dependencies");
            for (Map.Entry<String, List<String>> e : bom.dependencies().entrySet()) {
                start("dependency");
                w.writeAttribute("ref", e.getKey());
                for (String d : e.getValue()) {
                    empty("dependency");
                    w.writeAttribute("ref", d);
                }
                end();
            }
            end();
        }
        depth = 0;
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
    }

    private void metadata(Bom bom) throws XMLStreamException {
        Metadata m = bom.metadata();
        start("metadata");
        leaf("timestamp", m.timestamp());
        if (!m.lifecycles().isEmpty()) {
            start("lifecycles");
            for (String l : m.lifecycles()) {
                start("lifecycle");
                leaf(CycloneDxPlan.isPhase(l) ? "phase" : "name", l);
                end();
            }
            end();
        }
        if (!m.tools().isEmpty()) {
            start("tools");
            start("components");
            for (Tool t : m.tools()) {
                start("component");
                w.writeAttribute("type", "application");
                leaf("group", t.vendor());
                leaf("name", t.name() == null ? "unknown" : t.name());
                leaf("version", t.version());
                end();
            }
            end();
            end();
        }
        if (!m.authors().isEmpty()) {
            start("authors");
            for (Party p : m.authors()) {
                contact("author", p);
            }
            end();
        }
        if (m.subject() != null) {
            component(m.subject());
        }
        if (m.manufacturer() != null) {
            organization("manufacturer", m.manufacturer());
        }
        if (m.supplier() != null) {
            organization("supplier", m.supplier());
        }
        licenses(m.licenses(), "the document");
        properties(CycloneDxPlan.metadataProperties(bom));
        end();
    }

    private void component(Component c) throws XMLStreamException {
        start("component");
        w.writeAttribute("type", plan.type(c));
        if (c.bomRef() != null) {
            w.writeAttribute("bom-ref", c.bomRef());
        }
        if (c.supplier() != null) {
            organization("supplier", c.supplier());
        }
        if (c.manufacturer() != null) {
            organization("manufacturer", c.manufacturer());
        }
        if (!c.authors().isEmpty()) {
            start("authors");
            for (Party p : c.authors()) {
                contact("author", p);
            }
            end();
        }
        leaf("publisher", c.publisher());
        leaf("group", c.group());
        leaf("name", c.name());
        leaf("version", c.version());
        leaf("description", c.description());
        leaf("scope", plan.scope(c));
        List<String[]> hashes = plan.hashes(c);
        if (!hashes.isEmpty()) {
            start("hashes");
            for (String[] h : hashes) {
                start("hash");
                w.writeAttribute("alg", h[0]);
                text(h[1]);
            }
            end();
        }
        licenses(c.licenses(), c.name());
        leaf("copyright", c.copyright());
        leaf("cpe", plan.cpe(c));
        leaf("purl", c.purlText());
        plan.otherIdentifiers(c);
        for (Identifier id : c.identifiers()) {
            if (id.type().equals("omniborId")) {
                leaf("omniborId", id.value());
            }
        }
        for (Identifier id : c.identifiers()) {
            if (id.type().equals("swhid")) {
                leaf("swhid", id.value());
            }
        }
        if (c.swid() != null && c.swid().tagId() != null) {
            Swid s = c.swid();
            start("swid");
            w.writeAttribute("tagId", s.tagId());
            w.writeAttribute("name", s.name() == null ? c.name() : s.name());
            if (s.version() != null) {
                w.writeAttribute("version", s.version());
            }
            if (s.tagVersion() != null) {
                w.writeAttribute("tagVersion", s.tagVersion().toString());
            }
            if (s.patch() != null) {
                w.writeAttribute("patch", s.patch().toString());
            }
            leaf("url", plan.url(s.url(), "SWID tag URLs"));
            end();
        }
        if (!c.externalReferences().isEmpty()) {
            start("externalReferences");
            for (ExternalReference r : c.externalReferences()) {
                String url = plan.url(r.url(), "external reference URLs");
                if (url == null) {
                    continue;
                }
                start("reference");
                w.writeAttribute("type", plan.referenceType(r));
                leaf("url", url);
                leaf("comment", r.comment());
                end();
            }
            end();
        }
        properties(c.properties());
        if (!c.children().isEmpty()) {
            start("components");
            for (Component child : c.children()) {
                component(child);
            }
            end();
        }
        if (c.evidence() != null) {
            Evidence e = c.evidence();
            start("evidence");
            for (Evidence.Identity id : e.identities()) {
                start("identity");
                leaf("field", id.field() == null ? "name" : id.field());
                leaf("confidence", id.confidence() == null ? null : id.confidence().toString());
                leaf("concludedValue", id.concludedValue());
                if (!id.methods().isEmpty()) {
                    start("methods");
                    for (Evidence.Method m : id.methods()) {
                        start("method");
                        leaf("technique", m.technique() == null ? "other" : m.technique());
                        leaf("confidence", String.valueOf(m.confidence() == null ? 0 : m.confidence()));
                        leaf("value", m.value());
                        end();
                    }
                    end();
                }
                end();
            }
            if (!e.occurrences().isEmpty()) {
                start("occurrences");
                for (String o : e.occurrences()) {
                    start("occurrence");
                    leaf("location", o);
                    end();
                }
                end();
            }
            end();
        }
        end();
    }

    private void licenses(List<License> licenses, String owner) throws XMLStreamException {
        if (licenses.isEmpty()) {
            return;
        }
        start("licenses");
        for (CycloneDxPlan.PlannedLicense p : plan.licenses(licenses, owner)) {
            String ack = p.license().acknowledgement().cycloneDxName();
            if (p.form() == CycloneDxPlan.LicenseForm.EXPRESSION) {
                start("expression");
                if (ack != null) {
                    w.writeAttribute("acknowledgement", ack);
                }
                text(p.license().value());
            } else {
                start("license");
                if (ack != null) {
                    w.writeAttribute("acknowledgement", ack);
                }
                leaf(p.form() == CycloneDxPlan.LicenseForm.ID ? "id" : "name", p.license().value());
                end();
            }
        }
        end();
    }

    private void properties(List<Property> properties) throws XMLStreamException {
        if (properties.isEmpty()) {
            return;
        }
        start("properties");
        for (Property p : properties) {
            start("property");
            w.writeAttribute("name", p.name());
            text(p.value() == null ? "" : p.value());
        }
        end();
    }

    private void organization(String element, Party p) throws XMLStreamException {
        start(element);
        leaf("name", p.name());
        leaf("url", plan.url(p.url(), "organisation URLs"));
        String email = plan.email(p.email(), p.label());
        if (email != null) {
            start("contact");
            leaf("email", email);
            end();
        }
        end();
    }

    private void contact(String element, Party p) throws XMLStreamException {
        start(element);
        leaf("name", p.name() != null ? p.name() : p.url());
        leaf("email", plan.email(p.email(), p.label()));
        end();
    }

    private void indent() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }

    private void start(String name) throws XMLStreamException {
        indent();
        w.writeStartElement(CycloneDxPlan.NAMESPACE, name);
        depth++;
        hadChild = false;
    }

    private void empty(String name) throws XMLStreamException {
        indent();
        w.writeEmptyElement(CycloneDxPlan.NAMESPACE, name);
        hadChild = true;
    }

    private void end() throws XMLStreamException {
        depth--;
        if (hadChild) {
            indent();
        }
        w.writeEndElement();
        hadChild = true;
    }

    /** Writes text into the element just started and closes it. */
    private void text(String value) throws XMLStreamException {
        w.writeCharacters(value);
        depth--;
        w.writeEndElement();
        hadChild = true;
    }

    private void leaf(String name, String value) throws XMLStreamException {
        if (value != null) {
            start(name);
            text(value);
        }
    }
}

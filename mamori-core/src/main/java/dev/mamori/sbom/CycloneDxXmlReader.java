package dev.mamori.sbom;

import dev.mamori.input.InputException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads CycloneDX XML (namespace {@code http://cyclonedx.org/schema/bom/1.x}, 1.2 to 1.7) into a {@link Bom},
 * streaming with StAX: one top-level component is held as a small tree at a time. DTDs and entities are refused.
 */
public final class CycloneDxXmlReader {
    static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";

    private CycloneDxXmlReader() {}

    /**
     * Reads one CycloneDX XML document.
     *
     * @throws InputException naming {@code source} and the place ({@code line, column} and element path)
     */
    public static Bom read(InputStream in, String source) {
        ReadContext ctx = new ReadContext(source);
        XMLStreamReader r = null;
        try {
            r = XmlNode.factory().createXMLStreamReader(in);
            return new Reading(r, ctx).read();
        } catch (XMLStreamException e) {
            throw xmlError(source, e);
        } catch (java.util.MissingResourceException e) {
            throw parserBug(source, e);
        } finally {
            close(r);
        }
    }

    /**
     * The JDK's StAX parser throws {@code MissingResourceException} instead of an {@code XMLStreamException} for some
     * malformed DTDs (its message bundle lacks the key, e.g. {@code InvalidCharInDTD}; found by fuzzing): still
     * malformed XML.
     */
    static InputException parserBug(String source, java.util.MissingResourceException e) {
        return new InputException(source, "", "malformed XML (" + e.getKey() + ")", e);
    }

    static InputException xmlError(String source, XMLStreamException e) {
        String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int nl = msg.indexOf("\nMessage: ");
        if (nl >= 0) {
            msg = msg.substring(nl + 10);
        }
        return new InputException(source, XmlNode.where(e.getLocation()), "malformed XML: " + msg.lines().findFirst().orElse(msg), e);
    }

    static void close(XMLStreamReader r) {
        if (r != null) {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing to do
            }
        }
    }

    private static final class Reading {
        private final XMLStreamReader r;
        private final ReadContext ctx;
        private final List<Component> components = new ArrayList<>();
        private final Map<String, List<String>> dependencies = new LinkedHashMap<>();
        private Metadata metadata = Metadata.EMPTY;
        private String namespace;

        Reading(XMLStreamReader r, ReadContext ctx) {
            this.r = r;
            this.ctx = ctx;
        }

        Bom read() throws XMLStreamException {
            if (!XmlNode.nextStart(r, ctx.source)) {
                throw ctx.error("", "empty document, expected CycloneDX XML");
            }
            namespace = r.getNamespaceURI();
            if (!"bom".equals(r.getLocalName()) || namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
                throw ctx.error(XmlNode.where(r.getLocation()), "not a CycloneDX XML document: the root element is <"
                        + r.getLocalName() + "> in namespace '" + namespace + "'");
            }
            String specVersion = namespace.substring(NAMESPACE_PREFIX.length());
            if (!CycloneDxJsonReader.SPEC_VERSIONS.contains(specVersion)) {
                throw ctx.error(XmlNode.where(r.getLocation()), "unsupported CycloneDX version '" + specVersion + "' (1.2 to 1.7 are read)");
            }
            String serialNumber = attr("serialNumber");
            Integer version = null;
            String v = attr("version");
            if (v != null) {
                try {
                    version = Integer.valueOf(v.trim());
                } catch (NumberFormatException e) {
                    ctx.warn("/bom/@version", "version '" + v + "' is not a number");
                }
            }
            while (XmlNode.nextStart(r, ctx.source)) {
                if (!namespace.equals(r.getNamespaceURI())) {
                    XmlNode.skip(r, ctx.source);
                    continue;
                }
                switch (r.getLocalName()) {
                    case "metadata" -> metadata = metadata(XmlNode.read(r, namespace, "/bom/metadata", ctx.source));
                    case "components" -> {
                        int i = 0;
                        while (XmlNode.nextStart(r, ctx.source)) {
                            if (namespace.equals(r.getNamespaceURI()) && "component".equals(r.getLocalName())) {
                                i++;
                                components.add(component(XmlNode.read(r, namespace, "/bom/components/component[" + i + "]", ctx.source)));
                            } else {
                                XmlNode.skip(r, ctx.source);
                            }
                        }
                    }
                    case "dependencies" -> {
                        int i = 0;
                        while (XmlNode.nextStart(r, ctx.source)) {
                            i++;
                            dependency(XmlNode.read(r, namespace, "/bom/dependencies/dependency[" + i + "]", ctx.source));
                        }
                    }
                    default -> XmlNode.skip(r, ctx.source);
                }
            }
            while (r.hasNext()) {
                int e = r.next();
                if (e == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    throw ctx.error(XmlNode.where(r.getLocation()), "unexpected element after the end of <bom>");
                }
            }
            return new Bom(SbomFormat.CYCLONEDX, specVersion, "xml", serialNumber, version, CycloneDxPlan.liftTlp(metadata), components,
                    dependencies, ctx.warnings);
        }

        private String attr(String name) {
            String v = r.getAttributeValue(null, name);
            return v == null || v.isEmpty() ? null : v;
        }

        private Metadata metadata(XmlNode m) {
            List<String> lifecycles = new ArrayList<>();
            for (XmlNode l : m.list("lifecycles", "lifecycle")) {
                String phase = l.text("phase");
                lifecycles.add(phase != null ? phase : l.text("name"));
            }
            List<Tool> tools = new ArrayList<>();
            XmlNode t = m.child("tools");
            if (t != null) {
                for (XmlNode tool : t.children("tool")) {
                    tools.add(new Tool(tool.text("vendor"), tool.text("name"), tool.text("version")));
                }
                for (XmlNode tool : t.list("components", "component")) {
                    String vendor = tool.text("group");
                    if (vendor == null) {
                        Party p = organization(tool.child("manufacturer"));
                        if (p == null) {
                            p = organization(tool.child("supplier"));
                        }
                        vendor = p == null ? tool.text("publisher") : p.label();
                    }
                    tools.add(new Tool(vendor, tool.text("name"), tool.text("version")));
                }
                for (XmlNode tool : t.list("services", "service")) {
                    Party p = organization(tool.child("provider"));
                    tools.add(new Tool(p != null ? p.label() : tool.text("group"), tool.text("name"), tool.text("version")));
                }
            }
            List<Party> authors = new ArrayList<>();
            for (XmlNode a : m.list("authors", "author")) {
                Party p = contact(a);
                if (p != null) {
                    authors.add(p);
                }
            }
            XmlNode man = m.child("manufacturer") != null ? m.child("manufacturer") : m.child("manufacture");
            XmlNode c = m.child("component");
            Component subject = c == null ? null : component(c);
            XmlNode dc = m.child("distributionConstraints");
            String tlp = dc == null ? null : dc.text("tlp");
            return new Metadata(m.text("timestamp"), authors, organization(m.child("supplier")), organization(man),
                    tools, lifecycles, subject, tlp, null, licenses(m.child("licenses")), properties(m.child("properties")));
        }

        private Component component(XmlNode n) {
            String name = n.text("name");
            if (name == null) {
                throw ctx.error(n.where, "a component needs a name");
            }
            Component.Builder b = Component.builder(name)
                    .bomRef(n.attr("bom-ref")).type(n.attr("type")).group(n.text("group")).version(n.text("version"))
                    .description(n.text("description")).scope(n.text("scope")).publisher(n.text("publisher"))
                    .copyright(n.text("copyright")).supplier(organization(n.child("supplier")))
                    .manufacturer(organization(n.child("manufacturer"))).location(n.where);
            String purlText = n.text("purl");
            b.purl(purlText, ctx.purl(purlText, n.where + " purl"));
            b.cpe(n.text("cpe"));
            for (XmlNode id : n.children("omniborId")) {
                b.identifier(new Identifier("omniborId", id.text()));
            }
            for (XmlNode id : n.children("swhid")) {
                b.identifier(new Identifier("swhid", id.text()));
            }
            XmlNode swid = n.child("swid");
            if (swid != null) {
                b.swid(new Swid(swid.attr("tagId"), swid.attr("name"), swid.attr("version"), integer(swid.attr("tagVersion")),
                        swid.attr("patch") == null ? null : Boolean.valueOf(swid.attr("patch")), swid.text("url")));
            }
            for (XmlNode a : n.list("authors", "author")) {
                Party p = contact(a);
                if (p != null) {
                    b.author(p);
                }
            }
            XmlNode author = n.child("author");
            if (author != null && author.text() != null) {
                b.author(Party.named(author.text()));
            }
            for (XmlNode h : n.list("hashes", "hash")) {
                if (h.attr("alg") != null && h.text() != null) {
                    b.hash(HashAlgorithms.normalize(h.attr("alg")), h.text());
                }
            }
            licenses(n.child("licenses")).forEach(b::license);
            for (XmlNode ref : n.list("externalReferences", "reference")) {
                if (ref.text("url") != null) {
                    b.externalReference(new ExternalReference(ref.attr("type"), ref.text("url"), ref.text("comment")));
                }
            }
            properties(n.child("properties")).forEach(p -> b.property(p.name(), p.value()));
            XmlNode ev = n.child("evidence");
            if (ev != null) {
                List<Evidence.Identity> identities = new ArrayList<>();
                for (XmlNode id : ev.children("identity")) {
                    List<Evidence.Method> methods = new ArrayList<>();
                    for (XmlNode m : id.list("methods", "method")) {
                        methods.add(new Evidence.Method(m.text("technique"), ctx.confidence(m.text("confidence"), m.where), m.text("value")));
                    }
                    identities.add(new Evidence.Identity(id.text("field"), ctx.confidence(id.text("confidence"), id.where),
                            id.text("concludedValue"), methods));
                }
                List<String> occurrences = new ArrayList<>();
                for (XmlNode o : ev.list("occurrences", "occurrence")) {
                    if (o.text("location") != null) {
                        occurrences.add(o.text("location"));
                    }
                }
                b.evidence(new Evidence(identities, occurrences));
            }
            for (XmlNode child : n.list("components", "component")) {
                b.child(component(child));
            }
            return b.build();
        }

        private Integer integer(String s) {
            if (s == null) {
                return null;
            }
            try {
                return Integer.valueOf(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static List<License> licenses(XmlNode licenses) {
            List<License> out = new ArrayList<>();
            if (licenses == null) {
                return out;
            }
            for (XmlNode l : licenses.children) {
                License.Acknowledgement ack = License.Acknowledgement.ofCycloneDx(l.attr("acknowledgement"));
                if (l.name.equals("expression") && l.text() != null) {
                    out.add(License.expression(l.text(), ack));
                } else if (l.name.equals("license")) {
                    if (l.text("id") != null) {
                        out.add(new License(l.text("id"), License.Kind.ID, ack));
                    } else if (l.text("name") != null) {
                        out.add(new License(l.text("name"), License.Kind.NAME, ack));
                    }
                }
            }
            return out;
        }

        private static List<Property> properties(XmlNode properties) {
            List<Property> out = new ArrayList<>();
            if (properties != null) {
                for (XmlNode p : properties.children("property")) {
                    if (p.attr("name") != null) {
                        out.add(new Property(p.attr("name"), p.text()));
                    }
                }
            }
            return out;
        }

        private static Party organization(XmlNode n) {
            if (n == null) {
                return null;
            }
            String email = null;
            for (XmlNode c : n.children("contact")) {
                if (email == null) {
                    email = c.text("email");
                }
            }
            Party p = new Party(n.text("name"), email, n.text("url"), Party.Kind.ORGANIZATION);
            return p.isEmpty() ? null : p;
        }

        private static Party contact(XmlNode n) {
            Party p = new Party(n.text("name"), n.text("email"), null, Party.Kind.PERSON);
            return p.isEmpty() ? null : p;
        }

        private void dependency(XmlNode d) {
            if (!d.name.equals("dependency")) {
                return;
            }
            String ref = d.attr("ref");
            if (ref == null) {
                throw ctx.error(d.where, "a dependency needs a ref");
            }
            List<String> on = new ArrayList<>();
            for (XmlNode c : d.children("dependency")) {
                if (c.attr("ref") != null) {
                    on.add(c.attr("ref"));
                }
                // CycloneDX 1.1-style nested graphs: record the inner edges too
                if (!c.children("dependency").isEmpty()) {
                    dependency(c);
                }
            }
            List<String> before = dependencies.putIfAbsent(ref, on);
            if (before != null) {
                List<String> merged = new ArrayList<>(before);
                on.stream().filter(x -> !merged.contains(x)).forEach(merged::add);
                dependencies.put(ref, merged);
            }
        }
    }
}

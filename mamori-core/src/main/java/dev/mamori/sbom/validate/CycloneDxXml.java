package dev.mamori.sbom.validate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.Attributes;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * CycloneDX XML (1.0–1.7): one SAX pass that validates against the version's XSD (chosen by the root element's
 * namespace) and, at the same time, collects the {@link Facts} for the semantic rules, each located by its element
 * path ({@code /bom/components[1]/component[2]/purl[1]}) and line and column.
 */
final class CycloneDxXml {
    static final Pattern NAMESPACE = Pattern.compile("http://cyclonedx\\.org/schema/bom/(1\\.[0-7])");
    static final String DEPENDENCY_GRAPH_NS = "http://cyclonedx.org/schema/ext/dependency-graph/1.0";
    private static final String SPDX_NS = "http://cyclonedx.org/schema/spdx";
    private static final String BASE = "/dev/mamori/sbom/validate/cyclonedx/";
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    /** What the pass found out about the document. */
    record Outcome(String specVersion, String namespace) {}

    /** Thrown when the XML is not well-formed: the document cannot be read at all. */
    static final class NotWellFormed extends Exception {
        final String location;

        NotWellFormed(String location, String message) {
            super(message, null, false, false);
            this.location = location;
        }
    }

    private CycloneDxXml() {}

    static Outcome check(byte[] bytes, Problems problems, Facts facts) throws NotWellFormed {
        Handler h = new Handler(problems, facts);
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            XMLReader reader = f.newSAXParser().getXMLReader();
            reader.setContentHandler(h);
            reader.setErrorHandler(h);
            reader.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed: " + systemId);
            });
            reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXParseException e) {
            throw new NotWellFormed(where(e.getLineNumber(), e.getColumnNumber()), e.getMessage());
        } catch (SAXException e) {
            throw new NotWellFormed("", e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            throw new NotWellFormed("", "cannot read: " + e.getMessage());
        }
        return new Outcome(h.specVersion, h.rootNamespace);
    }

    static String where(int line, int column) {
        return line < 0 ? "" : "line " + line + ", column " + column;
    }

    /** The XSD of a CycloneDX version (1.0 and 1.1 together with the dependency-graph extension). */
    static Schema schema(String version) {
        return CACHE.computeIfAbsent(version, v -> {
            try {
                SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                sf.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                    if (!SPDX_NS.equals(namespace)) {
                        return null;
                    }
                    try {
                        return new Input(resource("spdx.xsd"), systemId);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                List<Source> sources = new ArrayList<>();
                sources.add(new StreamSource(resource("bom-" + v + ".xsd"), "http://cyclonedx.org/schema/bom/" + v));
                if (v.equals("1.0") || v.equals("1.1")) {
                    sources.add(new StreamSource(resource("ext-dependency-graph-1.0.xsd"), DEPENDENCY_GRAPH_NS));
                }
                return sf.newSchema(sources.toArray(Source[]::new));
            } catch (SAXException | IOException e) {
                throw new IllegalStateException("cannot load the CycloneDX " + v + " XSD: " + e.getMessage(), e);
            }
        });
    }

    private static InputStream resource(String name) throws IOException {
        InputStream raw = CycloneDxXml.class.getResourceAsStream(BASE + name + ".gz");
        if (raw == null) {
            throw new IOException("missing resource " + BASE + name + ".gz");
        }
        return new GZIPInputStream(raw);
    }

    /** One open element. */
    private static final class Frame {
        final String ns;
        final String name;
        final String path;
        final String where;
        final Map<String, Integer> childCounts = new HashMap<>();
        StringBuilder text;
        // component state (1.7 versionRange rule)
        boolean hasVersion;
        boolean hasVersionRange;
        String isExternal;
        // dependency state
        String ref;

        Frame(String ns, String name, String path, String where) {
            this.ns = ns;
            this.name = name;
            this.path = path;
            this.where = where;
        }

        String location() {
            return where.isEmpty() ? path : path + " (" + where + ")";
        }
    }

    private static final class Handler extends DefaultHandler {
        private final Problems problems;
        private final Facts facts;
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final List<String[]> pendingPrefixes = new ArrayList<>();
        private final Set<String> dependencyEntries = new HashSet<>();
        private Locator locator;
        private ValidatorHandler validator;
        private String rootNamespace;
        private String specVersion;

        Handler(Problems problems, Facts facts) {
            this.problems = problems;
            this.facts = facts;
            facts.idName = "bom-ref";
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        private String here() {
            return locator == null ? "" : where(locator.getLineNumber(), locator.getColumnNumber());
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            if (validator == null && stack.isEmpty()) {
                pendingPrefixes.add(new String[] {prefix, uri});
            } else if (validator != null) {
                validator.startPrefixMapping(prefix, uri);
            }
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            if (validator != null) {
                validator.endPrefixMapping(prefix);
            }
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            Frame parent = stack.peek();
            String path;
            if (parent == null) {
                path = "/" + local;
                root(uri, local);
            } else {
                int n = parent.childCounts.merge(local, 1, Integer::sum);
                path = parent.path + "/" + local + "[" + n + "]";
            }
            Frame f = new Frame(uri, local, path, here());
            stack.push(f);
            if (validator != null) {
                validator.startElement(uri, local, qName, atts);
            }
            facts(f, parent, atts);
        }

        private void root(String uri, String local) throws SAXException {
            rootNamespace = uri;
            Matcher m = NAMESPACE.matcher(uri == null ? "" : uri);
            if (!local.equals("bom") || !m.matches()) {
                problems.error("schema.namespace", "/" + local + " (" + here() + ")", "root element <" + local + "> in namespace '"
                        + uri + "' is not a CycloneDX BOM (expected <bom> in http://cyclonedx.org/schema/bom/1.0 … 1.7)");
                return;
            }
            specVersion = m.group(1);
            validator = schema(specVersion).newValidatorHandler();
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // XSD warnings are not problems of the document
                }

                @Override
                public void error(SAXParseException e) {
                    Frame top = stack.peek();
                    String at = where(e.getLineNumber(), e.getColumnNumber());
                    String loc = top == null ? at : top.path + (at.isEmpty() ? "" : " (" + at + ")");
                    problems.error("schema", loc, "CycloneDX " + specVersion + " XSD: " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            });
            if (locator != null) {
                validator.setDocumentLocator(locator);
            }
            validator.startDocument();
            for (String[] p : pendingPrefixes) {
                validator.startPrefixMapping(p[0], p[1]);
            }
        }

        private boolean ours(Frame f) {
            return f != null && f.ns != null && (f.ns.equals(rootNamespace) || f.ns.equals(DEPENDENCY_GRAPH_NS));
        }

        private void facts(Frame f, Frame parent, Attributes atts) {
            if (!ours(f)) {
                return;
            }
            String bomRef = atts.getValue("bom-ref");
            if (bomRef != null) {
                facts.define(bomRef, f.location() + "/@bom-ref", f.path.startsWith("/bom/formulation["));
            }
            String parentName = parent == null ? "" : parent.name;
            boolean topDependencies = parentName.equals("dependencies") && stack.size() == 3;
            switch (f.name) {
                case "component" -> f.isExternal = atts.getValue("isExternal");
                case "dependency" -> {
                    f.ref = atts.getValue("ref");
                    if (topDependencies) {
                        if (f.ref == null) {
                            problems.error("dependency.missing-ref", f.location(), "a dependency entry without a ref");
                        } else {
                            facts.reference(f.ref, f.location() + "/@ref", "dependency ref", Severity.ERROR);
                            if (!dependencyEntries.add(f.ref)) {
                                problems.warning("dependency.duplicate-entry", f.location(), "dependencies of '" + f.ref
                                        + "' are listed more than once");
                            }
                        }
                    } else if (parentName.equals("dependency") && ours(parent) && f.path.startsWith("/bom/dependencies[")) {
                        if (f.ref == null) {
                            problems.error("dependency.missing-ref", f.location(), "a dependsOn entry without a ref");
                        } else {
                            facts.reference(f.ref, f.location() + "/@ref", "dependsOn ref", Severity.ERROR);
                            if (parent.ref != null) {
                                facts.edge(parent.ref, f.ref, f.location(), false);
                            }
                        }
                    } else if (parentName.equals("dependencies") && f.ref != null) {
                        // compositions/composition/dependencies/dependency
                        facts.reference(f.ref, f.location() + "/@ref", "composition dependency ref", Severity.WARNING);
                    }
                }
                case "provides" -> {
                    String ref = atts.getValue("ref");
                    if (ref != null && parentName.equals("dependency")) {
                        facts.reference(ref, f.location() + "/@ref", "provides ref", Severity.ERROR);
                    }
                }
                case "assembly" -> {
                    String ref = atts.getValue("ref");
                    if (ref != null) {
                        facts.reference(ref, f.location() + "/@ref", "composition assembly ref", Severity.WARNING);
                    }
                }
                case "purl", "cpe", "versionRange", "version" -> {
                    if (parentName.equals("component")) {
                        f.text = new StringBuilder();
                    }
                }
                case "id", "name" -> {
                    if (parentName.equals("license")) {
                        f.text = new StringBuilder();
                    }
                }
                case "expression" -> {
                    if (parentName.equals("licenses")) {
                        f.text = new StringBuilder();
                    }
                }
                default -> {
                    // nothing to collect
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            Frame top = stack.peek();
            if (top != null && top.text != null) {
                top.text.append(ch, start, length);
            }
            if (validator != null) {
                validator.characters(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            if (validator != null) {
                validator.ignorableWhitespace(ch, start, length);
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            if (validator != null) {
                validator.processingInstruction(target, data);
            }
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            if (validator != null) {
                validator.endElement(uri, local, qName);
            }
            Frame f = stack.pop();
            Frame parent = stack.peek();
            if (f.text != null && parent != null) {
                String text = f.text.toString().trim();
                switch (f.name) {
                    case "purl" -> facts.purl(text, f.location());
                    case "cpe" -> facts.cpe(text, f.location());
                    case "id" -> facts.licence(text, false, false, f.location());
                    case "expression" -> facts.licence(text, true, false, f.location());
                    case "version" -> parent.hasVersion = true;
                    case "versionRange" -> parent.hasVersionRange = true;
                    default -> {
                        // license name: free text
                    }
                }
            }
            if (f.name.equals("component") && ours(f) && f.hasVersionRange) {
                if (!"true".equals(f.isExternal) && !"1".equals(f.isExternal)) {
                    problems.error("component.version-range", f.location(), "versionRange is only allowed on a component with "
                            + "isExternal=\"true\"" + (f.isExternal == null ? " (isExternal defaults to false)" : ""));
                }
                if (f.hasVersion) {
                    problems.error("component.version-range", f.location(), "a component has either a version or a versionRange, not both");
                }
            }
        }

        @Override
        public void endDocument() throws SAXException {
            if (validator != null) {
                validator.endDocument();
            }
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    /** An {@link LSInput} over a byte stream, for the schema resource resolver. */
    private record Input(InputStream stream, String systemId) implements LSInput {
        @Override public Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(Reader r) { }
        @Override public InputStream getByteStream() { return stream; }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}

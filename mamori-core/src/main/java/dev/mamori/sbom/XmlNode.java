package dev.mamori.sbom;

import dev.mamori.input.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree built from a StAX stream, one record (a component, the metadata) at a time, so that XML
 * readers stay streaming like the JSON ones. Elements of other namespaces than the document's are skipped.
 */
final class XmlNode {
    /** Deepest element nesting accepted in one record. */
    static final int MAX_DEPTH = 500;

    final String name;
    final Map<String, String> attributes;
    final List<XmlNode> children = new ArrayList<>();
    final String where;
    private final StringBuilder text = new StringBuilder();

    private XmlNode(String name, Map<String, String> attributes, String where) {
        this.name = name;
        this.attributes = attributes;
        this.where = where;
    }

    /** A StAX factory that refuses DTDs, external entities and entity expansion. */
    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
                f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external entities are not allowed: " + systemId);
        });
        return f;
    }

    static String where(Location l) {
        return l == null || l.getLineNumber() < 0 ? "" : "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
    }

    /**
     * Moves to the next start element, refusing DTDs and entity references on the way.
     *
     * @return false at the end of the enclosing element (or document)
     */
    static boolean nextStart(XMLStreamReader r, String source) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> {
                    return true;
                }
                case XMLStreamConstants.END_ELEMENT, XMLStreamConstants.END_DOCUMENT -> {
                    return false;
                }
                case XMLStreamConstants.DTD -> throw refuseDtd(r, source);
                case XMLStreamConstants.ENTITY_REFERENCE -> throw refuseEntity(r, source);
                default -> {
                    // whitespace, comments, processing instructions
                }
            }
        }
        return false;
    }

    static InputException refuseDtd(XMLStreamReader r, String source) {
        return new InputException(source, where(r.getLocation()), "a DOCTYPE (DTD) is not allowed in an SBOM");
    }

    static InputException refuseEntity(XMLStreamReader r, String source) {
        return new InputException(source, where(r.getLocation()),
                "entity reference '&" + r.getLocalName() + ";' is not allowed (no DTD entities are expanded)");
    }

    /** Reads the element the reader is on (a START_ELEMENT) with its subtree; leaves the reader on its END_ELEMENT. */
    static XmlNode read(XMLStreamReader r, String namespace, String path, String source) throws XMLStreamException {
        return read(r, namespace, path, source, 0);
    }

    private static XmlNode read(XMLStreamReader r, String namespace, String path, String source, int depth) throws XMLStreamException {
        if (depth > MAX_DEPTH) {
            throw new InputException(source, where(r.getLocation()), "elements nest deeper than " + MAX_DEPTH + " levels");
        }
        Map<String, String> attrs = new LinkedHashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            if (ns == null || ns.isEmpty() || ns.equals(namespace)) {
                attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
            } else {
                attrs.put("{" + ns + "}" + r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
        }
        XmlNode node = new XmlNode(r.getLocalName(), attrs, path + " (" + where(r.getLocation()) + ")");
        Map<String, Integer> seen = new LinkedHashMap<>();
        while (r.hasNext()) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String ns = r.getNamespaceURI();
                    if (namespace != null && !namespace.equals(ns == null ? "" : ns)) {
                        skip(r, source);
                        continue;
                    }
                    String local = r.getLocalName();
                    int n = seen.merge(local, 1, Integer::sum);
                    node.children.add(read(r, namespace, path + "/" + local + "[" + n + "]", source, depth + 1));
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        node.text.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw refuseEntity(r, source);
                case XMLStreamConstants.DTD -> throw refuseDtd(r, source);
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                default -> {
                    // comments, processing instructions
                }
            }
        }
        throw new InputException(source, where(r.getLocation()), "the document ends inside <" + node.name + ">");
    }

    /** Skips the current element and its subtree. */
    static void skip(XMLStreamReader r, String source) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (e == XMLStreamConstants.ENTITY_REFERENCE) {
                throw refuseEntity(r, source);
            }
        }
    }

    String text() {
        String t = text.toString().trim();
        return t.isEmpty() ? null : t;
    }

    String attr(String attribute) {
        String v = attributes.get(attribute);
        return v == null || v.isEmpty() ? null : v;
    }

    XmlNode child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return c;
            }
        }
        return null;
    }

    List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The children of child {@code wrapper} named {@code item} ({@code <hashes><hash/>…}), or none. */
    List<XmlNode> list(String wrapper, String item) {
        XmlNode w = child(wrapper);
        return w == null ? List.of() : w.children(item);
    }

    /** The trimmed text of the first child with this name, or null. */
    String text(String childName) {
        XmlNode c = child(childName);
        return c == null ? null : c.text();
    }
}

package dev.mamori.advisory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One XML element read into memory with its subtree: a record-sized piece of a streamed document (a JVN
 * {@code Vulinfo}, an RSS {@code item}, a CWE {@code Weakness}). Names are local names; attributes are keyed by
 * local name. The node count is capped so a hostile subtree cannot exhaust memory.
 */
final class XmlTree {
    static final int MAX_NODES = 100_000;

    final String name;
    final String namespace;
    final int line;
    final Map<String, String> attributes;
    final List<XmlTree> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    private XmlTree(String name, String namespace, int line, Map<String, String> attributes) {
        this.name = name;
        this.namespace = namespace;
        this.line = line;
        this.attributes = attributes;
    }

    /** Reads the element the reader is on (a start tag) and everything inside; the reader ends on its end tag. */
    static XmlTree read(XMLStreamReader r) throws XMLStreamException {
        int[] count = {0};
        return readElement(r, count);
    }

    private static XmlTree readElement(XMLStreamReader r, int[] count) throws XMLStreamException {
        if (++count[0] > MAX_NODES) {
            throw new XMLStreamException("element has more than " + MAX_NODES + " descendants", r.getLocation());
        }
        Map<String, String> attrs = new HashMap<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            attrs.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
        }
        XmlTree node = new XmlTree(r.getLocalName(), r.getNamespaceURI(), r.getLocation().getLineNumber(), attrs);
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> node.children.add(readElement(r, count));
                case XMLStreamConstants.END_ELEMENT -> {
                    return node;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        node.text.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "undeclared entity reference &" + r.getLocalName() + ";", r.getLocation());
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException("unexpected end of document",
                        r.getLocation());
                default -> { }
            }
        }
    }

    /** The element's own text, stripped; null when blank. */
    String text() {
        String s = text.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** All text inside the element, children included, with runs of white space collapsed; null when blank. */
    String allText() {
        StringBuilder out = new StringBuilder();
        collect(out);
        String s = out.toString().replaceAll("\\s+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    private void collect(StringBuilder out) {
        out.append(text).append(' ');
        for (XmlTree c : children) {
            c.collect(out);
        }
    }

    String attr(String localName) {
        String v = attributes.get(localName);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** The first child with the local name, or null. */
    XmlTree child(String localName) {
        for (XmlTree c : children) {
            if (c.name.equals(localName)) {
                return c;
            }
        }
        return null;
    }

    /** The first descendant along the path of local names, or null. */
    XmlTree path(String... names) {
        XmlTree n = this;
        for (String name : names) {
            n = n.child(name);
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    List<XmlTree> children(String localName) {
        List<XmlTree> out = new ArrayList<>();
        for (XmlTree c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The text of the first child with the local name, or null. */
    String childText(String localName) {
        XmlTree c = child(localName);
        return c == null ? null : c.text();
    }

    /** Every descendant with the local name, depth first. */
    List<XmlTree> descendants(String localName) {
        List<XmlTree> out = new ArrayList<>();
        for (XmlTree c : children) {
            if (c.name.equals(localName)) {
                out.add(c);
            }
            out.addAll(c.descendants(localName));
        }
        return out;
    }
}

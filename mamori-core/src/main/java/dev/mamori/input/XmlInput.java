package dev.mamori.input;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one place where Mamori's XML readers get a StAX reader: the JDK's own implementation, hardened against
 * hostile input. A document type declaration is refused outright (no DTD, so no external entities and no entity
 * expansion: XXE and "billion laughs" cannot happen), and errors become {@link InputException}s with
 * {@code line N, column M}.
 */
public final class XmlInput {
    private static final XMLInputFactory FACTORY = newFactory();

    private XmlInput() {}

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external resources are not loaded: " + systemId);
        });
        return f;
    }

    /**
     * Opens a hardened pull reader. Reaching a document type declaration throws an {@link InputException}.
     *
     * @param source the file name used in error messages
     */
    public static XMLStreamReader open(InputStream in, String source) {
        try {
            XMLStreamReader raw = FACTORY.createXMLStreamReader(Utf8.skipByteOrderMark(in));
            return FACTORY.createFilteredReader(raw, r -> {
                if (r.getEventType() == XMLStreamConstants.DTD) {
                    throw new InputException(source, where(r.getLocation()),
                            "a document type declaration (DTD) is not allowed");
                }
                return true;
            });
        } catch (XMLStreamException e) {
            throw error(source, e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    /** Turns a StAX error into an {@link InputException} with {@code line N, column M}. */
    public static InputException error(String source, XMLStreamException e) {
        String reason = e.getMessage();
        if (reason != null) {
            int msg = reason.indexOf("Message: ");
            if (msg >= 0) {
                reason = reason.substring(msg + "Message: ".length());
            }
            reason = reason.lines().findFirst().orElse(reason).strip();
        }
        return new InputException(source, where(e.getLocation()), "malformed XML: " + reason, e);
    }

    /** {@code line N, column M} of a StAX location, or empty when unknown. */
    public static String where(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
    }

    /**
     * Reads the text content of the current element (the reader is on its start tag) up to its end tag,
     * skipping any child elements' tags but keeping their text; the reader ends on the end tag.
     */
    public static String text(XMLStreamReader r) throws XMLStreamException {
        StringBuilder out = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        out.append(r.getText());
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new XMLStreamException(
                        "undeclared entity reference &" + r.getLocalName() + ";", r.getLocation());
                case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException(
                        "unexpected end of document", r.getLocation());
                default -> { }
            }
        }
        return out.toString();
    }

    /** Skips the current element (the reader is on its start tag) with everything inside; ends on its end tag. */
    public static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new XMLStreamException("unexpected end of document", r.getLocation());
            }
        }
    }
}

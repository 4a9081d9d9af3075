package dev.mamori.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class XmlInputTest {
    private static XMLStreamReader open(String xml) {
        return XmlInput.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "in.xml");
    }

    private static void drain(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            r.next();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // billion laughs
            "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>\n<lolz>&lol2;</lolz>",
            // external entity (XXE)
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<r>&x;</r>",
            // external DTD, which must not be fetched
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r SYSTEM \"http://127.0.0.1:9/never.dtd\">\n<r/>",
            // parameter entities
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]>\n<r/>"})
    void open_documentWithDoctype_isRefusedNamingTheLine(String xml) {
        assertThatThrownBy(() -> drain(open(xml)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("in.xml: line 2, column ")
                .hasMessageEndingWith(": a document type declaration (DTD) is not allowed");
    }

    @Test
    void open_undeclaredEntity_isAnErrorNotAnExpansion() {
        assertThatThrownBy(() -> {
            XMLStreamReader r = open("<r>\n  <a>&x;</a>\n</r>");
            r.nextTag();
            r.nextTag();
            XmlInput.text(r);
        }).satisfiesAnyOf(
                e -> assertThat(e).isInstanceOf(XMLStreamException.class).hasMessageContaining("x"),
                e -> assertThat(e).isInstanceOf(InputException.class));
    }

    @Test
    void error_malformedDocument_givesLineAndColumn() {
        XMLStreamReader r = open("<a>\n  <b>text</c>\n</a>");
        assertThatThrownBy(() -> {
            try {
                drain(r);
            } catch (XMLStreamException e) {
                throw XmlInput.error("in.xml", e);
            }
        }).isInstanceOf(InputException.class)
                .hasMessageStartingWith("in.xml: line 2, column ")
                .hasMessageContaining("malformed XML: The element type \"b\" must be terminated by the matching end-tag \"</b>\".");
    }

    @Test
    void text_elementWithChildren_concatenatesTheirTextAndEndsOnTheEndTag() throws XMLStreamException {
        XMLStreamReader r = open("<a><b>one <i>two</i> three</b><c/></a>");
        r.nextTag();
        r.nextTag();
        assertThat(XmlInput.text(r)).isEqualTo("one two three");
        assertThat(r.getEventType()).isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("b");
        r.nextTag();
        XmlInput.skip(r);
        assertThat(r.getLocalName()).isEqualTo("c");
    }
}

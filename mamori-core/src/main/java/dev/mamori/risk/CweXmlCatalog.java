package dev.mamori.risk;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A minimal CWE catalogue read from the MITRE XML ({@code cwec_v*.xml}, schema cwe-7): weaknesses with their
 * Modes_Of_Introduction and ChildOf relations, nothing else. Hardened: no DTD, no external entities.
 * (The full catalogue reader belongs to dev.mamori.advisory; this one keeps the risk package testable alone.)
 */
final class CweXmlCatalog implements CweCatalog {
    private final Map<Integer, Entry> entries;

    private CweXmlCatalog(Map<Integer, Entry> entries) {
        this.entries = entries;
    }

    @Override
    public Optional<Entry> lookup(int id) {
        return Optional.ofNullable(entries.get(id));
    }

    int size() {
        return entries.size();
    }

    static CweXmlCatalog read(InputStream in) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        XMLStreamReader r = f.createXMLStreamReader(in);
        Map<Integer, Entry> entries = new HashMap<>();
        try {
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException("a CWE catalogue has no DTD or entity references", r.getLocation());
                }
                if (event == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Weakness")) {
                    Entry e = weakness(r);
                    entries.put(e.id(), e);
                }
            }
        } finally {
            r.close();
        }
        return new CweXmlCatalog(entries);
    }

    /** Reads one Weakness element; the reader is on its start tag and ends on its end tag. */
    private static Entry weakness(XMLStreamReader r) throws XMLStreamException {
        int id = Integer.parseInt(r.getAttributeValue(null, "ID"));
        String name = r.getAttributeValue(null, "Name");
        List<Introduction> intros = new ArrayList<>();
        Set<Integer> research = new LinkedHashSet<>();
        Set<Integer> other = new LinkedHashSet<>();
        String phase = null;
        StringBuilder note = null;
        StringBuilder text = new StringBuilder();
        int depth = 1;
        boolean inPhase = false;
        boolean inIntroduction = false;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("a CWE catalogue has no entity references", r.getLocation());
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                switch (r.getLocalName()) {
                    case "Related_Weakness" -> {
                        if ("ChildOf".equals(r.getAttributeValue(null, "Nature"))) {
                            int parent = Integer.parseInt(r.getAttributeValue(null, "CWE_ID"));
                            ("1000".equals(r.getAttributeValue(null, "View_ID")) ? research : other).add(parent);
                        }
                    }
                    case "Introduction" -> {
                        inIntroduction = true;
                        phase = null;
                        note = null;
                    }
                    case "Phase" -> {
                        inPhase = true;
                        text.setLength(0);
                    }
                    case "Note" -> {
                        if (inIntroduction) {
                            note = new StringBuilder();
                        }
                    }
                    default -> { }
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                if (inPhase) {
                    text.append(r.getText());
                } else if (inIntroduction && note != null) {
                    note.append(r.getText());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                switch (r.getLocalName()) {
                    case "Phase" -> {
                        inPhase = false;
                        phase = text.toString().strip();
                    }
                    case "Introduction" -> {
                        inIntroduction = false;
                        if (phase != null) {
                            intros.add(new Introduction(phase, note == null ? "" : note.toString().strip().replaceAll("\\s+", " ")));
                        }
                        phase = null;
                        note = null;
                    }
                    default -> { }
                }
            }
        }
        List<Integer> parents = new ArrayList<>(research);
        for (int o : other) {
            if (!research.contains(o)) {
                parents.add(o);
            }
        }
        return new Entry(id, name, intros, parents);
    }
}

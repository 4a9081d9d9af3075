package dev.mamori.advisory;

import dev.mamori.input.InputException;
import dev.mamori.input.XmlInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads MITRE's CWE catalogue XML (schema cwe-6 / cwe-7, {@code Weakness_Catalog}), plain, gzip or zipped as MITRE
 * publishes it ({@code cwec_latest.xml.zip}), streaming one entry at a time: weaknesses with their abstraction,
 * status, modes of introduction (phase and note), mapping usage and {@code ChildOf} parents in view 1000; categories and views with
 * their members.
 */
public final class CweReader {
    /** The catalogue's own attributes. */
    public record Catalog(String name, String version, String date, int weaknesses, int categories, int views) {}

    private static final String RESEARCH_VIEW = "1000";

    private CweReader() {}

    public static Catalog read(Path file, Consumer<CweEntry> sink) {
        if (Sniffer.isZip(file)) {
            Catalog[] out = new Catalog[1];
            ZipArchive.forEachEntry(file, ArchiveLimits.DEFAULT, n -> n.endsWith(".xml"),
                    (name, in) -> out[0] = read(in, file + "!" + name, sink));
            if (out[0] == null) {
                throw new InputException(file.toString(), "", "the archive holds no .xml file");
            }
            return out[0];
        }
        try (InputStream in = Inputs.open(file)) {
            return read(in, file.toString(), sink);
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }

    public static Catalog read(InputStream in, String source, Consumer<CweEntry> sink) {
        XMLStreamReader r = XmlInput.open(in, source);
        try {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            if (r.getEventType() != XMLStreamConstants.START_ELEMENT || !r.getLocalName().equals("Weakness_Catalog")) {
                throw new InputException(source, XmlInput.where(r.getLocation()), "not a CWE catalogue: root element <"
                        + (r.getEventType() == XMLStreamConstants.START_ELEMENT ? r.getLocalName() : "") + ">");
            }
            String name = r.getAttributeValue(null, "Name");
            String version = r.getAttributeValue(null, "Version");
            String date = r.getAttributeValue(null, "Date");
            int[] counts = new int[3];
            int depth = 1;
            while (depth > 0 && r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (event == XMLStreamConstants.START_ELEMENT) {
                    switch (r.getLocalName()) {
                        case "Weaknesses", "Categories", "Views" -> depth++;
                        case "Weakness" -> {
                            sink.accept(weakness(XmlTree.read(r), source));
                            counts[0]++;
                        }
                        case "Category" -> {
                            sink.accept(grouping(XmlTree.read(r), CweEntry.Kind.CATEGORY, source));
                            counts[1]++;
                        }
                        case "View" -> {
                            sink.accept(grouping(XmlTree.read(r), CweEntry.Kind.VIEW, source));
                            counts[2]++;
                        }
                        default -> XmlInput.skip(r);
                    }
                }
            }
            return new Catalog(name, version, date, counts[0], counts[1], counts[2]);
        } catch (XMLStreamException e) {
            throw XmlInput.error(source, e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException ignored) {
                // closing a reader that failed
            }
        }
    }

    private static String id(XmlTree t, String source) {
        String id = t.attr("ID");
        if (id == null || !id.chars().allMatch(Character::isDigit)) {
            throw new InputException(source, "line " + t.line, "a CWE entry needs a numeric ID, got " + id);
        }
        return "CWE-" + id;
    }

    private static CweEntry weakness(XmlTree w, String source) {
        String id = id(w, source);
        List<CweEntry.Relation> relations = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        XmlTree related = w.child("Related_Weaknesses");
        if (related != null) {
            for (XmlTree rw : related.children("Related_Weakness")) {
                CweEntry.Relation rel = new CweEntry.Relation(rw.attr("Nature"), "CWE-" + rw.attr("CWE_ID"),
                        rw.attr("View_ID"), rw.attr("Ordinal"));
                relations.add(rel);
                if ("ChildOf".equals(rel.nature()) && RESEARCH_VIEW.equals(rel.viewId()) && !parents.contains(rel.cweId())) {
                    parents.add(rel.cweId());
                }
            }
        }
        List<String> phases = new ArrayList<>();
        List<CweEntry.Introduction> introductions = new ArrayList<>();
        XmlTree modes = w.child("Modes_Of_Introduction");
        if (modes != null) {
            for (XmlTree intro : modes.children("Introduction")) {
                String phase = intro.childText("Phase");
                if (phase == null || phase.isBlank()) {
                    continue;
                }
                phase = phase.strip();
                if (!phases.contains(phase)) {
                    phases.add(phase);
                }
                XmlTree note = intro.child("Note");
                introductions.add(new CweEntry.Introduction(phase, note == null ? null : note.allText()));
            }
        }
        XmlTree description = w.child("Description");
        return new CweEntry(id, CweEntry.Kind.WEAKNESS, w.attr("Name"), w.attr("Abstraction"), w.attr("Structure"),
                w.attr("Status"), description == null ? null : description.allText(), parents, relations, phases,
                introductions, w.childText("Likelihood_Of_Exploit"), usage(w), List.of());
    }

    private static CweEntry grouping(XmlTree g, CweEntry.Kind kind, String source) {
        String id = id(g, source);
        List<String> members = new ArrayList<>();
        for (XmlTree m : g.descendants("Has_Member")) {
            String member = m.attr("CWE_ID");
            if (member != null && !members.contains("CWE-" + member)) {
                members.add("CWE-" + member);
            }
        }
        XmlTree text = g.child(kind == CweEntry.Kind.VIEW ? "Objective" : "Summary");
        return new CweEntry(id, kind, g.attr("Name"), null, null, g.attr("Status"),
                text == null ? null : text.allText(), List.of(), List.of(), List.of(), List.of(), null, usage(g), members);
    }

    private static String usage(XmlTree t) {
        XmlTree notes = t.child("Mapping_Notes");
        return notes == null ? null : notes.childText("Usage");
    }
}

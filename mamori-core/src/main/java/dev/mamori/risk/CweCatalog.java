package dev.mamori.risk;

import dev.mamori.input.InputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLStreamException;

/** What the weakness classifier needs from the CWE catalogue; the catalogue reader implements it. */
public interface CweCatalog {
    /**
     * Reads MITRE's CWE catalogue XML ({@code cwec_v*.xml}), plain, gzip or zip (the first {@code .xml} entry):
     * weaknesses with their modes of introduction and ChildOf parents. DTDs and external entities are refused.
     *
     * @throws InputException naming the source (and line and column) when it is not a readable CWE catalogue
     */
    static CweCatalog readXml(InputStream raw, String source) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw);
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            InputStream xml = in;
            if (b0 == 0x1f && b1 == 0x8b) {
                xml = new GZIPInputStream(in);
            } else if (b0 == 'P' && b1 == 'K') {
                ZipInputStream zip = new ZipInputStream(in);
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null && !e.getName().endsWith(".xml")) {
                    // skip entries that are not the catalogue
                }
                if (e == null) {
                    throw new InputException(source, "", "the zip holds no .xml CWE catalogue");
                }
                xml = zip;
            }
            CweXmlCatalog catalog = CweXmlCatalog.read(xml);
            if (catalog.size() == 0) {
                throw new InputException(source, "", "no Weakness elements: not a CWE catalogue (cwec_v*.xml)");
            }
            return catalog;
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber();
            throw new InputException(source, where, "not a readable CWE catalogue: " + e.getMessage().lines().reduce((a, b) -> b).orElse(""), e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new InputException(source, "", "not a CWE catalogue: bad ID " + e.getMessage(), e);
        }
    }

    /**
     * A catalogue of these weaknesses (e.g. read from the store, where the CWE reader put them); a later entry with
     * the id of an earlier one replaces it.
     */
    static CweCatalog of(Collection<Entry> weaknesses) {
        Map<Integer, Entry> byId = new HashMap<>();
        for (Entry e : weaknesses) {
            byId.put(e.id(), e);
        }
        Map<Integer, Entry> entries = Map.copyOf(byId);
        return id -> Optional.ofNullable(entries.get(id));
    }

    /** The weakness with this id (e.g. 79 for CWE-79), or empty when the catalogue has no such weakness. */
    Optional<Entry> lookup(int id);

    /** A weakness: its Modes of Introduction and its ChildOf parents (research view 1000 first). */
    record Entry(int id, String name, List<Introduction> introductions, List<Integer> parents) {
        public Entry {
            introductions = List.copyOf(introductions);
            parents = List.copyOf(parents);
        }
    }

    /** One mode of introduction: the phase (e.g. {@code Implementation}) and its note (may be empty). */
    record Introduction(String phase, String note) {}
}

package dev.mamori.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import dev.mamori.input.XmlInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads JVN iPedia data (IPA / JPCERT/CC) as {@link Advisory} records with id {@code JVNDB-YYYY-NNNNNN}; JVN#/JVNVU#
 * ids and CVE ids become aliases; titles and descriptions stay in Japanese with {@code language = ja}.
 * <ul>
 *   <li>MyJVN API 3.x ("HND") and the data feeds: VULDEF 3.x detail XML ({@code VULDEF-Document/Vulinfo}) and
 *       JVNRSS overview XML (RSS 1.0 / RDF with the {@code sec:} module and {@code marking:} TLP);</li>
 *   <li>MyJVN API 4.0 ("OKA") JSON: {@code jvncsaf} (CSAF-based detail), {@code jvnstix} (a STIX bundle carrying
 *       {@code VULDEF-Document} entries) and the {@code myjvn_feed} overview list.</li>
 * </ul>
 * XML is streamed one record at a time. A MyJVN error response ({@code retCd} not 0) is refused.
 */
public final class JvnReader {
    private static final String SOURCE = "jvn";

    private JvnReader() {}

    /** Reads a JVN file of any of the supported kinds, recognised by content. */
    public static void read(Path file, Consumer<Advisory> sink) {
        Origin origin = Origin.of(file.toString());
        AdvisoryFormat format = Sniffer.detect(file);
        try (InputStream in = Inputs.open(file)) {
            switch (format) {
                case JVN_VULDEF, JVN_RSS -> readXml(in, origin, sink);
                case JVN_JSON -> readJson(in, origin, sink);
                default -> throw new InputException(file.toString(), "", "not a JVN document (detected " + format + ")");
            }
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }

    /** Reads VULDEF or JVNRSS XML, streaming one {@code Vulinfo} / {@code item} at a time. */
    public static void readXml(InputStream in, Origin origin, Consumer<Advisory> sink) {
        String source = origin.location();
        XMLStreamReader r = XmlInput.open(in, source);
        try {
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // prolog
            }
            if (r.getEventType() != XMLStreamConstants.START_ELEMENT) {
                throw new InputException(source, "", "empty XML document");
            }
            String root = r.getLocalName();
            String lang = r.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
            boolean vuldef = root.equals("VULDEF-Document");
            if (!vuldef && !root.equals("RDF")) {
                throw new InputException(source, XmlInput.where(r.getLocation()),
                        "not a JVN document: root element <" + root + "> (expected VULDEF-Document or rdf:RDF)");
            }
            String tlp = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    break;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                switch (name) {
                    case "Vulinfo" -> sink.accept(vulinfo(XmlTree.read(r), lang, tlp, origin));
                    case "item" -> sink.accept(rssItem(XmlTree.read(r), lang, tlp, origin));
                    case "channel", "handling" -> {
                        XmlTree t = XmlTree.read(r);
                        String color = tlpOf(t);
                        if (color != null) {
                            tlp = color;
                        }
                    }
                    case "Status" -> checkStatus(XmlTree.read(r), source);
                    default -> XmlInput.skip(r);
                }
            }
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

    private static String tlpOf(XmlTree t) {
        for (XmlTree m : t.descendants("Marking_Structure")) {
            String color = m.attr("color");
            if (color != null) {
                return color;
            }
        }
        return null;
    }

    private static void checkStatus(XmlTree status, String source) {
        String ret = status.attr("retCd");
        if (ret != null && !ret.equals("0")) {
            throw new InputException(source, "line " + status.line, "MyJVN API error response: retCd " + ret
                    + ", errCd " + status.attr("errCd") + ": " + status.attr("errMsg"));
        }
    }

    private static Advisory vulinfo(XmlTree v, String lang, String tlp, Origin origin) {
        String id = v.childText("VulinfoID");
        if (id == null) {
            throw new InputException(origin.location(), "line " + v.line, "a Vulinfo needs a VulinfoID");
        }
        Advisory.Builder b = Advisory.builder(id, new Provenance(SOURCE, origin.location(), origin.fetchedAt(), null));
        b.language(lang).tlp(tlp);
        XmlTree data = v.child("VulinfoData");
        if (data == null) {
            return b.build();
        }
        b.summary(data.childText("Title"));
        XmlTree overview = data.path("VulinfoDescription", "Overview");
        b.details(overview == null ? null : overview.text());
        String where = "line " + v.line + " (" + id + ")";
        int i = 0;
        XmlTree affected = data.child("Affected");
        for (XmlTree item : affected == null ? List.<XmlTree>of() : affected.children("AffectedItem")) {
            List<String> cpes = new ArrayList<>();
            for (XmlTree cpe : item.children("Cpe")) {
                if (cpe.text() != null) {
                    cpes.add(cpe.text());
                }
            }
            List<ProductVersion> versions = new ArrayList<>();
            for (XmlTree ver : item.children("VersionNumber")) {
                if (ver.text() != null) {
                    versions.add(new ProductVersion(null, "affected", null, null, null, List.of(), ver.text()));
                }
            }
            b.product(new AffectedProduct(item.childText("Name"), item.childText("ProductName"), cpes, List.of(),
                    "affected", versions, null, SOURCE, null, where + " /Affected/AffectedItem/" + i++));
        }
        XmlTree impact = data.child("Impact");
        List<String> impacts = new ArrayList<>();
        if (impact != null) {
            for (XmlTree cvss : impact.children("Cvss")) {
                String vector = cvss.childText("Vector");
                if (vector == null) {
                    continue;
                }
                String rating = null;
                for (XmlTree sev : cvss.children("Severity")) {
                    if (sev.attr("type") == null || "Base".equals(sev.attr("type"))) {
                        rating = sev.text();
                    }
                }
                b.severity(Cvss.severity(cvssType(cvss.attr("version"), vector), vector, number(cvss.childText("Base")),
                        rating, "IPA", null));
            }
            for (XmlTree item : impact.children("ImpactItem")) {
                String d = item.childText("Description");
                if (d != null) {
                    impacts.add(d);
                }
            }
        }
        List<String> solutions = new ArrayList<>();
        XmlTree solution = data.child("Solution");
        for (XmlTree item : solution == null ? List.<XmlTree>of() : solution.children("SolutionItem")) {
            String d = item.childText("Description");
            if (d != null) {
                solutions.add(d);
            }
        }
        XmlTree related = data.child("Related");
        Set<String> urls = new LinkedHashSet<>();
        for (XmlTree item : related == null ? List.<XmlTree>of() : related.children("RelatedItem")) {
            String type = item.attr("type");
            String rid = item.childText("VulinfoID");
            if ("cwe".equals(type)) {
                b.cwe(rid);
                continue;
            }
            if (VulnIds.isCve(rid) || VulnIds.isJvn(rid)) {
                b.alias(rid);
            }
            String url = item.childText("URL");
            if (url != null && urls.add(url)) {
                List<String> tags = new ArrayList<>();
                if (type != null) {
                    tags.add(type);
                }
                if (item.childText("Name") != null) {
                    tags.add(item.childText("Name"));
                }
                b.reference(new Reference(url, "ADVISORY", tags));
            }
        }
        String published = data.childText("DatePublic");
        b.published(published != null ? published : data.childText("DateFirstPublished"))
                .modified(data.childText("DateLastUpdated"));
        b.databaseSpecific(extra(impacts, solutions));
        return b.build();
    }

    private static Advisory rssItem(XmlTree item, String lang, String tlp, Origin origin) {
        String id = item.childText("identifier");
        if (id == null) {
            throw new InputException(origin.location(), "line " + item.line, "an RSS item needs sec:identifier");
        }
        Advisory.Builder b = Advisory.builder(id, new Provenance(SOURCE, origin.location(), origin.fetchedAt(), null));
        String where = "line " + item.line + " (" + id + ")";
        b.language(lang).tlp(tlp).summary(item.childText("title")).details(item.childText("description"));
        String link = item.childText("link");
        Set<String> urls = new LinkedHashSet<>();
        if (link != null) {
            urls.add(link);
            b.reference(new Reference(link, "ADVISORY", List.of("JVNDB")));
        }
        for (XmlTree ref : item.children("references")) {
            String rid = ref.attr("id");
            String source = ref.attr("source");
            if (rid != null && rid.startsWith("CWE-")) {
                b.cwe(rid);
                continue;
            }
            if (VulnIds.isCve(rid) || VulnIds.isJvn(rid)) {
                b.alias(rid);
            }
            String url = ref.text();
            if (url != null && urls.add(url)) {
                b.reference(new Reference(url, source == null ? Reference.WEB : "ADVISORY",
                        source == null ? List.of() : List.of(source)));
            }
        }
        int i = 0;
        for (XmlTree cpe : item.children("cpe")) {
            b.product(new AffectedProduct(cpe.attr("vendor"), cpe.attr("product"),
                    cpe.text() == null ? List.of() : List.of(cpe.text()), List.of(), "affected", List.of(), null, SOURCE,
                    null, where + " /cpe/" + i++));
        }
        for (XmlTree cvss : item.children("cvss")) {
            String vector = cvss.attr("vector");
            String type = cvss.attr("type");
            if (vector != null && (type == null || type.equals("Base"))) {
                b.severity(Cvss.severity(cvssType(cvss.attr("version"), vector), vector, number(cvss.attr("score")),
                        cvss.attr("severity"), "IPA", null));
            }
        }
        String issued = item.childText("issued");
        b.published(issued != null ? issued : item.childText("date")).modified(item.childText("modified"));
        return b.build();
    }

    private static String cvssType(String version, String vector) {
        if (version != null) {
            if (version.startsWith("2")) {
                return "CVSS_V2";
            } else if (version.startsWith("3")) {
                return "CVSS_V3";
            } else if (version.startsWith("4")) {
                return "CVSS_V4";
            }
        }
        return Cvss.typeOfVector(vector);
    }

    private static Double number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String extra(List<String> impacts, List<String> solutions) {
        if (impacts.isEmpty() && solutions.isEmpty()) {
            return null;
        }
        ObjectNode jvn = JsonInput.mapper().createObjectNode();
        ArrayNode i = jvn.putArray("impact");
        impacts.forEach(i::add);
        ArrayNode s = jvn.putArray("solution");
        solutions.forEach(s::add);
        ObjectNode root = JsonInput.mapper().createObjectNode();
        root.set("jvn", jvn);
        return root.toString();
    }

    /**
     * Reads MyJVN API 4.0 JSON: a {@code jvncsaf} detail document, a {@code jvnstix} bundle or a {@code myjvn_feed}
     * overview list. The whole response is read as one tree (MyJVN returns at most 50 entries per response).
     */
    public static void readJson(InputStream in, Origin origin, Consumer<Advisory> sink) {
        String source = origin.location();
        JsonNode root = JsonInput.readTree(in, source);
        JsonNode status = root.get("status");
        if (status != null && status.has("retCd") && status.get("retCd").asInt(0) != 0) {
            throw new InputException(source, "/status/retCd", "MyJVN API error response: retCd "
                    + status.get("retCd").asText() + ", errCd " + Json.text(status, "errCd") + ": "
                    + Json.text(status, "errMsg"));
        }
        String method = status == null ? null : Json.text(status, "method");
        if (method != null && !method.equals("getVulnDetailInfo") && !method.equals("getVulnOverviewList")) {
            throw new InputException(source, "/status/method", "a MyJVN " + method
                    + " response holds no vulnerability records (getVulnDetailInfo and getVulnOverviewList are read)");
        }
        if (root.has("document")) {
            sink.accept(jvncsaf(root, origin, ""));
        } else if ("bundle".equals(Json.text(root, "type"))) {
            JsonNode objects = root.path("objects");
            for (int i = 0; i < objects.size(); i++) {
                JsonNode docs = objects.get(i).get("VULDEF-Document");
                if (docs == null) {
                    continue;
                }
                for (int j = 0; j < docs.size(); j++) {
                    sink.accept(jvncsaf(docs.get(j), origin, "/objects/" + i + "/VULDEF-Document/" + j));
                }
            }
        } else if (root.has("feed")) {
            JsonNode feed = root.get("feed");
            String lang = Json.text(feed, "lang");
            String tlp = Json.text(feed.path("distribution").path("tlp"), "label");
            JsonNode entries = feed.path("entry");
            for (int i = 0; i < entries.size(); i++) {
                sink.accept(feedEntry(entries.get(i), lang, tlp, origin, "/feed/entry/" + i));
            }
        } else {
            throw new InputException(source, "", "not a MyJVN API 4.0 response: no document, STIX bundle or feed");
        }
    }

    private static Advisory jvncsaf(JsonNode root, Origin origin, String pointer) {
        CsafDocument doc;
        try {
            doc = CsafReader.toDocument(root, origin.location());
        } catch (InputException e) {
            throw new InputException(e.source(), pointer + e.location(), e.reason(), e);
        }
        Advisory.Builder b = Advisory.builder(doc.id(), new Provenance(SOURCE, origin.location(), origin.fetchedAt(), null));
        JsonNode tracking = root.path("document").path("tracking");
        String published = Json.text(tracking, "public_date");
        b.summary(doc.title()).language(doc.lang()).tlp(doc.tlp())
                .published(published != null ? published : doc.initialReleaseDate()).modified(doc.currentReleaseDate());
        for (CsafDocument.Note n : doc.notes()) {
            if ("description".equals(n.category()) || "summary".equals(n.category())) {
                b.details(n.text());
                break;
            }
        }
        Set<String> urls = new LinkedHashSet<>();
        for (Reference r : doc.references()) {
            if (urls.add(r.url())) {
                b.reference(r);
            }
        }
        for (JsonNode r : Json.array(root.path("document"), "references")) {
            String summary = Json.text(r, "summary");
            if (VulnIds.isCve(summary) || VulnIds.isJvn(summary)) {
                b.alias(summary);
            }
        }
        Set<String> seenSeverities = new LinkedHashSet<>();
        Set<String> seenProducts = new LinkedHashSet<>();
        List<String> impacts = new ArrayList<>();
        List<String> solutions = new ArrayList<>();
        for (CsafDocument.VulnEntry v : doc.vulnerabilities()) {
            if (v.cve() != null) {
                b.alias(v.cve());
            }
            v.cwes().forEach(b::cwe);
            for (CsafDocument.Score s : v.severities()) {
                Severity sev = s.severity();
                if (seenSeverities.add(sev.type() + "|" + sev.score())) {
                    b.severity(sev);
                }
            }
            for (var e : v.productStatus().entrySet()) {
                for (String pid : e.getValue()) {
                    if (seenProducts.add(e.getKey() + "|" + pid)) {
                        AffectedProduct p = CsafReader.affectedProduct(doc, pid, e.getKey(),
                                pointer + v.pointer() + "/product_status/" + e.getKey());
                        b.product(new AffectedProduct(p.vendor(), p.product(), p.cpes(), p.purls(),
                                "known_affected".equals(p.status()) ? "affected" : p.status(), p.versions(), null,
                                SOURCE, pid, p.location()));
                    }
                }
            }
            for (CsafDocument.Threat t : v.threats()) {
                if (t.details() != null && !impacts.contains(t.details())) {
                    impacts.add(t.details());
                }
            }
            for (CsafDocument.Remediation r : v.remediations()) {
                if (r.details() != null && !solutions.contains(r.details())) {
                    solutions.add(r.details());
                }
            }
        }
        JsonNode ext = root.path("jvn_extension");
        List<AffectedProduct> products = new ArrayList<>();
        CveJson.affected(ext.get("affected"), SOURCE, pointer + "/jvn_extension/affected", products);
        products.forEach(b::product);
        CveJson.configurations(ext.get("cpeApplicability")).forEach(b::configuration);
        b.databaseSpecific(extra(impacts, solutions));
        return b.build();
    }

    private static Advisory feedEntry(JsonNode e, String lang, String tlp, Origin origin, String pointer) {
        String id = Json.text(e, "id");
        if (id == null) {
            throw new InputException(origin.location(), pointer + "/id", "a MyJVN feed entry needs an id");
        }
        Advisory.Builder b = Advisory.builder(id, new Provenance(SOURCE, origin.location(), origin.fetchedAt(), null));
        String published = Json.text(e, "public");
        b.language(lang).tlp(tlp).summary(Json.text(e, "title")).details(Json.text(e, "summary"))
                .published(published != null ? published : Json.text(e, "created")).modified(Json.text(e, "modified"));
        Set<String> urls = new LinkedHashSet<>();
        String link = Json.text(e, "link");
        if (link != null) {
            urls.add(link);
            b.reference(new Reference(link, "ADVISORY", List.of("JVNDB")));
        }
        for (JsonNode r : Json.array(e, "references")) {
            String summary = Json.text(r, "summary");
            if (VulnIds.isCve(summary) || VulnIds.isJvn(summary)) {
                b.alias(summary);
            }
            String url = Json.text(r, "url");
            if (url != null && urls.add(url)) {
                String source = Json.text(r, "source");
                b.reference(new Reference(url, "advisory".equals(source) || "vendor".equals(source) ? "ADVISORY"
                        : Reference.WEB, source == null ? List.of() : List.of(source)));
            }
        }
        JsonNode products = e.path("products");
        for (int i = 0; i < products.size(); i++) {
            JsonNode p = products.get(i);
            JsonNode ids = p.path("product_ids");
            List<String> cpes = Json.text(ids, "cpe") == null ? List.of() : List.of(Json.text(ids, "cpe"));
            List<String> purls = new ArrayList<>();
            for (JsonNode ref : Json.array(ids, "id_refs")) {
                if ("purl".equals(Json.text(ref, "nameType")) && Json.text(ref, "value") != null) {
                    purls.add(Json.text(ref, "value"));
                }
            }
            String version = Json.text(p, "version");
            List<ProductVersion> versions = version == null ? List.of()
                    : List.of(new ProductVersion(version, "affected", null, null, null, List.of(), null));
            b.product(new AffectedProduct(Json.text(p, "vname"), Json.text(p, "pname"), cpes, purls, "affected",
                    versions, null, SOURCE, Json.text(p, "product_id"), pointer + "/products/" + i));
        }
        for (JsonNode m : Json.array(e, "metrics")) {
            JsonNode content = m.path("content");
            List<Severity> sev = new ArrayList<>();
            CveJson.cvssFields(content, Json.text(content, "source") != null ? Json.text(content, "source") : "IPA",
                    Json.text(content, "type"), sev);
            sev.forEach(b::severity);
        }
        for (JsonNode c : Json.array(e, "cwes")) {
            b.cwe(Json.text(c, "id"));
        }
        return b.build();
    }
}

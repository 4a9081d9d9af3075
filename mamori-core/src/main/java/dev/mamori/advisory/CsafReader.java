package dev.mamori.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads CSAF 2.0 and 2.1 documents (security advisory, VEX and other profiles) into {@link CsafDocument}s, and
 * projects them to {@link Advisory} records. A document is read as one tree: its product tree must be resolved
 * before its vulnerabilities mean anything, so memory is bounded by the largest document, not by a feed.
 */
public final class CsafReader {
    private CsafReader() {}

    /** Reads one document from a file (gzip recognised by content). */
    public static CsafDocument read(Path file) {
        try (InputStream in = Inputs.open(file)) {
            return read(in, Origin.of(file.toString()));
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }

    /** Reads a file and hands over one advisory per vulnerability. */
    public static CsafDocument read(Path file, Consumer<Advisory> sink) {
        CsafDocument doc = read(file);
        advisories(doc, null).forEach(sink);
        return doc;
    }

    /**
     * Reads one CSAF document.
     *
     * @throws InputException for malformed JSON, a document without {@code document.csaf_version 2.0 / 2.1},
     *                        {@code document.category} or {@code document.tracking.id}
     */
    public static CsafDocument read(InputStream in, Origin origin) {
        return toDocument(JsonInput.readTree(in, origin.location()), origin.location());
    }

    static CsafDocument toDocument(JsonNode root, String source) {
        JsonNode doc = root.path("document");
        if (!doc.isObject()) {
            throw new InputException(source, "/document", "not a CSAF document: no \"document\" object");
        }
        String version = Json.text(doc, "csaf_version");
        if (version == null) {
            throw new InputException(source, "/document/csaf_version", "a CSAF document needs csaf_version");
        }
        if (!version.equals("2.0") && !version.equals("2.1")) {
            throw new InputException(source, "/document/csaf_version", "unsupported CSAF version " + version
                    + " (2.0 and 2.1 are read)");
        }
        String category = Json.text(doc, "category");
        if (category == null) {
            throw new InputException(source, "/document/category", "a CSAF document needs a category");
        }
        JsonNode tracking = doc.path("tracking");
        String id = Json.text(tracking, "id");
        if (id == null) {
            throw new InputException(source, "/document/tracking/id", "a CSAF document needs tracking.id");
        }
        JsonNode pub = doc.path("publisher");
        CsafDocument.Publisher publisher = new CsafDocument.Publisher(Json.text(pub, "name"), Json.text(pub, "category"),
                Json.text(pub, "namespace"));
        Map<String, CsafDocument.Product> products = new LinkedHashMap<>();
        JsonNode tree = root.path("product_tree");
        branches(tree.get("branches"), null, null, null, products);
        for (JsonNode fpn : Json.array(tree, "full_product_names")) {
            product(fpn, null, null, null, products);
        }
        for (JsonNode rel : Json.array(tree, "relationships")) {
            relationship(rel, products);
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (JsonNode g : Json.array(tree, "product_groups")) {
            String gid = Json.text(g, "group_id");
            if (gid != null) {
                groups.put(gid, Json.texts(g, "product_ids"));
            }
        }
        List<CsafDocument.VulnEntry> vulns = new ArrayList<>();
        JsonNode vulnerabilities = root.path("vulnerabilities");
        for (int i = 0; i < vulnerabilities.size(); i++) {
            vulns.add(vulnerability(vulnerabilities.get(i), "/vulnerabilities/" + i, groups, publisher));
        }
        return new CsafDocument(id, Json.text(doc, "title"), category, version, Json.text(doc, "lang"), publisher,
                Json.text(doc.path("distribution").path("tlp"), "label"),
                Json.text(doc.path("aggregate_severity"), "text"), Json.text(tracking, "status"),
                Json.text(tracking, "version"), Json.text(tracking, "initial_release_date"),
                Json.text(tracking, "current_release_date"), notes(doc), references(doc), products, groups, vulns, source);
    }

    private static void branches(JsonNode branches, String vendor, String productName, String version,
                                 Map<String, CsafDocument.Product> out) {
        if (branches == null || !branches.isArray()) {
            return;
        }
        for (JsonNode b : branches) {
            String category = Json.text(b, "category");
            String name = Json.text(b, "name");
            String v = vendor;
            String p = productName;
            String ver = version;
            if (category != null) {
                switch (category) {
                    case "vendor" -> v = name;
                    case "product_name" -> p = name;
                    case "product_family" -> p = p == null ? name : p;
                    case "product_version", "product_version_range" -> ver = name;
                    default -> { }
                }
            }
            JsonNode product = b.get("product");
            if (product != null) {
                product(product, v, p, ver, out);
            }
            branches(b.get("branches"), v, p, ver, out);
        }
    }

    private static void product(JsonNode fpn, String vendor, String productName, String version,
                                Map<String, CsafDocument.Product> out) {
        String pid = Json.text(fpn, "product_id");
        if (pid == null) {
            return;
        }
        JsonNode helper = fpn.path("product_identification_helper");
        out.put(pid, new CsafDocument.Product(pid, Json.text(fpn, "name"), vendor, productName, version, purls(helper),
                cpes(helper), List.of(), null));
    }

    private static List<String> purls(JsonNode helper) {
        List<String> purls = new ArrayList<>(Json.texts(helper, "purls"));
        String purl = Json.text(helper, "purl");
        if (purl != null && !purls.contains(purl)) {
            purls.add(0, purl);
        }
        return purls;
    }

    private static List<String> cpes(JsonNode helper) {
        String cpe = Json.text(helper, "cpe");
        return cpe == null ? List.of() : List.of(cpe);
    }

    private static void relationship(JsonNode rel, Map<String, CsafDocument.Product> out) {
        JsonNode fpn = rel.path("full_product_name");
        String pid = Json.text(fpn, "product_id");
        if (pid == null) {
            return;
        }
        String ref = Json.text(rel, "product_reference");
        String platformRef = Json.text(rel, "relates_to_product_reference");
        CsafDocument.Product component = ref == null ? null : out.get(ref);
        CsafDocument.Product platform = platformRef == null ? null : out.get(platformRef);
        JsonNode helper = fpn.path("product_identification_helper");
        List<String> purls = purls(helper);
        List<String> cpes = cpes(helper);
        if (purls.isEmpty() && component != null) {
            purls = component.purls();
        }
        if (cpes.isEmpty() && component != null) {
            cpes = component.cpes();
        }
        List<String> platformCpes = platform == null ? List.of() : platform.cpes();
        String productName = component == null ? null
                : component.productName() != null ? component.productName() : component.name();
        out.put(pid, new CsafDocument.Product(pid, Json.text(fpn, "name"),
                component == null ? null : component.vendor(), productName,
                component == null ? null : component.version(), purls, cpes, platformCpes,
                new CsafDocument.Relationship(Json.text(rel, "category"), ref, platformRef)));
    }

    private static List<CsafDocument.Note> notes(JsonNode holder) {
        List<CsafDocument.Note> out = new ArrayList<>();
        for (JsonNode n : Json.array(holder, "notes")) {
            out.add(new CsafDocument.Note(Json.text(n, "category"), Json.text(n, "title"), Json.text(n, "text")));
        }
        return out;
    }

    private static List<Reference> references(JsonNode holder) {
        List<Reference> out = new ArrayList<>();
        for (JsonNode r : Json.array(holder, "references")) {
            String url = Json.text(r, "url");
            if (url == null) {
                continue;
            }
            String category = Json.text(r, "category");
            List<String> tags = new ArrayList<>();
            if (category != null) {
                tags.add(category);
            }
            String type = Json.text(r, "type");
            if (type != null) {
                tags.add(type);
            }
            out.add(new Reference(url, "self".equals(category) || "advisory".equals(type) || "vendor".equals(type)
                    ? "ADVISORY" : Reference.WEB, tags));
        }
        return out;
    }

    private static List<String> productIds(JsonNode holder, Map<String, List<String>> groups) {
        Set<String> ids = new LinkedHashSet<>(Json.texts(holder, "product_ids"));
        for (String g : Json.texts(holder, "group_ids")) {
            ids.addAll(groups.getOrDefault(g, List.of()));
        }
        return new ArrayList<>(ids);
    }

    private static CsafDocument.VulnEntry vulnerability(JsonNode v, String pointer, Map<String, List<String>> groups,
                                                      CsafDocument.Publisher publisher) {
        List<CsafDocument.Id> ids = new ArrayList<>();
        for (JsonNode id : Json.array(v, "ids")) {
            ids.add(new CsafDocument.Id(Json.text(id, "system_name"), Json.text(id, "text")));
        }
        List<String> cwes = new ArrayList<>();
        String cwe20 = Json.text(v.path("cwe"), "id");
        if (cwe20 != null) {
            cwes.add(cwe20);
        }
        for (JsonNode c : Json.array(v, "cwes")) {
            String id = Json.text(c, "id");
            if (id != null && !cwes.contains(id)) {
                cwes.add(id);
            }
        }
        Map<String, List<String>> status = new LinkedHashMap<>();
        JsonNode ps = v.path("product_status");
        ps.fieldNames().forEachRemaining(k -> status.put(k, Json.texts(ps, k)));
        List<CsafDocument.Remediation> remediations = new ArrayList<>();
        for (JsonNode r : Json.array(v, "remediations")) {
            remediations.add(new CsafDocument.Remediation(Json.text(r, "category"), Json.text(r, "details"),
                    Json.text(r, "url"), productIds(r, groups), Json.text(r, "date")));
        }
        List<CsafDocument.Threat> threats = new ArrayList<>();
        for (JsonNode t : Json.array(v, "threats")) {
            threats.add(new CsafDocument.Threat(Json.text(t, "category"), Json.text(t, "details"), productIds(t, groups),
                    Json.text(t, "date")));
        }
        List<CsafDocument.Flag> flags = new ArrayList<>();
        for (JsonNode f : Json.array(v, "flags")) {
            flags.add(new CsafDocument.Flag(Json.text(f, "label"), productIds(f, groups), Json.text(f, "date")));
        }
        List<CsafDocument.Score> scores = new ArrayList<>();
        String defaultSource = publisher.name();
        for (JsonNode s : Json.array(v, "scores")) {
            List<Severity> sev = new ArrayList<>();
            CveJson.cvssFields(s, defaultSource, null, sev);
            List<String> products = Json.texts(s, "products");
            sev.forEach(x -> scores.add(new CsafDocument.Score(x, products)));
        }
        for (JsonNode m : Json.array(v, "metrics")) {
            JsonNode content = m.path("content");
            String source = Json.text(content, "source");
            if (source == null) {
                source = Json.text(m, "source");
            }
            if (source == null) {
                source = defaultSource;
            }
            List<Severity> sev = new ArrayList<>();
            CveJson.cvssFields(content, source, Json.text(content, "type"), sev);
            String rating = Json.text(content.path("qualitative_severity_rating"), "text");
            if (rating == null) {
                rating = Json.text(content, "qualitative_severity_rating");
            }
            if (rating != null) {
                sev.add(new Severity("qualitative_severity_rating", rating, SeverityLevel.parse(rating), null, source,
                        null));
            }
            List<String> products = Json.texts(m, "products");
            sev.forEach(x -> scores.add(new CsafDocument.Score(x, products)));
        }
        List<String> acks = new ArrayList<>();
        for (JsonNode a : Json.array(v, "acknowledgments")) {
            acks.addAll(Json.texts(a, "names"));
            String org = Json.text(a, "organization");
            if (org != null) {
                acks.add(org);
            }
        }
        String release = Json.text(v, "release_date");
        if (release == null) {
            release = Json.text(v, "disclosure_date");
        }
        String cve = Json.text(v, "cve");
        return new CsafDocument.VulnEntry(cve, ids, Json.text(v, "title"), cwes, notes(v), status, remediations, threats,
                flags, scores, references(v), acks, Json.text(v, "discovery_date"), release, pointer);
    }

    /** The source name of a publisher: {@code csaf/} and the namespace's host, else the publisher's name. */
    static String sourceName(CsafDocument.Publisher p) {
        if (p.namespace() != null) {
            try {
                String host = URI.create(p.namespace()).getHost();
                if (host != null) {
                    return "csaf/" + (host.startsWith("www.") ? host.substring(4) : host).toLowerCase(Locale.ROOT);
                }
            } catch (IllegalArgumentException e) {
                // fall through to the name
            }
        }
        return "csaf/" + (p.name() == null ? "unknown" : p.name());
    }

    /**
     * Projects a document to advisories, one per vulnerability: the id is the CVE (else the first id that looks like
     * a vulnerability id, else the document id and the entry's index); the document id is kept in {@code related};
     * product statuses become {@link AffectedProduct}s with their purls and CPEs; remediations, threats and flags are
     * kept in {@code databaseSpecific} as JSON.
     *
     * @param fetchedAt when the document was fetched, or null
     */
    public static List<Advisory> advisories(CsafDocument doc, java.time.Instant fetchedAt) {
        List<Advisory> out = new ArrayList<>();
        String sourceName = sourceName(doc.publisher());
        for (int i = 0; i < doc.vulnerabilities().size(); i++) {
            CsafDocument.VulnEntry v = doc.vulnerabilities().get(i);
            String id = v.cve();
            for (CsafDocument.Id x : v.ids()) {
                if (id == null && x.text() != null && VulnIds.looksLikeId(x.text())) {
                    id = x.text();
                }
            }
            if (id == null) {
                id = doc.id() + "#" + i;
            }
            Advisory.Builder b = Advisory.builder(id, new Provenance(sourceName, doc.origin(), fetchedAt, null));
            for (CsafDocument.Id x : v.ids()) {
                if (x.text() != null && VulnIds.looksLikeId(x.text())) {
                    b.alias(x.text());
                }
            }
            b.related(doc.id());
            b.summary(v.title() != null ? v.title() : doc.title()).details(description(v.notes()))
                    .language(doc.lang()).tlp(doc.tlp())
                    .published(v.releaseDate() != null ? v.releaseDate() : doc.initialReleaseDate())
                    .modified(doc.currentReleaseDate());
            v.cwes().forEach(b::cwe);
            Set<String> seen = new LinkedHashSet<>();
            for (CsafDocument.Score s : v.severities()) {
                Severity sev = s.severity();
                if (seen.add(sev.type() + "|" + sev.score() + "|" + sev.source())) {
                    b.severity(sev);
                }
            }
            if (doc.aggregateSeverity() != null) {
                b.severity(new Severity("csaf_aggregate", doc.aggregateSeverity(),
                        SeverityLevel.parse(doc.aggregateSeverity()), null, doc.publisher().name(), null));
            }
            for (Map.Entry<String, List<String>> e : v.productStatus().entrySet()) {
                for (String pid : e.getValue()) {
                    b.product(affectedProduct(doc, pid, e.getKey(), v.pointer() + "/product_status/" + e.getKey()));
                }
            }
            Set<String> urls = new LinkedHashSet<>();
            for (Reference r : v.references()) {
                if (urls.add(r.url())) {
                    b.reference(r);
                }
            }
            for (Reference r : doc.references()) {
                if (r.tags().contains("self") && urls.add(r.url())) {
                    b.reference(r);
                }
            }
            v.acknowledgments().forEach(a -> b.credit(new Credit(a, null, List.of())));
            b.databaseSpecific(extra(doc, v).toString());
            out.add(b.build());
        }
        return out;
    }

    static AffectedProduct affectedProduct(CsafDocument doc, String pid, String status, String location) {
        CsafDocument.Product p = doc.products().get(pid);
        if (p == null) {
            return new AffectedProduct(null, null, List.of(), List.of(), status, List.of(), null,
                    doc.publisher().name(), pid, location);
        }
        List<ProductVersion> versions = p.version() == null ? List.of()
                : List.of(new ProductVersion(p.version(), status, null, null,
                        p.version().startsWith("vers:") ? "vers" : null, List.of(), p.name()));
        List<String> cpes = p.cpes().isEmpty() ? p.platformCpes() : p.cpes();
        return new AffectedProduct(p.vendor(), p.productName() != null ? p.productName() : p.name(), cpes, p.purls(),
                status, versions, null, doc.publisher().name(), pid, location);
    }

    private static String description(List<CsafDocument.Note> notes) {
        for (String wanted : List.of("description", "summary", "details", "general")) {
            for (CsafDocument.Note n : notes) {
                if (wanted.equals(n.category()) && n.text() != null) {
                    return n.text();
                }
            }
        }
        return null;
    }

    private static ObjectNode extra(CsafDocument doc, CsafDocument.VulnEntry v) {
        ObjectNode csaf = JsonInput.mapper().createObjectNode();
        csaf.put("document", doc.id());
        csaf.put("category", doc.category());
        csaf.put("csaf_version", doc.csafVersion());
        if (!v.remediations().isEmpty()) {
            ArrayNode a = csaf.putArray("remediations");
            for (CsafDocument.Remediation r : v.remediations()) {
                ObjectNode o = a.addObject();
                o.put("category", r.category());
                o.put("details", r.details());
                if (r.url() != null) {
                    o.put("url", r.url());
                }
                r.productIds().forEach(o.putArray("product_ids")::add);
            }
        }
        if (!v.threats().isEmpty()) {
            ArrayNode a = csaf.putArray("threats");
            for (CsafDocument.Threat t : v.threats()) {
                ObjectNode o = a.addObject();
                o.put("category", t.category());
                o.put("details", t.details());
                t.productIds().forEach(o.putArray("product_ids")::add);
            }
        }
        if (!v.flags().isEmpty()) {
            ArrayNode a = csaf.putArray("flags");
            for (CsafDocument.Flag f : v.flags()) {
                ObjectNode o = a.addObject();
                o.put("label", f.label());
                f.productIds().forEach(o.putArray("product_ids")::add);
            }
        }
        ObjectNode root = JsonInput.mapper().createObjectNode();
        root.set("csaf", csaf);
        return root;
    }
}

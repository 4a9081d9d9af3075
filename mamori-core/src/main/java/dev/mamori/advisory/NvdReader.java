package dev.mamori.advisory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads NVD CVE API 2.0 responses ({@code {"resultsPerPage", "startIndex", "totalResults", "vulnerabilities":
 * [{"cve": {…}}]}}, also the 2.0 data feeds of the same shape), streaming: one CVE is held at a time.
 */
public final class NvdReader {
    /** The paging fields of a response page. */
    public record Page(int resultsPerPage, int startIndex, int totalResults, String timestamp, int read) {}

    private NvdReader() {}

    /** Reads a page from a file (gzip recognised by content). */
    public static Page read(Path file, Consumer<Advisory> sink) {
        try (InputStream in = Inputs.open(file)) {
            return read(in, Origin.of(file.toString()), sink);
        } catch (IOException e) {
            throw Inputs.ioError(file.toString(), "", e);
        }
    }

    /**
     * Reads one response page.
     *
     * @throws InputException naming the origin and the place for malformed JSON, a document that is not an
     *                        NVD CVE API 2.0 response, or a CVE without an id
     */
    public static Page read(InputStream in, Origin origin, Consumer<Advisory> sink) {
        String source = origin.location();
        try (JsonParser p = JsonInput.parser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(source, JsonInput.where(p.currentTokenLocation()),
                        "not an NVD CVE API 2.0 response: the top level is not an object");
            }
            int perPage = -1;
            int start = -1;
            int total = -1;
            String timestamp = null;
            int read = 0;
            boolean sawVulnerabilities = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "resultsPerPage" -> perPage = p.getValueAsInt(-1);
                    case "startIndex" -> start = p.getValueAsInt(-1);
                    case "totalResults" -> total = p.getValueAsInt(-1);
                    case "timestamp" -> timestamp = p.getValueAsString();
                    case "CVE_Items" -> throw new InputException(source, "/CVE_Items",
                            "this is an NVD 1.1 data feed (retired in 2023); read the CVE API 2.0 instead");
                    case "vulnerabilities" -> {
                        sawVulnerabilities = true;
                        if (value != JsonToken.START_ARRAY) {
                            throw new InputException(source, "/vulnerabilities", "expected an array");
                        }
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode item = JsonInput.mapper().readTree(p);
                            String pointer = "/vulnerabilities/" + read;
                            JsonNode cve = item.get("cve");
                            if (cve == null || !cve.isObject()) {
                                throw new InputException(source, pointer + "/cve", "expected a CVE object");
                            }
                            sink.accept(toAdvisory(cve, origin, pointer + "/cve"));
                            read++;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (!sawVulnerabilities) {
                throw new InputException(source, "", "not an NVD CVE API 2.0 response: no \"vulnerabilities\" array");
            }
            return new Page(perPage, start, total, timestamp, read);
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e);
        } catch (IOException e) {
            throw Inputs.ioError(source, "", e);
        }
    }

    static Advisory toAdvisory(JsonNode cve, Origin origin, String pointer) {
        String id = Json.text(cve, "id");
        if (id == null) {
            throw new InputException(origin.location(), pointer + "/id", "a CVE needs an id");
        }
        Advisory.Builder b = Advisory.builder(id, new Provenance("nvd", origin.location(), origin.fetchedAt(), null));
        String modified = Json.text(cve, "lastModified");
        String status = Json.text(cve, "vulnStatus");
        b.published(Json.text(cve, "published")).modified(modified)
                .details(CveJson.english(cve.get("descriptions")));
        if ("Rejected".equalsIgnoreCase(status)) {
            b.withdrawn(modified != null ? modified : Json.text(cve, "published"));
        }
        ObjectNode extra = JsonInput.mapper().createObjectNode();
        putIfPresent(extra, cve, "vulnStatus");
        putIfPresent(extra, cve, "sourceIdentifier");
        putIfPresent(extra, cve, "cveTags");
        putIfPresent(extra, cve, "evaluatorComment");
        putIfPresent(extra, cve, "evaluatorSolution");
        putIfPresent(extra, cve, "evaluatorImpact");
        putIfPresent(extra, cve, "vendorComments");
        if (!extra.isEmpty()) {
            b.databaseSpecific(extra.toString());
        }
        JsonNode metrics = cve.path("metrics");
        for (String[] kind : new String[][] {{"cvssMetricV40", "CVSS_V4"}, {"cvssMetricV31", "CVSS_V3"},
                {"cvssMetricV30", "CVSS_V3"}, {"cvssMetricV2", "CVSS_V2"}}) {
            for (JsonNode m : Json.array(metrics, kind[0])) {
                Severity s = CveJson.cvss(kind[1], m.get("cvssData"), Json.text(m, "baseSeverity"),
                        Json.text(m, "source"), Json.text(m, "type"));
                if (s != null) {
                    b.severity(s);
                }
            }
        }
        for (JsonNode m : Json.array(metrics, "ssvcV203")) {
            JsonNode data = m.path("ssvcData");
            b.ssvc(ssvc(data, Json.text(m, "source")));
        }
        for (JsonNode w : Json.array(cve, "weaknesses")) {
            for (JsonNode d : Json.array(w, "description")) {
                b.cwe(Json.text(d, "value"));
            }
        }
        for (CpeConfiguration c : CveJson.configurations(cve.get("configurations"))) {
            b.configuration(c);
        }
        for (JsonNode r : Json.array(cve, "references")) {
            String url = Json.text(r, "url");
            if (url != null) {
                List<String> tags = Json.texts(r, "tags");
                b.reference(new Reference(url, Reference.typeOfTags(tags), tags));
            }
        }
        String kevAdded = Json.text(cve, "cisaExploitAdd");
        if (kevAdded != null) {
            b.kev(new KevListing(kevAdded, Json.text(cve, "cisaActionDue"), Json.text(cve, "cisaRequiredAction"),
                    Json.text(cve, "cisaVulnerabilityName"), null, "nvd"));
        }
        JsonNode affected = cve.get("affected");
        if (affected != null && affected.isArray()) {
            List<AffectedProduct> products = new ArrayList<>();
            for (int i = 0; i < affected.size(); i++) {
                JsonNode a = affected.get(i);
                CveJson.affected(a.get("affectedData"), Json.text(a, "source"), pointer + "/affected/" + i + "/affectedData",
                        products);
            }
            products.forEach(b::product);
        }
        return b.build();
    }

    /** SSVC options as NVD ({@code exploitation}) and CVE 5 ({@code Exploitation}) spell them. */
    static Ssvc ssvc(JsonNode content, String statedBy) {
        String exploitation = null;
        String automatable = null;
        String impact = null;
        for (JsonNode option : Json.array(content, "options")) {
            for (var e : option.properties()) {
                String key = e.getKey().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
                String v = e.getValue().asText();
                switch (key) {
                    case "exploitation" -> exploitation = v;
                    case "automatable" -> automatable = v;
                    case "technicalimpact" -> impact = v;
                    default -> { }
                }
            }
        }
        return new Ssvc(exploitation, automatable, impact, Json.text(content, "role"), Json.text(content, "version"),
                Json.text(content, "timestamp"), statedBy);
    }

    private static void putIfPresent(ObjectNode out, JsonNode from, String field) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull() && !(v.isArray() && v.isEmpty())) {
            out.set(field, v);
        }
    }
}

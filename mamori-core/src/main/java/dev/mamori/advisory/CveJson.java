package dev.mamori.advisory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON shapes shared by NVD, CVE 5, MyJVN and CSAF: CVSS objects, CVE 5 style {@code affected} entries and NVD
 * style CPE applicability statements.
 */
final class CveJson {
    private CveJson() {}

    /** CVSS object field names (CVE 5, CSAF, MyJVN) to Mamori's severity types. */
    static final Map<String, String> CVSS_FIELDS = Map.of(
            "cvssV2_0", "CVSS_V2", "cvssV3_0", "CVSS_V3", "cvssV3_1", "CVSS_V3", "cvssV4_0", "CVSS_V4",
            "cvss_v2", "CVSS_V2", "cvss_v3", "CVSS_V3", "cvss_v4", "CVSS_V4");

    /**
     * A severity from a FIRST CVSS JSON object ({@code vectorString}, {@code baseScore}, {@code baseSeverity}).
     * Returns null when there is no vector.
     *
     * @param outerSeverity a rating outside the object (NVD puts v2's {@code baseSeverity} there), or null
     */
    static Severity cvss(String type, JsonNode cvss, String outerSeverity, String source, String sourceType) {
        String vector = Json.text(cvss, "vectorString");
        if (vector == null) {
            return null;
        }
        String rating = Json.text(cvss, "baseSeverity");
        if (rating == null) {
            rating = outerSeverity;
        }
        String t = type != null ? type : Cvss.typeOfVector(vector);
        return Cvss.severity(t, vector, Json.number(cvss, "baseScore"), rating, source, sourceType);
    }

    /** Adds the CVSS objects found in an object keyed by {@link #CVSS_FIELDS} names. */
    static void cvssFields(JsonNode holder, String source, String sourceType, List<Severity> out) {
        holder.fieldNames().forEachRemaining(field -> {
            String type = CVSS_FIELDS.get(field);
            if (type != null) {
                Severity s = cvss(type, holder.get(field), null, source, sourceType);
                if (s != null) {
                    out.add(s);
                }
            }
        });
    }

    /** NVD style applicability statements: {@code [{operator, negate, nodes: [{operator, negate, cpeMatch: []}]}]}. */
    static List<CpeConfiguration> configurations(JsonNode array) {
        List<CpeConfiguration> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            return out;
        }
        for (JsonNode c : array) {
            List<CpeConfiguration.Node> nodes = new ArrayList<>();
            for (JsonNode n : Json.array(c, "nodes")) {
                List<CpeConfiguration.Match> matches = new ArrayList<>();
                for (JsonNode m : Json.array(n, "cpeMatch")) {
                    matches.add(new CpeConfiguration.Match(Json.bool(m, "vulnerable", true), Json.text(m, "criteria"),
                            Json.text(m, "matchCriteriaId"), Json.text(m, "versionStartIncluding"),
                            Json.text(m, "versionStartExcluding"), Json.text(m, "versionEndIncluding"),
                            Json.text(m, "versionEndExcluding")));
                }
                nodes.add(new CpeConfiguration.Node(Json.text(n, "operator"), Json.bool(n, "negate", false), matches));
            }
            out.add(new CpeConfiguration(Json.text(c, "operator"), Json.bool(c, "negate", false), nodes));
        }
        return out;
    }

    /** CVE 5 style {@code affected} entries (also NVD's {@code affectedData} and MyJVN's {@code jvn_extension.affected}). */
    static void affected(JsonNode array, String statedBy, String pointer, List<AffectedProduct> out) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode a = array.get(i);
            List<ProductVersion> versions = new ArrayList<>();
            for (JsonNode v : Json.array(a, "versions")) {
                List<ProductVersion.Change> changes = new ArrayList<>();
                for (JsonNode ch : Json.array(v, "changes")) {
                    changes.add(new ProductVersion.Change(Json.text(ch, "at"), Json.text(ch, "status")));
                }
                versions.add(new ProductVersion(Json.text(v, "version"), Json.text(v, "status"), Json.text(v, "lessThan"),
                        Json.text(v, "lessThanOrEqual"), Json.text(v, "versionType"), changes,
                        Json.text(v, "description")));
            }
            String product = Json.text(a, "product");
            if (product == null) {
                product = Json.text(a, "packageName");
            }
            out.add(new AffectedProduct(Json.text(a, "vendor"), product, Json.texts(a, "cpes"), List.of(), null,
                    versions, Json.text(a, "defaultStatus"), statedBy, null, pointer + "/" + i));
        }
    }

    /** The English text of a {@code [{lang, value}]} array, else the first one; null when empty. */
    static String english(JsonNode array) {
        String first = null;
        if (array == null || !array.isArray()) {
            return null;
        }
        for (JsonNode d : array) {
            String lang = Json.text(d, "lang");
            String value = Json.text(d, "value");
            if (value == null) {
                continue;
            }
            if (lang != null && (lang.equals("en") || lang.startsWith("en-") || lang.startsWith("en_"))) {
                return value;
            }
            if (first == null) {
                first = value;
            }
        }
        return first;
    }
}

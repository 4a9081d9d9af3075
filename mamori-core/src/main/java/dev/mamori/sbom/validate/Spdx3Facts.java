package dev.mamori.sbom.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Collects the {@link Facts} of an SPDX 3 JSON-LD document ({@code @graph} of elements), located by JSON pointer. */
final class Spdx3Facts {
    /** SPDX 3 named individuals that stand in for elements; valid wherever an element reference is. */
    private static final List<String> INDIVIDUALS = List.of("Core/NoneElement",
            "Core/NoAssertionElement", "Core/SpdxOrganization", "ExpandedLicensing/NoneLicense",
            "ExpandedLicensing/NoAssertionLicense");

    private Spdx3Facts() {}

    /** The named individual ({@code NoneElement}, or its full IRI) or listed licence IRI that {@code id} is. */
    static boolean isIndividual(String id) {
        if (id.startsWith("https://spdx.org/licenses/") || id.startsWith("http://spdx.org/licenses/")) {
            return true;
        }
        for (String i : INDIVIDUALS) {
            String compact = i.startsWith("Core/") ? i.substring(5) : "expandedlicensing_" + i.substring(i.indexOf('/') + 1);
            if (id.equals(compact) || id.startsWith("https://spdx.org/rdf/3.") && id.endsWith("/terms/" + i)) {
                return true;
            }
        }
        return false;
    }

    static void collect(JsonNode root, Facts facts, Problems problems) {
        facts.idName = "spdxId";
        JsonNode graph = root.path("@graph");
        if (!graph.isArray()) {
            problems.error("schema.structure", "/", "an SPDX 3 JSON-LD document has a @graph array of elements");
            return;
        }
        // imports first: ids they declare resolve outside this document
        for (JsonNode e : graph) {
            for (JsonNode imp : e.path("import")) {
                String id = imp.path("externalSpdxId").asText("");
                if (!id.isEmpty()) {
                    facts.external.add(id);
                }
            }
        }
        for (int i = 0; i < graph.size(); i++) {
            JsonNode e = graph.get(i);
            String at = "/@graph/" + i;
            String type = e.path("type").asText(e.path("@type").asText(""));
            String id = e.has("spdxId") ? e.path("spdxId").asText("") : e.path("@id").asText(null);
            if (id != null) {
                facts.define(id, at + (e.has("spdxId") ? "/spdxId" : "/@id"));
            } else if (!type.equals("CreationInfo") && !type.isEmpty()) {
                problems.warning("ref.missing", at, type + " element without spdxId");
            }
            JsonNode creation = e.get("creationInfo");
            if (creation != null && creation.isTextual()) {
                facts.reference(creation.asText(), at + "/creationInfo", "creationInfo", Severity.ERROR);
            }
            refs(facts, e, "rootElement", at, "rootElement entry");
            refs(facts, e, "element", at, "element entry");
            refs(facts, e, "createdBy", at, "createdBy agent");
            refs(facts, e, "suppliedBy", at, "suppliedBy agent");
            refs(facts, e, "originatedBy", at, "originatedBy agent");
            if (type.equals("Relationship") || type.equals("LifecycleScopedRelationship")) {
                String from = e.path("from").asText("");
                facts.reference(from, at + "/from", "relationship source", Severity.ERROR);
                String relType = e.path("relationshipType").asText("");
                JsonNode to = e.path("to");
                for (int j = 0; j < to.size(); j++) {
                    String target = to.get(j).asText("");
                    if (isIndividual(target)) {
                        continue;
                    }
                    facts.reference(target, at + "/to/" + j, "relationship target", Severity.ERROR);
                    SpdxRelationships.edge(facts, from, relType, target, at);
                }
            }
            JsonNode purl = e.get("software_packageUrl");
            if (purl != null && purl.isTextual()) {
                facts.purl(purl.asText(), at + "/software_packageUrl");
            }
            JsonNode ids = e.path("externalIdentifier");
            for (int j = 0; j < ids.size(); j++) {
                JsonNode x = ids.get(j);
                String xt = x.path("externalIdentifierType").asText("");
                String value = x.path("identifier").asText("");
                String where = at + "/externalIdentifier/" + j + "/identifier";
                switch (xt) {
                    case "packageUrl" -> facts.purl(value, where);
                    case "cpe22", "cpe23" -> facts.cpe(value, where);
                    default -> {
                        // other identifier types are not checked
                    }
                }
            }
            JsonNode expr = e.get("simplelicensing_licenseExpression");
            if (expr != null && expr.isTextual()) {
                facts.licence(expr.asText(), true, true, at + "/simplelicensing_licenseExpression");
            }
        }
    }

    private static void refs(Facts facts, JsonNode e, String key, String at, String what) {
        JsonNode v = e.get(key);
        if (v == null) {
            return;
        }
        if (v.isTextual()) {
            if (!isIndividual(v.asText())) {
                facts.reference(v.asText(), at + "/" + key, what, Severity.ERROR);
            }
            return;
        }
        for (int j = 0; j < v.size(); j++) {
            if (v.get(j).isTextual() && !isIndividual(v.get(j).asText())) {
                facts.reference(v.get(j).asText(), at + "/" + key + "/" + j, what, Severity.ERROR);
            }
        }
    }
}

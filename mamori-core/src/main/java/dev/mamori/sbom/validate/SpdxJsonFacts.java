package dev.mamori.sbom.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;

/** Collects the {@link Facts} of an SPDX 2 JSON or YAML document, located by JSON pointer. */
final class SpdxJsonFacts {
    private final Facts facts;
    private final Problems problems;

    private SpdxJsonFacts(Facts facts, Problems problems) {
        this.facts = facts;
        this.problems = problems;
        facts.idName = "SPDXID";
        facts.definedLicenseRefs = new HashSet<>();
    }

    static void collect(JsonNode root, Facts facts, Problems problems) {
        new SpdxJsonFacts(facts, problems).collect(root);
    }

    private void collect(JsonNode root) {
        for (JsonNode ext : root.path("externalDocumentRefs")) {
            String id = ext.path("externalDocumentId").asText("");
            if (!id.isEmpty()) {
                facts.externalDocuments.add(id);
            }
        }
        for (JsonNode info : root.path("hasExtractedLicensingInfos")) {
            facts.definedLicenseRefs.add(info.path("licenseId").asText(""));
        }
        id(root.get("SPDXID"), "/SPDXID");
        JsonNode packages = root.path("packages");
        for (int i = 0; i < packages.size(); i++) {
            JsonNode p = packages.get(i);
            String at = "/packages/" + i;
            id(p.get("SPDXID"), at + "/SPDXID");
            expression(p.get("licenseConcluded"), at + "/licenseConcluded");
            expression(p.get("licenseDeclared"), at + "/licenseDeclared");
            simpleList(p.get("licenseInfoFromFiles"), at + "/licenseInfoFromFiles");
            JsonNode refs = p.path("externalRefs");
            for (int j = 0; j < refs.size(); j++) {
                JsonNode r = refs.get(j);
                String type = r.path("referenceType").asText("");
                String locator = r.path("referenceLocator").asText("");
                String where = at + "/externalRefs/" + j + "/referenceLocator";
                switch (type) {
                    case "purl" -> facts.purl(locator, where);
                    case "cpe22Type", "cpe23Type" -> facts.cpe(locator, where);
                    default -> {
                        // other reference types are not checked
                    }
                }
            }
            JsonNode hasFiles = p.path("hasFiles");
            for (int j = 0; j < hasFiles.size(); j++) {
                String f = hasFiles.get(j).asText("");
                facts.reference(f, at + "/hasFiles/" + j, "hasFiles entry", Severity.ERROR);
                facts.edge(p.path("SPDXID").asText(""), f, at + "/hasFiles/" + j, true);
            }
        }
        JsonNode files = root.path("files");
        for (int i = 0; i < files.size(); i++) {
            JsonNode f = files.get(i);
            String at = "/files/" + i;
            id(f.get("SPDXID"), at + "/SPDXID");
            expression(f.get("licenseConcluded"), at + "/licenseConcluded");
            simpleList(f.get("licenseInfoInFiles"), at + "/licenseInfoInFiles");
        }
        JsonNode snippets = root.path("snippets");
        for (int i = 0; i < snippets.size(); i++) {
            JsonNode s = snippets.get(i);
            String at = "/snippets/" + i;
            id(s.get("SPDXID"), at + "/SPDXID");
            expression(s.get("licenseConcluded"), at + "/licenseConcluded");
            simpleList(s.get("licenseInfoInSnippets"), at + "/licenseInfoInSnippets");
            JsonNode from = s.get("snippetFromFile");
            if (from != null && from.isTextual()) {
                facts.reference(from.asText(), at + "/snippetFromFile", "snippetFromFile", Severity.ERROR);
            }
        }
        JsonNode describes = root.path("documentDescribes");
        for (int i = 0; i < describes.size(); i++) {
            facts.reference(describes.get(i).asText(""), "/documentDescribes/" + i, "documentDescribes entry", Severity.ERROR);
        }
        JsonNode relationships = root.path("relationships");
        for (int i = 0; i < relationships.size(); i++) {
            JsonNode r = relationships.get(i);
            String at = "/relationships/" + i;
            String from = r.path("spdxElementId").asText("");
            String to = r.path("relatedSpdxElement").asText("");
            String type = r.path("relationshipType").asText("");
            facts.reference(from, at + "/spdxElementId", "relationship source", Severity.ERROR);
            if (!to.equals("NONE") && !to.equals("NOASSERTION")) {
                facts.reference(to, at + "/relatedSpdxElement", "relationship target", Severity.ERROR);
                SpdxRelationships.edge(facts, from, type, to, at);
            }
        }
    }

    private void id(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            return;
        }
        String id = node.asText();
        facts.define(id, where);
        if (!id.isEmpty() && !SpdxRelationships.isSpdxId(id)) {
            problems.error("ref.format", where, "SPDXID '" + id + "' is not SPDXRef- followed by letters, digits, '.' or '-'");
        }
    }

    private void expression(JsonNode node, String where) {
        if (node != null && node.isTextual()) {
            facts.licence(node.asText(), true, true, where);
        }
    }

    private void simpleList(JsonNode node, String where) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            facts.licence(node.asText(), true, true, where);
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            // SPDX 2.3 allows a licence expression-like value here in practice; parse as an expression
            facts.licence(node.get(i).asText(""), true, true, where + "/" + i);
        }
    }
}

package dev.mamori.sbom.validate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Collects the {@link Facts} of a CycloneDX JSON document, located by JSON pointer. */
final class CycloneDxJsonFacts {
    private final Facts facts;
    private final Problems problems;

    private CycloneDxJsonFacts(Facts facts, Problems problems) {
        this.facts = facts;
        this.problems = problems;
        facts.idName = "bom-ref";
    }

    static void collect(JsonNode root, Facts facts, Problems problems) {
        CycloneDxJsonFacts c = new CycloneDxJsonFacts(facts, problems);
        c.walk(root, "", 0);
        c.dependencies(root.path("dependencies"));
        c.compositions(root.path("compositions"));
    }

    /** Every object: bom-refs, licences, and for components purl, CPE and the 1.7 versionRange rule. */
    private void walk(JsonNode node, String path, int depth) {
        if (depth > 600) {
            return;
        }
        if (node.isObject()) {
            JsonNode ref = node.get("bom-ref");
            if (ref != null && ref.isTextual()) {
                facts.define(ref.asText(), path + "/bom-ref", path.startsWith("/formulation/"));
            }
            if (looksLikeComponent(node, path)) {
                component(node, path);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                String child = path + "/" + escape(e.getKey());
                if (e.getKey().equals("licenses") && e.getValue().isArray()) {
                    licences(e.getValue(), child);
                }
                if (e.getKey().equals("dependencies") && path.isEmpty()) {
                    continue; // handled separately
                }
                walk(e.getValue(), child, depth + 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, depth + 1);
            }
        }
    }

    /** Components sit in {@code components[]}, {@code metadata/component} and pedigree ancestors/descendants/variants. */
    private static boolean looksLikeComponent(JsonNode node, String path) {
        if (path.endsWith("/metadata/component")) {
            return true;
        }
        int slash = path.lastIndexOf('/');
        if (slash <= 0) {
            return false;
        }
        String parent = path.substring(0, slash);
        return parent.endsWith("/components") || parent.equals("/components") || parent.endsWith("/ancestors")
                || parent.endsWith("/descendants") || parent.endsWith("/variants");
    }

    private void component(JsonNode c, String path) {
        JsonNode purl = c.get("purl");
        if (purl != null && purl.isTextual()) {
            facts.purl(purl.asText(), path + "/purl");
        }
        JsonNode cpe = c.get("cpe");
        if (cpe != null && cpe.isTextual()) {
            facts.cpe(cpe.asText(), path + "/cpe");
        }
        JsonNode range = c.get("versionRange");
        if (range != null) {
            JsonNode external = c.get("isExternal");
            if (external == null || !external.asBoolean(false)) {
                problems.error("component.version-range", path + "/versionRange", "versionRange is only allowed on a component "
                        + "with isExternal true" + (external == null ? " (isExternal defaults to false)" : ""));
            }
            if (c.has("version")) {
                problems.error("component.version-range", path, "a component has either a version or a versionRange, not both");
            }
        }
    }

    private void licences(JsonNode list, String path) {
        for (int i = 0; i < list.size(); i++) {
            JsonNode choice = list.get(i);
            String at = path + "/" + i;
            JsonNode expression = choice.get("expression");
            if (expression != null && expression.isTextual()) {
                facts.licence(expression.asText(), true, false, at + "/expression");
            }
            JsonNode license = choice.get("license");
            if (license != null && license.isObject()) {
                JsonNode id = license.get("id");
                if (id != null && id.isTextual()) {
                    facts.licence(id.asText(), false, false, at + "/license/id");
                }
            }
        }
    }

    private void dependencies(JsonNode deps) {
        if (!deps.isArray()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < deps.size(); i++) {
            JsonNode d = deps.get(i);
            String at = "/dependencies/" + i;
            JsonNode ref = d.get("ref");
            if (ref == null || !ref.isTextual()) {
                problems.error("dependency.missing-ref", at, "a dependency entry without a ref");
                continue;
            }
            String from = ref.asText();
            facts.reference(from, at + "/ref", "dependency ref", Severity.ERROR);
            if (!from.isEmpty() && !seen.add(from)) {
                problems.warning("dependency.duplicate-entry", at + "/ref", "dependencies of '" + from + "' are listed more than once");
            }
            JsonNode on = d.get("dependsOn");
            if (on != null && on.isArray()) {
                for (int j = 0; j < on.size(); j++) {
                    String to = on.get(j).asText();
                    facts.reference(to, at + "/dependsOn/" + j, "dependsOn ref", Severity.ERROR);
                    facts.edge(from, to, at + "/dependsOn/" + j, false);
                }
            }
            JsonNode provides = d.get("provides");
            if (provides != null && provides.isArray()) {
                for (int j = 0; j < provides.size(); j++) {
                    facts.reference(provides.get(j).asText(), at + "/provides/" + j, "provides ref", Severity.ERROR);
                }
            }
        }
    }

    private void compositions(JsonNode compositions) {
        if (!compositions.isArray()) {
            return;
        }
        for (int i = 0; i < compositions.size(); i++) {
            JsonNode c = compositions.get(i);
            for (String key : new String[] {"assemblies", "dependencies"}) {
                JsonNode refs = c.get(key);
                if (refs != null && refs.isArray()) {
                    for (int j = 0; j < refs.size(); j++) {
                        if (refs.get(j).isTextual()) {
                            facts.reference(refs.get(j).asText(), "/compositions/" + i + "/" + key + "/" + j,
                                    "composition " + key + " ref", Severity.WARNING);
                        }
                    }
                }
            }
        }
    }

    static String escape(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }
}

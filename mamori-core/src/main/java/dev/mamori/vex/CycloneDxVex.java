package dev.mamori.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.purl.Purl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CycloneDX VEX: each {@code vulnerabilities[i]} with an {@code analysis.state} is one statement about its
 * {@code affects[].ref}s. A ref is a bom-ref, a BOM-Link ({@code urn:cdx:serial/version#bom-ref}) or a package URL;
 * a plain bom-ref that names a component of the VEX document itself takes that component's package URL too.
 */
final class CycloneDxVex {
    private CycloneDxVex() {}

    static VexDocument read(JsonNode root, String source) {
        String format = "CycloneDX " + root.path("specVersion").asText("?");
        List<String> warnings = new ArrayList<>();
        Map<String, Purl> local = new HashMap<>();
        JsonNode metadata = root.path("metadata");
        if (metadata.has("component")) {
            collect(metadata.get("component"), local);
        }
        for (JsonNode c : VexJson.array(root, "components")) {
            collect(c, local);
        }
        String docTime = VexJson.text(metadata, "timestamp");
        List<VexStatement> out = new ArrayList<>();
        List<JsonNode> vulns = VexJson.array(root, "vulnerabilities");
        for (int i = 0; i < vulns.size(); i++) {
            JsonNode v = vulns.get(i);
            String pointer = "/vulnerabilities/" + i;
            JsonNode analysis = v.path("analysis");
            String state = VexJson.text(analysis, "state");
            if (state == null) {
                continue; // a vulnerability without an analysis states no exploitability (a VDR entry)
            }
            VexStatus status = switch (state.toLowerCase(Locale.ROOT)) {
                case "not_affected", "false_positive" -> VexStatus.NOT_AFFECTED;
                case "resolved", "resolved_with_pedigree" -> VexStatus.FIXED;
                case "exploitable" -> VexStatus.AFFECTED;
                case "in_triage" -> VexStatus.UNDER_INVESTIGATION;
                default -> null;
            };
            if (status == null) {
                warnings.add(source + ": " + pointer + "/analysis/state: unknown state '" + state + "', statement not used");
                continue;
            }
            Set<String> ids = new LinkedHashSet<>();
            String id = VexJson.text(v, "id");
            if (id != null) {
                ids.add(id);
            }
            for (JsonNode r : VexJson.array(v, "references")) {
                String alias = VexJson.text(r, "id");
                if (alias != null) {
                    ids.add(alias);
                }
            }
            if (ids.isEmpty()) {
                warnings.add(source + ": " + pointer + ": no vulnerability id, statement not used");
                continue;
            }
            List<VexProduct> products = new ArrayList<>();
            List<JsonNode> affects = VexJson.array(v, "affects");
            for (JsonNode a : affects) {
                String ref = VexJson.text(a, "ref");
                if (ref == null) {
                    continue;
                }
                List<VexProduct.VersionCondition> versions = new ArrayList<>();
                for (JsonNode ver : VexJson.array(a, "versions")) {
                    String st = VexJson.text(ver, "status");
                    versions.add(new VexProduct.VersionCondition(VexJson.text(ver, "version"), VexJson.text(ver, "range"),
                            st == null ? "affected" : st.toLowerCase(Locale.ROOT)));
                }
                products.add(product(ref, local, versions));
            }
            if (products.isEmpty()) {
                warnings.add(source + ": " + pointer + " (" + String.join(", ", ids) + "): no affects[].ref, so it names no "
                        + "product and is not used");
                continue;
            }
            String bomRef = VexJson.text(v, "bom-ref");
            String time = first(VexJson.text(analysis, "lastUpdated"), VexJson.text(analysis, "firstIssued"),
                    VexJson.text(v, "updated"), VexJson.text(v, "published"), docTime);
            String detail = VexJson.text(analysis, "detail");
            List<String> responses = new ArrayList<>();
            VexJson.array(analysis, "response").forEach(r -> responses.add(r.asText()));
            if (!responses.isEmpty()) {
                detail = (detail == null ? "" : detail + " ") + "(response: " + String.join(", ", responses) + ")";
            }
            out.add(new VexStatement(source, format, pointer + (bomRef == null ? "" : " (bom-ref " + bomRef + ")"),
                    new ArrayList<>(ids), products, status, state, VexJson.text(analysis, "justification"), detail, time));
        }
        return new VexDocument(source, format, out, warnings);
    }

    private static void collect(JsonNode c, Map<String, Purl> local) {
        String ref = VexJson.text(c, "bom-ref");
        Purl purl = VexJson.purl(VexJson.text(c, "purl"));
        if (ref != null) {
            local.put(ref, purl);
        }
        for (JsonNode child : VexJson.array(c, "components")) {
            collect(child, local);
        }
    }

    /** A product from an {@code affects[].ref}. */
    static VexProduct product(String ref, Map<String, Purl> local, List<VexProduct.VersionCondition> versions) {
        if (ref.regionMatches(true, 0, "urn:cdx:", 0, 8)) {
            int slash = ref.indexOf('/', 8);
            int hash = ref.indexOf('#', 8);
            String serial = ref.substring(8, slash > 0 ? slash : hash > 0 ? hash : ref.length()).toLowerCase(Locale.ROOT);
            Integer version = null;
            if (slash > 0) {
                String v = ref.substring(slash + 1, hash > slash ? hash : ref.length());
                try {
                    version = Integer.valueOf(v);
                } catch (NumberFormatException e) {
                    version = null;
                }
            }
            String fragment = hash > 0 ? ref.substring(hash + 1) : null;
            Purl purl = VexJson.purl(fragment);
            return new VexProduct(ref, purl, fragment, serial, version, null, versions, List.of(), List.of());
        }
        Purl purl = local.containsKey(ref) ? local.get(ref) : null;
        if (purl == null) {
            purl = VexJson.purl(ref);
        }
        return new VexProduct(ref, purl, ref, null, null, VexJson.isCpe(ref) ? ref : null, versions, List.of(), List.of());
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}

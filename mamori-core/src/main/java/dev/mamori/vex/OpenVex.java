package dev.mamori.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.purl.Purl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * OpenVEX 0.0.1 and 0.2.0: each {@code statements[i]} is one statement. The vulnerability is a string (0.0.1) or
 * an object with {@code name}, {@code @id} and {@code aliases} (0.2.0); products are strings (0.0.1) or objects with
 * {@code @id}, {@code identifiers} ({@code purl}, {@code cpe23}, {@code cpe22}) and {@code subcomponents} (0.2.0);
 * 0.0.1's statement-level {@code subcomponents} apply to every product.
 */
final class OpenVex {
    private OpenVex() {}

    static VexDocument read(JsonNode root, String source, String context) {
        String version = context.contains("/v0.2.0") ? "0.2.0" : context.contains("/v0.0.") ? context.substring(context.lastIndexOf('/') + 2) : "0.0.1";
        String format = "OpenVEX " + version;
        List<String> warnings = new ArrayList<>();
        String docTime = first(VexJson.text(root, "last_updated"), VexJson.text(root, "timestamp"));
        List<VexStatement> out = new ArrayList<>();
        List<JsonNode> statements = VexJson.array(root, "statements");
        int unmatchable = 0;
        String example = null;
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            String pointer = "/statements/" + i;
            Set<String> ids = new LinkedHashSet<>();
            JsonNode vuln = s.get("vulnerability");
            if (vuln != null && vuln.isTextual()) {
                ids.add(vuln.asText().strip());
            } else if (vuln != null && vuln.isObject()) {
                String name = VexJson.text(vuln, "name");
                if (name != null) {
                    ids.add(name);
                }
                String at = VexJson.text(vuln, "@id");
                if (at != null && !at.contains("://")) {
                    ids.add(at);
                }
                for (JsonNode a : VexJson.array(vuln, "aliases")) {
                    if (a.isTextual() && !a.asText().isBlank()) {
                        ids.add(a.asText().strip());
                    }
                }
            }
            ids.remove("");
            if (ids.isEmpty()) {
                warnings.add(source + ": " + pointer + "/vulnerability: no vulnerability name, statement not used");
                continue;
            }
            String statusText = VexJson.text(s, "status");
            VexStatus status = statusText == null ? null : switch (statusText.toLowerCase(Locale.ROOT)) {
                case "not_affected" -> VexStatus.NOT_AFFECTED;
                case "fixed" -> VexStatus.FIXED;
                case "affected" -> VexStatus.AFFECTED;
                case "under_investigation" -> VexStatus.UNDER_INVESTIGATION;
                default -> null;
            };
            if (status == null) {
                warnings.add(source + ": " + pointer + "/status: unknown status '" + statusText + "', statement not used");
                continue;
            }
            List<VexProduct> statementSubs = new ArrayList<>();
            for (JsonNode sub : VexJson.array(s, "subcomponents")) {
                statementSubs.add(product(sub));
            }
            List<VexProduct> products = new ArrayList<>();
            for (JsonNode p : VexJson.array(s, "products")) {
                VexProduct product = product(p);
                List<VexProduct> subs = new ArrayList<>(statementSubs);
                if (p.isObject()) {
                    for (JsonNode sub : VexJson.array(p, "subcomponents")) {
                        subs.add(product(sub));
                    }
                }
                if (!subs.isEmpty()) {
                    product = product.withSubcomponents(subs);
                }
                if (!product.matchable()) {
                    unmatchable++;
                    example = example == null ? pointer + " '" + product.id() + "'" : example;
                }
                products.add(product);
            }
            if (products.isEmpty()) {
                warnings.add(source + ": " + pointer + ": no products, statement not used");
                continue;
            }
            String detail = first(VexJson.text(s, "impact_statement"), VexJson.text(s, "action_statement"),
                    VexJson.text(s, "status_notes"));
            String at = VexJson.text(s, "@id");
            out.add(new VexStatement(source, format, pointer + (at == null ? "" : " (" + at + ")"), new ArrayList<>(ids),
                    products, status, statusText, VexJson.text(s, "justification"), detail,
                    first(VexJson.text(s, "last_updated"), VexJson.text(s, "timestamp"), docTime)));
        }
        if (unmatchable > 0) {
            warnings.add(source + ": " + unmatchable + " product(s) are neither package URLs nor CPEs and match nothing, e.g. "
                    + example);
        }
        return new VexDocument(source, format, out, warnings);
    }

    /** A product or subcomponent: a string (0.0.1) or an object with {@code @id} and {@code identifiers}. */
    static VexProduct product(JsonNode p) {
        if (p.isTextual()) {
            return fromId(p.asText().strip(), null, null);
        }
        String id = VexJson.text(p, "@id");
        JsonNode identifiers = p.path("identifiers");
        String purl = VexJson.text(identifiers, "purl");
        String cpe = first(VexJson.text(identifiers, "cpe23"), VexJson.text(identifiers, "cpe22"));
        return fromId(id == null ? (purl != null ? purl : cpe) : id, purl, cpe);
    }

    private static VexProduct fromId(String id, String purlText, String cpe) {
        Purl purl = VexJson.purl(purlText != null ? purlText : id);
        if (purl == null && purlText != null) {
            purl = VexJson.purl(id);
        }
        String c = cpe != null ? cpe : VexJson.isCpe(id) ? id : null;
        return new VexProduct(id, purl, null, null, null, c, List.of(), List.of(), List.of());
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

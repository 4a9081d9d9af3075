package dev.mamori.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a VEX document of any supported format, told from its content: CycloneDX (a BOM with vulnerabilities and
 * their analysis), OpenVEX 0.2.0 and 0.0.1, CSAF 2.0 (any category with vulnerabilities and product status).
 * Errors name the document and the JSON pointer.
 */
public final class VexReader {
    private VexReader() {}

    public static VexDocument read(InputStream in, String source) {
        JsonNode root = JsonInput.readTree(in, source);
        if (!root.isObject()) {
            throw new InputException(source, "", "a VEX document is a JSON object");
        }
        if (root.has("bomFormat")) {
            return cycloneDx(root, source);
        }
        if (root.path("@context").asText("").contains("openvex")) {
            return openVex(root, source);
        }
        if (root.path("document").has("csaf_version")) {
            return csaf(root, source);
        }
        throw new InputException(source, "", "not a recognised VEX document: expected CycloneDX (bomFormat), OpenVEX "
                + "(@context of openvex.dev) or CSAF (document.csaf_version)");
    }

    private static Instant instant(JsonNode n) {
        if (n == null || !n.isTextual()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(n.asText()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.asText().isBlank() ? null : n.asText();
    }

    // ---------------------------------------------------------------- CycloneDX

    private static VexDocument cycloneDx(JsonNode root, String source) {
        Map<String, VexProduct> byRef = new HashMap<>();
        collect(root.path("components"), byRef);
        JsonNode subject = root.path("metadata").path("component");
        VexProduct product = subject.isObject() ? product(subject) : null;
        if (product != null && subject.has("bom-ref")) {
            byRef.put(subject.get("bom-ref").asText(), product);
        }
        List<VexStatement> statements = new ArrayList<>();
        JsonNode vulns = root.path("vulnerabilities");
        for (int i = 0; i < vulns.size(); i++) {
            JsonNode v = vulns.get(i);
            String where = "/vulnerabilities/" + i;
            String id = text(v.get("id"));
            if (id == null) {
                throw new InputException(source, where + "/id", "a vulnerability needs an id");
            }
            JsonNode analysis = v.path("analysis");
            if (!analysis.has("state")) {
                continue; // no analysis: nothing is stated
            }
            VexState state;
            String word = analysis.get("state").asText();
            state = switch (word) {
                case "resolved_with_pedigree" -> VexState.RESOLVED;
                default -> {
                    try {
                        yield VexState.parse(word);
                    } catch (IllegalArgumentException e) {
                        throw new InputException(source, where + "/analysis/state", "unknown analysis state '" + word + "'");
                    }
                }
            };
            List<String> aliases = new ArrayList<>();
            v.path("references").forEach(r -> {
                if (text(r.get("id")) != null) {
                    aliases.add(r.get("id").asText());
                }
            });
            List<VexProduct> components = new ArrayList<>();
            JsonNode affects = v.path("affects");
            for (int a = 0; a < affects.size(); a++) {
                String ref = affects.get(a).path("ref").asText("");
                VexProduct c = byRef.get(ref);
                if (c == null) {
                    c = byRef.get(ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : ref);
                }
                if (c != null && c != product) {
                    components.add(c);
                } else if (c == null) {
                    components.add(new VexProduct(ref, null, ref.startsWith("pkg:") ? ref : null, ref));
                }
            }
            String detail = text(analysis.get("detail"));
            statements.add(new VexStatement(id, aliases, components, state,
                    VexJustification.ofCycloneDx(text(analysis.get("justification"))),
                    state == VexState.NOT_AFFECTED || state == VexState.FALSE_POSITIVE ? detail : null,
                    state == VexState.EXPLOITABLE ? detail : null, null,
                    instant(analysis.has("lastUpdated") ? analysis.get("lastUpdated") : analysis.get("firstIssued"))));
        }
        return new VexDocument(VexFormat.CYCLONEDX, text(root.get("serialNumber")), author(root.path("metadata")),
                instant(root.path("metadata").get("timestamp")), root.path("version").asInt(1), product, statements);
    }

    private static String author(JsonNode metadata) {
        JsonNode a = metadata.path("authors");
        if (a.isArray() && !a.isEmpty()) {
            return text(a.get(0).get("name"));
        }
        JsonNode m = metadata.path("manufacturer");
        if (m.isObject()) {
            return text(m.get("name"));
        }
        JsonNode s = metadata.path("supplier");
        return s.isObject() ? text(s.get("name")) : null;
    }

    private static void collect(JsonNode components, Map<String, VexProduct> byRef) {
        for (JsonNode c : components) {
            VexProduct p = product(c);
            if (c.has("bom-ref")) {
                byRef.put(c.get("bom-ref").asText(), p);
            }
            collect(c.path("components"), byRef);
        }
    }

    private static VexProduct product(JsonNode c) {
        String name = text(c.get("name"));
        String group = text(c.get("group"));
        return new VexProduct(group == null ? String.valueOf(name) : group + "/" + name, text(c.get("version")), text(c.get("purl")),
                text(c.get("bom-ref")));
    }

    // ---------------------------------------------------------------- OpenVEX

    private static VexDocument openVex(JsonNode root, String source) {
        List<VexStatement> statements = new ArrayList<>();
        JsonNode list = root.path("statements");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String where = "/statements/" + i;
            JsonNode vuln = s.get("vulnerability");
            String id;
            List<String> aliases = new ArrayList<>();
            if (vuln != null && vuln.isObject()) {
                id = text(vuln.get("name"));
                vuln.path("aliases").forEach(a -> aliases.add(a.asText()));
            } else {
                id = text(vuln);
            }
            if (id == null) {
                throw new InputException(source, where + "/vulnerability", "a statement needs a vulnerability");
            }
            VexState state = VexState.ofStatus(text(s.get("status")));
            if (state == null) {
                throw new InputException(source, where + "/status", "unknown status '" + s.path("status").asText()
                        + "': use not_affected, affected, fixed or under_investigation");
            }
            List<VexProduct> components = new ArrayList<>();
            for (JsonNode p : s.path("products")) {
                if (p.isTextual()) {
                    components.add(purlProduct(p.asText()));
                    continue;
                }
                JsonNode subs = p.path("subcomponents");
                if (subs.isArray() && !subs.isEmpty()) {
                    subs.forEach(sc -> components.add(purlProduct(idOf(sc))));
                } else {
                    components.add(purlProduct(idOf(p)));
                }
            }
            s.path("subcomponents").forEach(sc -> components.add(purlProduct(sc.isTextual() ? sc.asText() : idOf(sc))));
            String justification = text(s.get("justification"));
            if (justification != null && !VexJustification.VALUES.contains(justification)) {
                throw new InputException(source, where + "/justification", "unknown justification '" + justification + "'");
            }
            statements.add(new VexStatement(id, aliases, components, state, justification, text(s.get("impact_statement")),
                    text(s.get("action_statement")), null, instant(s.has("timestamp") ? s.get("timestamp") : root.get("timestamp"))));
        }
        return new VexDocument(VexFormat.OPENVEX, text(root.get("@id")), text(root.get("author")), instant(root.get("timestamp")),
                root.path("version").asInt(1), null, statements);
    }

    private static String idOf(JsonNode p) {
        String id = text(p.get("@id"));
        if (id == null) {
            id = text(p.path("identifiers").get("purl"));
        }
        return id == null ? "" : id;
    }

    private static VexProduct purlProduct(String id) {
        return new VexProduct(id, null, id.startsWith("pkg:") ? id : null, null);
    }

    // ---------------------------------------------------------------- CSAF

    private static VexDocument csaf(JsonNode root, String source) {
        Map<String, VexProduct> products = new HashMap<>();
        JsonNode tree = root.path("product_tree");
        tree.path("full_product_names").forEach(n -> products.put(n.path("product_id").asText(), csafProduct(n)));
        branches(tree.path("branches"), products);
        for (JsonNode r : tree.path("relationships")) {
            VexProduct component = products.get(r.path("product_reference").asText());
            String id = r.path("full_product_name").path("product_id").asText();
            if (component != null && !id.isEmpty()) {
                products.put(id, component);
            }
        }
        List<VexStatement> statements = new ArrayList<>();
        JsonNode vulns = root.path("vulnerabilities");
        for (int i = 0; i < vulns.size(); i++) {
            JsonNode v = vulns.get(i);
            String cve = text(v.get("cve"));
            List<String> ids = new ArrayList<>();
            v.path("ids").forEach(x -> ids.add(x.path("text").asText()));
            String id = cve != null ? cve : ids.isEmpty() ? null : ids.getFirst();
            if (id == null) {
                throw new InputException(source, "/vulnerabilities/" + i, "a vulnerability needs a cve or ids");
            }
            Map<String, String> flags = new HashMap<>();
            v.path("flags").forEach(f -> f.path("product_ids").forEach(p -> flags.put(p.asText(), f.path("label").asText())));
            Map<String, String> impacts = new HashMap<>();
            v.path("threats").forEach(t -> {
                if ("impact".equals(t.path("category").asText())) {
                    t.path("product_ids").forEach(p -> impacts.put(p.asText(), t.path("details").asText()));
                }
            });
            Map<String, String> actions = new HashMap<>();
            v.path("remediations").forEach(r -> r.path("product_ids").forEach(p -> actions.put(p.asText(), r.path("details").asText())));
            JsonNode status = v.path("product_status");
            for (String key : List.of("known_not_affected", "known_affected", "fixed", "first_fixed", "under_investigation")) {
                VexState state = key.equals("first_fixed") ? VexState.RESOLVED : VexState.ofStatus(key);
                for (JsonNode pid : status.path(key)) {
                    String p = pid.asText();
                    VexProduct product = products.getOrDefault(p, new VexProduct(p, null, null, null));
                    String justification = flags.get(p);
                    statements.add(new VexStatement(id, ids, List.of(product), state,
                            justification != null && VexJustification.VALUES.contains(justification) ? justification : null,
                            impacts.get(p), actions.get(p), null, instant(root.path("document").path("tracking").get("current_release_date"))));
                }
            }
        }
        JsonNode document = root.path("document");
        return new VexDocument(VexFormat.CSAF, text(document.path("tracking").get("id")), text(document.path("publisher").get("name")),
                instant(document.path("tracking").get("current_release_date")), 1, null, merge(statements));
    }

    private static void branches(JsonNode branches, Map<String, VexProduct> products) {
        for (JsonNode b : branches) {
            if (b.has("product")) {
                products.put(b.path("product").path("product_id").asText(), csafProduct(b.get("product")));
            }
            branches(b.path("branches"), products);
        }
    }

    private static VexProduct csafProduct(JsonNode n) {
        JsonNode helper = n.path("product_identification_helper");
        return new VexProduct(n.path("name").asText(), null, text(helper.get("purl")), n.path("product_id").asText());
    }

    /** One statement per vulnerability, state and wording, with all its products. */
    private static List<VexStatement> merge(List<VexStatement> statements) {
        Map<String, List<VexStatement>> groups = new java.util.LinkedHashMap<>();
        for (VexStatement s : statements) {
            String key = s.vulnerabilityId() + "\n" + s.state() + "\n" + s.justification() + "\n" + s.impactStatement() + "\n"
                    + s.actionStatement();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<VexStatement> out = new ArrayList<>();
        for (List<VexStatement> g : groups.values()) {
            VexStatement first = g.getFirst();
            Set<VexProduct> components = new LinkedHashSet<>();
            g.forEach(s -> components.addAll(s.components()));
            out.add(new VexStatement(first.vulnerabilityId(), first.aliases(), List.copyOf(components), first.state(),
                    first.justification(), first.impactStatement(), first.actionStatement(), first.fixedIn(), first.timestamp()));
        }
        return out;
    }
}

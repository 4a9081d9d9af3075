package dev.mamori.vex;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes a {@link VexExport} as CycloneDX 1.6 VEX, OpenVEX 0.2.0 or CSAF 2.0 ({@code csaf_vex}); each output is
 * valid against its format's JSON schema (tested).
 *
 * <ul>
 *   <li>CycloneDX: the product is {@code metadata.component}, each component a {@code components[]} entry (with its
 *       purl) that {@code vulnerabilities[].affects} refers to; states and justifications as in {@link VexState} and
 *       {@link VexJustification#toCycloneDx}; aliases become {@code references}.</li>
 *   <li>OpenVEX: one statement per vulnerability and component, the product by its purl with the component as a
 *       subcomponent; false positives are {@code not_affected} with an impact statement saying so; an affected
 *       statement always has an action statement (the fix, or that none is known).</li>
 *   <li>CSAF: the product tree has the product, each component, and a {@code default_component_of} relationship per
 *       component (those are the product ids the statuses name); {@code not_affected} carries a flag with the
 *       justification or a threat of category impact; {@code known_affected} a remediation.</li>
 * </ul>
 */
public final class VexWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern UUID_URN = Pattern.compile("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
    private static final Pattern CVE = Pattern.compile("^CVE-[0-9]{4}-[0-9]{4,}$");

    private final String tool;
    private final String toolVersion;

    /** @param tool the generator to name, e.g. {@code Mamori} and its version */
    public VexWriter(String tool, String toolVersion) {
        this.tool = tool;
        this.toolVersion = toolVersion;
    }

    public void write(VexExport doc, VexFormat format, OutputStream out) throws IOException {
        ObjectNode root = switch (format) {
            case CYCLONEDX -> cycloneDx(doc);
            case OPENVEX -> openVex(doc);
            case CSAF -> csaf(doc);
        };
        JSON.writeValue(out, root);
    }

    public byte[] bytes(VexExport doc, VexFormat format) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            write(doc, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String time(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format((t == null ? Instant.EPOCH : t).truncatedTo(ChronoUnit.SECONDS));
    }

    // ---------------------------------------------------------------- CycloneDX

    private ObjectNode cycloneDx(VexExport doc) {
        ObjectNode root = JSON.createObjectNode();
        root.put("bomFormat", "CycloneDX");
        root.put("specVersion", "1.6");
        root.put("serialNumber", doc.id() != null && UUID_URN.matcher(doc.id()).matches() ? doc.id()
                : "urn:uuid:" + UUID.nameUUIDFromBytes(String.valueOf(doc.id()).getBytes(StandardCharsets.UTF_8)));
        root.put("version", Math.max(1, doc.version()));
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("timestamp", time(doc.timestamp()));
        ObjectNode toolComponent = metadata.putObject("tools").putArray("components").addObject();
        toolComponent.put("type", "application");
        toolComponent.put("name", tool);
        if (toolVersion != null) {
            toolComponent.put("version", toolVersion);
        }
        if (doc.author() != null) {
            metadata.putArray("authors").addObject().put("name", doc.author());
        }
        if (doc.product() != null) {
            ObjectNode subject = metadata.putObject("component");
            subject.put("type", "application");
            subject.put("bom-ref", "product");
            subject.put("name", doc.product().name());
            if (doc.product().version() != null) {
                subject.put("version", doc.product().version());
            }
            if (doc.product().purl() != null) {
                subject.put("purl", doc.product().purl());
            }
        }
        Map<String, String> refs = new LinkedHashMap<>();
        ArrayNode components = root.putArray("components");
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        int v = 0;
        for (VexExport.Statement s : doc.statements()) {
            ObjectNode vn = vulnerabilities.addObject();
            vn.put("bom-ref", "vulnerability-" + (++v));
            vn.put("id", s.vulnerabilityId());
            vn.putObject("source").put("name", sourceOf(s.vulnerabilityId()));
            List<String> aliases = s.aliases().stream().filter(a -> !a.equals(s.vulnerabilityId())).toList();
            if (!aliases.isEmpty()) {
                ArrayNode references = vn.putArray("references");
                for (String a : aliases) {
                    ObjectNode r = references.addObject();
                    r.put("id", a);
                    r.putObject("source").put("name", sourceOf(a));
                }
            }
            ObjectNode analysis = vn.putObject("analysis");
            analysis.put("state", s.state().label());
            if (s.justification() != null && s.state() == VexState.NOT_AFFECTED) {
                analysis.put("justification", VexJustification.toCycloneDx(s.justification()));
            }
            if (s.state() == VexState.EXPLOITABLE && s.fixedIn() != null) {
                analysis.putArray("response").add("update");
            }
            String detail = detail(s);
            if (detail != null) {
                analysis.put("detail", detail);
            }
            if (s.timestamp() != null) {
                analysis.put("lastUpdated", time(s.timestamp()));
            }
            ArrayNode affects = vn.putArray("affects");
            if (s.components().isEmpty()) {
                affects.addObject().put("ref", "product");
            }
            for (VexExport.Subject c : s.components()) {
                String ref = refs.get(c.label());
                if (ref == null) {
                    ref = "component-" + (refs.size() + 1);
                    refs.put(c.label(), ref);
                    ObjectNode cn = components.addObject();
                    cn.put("type", "library");
                    cn.put("bom-ref", ref);
                    cn.put("name", c.name());
                    if (c.version() != null) {
                        cn.put("version", c.version());
                    }
                    if (c.purl() != null) {
                        cn.put("purl", c.purl());
                    }
                }
                affects.addObject().put("ref", ref);
            }
        }
        return root;
    }

    private static String detail(VexExport.Statement s) {
        List<String> parts = new ArrayList<>();
        if (s.impactStatement() != null) {
            parts.add(s.impactStatement());
        }
        if (s.actionStatement() != null) {
            parts.add(s.actionStatement());
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    private static String sourceOf(String id) {
        String upper = id.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CVE-")) {
            return "NVD";
        }
        if (upper.startsWith("GHSA-")) {
            return "GitHub Advisories";
        }
        if (upper.startsWith("JVNDB-")) {
            return "JVN iPedia";
        }
        int dash = id.indexOf('-');
        return dash > 0 ? id.substring(0, dash) : "OSV";
    }

    // ---------------------------------------------------------------- OpenVEX

    private ObjectNode openVex(VexExport doc) {
        ObjectNode root = JSON.createObjectNode();
        root.put("@context", "https://openvex.dev/ns/v0.2.0");
        root.put("@id", doc.id() != null ? doc.id() : "urn:uuid:" + UUID.randomUUID());
        root.put("author", doc.author() != null ? doc.author() : tool);
        root.put("timestamp", time(doc.timestamp()));
        root.put("version", Math.max(1, doc.version()));
        root.put("tooling", toolVersion == null ? tool : tool + " " + toolVersion);
        ArrayNode statements = root.putArray("statements");
        for (VexExport.Statement s : doc.statements()) {
            ObjectNode sn = statements.addObject();
            ObjectNode vn = sn.putObject("vulnerability");
            vn.put("name", s.vulnerabilityId());
            List<String> aliases = s.aliases().stream().filter(a -> !a.equals(s.vulnerabilityId())).distinct().toList();
            if (!aliases.isEmpty()) {
                ArrayNode an = vn.putArray("aliases");
                aliases.forEach(an::add);
            }
            if (s.timestamp() != null) {
                sn.put("timestamp", time(s.timestamp()));
            }
            ObjectNode product = sn.putArray("products").addObject();
            product.put("@id", productIri(doc.product()));
            if (!s.components().isEmpty()) {
                ArrayNode subs = product.putArray("subcomponents");
                s.components().stream().map(VexWriter::componentIri).distinct().forEach(iri -> subs.addObject().put("@id", iri));
            }
            sn.put("status", s.state().openVexStatus());
            switch (s.state()) {
                case NOT_AFFECTED -> {
                    if (s.justification() != null) {
                        sn.put("justification", s.justification());
                    }
                    if (s.impactStatement() != null || s.justification() == null) {
                        sn.put("impact_statement", s.impactStatement() != null ? s.impactStatement() : "not affected");
                    }
                }
                case FALSE_POSITIVE -> sn.put("impact_statement", "false positive: the component does not contain the vulnerability"
                        + (s.impactStatement() != null ? " (" + s.impactStatement() + ")" : ""));
                case EXPLOITABLE -> sn.put("action_statement", action(s));
                default -> {
                    if (s.impactStatement() != null) {
                        sn.put("status_notes", s.impactStatement());
                    }
                }
            }
        }
        return root;
    }

    private static String action(VexExport.Statement s) {
        if (s.actionStatement() != null) {
            return s.actionStatement();
        }
        return s.fixedIn() != null ? "Update the component to " + s.fixedIn() + " or later." : "No fixed version is known.";
    }

    private static String productIri(VexExport.Subject p) {
        if (p == null) {
            return "urn:mamori:product:unknown";
        }
        if (p.purl() != null) {
            return p.purl();
        }
        return "urn:mamori:product:" + encode(p.name()) + (p.version() == null ? "" : ":" + encode(p.version()));
    }

    private static String componentIri(VexExport.Subject c) {
        return c.purl() != null ? c.purl() : "urn:mamori:component:" + encode(c.name()) + (c.version() == null ? "" : ":" + encode(c.version()));
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    // ---------------------------------------------------------------- CSAF

    private ObjectNode csaf(VexExport doc) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode document = root.putObject("document");
        document.put("category", "csaf_vex");
        document.put("csaf_version", "2.0");
        String productName = doc.product() == null ? "product"
                : doc.product().name() + (doc.product().version() == null ? "" : " " + doc.product().version());
        ObjectNode publisher = document.putObject("publisher");
        publisher.put("category", "vendor");
        publisher.put("name", doc.author() != null ? doc.author() : tool);
        publisher.put("namespace", "urn:mamori:publisher");
        document.put("title", "VEX for " + productName);
        document.putArray("notes").addObject().put("category", "summary").put("title", "About this document")
                .put("text", "The exploitability of known vulnerabilities in " + productName + ", as triaged in " + tool + ".");
        ObjectNode tracking = document.putObject("tracking");
        String now = time(doc.timestamp());
        tracking.put("current_release_date", now);
        tracking.put("id", doc.id() != null && !doc.id().isBlank() ? doc.id().strip() : "mamori-vex");
        tracking.put("initial_release_date", now);
        ObjectNode revision = tracking.putArray("revision_history").addObject();
        revision.put("date", now);
        revision.put("number", Integer.toString(Math.max(1, doc.version())));
        revision.put("summary", "Generated by " + tool);
        tracking.put("status", "final");
        tracking.put("version", Integer.toString(Math.max(1, doc.version())));
        ObjectNode engine = tracking.putObject("generator").putObject("engine");
        engine.put("name", tool);
        if (toolVersion != null) {
            engine.put("version", toolVersion);
        }

        ObjectNode tree = root.putObject("product_tree");
        ArrayNode names = tree.putArray("full_product_names");
        ObjectNode productNode = names.addObject();
        productNode.put("name", productName);
        productNode.put("product_id", "PRODUCT");
        if (doc.product() != null && doc.product().purl() != null) {
            productNode.putObject("product_identification_helper").put("purl", doc.product().purl());
        }
        Map<String, String> componentIds = new LinkedHashMap<>();
        ArrayNode relationships = JSON.createArrayNode();
        for (VexExport.Statement s : doc.statements()) {
            for (VexExport.Subject c : s.components()) {
                if (componentIds.containsKey(c.label())) {
                    continue;
                }
                String id = "COMPONENT-" + (componentIds.size() + 1);
                componentIds.put(c.label(), id);
                ObjectNode cn = names.addObject();
                cn.put("name", c.version() == null ? c.name() : c.name() + " " + c.version());
                cn.put("product_id", id);
                if (c.purl() != null && c.purl().matches("^pkg:[A-Za-z\\.\\-\\+][A-Za-z0-9\\.\\-\\+]*/.+")) {
                    cn.putObject("product_identification_helper").put("purl", c.purl());
                }
                ObjectNode rel = relationships.addObject();
                rel.put("category", "default_component_of");
                ObjectNode full = rel.putObject("full_product_name");
                full.put("name", cn.get("name").asText() + " as a component of " + productName);
                full.put("product_id", "PRODUCT:" + id);
                rel.put("product_reference", id);
                rel.put("relates_to_product_reference", "PRODUCT");
            }
        }
        if (!relationships.isEmpty()) {
            tree.set("relationships", relationships);
        }

        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        for (VexExport.Statement s : doc.statements()) {
            ObjectNode vn = vulnerabilities.addObject();
            String cve = s.ids().stream().filter(id -> CVE.matcher(id).matches()).findFirst().orElse(null);
            if (cve != null) {
                vn.put("cve", cve);
            }
            List<String> others = s.ids().stream().filter(id -> !id.equals(cve)).distinct().toList();
            if (!others.isEmpty()) {
                ArrayNode ids = vn.putArray("ids");
                for (String id : others) {
                    ids.addObject().put("system_name", sourceOf(id)).put("text", id);
                }
            }
            vn.putArray("notes").addObject().put("category", "description").put("title", "Statement")
                    .put("text", s.state().label().replace('_', ' ') + (s.impactStatement() == null ? "" : ": " + s.impactStatement()));
            List<String> pids = s.components().isEmpty() ? List.of("PRODUCT")
                    : s.components().stream().map(c -> "PRODUCT:" + componentIds.get(c.label())).distinct().toList();
            String status = switch (s.state()) {
                case IN_TRIAGE -> "under_investigation";
                case EXPLOITABLE -> "known_affected";
                case NOT_AFFECTED, FALSE_POSITIVE -> "known_not_affected";
                case RESOLVED -> "fixed";
            };
            ArrayNode list = vn.putObject("product_status").putArray(status);
            pids.forEach(list::add);
            if (s.state() == VexState.NOT_AFFECTED && s.justification() != null) {
                ObjectNode flag = vn.putArray("flags").addObject();
                flag.put("label", s.justification());
                ArrayNode fp = flag.putArray("product_ids");
                pids.forEach(fp::add);
            } else if (s.state() == VexState.NOT_AFFECTED || s.state() == VexState.FALSE_POSITIVE) {
                ObjectNode threat = vn.putArray("threats").addObject();
                threat.put("category", "impact");
                threat.put("details", s.state() == VexState.FALSE_POSITIVE
                        ? "False positive: the component does not contain the vulnerability." + (s.impactStatement() == null ? "" : " " + s.impactStatement())
                        : s.impactStatement() != null ? s.impactStatement() : "Not affected.");
                ArrayNode tp = threat.putArray("product_ids");
                pids.forEach(tp::add);
            }
            if (s.state() == VexState.EXPLOITABLE) {
                ObjectNode remediation = vn.putArray("remediations").addObject();
                remediation.put("category", s.fixedIn() != null ? "vendor_fix" : "none_available");
                remediation.put("details", action(s));
                ArrayNode rp = remediation.putArray("product_ids");
                pids.forEach(rp::add);
            }
        }
        return root;
    }
}

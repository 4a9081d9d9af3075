package dev.mamori.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CycloneDX JSON (spec 1.2 to 1.7) into a {@link Bom}, streaming: one top-level component is held as a tree
 * at a time, so memory stays bounded by the largest component, not by the document.
 */
public final class CycloneDxJsonReader {
    static final Set<String> SPEC_VERSIONS = Set.of("1.2", "1.3", "1.4", "1.5", "1.6", "1.7");

    private CycloneDxJsonReader() {}

    /**
     * Reads one CycloneDX JSON document.
     *
     * @param source the file name used in error messages
     * @throws InputException naming {@code source} and the place (line and column, JSON pointer)
     */
    public static Bom read(InputStream in, String source) {
        try (JsonParser p = JsonInput.parser(in)) {
            return new Reading(p, new ReadContext(source)).read();
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static final class Reading {
        private final JsonParser p;
        private final ReadContext ctx;
        private final List<Component> components = new ArrayList<>();
        private final Map<String, List<String>> dependencies = new LinkedHashMap<>();
        private String bomFormat;
        private String specVersion;
        private String serialNumber;
        private Integer version;
        private Metadata metadata = Metadata.EMPTY;

        Reading(JsonParser p, ReadContext ctx) {
            this.p = p;
            this.ctx = ctx;
        }

        Bom read() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ctx.error(JsonInput.where(p.currentTokenLocation()),
                        "not a CycloneDX JSON document: the top level is not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "bomFormat" -> bomFormat = p.getValueAsString();
                    case "specVersion" -> specVersion = p.getValueAsString();
                    case "serialNumber" -> serialNumber = p.getValueAsString();
                    case "version" -> version = value == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "metadata" -> metadata = readMetadata(JsonInput.mapper().readTree(p));
                    case "components" -> {
                        expectArray(value, "/components");
                        int i = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            JsonNode node = JsonInput.mapper().readTree(p);
                            components.add(component(node, "/components/" + i++));
                        }
                    }
                    case "dependencies" -> {
                        expectArray(value, "/dependencies");
                        int i = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            dependency(JsonInput.mapper().readTree(p), "/dependencies/" + i++);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw ctx.error(JsonInput.where(p.currentTokenLocation()),
                        "unexpected content after the end of the JSON document");
            }
            if (!"CycloneDX".equals(bomFormat)) {
                throw ctx.error("/bomFormat",
                        bomFormat == null ? "not a CycloneDX document: no bomFormat" : "bomFormat is '" + bomFormat + "', expected 'CycloneDX'");
            }
            if (specVersion == null || !SPEC_VERSIONS.contains(specVersion)) {
                throw ctx.error("/specVersion",
                        specVersion == null ? "no specVersion" : "unsupported CycloneDX specVersion '" + specVersion + "' (1.2 to 1.7 are read)");
            }
            return new Bom(SbomFormat.CYCLONEDX, specVersion, "json", serialNumber, version, CycloneDxPlan.liftTlp(metadata), components,
                    dependencies, ctx.warnings);
        }

        private void expectArray(JsonToken token, String path) {
            if (token != JsonToken.START_ARRAY) {
                throw ctx.error(path + " (" + JsonInput.where(p.currentTokenLocation()) + ")", "expected an array");
            }
        }

        private Metadata readMetadata(JsonNode m) {
            if (!m.isObject()) {
                throw ctx.error("/metadata", "expected an object");
            }
            List<String> lifecycles = new ArrayList<>();
            for (JsonNode l : m.path("lifecycles")) {
                String phase = text(l, "phase");
                lifecycles.add(phase != null ? phase : text(l, "name"));
            }
            List<Tool> tools = new ArrayList<>();
            JsonNode t = m.get("tools");
            if (t != null && t.isArray()) {
                for (JsonNode tool : t) {
                    tools.add(new Tool(text(tool, "vendor"), text(tool, "name"), text(tool, "version")));
                }
            } else if (t != null && t.isObject()) {
                for (String kind : List.of("components", "services")) {
                    for (JsonNode tool : t.path(kind)) {
                        String vendor = text(tool, "group");
                        if (vendor == null) {
                            Party pr = organization(tool.get("provider"));
                            if (pr == null) {
                                pr = organization(tool.get("manufacturer"));
                            }
                            if (pr == null) {
                                pr = organization(tool.get("supplier"));
                            }
                            vendor = pr == null ? text(tool, "publisher") : pr.label();
                        }
                        tools.add(new Tool(vendor, text(tool, "name"), text(tool, "version")));
                    }
                }
            }
            List<Party> authors = new ArrayList<>();
            for (JsonNode a : m.path("authors")) {
                Party p = contact(a);
                if (p != null) {
                    authors.add(p);
                }
            }
            Party manufacturer = organization(m.has("manufacturer") ? m.get("manufacturer") : m.get("manufacture"));
            Component subject = null;
            JsonNode c = m.get("component");
            if (c != null && !c.isNull()) {
                subject = component(c, "/metadata/component");
            }
            String tlp = text(m.path("distributionConstraints"), "tlp");
            return new Metadata(text(m, "timestamp"), authors, organization(m.get("supplier")), manufacturer, tools,
                    lifecycles, subject, tlp, null, licenses(m.path("licenses")), properties(m.path("properties")));
        }

        private Component component(JsonNode node, String path) {
            if (!node.isObject()) {
                throw ctx.error(path, "expected a component object");
            }
            String name = text(node, "name");
            if (name == null || name.isEmpty()) {
                throw ctx.error(path + "/name", "a component needs a name");
            }
            Component.Builder b = Component.builder(name)
                    .bomRef(text(node, "bom-ref")).type(text(node, "type")).group(text(node, "group"))
                    .version(text(node, "version")).description(text(node, "description")).scope(text(node, "scope"))
                    .publisher(text(node, "publisher")).copyright(text(node, "copyright"))
                    .supplier(organization(node.get("supplier"))).manufacturer(organization(node.get("manufacturer")))
                    .location(path);
            String purlText = text(node, "purl");
            b.purl(purlText, ctx.purl(purlText, path + "/purl"));
            b.cpe(text(node, "cpe"));
            for (JsonNode id : node.path("omniborId")) {
                b.identifier(new Identifier("omniborId", id.asText()));
            }
            for (JsonNode id : node.path("swhid")) {
                b.identifier(new Identifier("swhid", id.asText()));
            }
            JsonNode swid = node.get("swid");
            if (swid != null && swid.isObject()) {
                b.swid(new Swid(text(swid, "tagId"), text(swid, "name"), text(swid, "version"),
                        swid.path("tagVersion").isInt() ? swid.get("tagVersion").intValue() : null,
                        swid.path("patch").isBoolean() ? swid.get("patch").booleanValue() : null, text(swid, "url")));
            }
            for (JsonNode a : node.path("authors")) {
                Party p = contact(a);
                if (p != null) {
                    b.author(p);
                }
            }
            String author = text(node, "author");
            if (author != null && !author.isBlank()) {
                b.author(Party.named(author));
            }
            for (JsonNode h : node.path("hashes")) {
                String alg = text(h, "alg");
                String content = text(h, "content");
                if (alg != null && content != null) {
                    b.hash(HashAlgorithms.normalize(alg), content);
                }
            }
            licenses(node.path("licenses")).forEach(b::license);
            for (JsonNode r : node.path("externalReferences")) {
                String url = text(r, "url");
                if (url != null) {
                    b.externalReference(new ExternalReference(text(r, "type"), url, text(r, "comment")));
                }
            }
            properties(node.path("properties")).forEach(pr -> b.property(pr.name(), pr.value()));
            JsonNode ev = node.get("evidence");
            if (ev != null && ev.isObject()) {
                b.evidence(evidence(ev, path + "/evidence"));
            }
            JsonNode nested = node.get("components");
            if (nested != null && !nested.isNull()) {
                if (!nested.isArray()) {
                    throw ctx.error(path + "/components", "expected an array");
                }
                for (int i = 0; i < nested.size(); i++) {
                    b.child(component(nested.get(i), path + "/components/" + i));
                }
            }
            return b.build();
        }

        private Evidence evidence(JsonNode ev, String path) {
            List<Evidence.Identity> identities = new ArrayList<>();
            JsonNode identity = ev.get("identity");
            if (identity != null && identity.isObject()) {
                identities.add(identity(identity, path + "/identity"));
            } else if (identity != null && identity.isArray()) {
                for (int i = 0; i < identity.size(); i++) {
                    identities.add(identity(identity.get(i), path + "/identity/" + i));
                }
            }
            List<String> occurrences = new ArrayList<>();
            for (JsonNode o : ev.path("occurrences")) {
                String location = text(o, "location");
                if (location != null) {
                    occurrences.add(location);
                }
            }
            return new Evidence(identities, occurrences);
        }

        private Evidence.Identity identity(JsonNode id, String path) {
            List<Evidence.Method> methods = new ArrayList<>();
            JsonNode ms = id.path("methods");
            for (int i = 0; i < ms.size(); i++) {
                JsonNode m = ms.get(i);
                methods.add(new Evidence.Method(text(m, "technique"),
                        ctx.confidence(text(m, "confidence"), path + "/methods/" + i + "/confidence"), text(m, "value")));
            }
            return new Evidence.Identity(text(id, "field"), ctx.confidence(text(id, "confidence"), path + "/confidence"),
                    text(id, "concludedValue"), methods);
        }

        private List<License> licenses(JsonNode array) {
            List<License> out = new ArrayList<>();
            for (JsonNode l : array) {
                String expression = text(l, "expression");
                if (expression != null) {
                    out.add(License.expression(expression, License.Acknowledgement.ofCycloneDx(text(l, "acknowledgement"))));
                    continue;
                }
                JsonNode lic = l.path("license");
                License.Acknowledgement ack = License.Acknowledgement.ofCycloneDx(text(lic, "acknowledgement"));
                String id = text(lic, "id");
                String lname = text(lic, "name");
                if (id != null) {
                    out.add(new License(id, License.Kind.ID, ack));
                } else if (lname != null) {
                    out.add(new License(lname, License.Kind.NAME, ack));
                }
            }
            return out;
        }

        private static List<Property> properties(JsonNode array) {
            List<Property> out = new ArrayList<>();
            for (JsonNode pr : array) {
                String n = text(pr, "name");
                if (n != null) {
                    out.add(new Property(n, text(pr, "value")));
                }
            }
            return out;
        }

        private static Party organization(JsonNode node) {
            if (node == null || !node.isObject()) {
                return null;
            }
            String url = null;
            JsonNode urls = node.get("url");
            if (urls != null && urls.isArray() && !urls.isEmpty()) {
                url = urls.get(0).asText();
            }
            String email = null;
            for (JsonNode c : node.path("contact")) {
                if (email == null) {
                    email = text(c, "email");
                }
            }
            Party p = new Party(text(node, "name"), email, url, Party.Kind.ORGANIZATION);
            return p.isEmpty() ? null : p;
        }

        private static Party contact(JsonNode node) {
            if (node == null || !node.isObject()) {
                return null;
            }
            Party p = new Party(text(node, "name"), text(node, "email"), null, Party.Kind.PERSON);
            return p.isEmpty() ? null : p;
        }

        private void dependency(JsonNode node, String path) {
            String ref = text(node, "ref");
            if (ref == null) {
                throw ctx.error(path + "/ref", "a dependency needs a ref");
            }
            List<String> on = new ArrayList<>();
            for (JsonNode d : node.path("dependsOn")) {
                on.add(d.asText());
            }
            List<String> before = dependencies.putIfAbsent(ref, on);
            if (before != null) {
                List<String> merged = new ArrayList<>(before);
                for (String d : on) {
                    if (!merged.contains(d)) {
                        merged.add(d);
                    }
                }
                dependencies.put(ref, merged);
                ctx.warn(path + "/ref", "dependencies of '" + ref + "' are listed more than once; merged");
            }
        }

    }

    /** A field's scalar value as text, or null when absent, null or not a scalar. */
    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
    }
}

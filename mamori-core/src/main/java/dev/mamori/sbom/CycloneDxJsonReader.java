package dev.mamori.sbom;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import dev.mamori.purl.Purl;
import dev.mamori.purl.PurlException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CycloneDX JSON (spec 1.2 to 1.7) into a {@link Bom}, streaming: one component is held as a tree at a
 * time, so memory stays bounded by the largest component, not by the document.
 */
public final class CycloneDxJsonReader {
    private static final Set<String> SPEC_VERSIONS = Set.of("1.2", "1.3", "1.4", "1.5", "1.6", "1.7");

    private CycloneDxJsonReader() {}

    /**
     * Reads one CycloneDX JSON document.
     *
     * @param source the file name used in error messages
     * @throws InputException naming {@code source} and the place (line and column, JSON pointer)
     */
    public static Bom read(InputStream in, String source) {
        try (JsonParser p = JsonInput.parser(in)) {
            return new CycloneDxJsonReader.Reading(p, source).read();
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e);
        } catch (IOException e) {
            throw new InputException(source, "", "cannot read: " + e.getMessage(), e);
        }
    }

    private static final class Reading {
        private final JsonParser p;
        private final String source;
        private final List<String> warnings = new ArrayList<>();
        private final List<Component> components = new ArrayList<>();
        private final Map<String, List<String>> dependencies = new LinkedHashMap<>();
        private String bomFormat;
        private String specVersion;
        private String serialNumber;
        private Component subject;
        private String timestamp;

        Reading(JsonParser p, String source) {
            this.p = p;
            this.source = source;
        }

        Bom read() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(source, JsonInput.where(p.currentTokenLocation()),
                        "not a CycloneDX JSON document: the top level is not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "bomFormat" -> bomFormat = p.getValueAsString();
                    case "specVersion" -> specVersion = p.getValueAsString();
                    case "serialNumber" -> serialNumber = p.getValueAsString();
                    case "metadata" -> readMetadata(JsonInput.mapper().readTree(p));
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
                throw new InputException(source, JsonInput.where(p.currentTokenLocation()),
                        "unexpected content after the end of the JSON document");
            }
            if (!"CycloneDX".equals(bomFormat)) {
                throw new InputException(source, "/bomFormat",
                        bomFormat == null ? "not a CycloneDX document: no bomFormat" : "bomFormat is '" + bomFormat + "', expected 'CycloneDX'");
            }
            if (specVersion == null || !SPEC_VERSIONS.contains(specVersion)) {
                throw new InputException(source, "/specVersion",
                        specVersion == null ? "no specVersion" : "unsupported CycloneDX specVersion '" + specVersion + "' (1.2 to 1.7 are read)");
            }
            return new Bom("CycloneDX", specVersion, serialNumber, subject, timestamp, components, dependencies, warnings);
        }

        private void expectArray(JsonToken token, String path) {
            if (token != JsonToken.START_ARRAY) {
                throw new InputException(source, path + " (" + JsonInput.where(p.currentTokenLocation()) + ")", "expected an array");
            }
        }

        private void readMetadata(JsonNode metadata) {
            if (!metadata.isObject()) {
                throw new InputException(source, "/metadata", "expected an object");
            }
            timestamp = text(metadata, "timestamp");
            JsonNode c = metadata.get("component");
            if (c != null && !c.isNull()) {
                subject = component(c, "/metadata/component");
            }
        }

        private Component component(JsonNode node, String path) {
            if (!node.isObject()) {
                throw new InputException(source, path, "expected a component object");
            }
            String name = text(node, "name");
            if (name == null || name.isEmpty()) {
                throw new InputException(source, path + "/name", "a component needs a name");
            }
            String purlText = text(node, "purl");
            Purl purl = null;
            if (purlText != null && !purlText.isBlank()) {
                try {
                    purl = Purl.parse(purlText);
                } catch (PurlException e) {
                    warnings.add(path + "/purl: invalid purl '" + purlText + "': " + e.getMessage());
                }
            }
            Map<String, String> hashes = new LinkedHashMap<>();
            for (JsonNode h : node.path("hashes")) {
                String alg = text(h, "alg");
                String content = text(h, "content");
                if (alg != null && content != null) {
                    hashes.put(alg, content);
                }
            }
            List<String> licenses = new ArrayList<>();
            for (JsonNode l : node.path("licenses")) {
                String expression = text(l, "expression");
                JsonNode lic = l.path("license");
                String id = text(lic, "id");
                String lname = text(lic, "name");
                if (expression != null) {
                    licenses.add(expression);
                } else if (id != null) {
                    licenses.add(id);
                } else if (lname != null) {
                    licenses.add(lname);
                }
            }
            String supplier = text(node.path("supplier"), "name");
            if (supplier == null) {
                supplier = text(node, "publisher");
            }
            List<Component> children = new ArrayList<>();
            JsonNode nested = node.get("components");
            if (nested != null) {
                if (!nested.isArray()) {
                    throw new InputException(source, path + "/components", "expected an array");
                }
                for (int i = 0; i < nested.size(); i++) {
                    children.add(component(nested.get(i), path + "/components/" + i));
                }
            }
            return new Component(text(node, "bom-ref"), text(node, "type"), text(node, "group"), name,
                    text(node, "version"), purl, purlText, text(node, "cpe"), supplier, hashes, licenses, children, path);
        }

        private void dependency(JsonNode node, String path) {
            String ref = text(node, "ref");
            if (ref == null) {
                throw new InputException(source, path + "/ref", "a dependency needs a ref");
            }
            List<String> on = new ArrayList<>();
            for (JsonNode d : node.path("dependsOn")) {
                on.add(d.asText());
            }
            dependencies.put(ref, on);
        }

        private static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v == null || v.isNull() || !v.isValueNode() ? null : v.asText();
        }
    }
}

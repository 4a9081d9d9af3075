package dev.mamori.sbom.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.resource.InputStreamSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The official JSON schemas (CycloneDX 1.2–1.7, SPDX 2.2, 2.3 and 3.0.1), bundled and gzipped under
 * {@code dev/mamori/sbom/validate/}, checked with networknt json-schema-validator. Nothing is fetched from the
 * network: every schema IRI is answered from the bundle or not at all. Compiled schemas are cached.
 */
final class JsonSchemas {
    private static final String BASE = "/dev/mamori/sbom/validate/";
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            b -> b.schemaLoader(l -> l.fetchRemoteResources(false)
                    .resourceLoaders(r -> r.add(iri -> source(iri.toString())))));

    private JsonSchemas() {}

    /** The bundled resource for a schema IRI, or null. */
    private static InputStreamSource source(String iri) {
        String resource = resourceFor(iri);
        if (resource == null || JsonSchemas.class.getResource(resource) == null) {
            return null;
        }
        return () -> new GZIPInputStream(JsonSchemas.class.getResourceAsStream(resource));
    }

    static String resourceFor(String iri) {
        String i = iri;
        int hash = i.indexOf('#');
        if (hash >= 0) {
            i = i.substring(0, hash);
        }
        if (i.startsWith("http://cyclonedx.org/schema/")) {
            String name = i.substring("http://cyclonedx.org/schema/".length()).replace("bom-1.2b.", "bom-1.2.").replace("bom-1.3a.", "bom-1.3.");
            return name.contains("/") ? null : BASE + "cyclonedx/" + name + ".gz";
        }
        if (i.startsWith("mamori:spdx/")) {
            return BASE + "spdx/" + i.substring("mamori:spdx/".length()) + ".gz";
        }
        return null;
    }

    /** The CycloneDX JSON schema of a spec version ({@code 1.2}–{@code 1.7}), or null when there is none. */
    static Schema cycloneDx(String specVersion) {
        if (specVersion == null || !List.of("1.2", "1.3", "1.4", "1.5", "1.6", "1.7").contains(specVersion)) {
            return null;
        }
        return CACHE.computeIfAbsent("cdx-" + specVersion,
                k -> REGISTRY.getSchema(SchemaLocation.of("http://cyclonedx.org/schema/bom-" + specVersion + ".schema.json")));
    }

    /** The SPDX JSON schema for {@code 2.2}, {@code 2.3} or {@code 3.0.1}, or null when there is none. */
    static Schema spdx(String version) {
        String file = switch (version == null ? "" : version) {
            case "2.2" -> "spdx-schema-v2.2.json";
            case "2.3" -> "spdx-schema-v2.3.json";
            case "3.0.1" -> "spdx-schema-v3.0.1.json";
            default -> null;
        };
        if (file == null) {
            return null;
        }
        return CACHE.computeIfAbsent("spdx-" + version, k -> {
            try (InputStream in = new GZIPInputStream(JsonSchemas.class.getResourceAsStream(BASE + "spdx/" + file + ".gz"))) {
                return REGISTRY.getSchema(SchemaLocation.of("mamori:spdx/" + file), in, com.networknt.schema.InputFormat.JSON);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Validates and adds one {@code schema} error per violation, located by JSON pointer. */
    static void check(Schema schema, JsonNode document, String schemaName, Problems problems) {
        List<Error> errors = schema.validate(document);
        for (Error e : errors) {
            problems.error("schema", pointer(e.getInstanceLocation(), e.getProperty()), schemaName + ": " + message(e));
        }
    }

    private static String message(Error e) {
        String m = e.getMessage();
        // networknt prefixes the message with the instance location; the problem carries it already
        int colon = m.indexOf(": ");
        if (colon > 0 && (m.startsWith("$") || m.startsWith("/"))) {
            m = m.substring(colon + 2);
        }
        return shortenList(m);
    }

    /** A long bracketed list (the 700 licence ids of an enumeration) is cut to its first values and a count. */
    static String shortenList(String m) {
        int open = m.indexOf('[');
        int close = m.lastIndexOf(']');
        if (open < 0 || close < open || close - open < 200) {
            return m;
        }
        String[] values = m.substring(open + 1, close).split(", ");
        StringBuilder sb = new StringBuilder(m.substring(0, open + 1));
        for (int i = 0; i < Math.min(5, values.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return sb.append(", … ").append(values.length).append(" values in all").append(m.substring(close)).toString();
    }

    /** A JSON pointer for a validator path; a missing required property is pointed at where it should be. */
    static String pointer(NodePath path, String property) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            sb.append('/').append(escape(String.valueOf(path.getElement(i))));
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static String escape(String s) {
        return s.replace("~", "~0").replace("/", "~1");
    }
}

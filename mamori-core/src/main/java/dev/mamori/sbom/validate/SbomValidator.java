package dev.mamori.sbom.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import dev.mamori.input.InputException;
import dev.mamori.input.JsonInput;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomFormat;
import dev.mamori.sbom.SbomReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an SBOM against its official schema and Mamori's semantic rules, in every format {@link SbomReader}
 * tells apart.
 *
 * <ul>
 *   <li>Schema: CycloneDX JSON 1.2–1.7 (JSON schema) and XML 1.0–1.7 (XSD); SPDX 2.2 and 2.3 JSON and YAML (the SPDX
 *       JSON schema); SPDX 3.0.1 JSON-LD (the SPDX 3.0.1 JSON schema). SPDX tag-value and SWID have no schema: the
 *       reader checks their structure.</li>
 *   <li>Semantic rules ({@link SemanticRules}): empty, duplicate and dangling ids (bom-ref, SPDXID, spdxId),
 *       dependency cycles (a warning: no format forbids them) and containment cycles (an error), purls, CPEs, SPDX
 *       licence ids and expressions, and the CycloneDX 1.7 {@code versionRange} rule.</li>
 * </ul>
 *
 * <p>A file that cannot be read at all (missing, not well-formed, not an SBOM) gives a report that is not
 * {@linkplain ValidationReport#readable() readable}.
 */
public final class SbomValidator {
    private static final Pattern SPDX3_CONTEXT = Pattern.compile("spdx\\.org/rdf/(3\\.[0-9.]+)/");
    private static final Pattern SPDX2_VERSION = Pattern.compile("SPDX-(2\\.\\d+)");

    private SbomValidator() {}

    /** Validates a file. */
    public static ValidationReport validate(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return unreadable(source, null, "is a directory, expected an SBOM file");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return unreadable(source, null, "no such file");
        } catch (AccessDeniedException e) {
            return unreadable(source, null, "permission denied");
        } catch (IOException e) {
            return unreadable(source, null, "cannot read: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return unreadable(source, null, "too large to validate in memory");
        }
        return validate(bytes, source);
    }

    /** Validates a document held in memory; {@code source} names it in the report. */
    public static ValidationReport validate(byte[] bytes, String source) {
        byte[] head = Arrays.copyOf(bytes, Math.min(bytes.length, 256 * 1024));
        SbomReader.Detected detected = SbomReader.detect(head);
        try {
            return switch (detected) {
                case CYCLONEDX_JSON -> cycloneDxJson(bytes, source);
                case CYCLONEDX_XML -> cycloneDxXml(bytes, source);
                case SPDX_JSON -> spdx2(JsonInput.readTree(new ByteArrayInputStream(bytes), source), source, "json");
                case SPDX_YAML -> spdx2(yaml(bytes, source), source, "yaml");
                case SPDX_TAG_VALUE -> spdxTagValue(bytes, source);
                case SPDX3_JSON_LD -> spdx3(bytes, source);
                case SWID_XML -> swid(bytes, source);
                case SPDX_RDF_XML -> unreadable(source, SbomFormat.SPDX,
                        "SPDX RDF/XML is not read; convert it to SPDX JSON or tag-value first");
                case SPDX_XML -> unreadable(source, SbomFormat.SPDX, "SPDX 2 XML is not read; convert it to SPDX JSON or tag-value first");
                case UNKNOWN -> unreadable(source, null, bytes.length == 0 ? "empty file, expected an SBOM"
                        : "not a recognised SBOM: expected CycloneDX (JSON or XML), SPDX 2 (JSON, YAML or tag-value), "
                                + "SPDX 3 JSON-LD or a SWID tag");
            };
        } catch (InputException e) {
            return new ValidationReport(source, standardOf(detected), null, null, "none", false,
                    List.of(new Problem(Severity.ERROR, "read", e.location(), e.reason())));
        } catch (StackOverflowError e) {
            return unreadable(source, standardOf(detected), "nesting too deep to validate");
        }
    }

    private static ValidationReport cycloneDxJson(byte[] bytes, String source) {
        JsonNode root = JsonInput.readTree(new ByteArrayInputStream(bytes), source);
        Problems problems = new Problems();
        JsonNode sv = root.path("specVersion");
        String version = sv.isTextual() ? sv.asText() : null;
        Schema schema = JsonSchemas.cycloneDx(version);
        String schemaName;
        if (schema != null) {
            schemaName = "CycloneDX " + version + " JSON schema";
            JsonSchemas.check(schema, root, schemaName, problems);
        } else {
            schemaName = "none";
            if (version == null) {
                problems.error("schema.version", "/specVersion", "specVersion is missing or not a string; it says which "
                        + "CycloneDX schema applies");
            } else if (version.equals("1.0") || version.equals("1.1")) {
                problems.error("schema.version", "/specVersion", "CycloneDX " + version + " has no JSON format (XML only)");
            } else {
                problems.error("schema.version", "/specVersion", "specVersion '" + version + "' is not a CycloneDX version (1.2 … 1.7 for JSON)");
            }
        }
        Facts facts = new Facts();
        CycloneDxJsonFacts.collect(root, facts, problems);
        SemanticRules.check(facts, problems);
        return new ValidationReport(source, SbomFormat.CYCLONEDX, version, "json", schemaName, true, problems.list());
    }

    private static ValidationReport cycloneDxXml(byte[] bytes, String source) {
        Problems problems = new Problems();
        Facts facts = new Facts();
        CycloneDxXml.Outcome outcome;
        try {
            outcome = CycloneDxXml.check(bytes, problems, facts);
        } catch (CycloneDxXml.NotWellFormed e) {
            return new ValidationReport(source, SbomFormat.CYCLONEDX, null, "xml", "none", false,
                    List.of(new Problem(Severity.ERROR, "read", e.location, "not well-formed XML: " + e.getMessage())));
        }
        SemanticRules.check(facts, problems);
        String version = outcome.specVersion();
        return new ValidationReport(source, SbomFormat.CYCLONEDX, version, "xml",
                version == null ? "none" : "CycloneDX " + version + " XSD", true, problems.list());
    }

    private static JsonNode yaml(byte[] bytes, String source) {
        try {
            return new YAMLMapper().readTree(bytes);
        } catch (IOException e) {
            throw new InputException(source, "", "not well-formed YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static ValidationReport spdx2(JsonNode root, String source, String encoding) {
        Problems problems = new Problems();
        String declared = root.path("spdxVersion").asText("");
        Matcher m = SPDX2_VERSION.matcher(declared);
        String version = m.matches() ? m.group(1) : null;
        Schema schema = JsonSchemas.spdx(version);
        String schemaName;
        if (version == null) {
            schemaName = "none";
            problems.error("schema.version", "/spdxVersion", "spdxVersion '" + declared + "' is not SPDX-2.x");
        } else if (schema == null) {
            schemaName = "none: no JSON schema for SPDX " + version + " (2.2 and 2.3 have one)";
        } else {
            schemaName = "SPDX " + version + " JSON schema";
            JsonSchemas.check(schema, root, schemaName, problems);
        }
        Facts facts = new Facts();
        SpdxJsonFacts.collect(root, facts, problems);
        SemanticRules.check(facts, problems);
        return new ValidationReport(source, SbomFormat.SPDX, version, encoding, schemaName, true, problems.list());
    }

    private static ValidationReport spdxTagValue(byte[] bytes, String source) {
        Bom bom = SbomReader.read(new ByteArrayInputStream(bytes), source);
        Problems problems = new Problems();
        Facts facts = new Facts();
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        SpdxTagValueFacts.collect(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8), facts, problems);
        SemanticRules.check(facts, problems);
        return new ValidationReport(source, SbomFormat.SPDX, bom.specVersion(), "tag-value",
                "none: SPDX tag-value has no schema (structure checked by the reader)", true, problems.list());
    }

    private static ValidationReport spdx3(byte[] bytes, String source) {
        JsonNode root = JsonInput.readTree(new ByteArrayInputStream(bytes), source);
        Problems problems = new Problems();
        Matcher m = SPDX3_CONTEXT.matcher(root.path("@context").toString());
        String version = m.find() ? m.group(1) : null;
        Schema schema = JsonSchemas.spdx(version);
        String schemaName;
        if (schema != null) {
            schemaName = "SPDX " + version + " JSON schema";
            JsonSchemas.check(schema, root, schemaName, problems);
        } else {
            schemaName = "none: no bundled schema for SPDX " + version + " (3.0.1 has one); structure and semantic rules only";
        }
        Facts facts = new Facts();
        Spdx3Facts.collect(root, facts, problems);
        SemanticRules.check(facts, problems);
        return new ValidationReport(source, SbomFormat.SPDX, version, "json-ld", schemaName, true, problems.list());
    }

    private static ValidationReport swid(byte[] bytes, String source) {
        SbomReader.read(new ByteArrayInputStream(bytes), source);
        return new ValidationReport(source, SbomFormat.SWID, null, "xml", "none: structure checked by the reader", true, List.of());
    }

    private static SbomFormat standardOf(SbomReader.Detected d) {
        return switch (d) {
            case CYCLONEDX_JSON, CYCLONEDX_XML -> SbomFormat.CYCLONEDX;
            case SPDX_JSON, SPDX_YAML, SPDX_TAG_VALUE, SPDX3_JSON_LD, SPDX_RDF_XML, SPDX_XML -> SbomFormat.SPDX;
            case SWID_XML -> SbomFormat.SWID;
            case UNKNOWN -> null;
        };
    }

    private static ValidationReport unreadable(String source, SbomFormat standard, String reason) {
        return new ValidationReport(source, standard, null, null, "none", false, List.of(new Problem(Severity.ERROR, "read", "", reason)));
    }
}

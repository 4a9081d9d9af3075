package dev.mamori.sbom.validate;

import dev.mamori.sbom.SbomFormat;
import java.util.List;

/**
 * The outcome of validating one SBOM.
 *
 * @param source      the file name (or other label)
 * @param standard    the standard found from the content, or null when it could not be told
 * @param specVersion the version the document states ({@code 1.6}, {@code 2.3}, {@code 3.0.1}), or null
 * @param encoding    {@code json}, {@code xml}, {@code yaml}, {@code tag-value} or {@code json-ld}, or null
 * @param schema      the official schema the document was checked against ({@code CycloneDX 1.6 JSON schema}), or
 *                    why none was ({@code none: SPDX tag-value has no schema})
 * @param readable    false when the file could not be read as an SBOM at all (missing, not well-formed, unknown
 *                    format); then {@link #problems()} holds one {@code read} error saying why
 * @param problems    every problem, in document order per rule family (schema first, then semantic rules)
 */
public record ValidationReport(String source, SbomFormat standard, String specVersion, String encoding,
                               String schema, boolean readable, List<Problem> problems) {

    /** Exit code for "valid" (warnings allowed). */
    public static final int VALID = 0;
    /** Exit code for "invalid": at least one error. */
    public static final int INVALID = 1;
    /** Exit code for "unreadable". */
    public static final int UNREADABLE = 2;

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /** True when readable and without errors. */
    public boolean valid() {
        return readable && errorCount() == 0;
    }

    public long errorCount() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).count();
    }

    public long warningCount() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).count();
    }

    /** True when readable and no error came from the official schema (rules {@code schema…}). */
    public boolean schemaValid() {
        return readable && problems.stream().noneMatch(p -> p.severity() == Severity.ERROR && p.rule().startsWith("schema"));
    }

    /** {@link #VALID}, {@link #INVALID} or {@link #UNREADABLE}. */
    public int exitCode() {
        return !readable ? UNREADABLE : errorCount() > 0 ? INVALID : VALID;
    }

    /** {@code CycloneDX 1.6 JSON}, {@code SPDX 2.3 tag-value}…, or {@code unknown format}. */
    public String formatLabel() {
        if (standard == null) {
            return "unknown format";
        }
        String enc = encoding == null ? "" : " " + switch (encoding) {
            case "json" -> "JSON";
            case "xml" -> "XML";
            case "yaml" -> "YAML";
            case "json-ld" -> "JSON-LD";
            default -> encoding;
        };
        return standard.displayName() + (specVersion == null ? "" : " " + specVersion) + enc;
    }
}

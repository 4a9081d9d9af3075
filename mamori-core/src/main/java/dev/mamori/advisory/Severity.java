package dev.mamori.advisory;

/**
 * A severity statement of an advisory: a CVSS vector ({@code CVSS_V2}, {@code CVSS_V3} — 3.0 and 3.1, the vector
 * says which —, {@code CVSS_V4}) or a qualitative rating of the source ({@code type} is then the source's scheme,
 * e.g. {@code database_specific}, {@code Ubuntu}, {@code CSAF aggregate}).
 *
 * @param score      the vector (for CVSS) or the rating word, as published
 * @param level      the qualitative level this statement gives
 * @param baseScore  the CVSS base score, as published or computed from the vector; null for ratings and bad vectors
 * @param source     who scored it when the record says (NVD {@code nvd@nist.gov}, a CNA, {@code CISA-ADP}, IPA), or null
 * @param sourceType NVD's {@code Primary} / {@code Secondary}, or null
 */
public record Severity(String type, String score, SeverityLevel level, Double baseScore, String source,
                       String sourceType) {

    public Severity(String type, String score, SeverityLevel level) {
        this(type, score, level, null, null, null);
    }

    /** Whether this is a CVSS vector statement. */
    public boolean isCvss() {
        return type != null && type.startsWith("CVSS_");
    }
}

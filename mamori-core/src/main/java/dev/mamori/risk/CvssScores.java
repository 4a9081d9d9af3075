package dev.mamori.risk;

import dev.mamori.advisory.SeverityLevel;

/**
 * The scores of one CVSS vector.
 *
 * <ul>
 *   <li>v2 and v3.x: {@code baseScore}, {@code temporalScore} and {@code environmentalScore} as the specification
 *       computes them (a group that the vector does not set contributes its Not Defined weights, so e.g. the temporal
 *       score of a base-only vector equals its base score). {@code threatScore} is null.</li>
 *   <li>v4.0: {@code baseScore} is CVSS-B (threat and environmental metrics ignored), {@code threatScore} is CVSS-BT
 *       (environmental ignored), {@code environmentalScore} is the score with threat and environmental metrics
 *       applied (CVSS-BTE; CVSS-BE when the vector sets no Exploit Maturity) — like v3's environmental score,
 *       which includes the temporal metrics. {@code temporalScore} is null.</li>
 *   <li>{@code score}/{@code severity}: the score of the vector as written — the environmental score when it sets
 *       environmental metrics, else the temporal/threat score when it sets those, else the base score; {@code kind}
 *       says which ({@code base}, {@code temporal}, {@code environmental}; for v4 the official nomenclature
 *       {@code CVSS-B}, {@code CVSS-BT}, {@code CVSS-BE}, {@code CVSS-BTE}).</li>
 * </ul>
 * Severities: v3.x and v4.0 use the specification's rating scale (None 0.0, Low, Medium, High, Critical ≥ 9.0);
 * v2 has none in its specification, so NVD's is used (Low &lt; 4.0, Medium &lt; 7.0, High).
 */
public record CvssScores(
        CvssVersion version,
        String vector,
        double baseScore,
        SeverityLevel baseSeverity,
        Double temporalScore,
        Double threatScore,
        double environmentalScore,
        double score,
        SeverityLevel severity,
        String kind) {

    /** The qualitative rating of a score in the given version. */
    public static SeverityLevel severityOf(CvssVersion version, double score) {
        if (version == CvssVersion.V2_0) {
            return score < 4.0 ? SeverityLevel.LOW : score < 7.0 ? SeverityLevel.MEDIUM : SeverityLevel.HIGH;
        }
        return SeverityLevel.ofCvssScore(score);
    }
}

package dev.mamori.risk;

import dev.mamori.advisory.SeverityLevel;
import java.util.List;

/**
 * One CVSS vector of a vulnerability, scored as published and in the product: base score of the published vector
 * beside the environmental score of the same vector with the product's profile (and derived threat metrics)
 * applied. {@code adjustments} lists each metric that was set and why, e.g.
 * {@code MAV:A (network exposure isolated)}.
 */
public record ProductScore(
        CvssVersion version,
        String vector,
        double baseScore,
        SeverityLevel baseSeverity,
        String productVector,
        double environmentalScore,
        SeverityLevel environmentalSeverity,
        List<String> adjustments) {
    public ProductScore {
        adjustments = List.copyOf(adjustments);
    }
}

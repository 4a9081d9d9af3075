package dev.mamori.advisory;

import java.util.Locale;

/** Qualitative severity, ordered from least to most severe; {@link #UNKNOWN} sorts lowest. */
public enum SeverityLevel {
    UNKNOWN, NONE, LOW, MEDIUM, HIGH, CRITICAL;

    /** The CVSS v3/v4 qualitative rating of a score. */
    public static SeverityLevel ofCvssScore(double score) {
        if (score <= 0.0) {
            return NONE;
        } else if (score < 4.0) {
            return LOW;
        } else if (score < 7.0) {
            return MEDIUM;
        } else if (score < 9.0) {
            return HIGH;
        }
        return CRITICAL;
    }

    /** Parses a rating word as sources write it (GHSA's {@code MODERATE} is medium); unknown words give UNKNOWN. */
    public static SeverityLevel parse(String word) {
        if (word == null) {
            return UNKNOWN;
        }
        return switch (word.strip().toUpperCase(Locale.ROOT)) {
            case "NONE" -> NONE;
            case "LOW" -> LOW;
            case "MODERATE", "MEDIUM" -> MEDIUM;
            case "HIGH", "IMPORTANT" -> HIGH;
            case "CRITICAL" -> CRITICAL;
            default -> UNKNOWN;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

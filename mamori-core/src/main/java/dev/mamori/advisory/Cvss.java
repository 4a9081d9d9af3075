package dev.mamori.advisory;

import us.springett.cvss.Score;

/** Qualitative severity and base score of a CVSS vector, through the cvss-calculator library. */
final class Cvss {
    private Cvss() {}

    static SeverityLevel level(String type, String vector) {
        return severity(type, vector, null, null, null, null).level();
    }

    /**
     * A severity statement. Published score and rating win over computed ones (NVD and CVE 5 publish both);
     * otherwise the vector is scored. A vector the library cannot read gives {@link SeverityLevel#UNKNOWN} and no score.
     */
    static Severity severity(String type, String vector, Double publishedScore, String publishedSeverity,
                             String source, String sourceType) {
        if (type == null || !type.startsWith("CVSS")) {
            return new Severity(type, vector, SeverityLevel.parse(vector), null, source, sourceType);
        }
        Double score = publishedScore;
        if (score == null) {
            score = compute(vector);
        }
        SeverityLevel level = SeverityLevel.parse(publishedSeverity);
        if (level == SeverityLevel.UNKNOWN && score != null) {
            level = type.equals("CVSS_V2") ? v2Level(score) : SeverityLevel.ofCvssScore(score);
        }
        return new Severity(type, vector, level, score, source, sourceType);
    }

    /** The CVSS type of a vector: {@code CVSS_V4}, {@code CVSS_V3} or {@code CVSS_V2}. */
    static String typeOfVector(String vector) {
        if (vector == null) {
            return null;
        }
        if (vector.startsWith("CVSS:4")) {
            return "CVSS_V4";
        } else if (vector.startsWith("CVSS:3")) {
            return "CVSS_V3";
        }
        return "CVSS_V2";
    }

    private static Double compute(String vector) {
        if (vector == null) {
            return null;
        }
        try {
            us.springett.cvss.Cvss cvss = us.springett.cvss.Cvss.fromVector(vector);
            if (cvss == null) {
                return null;
            }
            Score s = cvss.calculateScore();
            return s.getBaseScore();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static SeverityLevel v2Level(double base) {
        return base < 4.0 ? SeverityLevel.LOW : base < 7.0 ? SeverityLevel.MEDIUM : SeverityLevel.HIGH;
    }
}

package dev.mamori.advisory;

import us.springett.cvss.Score;

/** Qualitative severity of a CVSS vector, through the cvss-calculator library. */
final class Cvss {
    private Cvss() {}

    static SeverityLevel level(String type, String vector) {
        if (type == null || !type.startsWith("CVSS")) {
            return SeverityLevel.parse(vector);
        }
        try {
            us.springett.cvss.Cvss cvss = us.springett.cvss.Cvss.fromVector(vector);
            if (cvss == null) {
                return SeverityLevel.UNKNOWN;
            }
            Score score = cvss.calculateScore();
            double base = score.getBaseScore();
            if (type.equals("CVSS_V2")) {
                return base < 4.0 ? SeverityLevel.LOW : base < 7.0 ? SeverityLevel.MEDIUM : SeverityLevel.HIGH;
            }
            return SeverityLevel.ofCvssScore(base);
        } catch (RuntimeException e) {
            return SeverityLevel.UNKNOWN;
        }
    }
}

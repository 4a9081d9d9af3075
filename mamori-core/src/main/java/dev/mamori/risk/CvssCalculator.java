package dev.mamori.risk;

/** Scores CVSS v2.0, v3.0, v3.1 and v4.0 vectors. Agrees with every published test vector (see docs/risk.md). */
public final class CvssCalculator {
    private CvssCalculator() {}

    /**
     * Parses and scores a vector.
     *
     * @throws CvssException when the vector is invalid
     */
    public static CvssScores score(String vector) {
        return score(CvssVector.parse(vector));
    }

    /** Scores a parsed vector. */
    public static CvssScores score(CvssVector vector) {
        return switch (vector.version()) {
            case V2_0 -> Cvss2Scorer.score(vector);
            case V3_0, V3_1 -> Cvss3Scorer.score(vector);
            case V4_0 -> Cvss4Scorer.score(vector);
        };
    }
}

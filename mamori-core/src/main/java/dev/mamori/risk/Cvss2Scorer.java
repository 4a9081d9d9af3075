package dev.mamori.risk;

import dev.mamori.risk.CvssMetrics.Group;
import dev.mamori.risk.CvssMetrics.Metric;

/** CVSS v2.0 equations (FIRST, "A Complete Guide to the CVSS Version 2.0", §3.2). */
final class Cvss2Scorer {
    private static final CvssMetrics.Set M = CvssMetrics.V2;
    private static final Metric AV = M.require("AV"), AC = M.require("AC"), AU = M.require("Au");
    private static final Metric C = M.require("C"), I = M.require("I"), A = M.require("A");
    private static final Metric E = M.require("E"), RL = M.require("RL"), RC = M.require("RC");
    private static final Metric CDP = M.require("CDP"), TD = M.require("TD");
    private static final Metric CR = M.require("CR"), IR = M.require("IR"), AR = M.require("AR");

    // Weights, indexed like the values in CvssMetrics.V2.
    private static final double[] W_AV = {0.395, 0.646, 1.0};
    private static final double[] W_AC = {0.35, 0.61, 0.71};
    private static final double[] W_AU = {0.45, 0.56, 0.704};
    private static final double[] W_IMPACT = {0.0, 0.275, 0.660};
    private static final double[] W_E = {0.85, 0.90, 0.95, 1.0, 1.0};
    private static final double[] W_RL = {0.87, 0.90, 0.95, 1.0, 1.0};
    private static final double[] W_RC = {0.90, 0.95, 1.0, 1.0};
    private static final double[] W_CDP = {0.0, 0.1, 0.3, 0.4, 0.5, 0.0};
    private static final double[] W_TD = {0.0, 0.25, 0.75, 1.0, 1.0};
    private static final double[] W_REQ = {0.5, 1.0, 1.51, 1.0};

    private Cvss2Scorer() {}

    static CvssScores score(CvssVector v) {
        double c = W_IMPACT[v.index(C)], i = W_IMPACT[v.index(I)], a = W_IMPACT[v.index(A)];
        double exploitability = 20 * W_AV[v.index(AV)] * W_AC[v.index(AC)] * W_AU[v.index(AU)];
        double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
        double base = baseEquation(impact, exploitability);
        double temporalFactor = w(W_E, v, E) * w(W_RL, v, RL) * w(W_RC, v, RC);
        double temporal = round1(base * temporalFactor);

        double adjustedImpact = Math.min(10, 10.41 * (1 - (1 - c * w(W_REQ, v, CR)) * (1 - i * w(W_REQ, v, IR))
                * (1 - a * w(W_REQ, v, AR))));
        double adjustedTemporal = round1(baseEquation(adjustedImpact, exploitability) * temporalFactor);
        double cdp = v.index(CDP) < 0 ? 0.0 : W_CDP[v.index(CDP)];
        double environmental = Math.max(0.0, round1((adjustedTemporal + (10 - adjustedTemporal) * cdp) * w(W_TD, v, TD)));

        boolean hasTemporal = v.anyDefined(Group.TEMPORAL);
        boolean hasEnvironmental = v.anyDefined(Group.ENVIRONMENTAL);
        double score = hasEnvironmental ? environmental : hasTemporal ? temporal : base;
        String kind = hasEnvironmental ? "environmental" : hasTemporal ? "temporal" : "base";
        return new CvssScores(CvssVersion.V2_0, v.toString(), base, CvssScores.severityOf(CvssVersion.V2_0, base),
                temporal, null, environmental, score, CvssScores.severityOf(CvssVersion.V2_0, score), kind);
    }

    private static double baseEquation(double impact, double exploitability) {
        double f = impact == 0 ? 0 : 1.176;
        return Math.max(0.0, round1(((0.6 * impact) + (0.4 * exploitability) - 1.5) * f));
    }

    private static double w(double[] weights, CvssVector v, Metric m) {
        int i = v.index(m);
        return i < 0 ? 1.0 : weights[i];
    }

    /**
     * Round half up to one decimal, as the guide's {@code round_to_1_decimal} does on exact decimals: the value is
     * first rounded to 5 decimals to absorb binary floating-point error (e.g. 2.4999999999 for an exact 2.5).
     */
    static double round1(double x) {
        long fiveDecimals = Math.round(x * 100_000.0);
        return Math.floorDiv(fiveDecimals + 5_000, 10_000) / 10.0;
    }
}

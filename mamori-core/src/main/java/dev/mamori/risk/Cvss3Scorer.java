package dev.mamori.risk;

import dev.mamori.risk.CvssMetrics.Group;
import dev.mamori.risk.CvssMetrics.Metric;

/** CVSS v3.0 and v3.1 equations (FIRST CVSS v3.0 and v3.1 specifications, §7 and Appendix A). */
final class Cvss3Scorer {
    private static final CvssMetrics.Set M = CvssMetrics.V3;
    private static final Metric AV = M.require("AV"), AC = M.require("AC"), PR = M.require("PR"), UI = M.require("UI");
    private static final Metric S = M.require("S"), C = M.require("C"), I = M.require("I"), A = M.require("A");
    private static final Metric E = M.require("E"), RL = M.require("RL"), RC = M.require("RC");
    private static final Metric CR = M.require("CR"), IR = M.require("IR"), AR = M.require("AR");
    private static final Metric MAV = M.require("MAV"), MAC = M.require("MAC"), MPR = M.require("MPR");
    private static final Metric MUI = M.require("MUI"), MS = M.require("MS");
    private static final Metric MC = M.require("MC"), MI = M.require("MI"), MA = M.require("MA");

    // Weights indexed like the base metrics' values in CvssMetrics.V3 (N,A,L,P / L,H / N,L,H / N,R / H,L,N).
    private static final double[] W_AV = {0.85, 0.62, 0.55, 0.2};
    private static final double[] W_AC = {0.77, 0.44};
    private static final double[] W_PR_UNCHANGED = {0.85, 0.62, 0.27};
    private static final double[] W_PR_CHANGED = {0.85, 0.68, 0.5};
    private static final double[] W_UI = {0.85, 0.62};
    private static final double[] W_CIA = {0.56, 0.22, 0.0};
    // Optional metrics, indexed with X first.
    private static final double[] W_E = {1.0, 1.0, 0.97, 0.94, 0.91};
    private static final double[] W_RL = {1.0, 1.0, 0.97, 0.96, 0.95};
    private static final double[] W_RC = {1.0, 1.0, 0.96, 0.92};
    private static final double[] W_REQ = {1.0, 1.5, 1.0, 0.5};
    private static final int SCOPE_CHANGED = 1;

    private Cvss3Scorer() {}

    static CvssScores score(CvssVector v) {
        boolean v31 = v.version() == CvssVersion.V3_1;
        boolean changed = v.index(S) == SCOPE_CHANGED;

        double iss = 1 - (1 - W_CIA[v.index(C)]) * (1 - W_CIA[v.index(I)]) * (1 - W_CIA[v.index(A)]);
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * W_AV[v.index(AV)] * W_AC[v.index(AC)]
                * (changed ? W_PR_CHANGED : W_PR_UNCHANGED)[v.index(PR)] * W_UI[v.index(UI)];
        double base = impact <= 0 ? 0.0
                : roundUp(Math.min((changed ? 1.08 : 1.0) * (impact + exploitability), 10));

        double temporalFactor = W_E[opt(v, E)] * W_RL[opt(v, RL)] * W_RC[opt(v, RC)];
        double temporal = roundUp(base * temporalFactor);

        // Environmental: modified base metrics default to the base values (Not Defined = as in the base).
        boolean mChanged = modified(v, MS, S) == SCOPE_CHANGED;
        double miss = Math.min(1 - (1 - W_CIA[modified(v, MC, C)] * W_REQ[opt(v, CR)])
                * (1 - W_CIA[modified(v, MI, I)] * W_REQ[opt(v, IR)])
                * (1 - W_CIA[modified(v, MA, A)] * W_REQ[opt(v, AR)]), 0.915);
        double mImpact;
        if (!mChanged) {
            mImpact = 6.42 * miss;
        } else if (v31) {
            mImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
        } else {
            mImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15);
        }
        double mExploitability = 8.22 * W_AV[modified(v, MAV, AV)] * W_AC[modified(v, MAC, AC)]
                * (mChanged ? W_PR_CHANGED : W_PR_UNCHANGED)[modified(v, MPR, PR)] * W_UI[modified(v, MUI, UI)];
        double environmental = mImpact <= 0 ? 0.0
                : roundUp(roundUp(Math.min((mChanged ? 1.08 : 1.0) * (mImpact + mExploitability), 10))
                        * temporalFactor);

        boolean hasTemporal = v.anyDefined(Group.TEMPORAL);
        boolean hasEnvironmental = v.anyDefined(Group.ENVIRONMENTAL);
        double score = hasEnvironmental ? environmental : hasTemporal ? temporal : base;
        String kind = hasEnvironmental ? "environmental" : hasTemporal ? "temporal" : "base";
        return new CvssScores(v.version(), v.toString(), base, CvssScores.severityOf(v.version(), base),
                temporal, null, environmental, score, CvssScores.severityOf(v.version(), score), kind);
    }

    /** Index of an optional metric's value; absent counts as X (index 0). */
    private static int opt(CvssVector v, Metric m) {
        int i = v.index(m);
        return i < 0 ? 0 : i;
    }

    /** Index, in the base metric's value list, of a modified metric's effective value (X or absent = the base). */
    private static int modified(CvssVector v, Metric modified, Metric base) {
        int i = v.index(modified);
        return i <= 0 ? v.index(base) : i - 1;
    }

    /**
     * The specification's Roundup: the smallest number with one decimal that is ≥ the input. v3.1 Appendix A
     * defines it on an integer of 5 decimals to avoid floating-point error; v3.0 defines it mathematically (on exact
     * decimals), which the same integer form computes for every value CVSS equations produce.
     */
    static double roundUp(double x) {
        long i = Math.round(x * 100_000.0);
        if (i % 10_000 == 0) {
            return i / 100_000.0;
        }
        return (Math.floorDiv(i, 10_000) + 1) / 10.0;
    }
}

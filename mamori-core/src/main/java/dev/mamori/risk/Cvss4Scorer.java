package dev.mamori.risk;

import dev.mamori.risk.CvssMetrics.Group;
import dev.mamori.risk.CvssMetrics.Metric;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * CVSS v4.0 scoring: MacroVector lookup and interpolation, step for step as the FIRST reference calculator's
 * {@code cvss_score.js} does it, in the same floating-point operations and order so that the results are
 * identical (including its half-up rounding after adding 1e-6).
 */
final class Cvss4Scorer {
    private static final CvssMetrics.Set M = CvssMetrics.V4;
    private static final Metric AV = M.require("AV"), AC = M.require("AC"), AT = M.require("AT");
    private static final Metric PR = M.require("PR"), UI = M.require("UI");
    private static final Metric VC = M.require("VC"), VI = M.require("VI"), VA = M.require("VA");
    private static final Metric SC = M.require("SC"), SI = M.require("SI"), SA = M.require("SA");
    private static final Metric E = M.require("E"), CR = M.require("CR"), IR = M.require("IR"), AR = M.require("AR");
    private static final Metric MAV = M.require("MAV"), MAC = M.require("MAC"), MAT = M.require("MAT");
    private static final Metric MPR = M.require("MPR"), MUI = M.require("MUI");
    private static final Metric MVC = M.require("MVC"), MVI = M.require("MVI"), MVA = M.require("MVA");
    private static final Metric MSC = M.require("MSC"), MSI = M.require("MSI"), MSA = M.require("MSA");

    // Severity levels of the reference calculator, indexed by effective value:
    // AV N,A,L,P; PR N,L,H; UI N,P,A; AC L,H; AT N,P; VC/VI/VA H,L,N; SC H,L,N; SI/SA S,H,L,N; CR/IR/AR H,M,L.
    private static final double[] L_AV = {0.0, 0.1, 0.2, 0.3};
    private static final double[] L_PR = {0.0, 0.1, 0.2};
    private static final double[] L_UI = {0.0, 0.1, 0.2};
    private static final double[] L_AC = {0.0, 0.1};
    private static final double[] L_AT = {0.0, 0.1};
    private static final double[] L_V = {0.0, 0.1, 0.2};
    private static final double[] L_SC = {0.1, 0.2, 0.3};
    private static final double[] L_SIA = {0.0, 0.1, 0.2, 0.3};
    private static final double[] L_REQ = {0.0, 0.1, 0.2};

    private static final double[] LOOKUP = new double[3 * 2 * 3 * 3 * 3 * 2];
    /** Per EQ level, the max vectors' effective value indexes, in the metric order of that EQ. */
    private static final int[][][] MAX_EQ1 = new int[3][][];
    private static final int[][][] MAX_EQ2 = new int[2][][];
    private static final int[][][][] MAX_EQ3_EQ6 = new int[3][2][][];
    private static final int[][][] MAX_EQ4 = new int[3][][];

    static {
        Arrays.fill(LOOKUP, Double.NaN);
        Cvss4Tables.lookup().forEach((key, score) -> LOOKUP[index(key.charAt(0) - '0', key.charAt(1) - '0',
                key.charAt(2) - '0', key.charAt(3) - '0', key.charAt(4) - '0', key.charAt(5) - '0')] = score);
        fill(MAX_EQ1, Cvss4Tables.MAX_COMPOSED_EQ1, "AV", "PR", "UI");
        fill(MAX_EQ2, Cvss4Tables.MAX_COMPOSED_EQ2, "AC", "AT");
        fill(MAX_EQ4, Cvss4Tables.MAX_COMPOSED_EQ4, "SC", "SI", "SA");
        for (Map.Entry<String, List<String>> e : Cvss4Tables.MAX_COMPOSED_EQ3_EQ6.entrySet()) {
            MAX_EQ3_EQ6[e.getKey().charAt(0) - '0'][e.getKey().charAt(1) - '0'] =
                    parse(e.getValue(), "VC", "VI", "VA", "CR", "IR", "AR");
        }
    }

    private Cvss4Scorer() {}

    static CvssScores score(CvssVector v) {
        double base = compute(v, false, false);
        double threat = compute(v, true, false);
        double environmental = compute(v, true, true);
        boolean hasThreat = v.isDefined("E");
        boolean hasEnvironmental = v.anyDefined(Group.ENVIRONMENTAL);
        String kind = "CVSS-B" + (hasThreat ? "T" : "") + (hasEnvironmental ? "E" : "");
        double score = hasEnvironmental ? environmental : hasThreat ? threat : base;
        return new CvssScores(CvssVersion.V4_0, v.toString(), base, CvssScores.severityOf(CvssVersion.V4_0, base),
                null, threat, environmental, score, CvssScores.severityOf(CvssVersion.V4_0, score), kind);
    }

    /** The score with or without the threat and environmental metrics. */
    static double compute(CvssVector v, boolean useThreat, boolean useEnvironmental) {
        int av = eff(v, AV, MAV, useEnvironmental);
        int ac = eff(v, AC, MAC, useEnvironmental);
        int at = eff(v, AT, MAT, useEnvironmental);
        int pr = eff(v, PR, MPR, useEnvironmental);
        int ui = eff(v, UI, MUI, useEnvironmental);
        int vc = eff(v, VC, MVC, useEnvironmental);
        int vi = eff(v, VI, MVI, useEnvironmental);
        int va = eff(v, VA, MVA, useEnvironmental);
        int sc = eff(v, SC, MSC, useEnvironmental);
        // SI and SA in the space S,H,L,N: only the modified metrics can be S (Safety).
        int si = useEnvironmental && v.index(MSI) > 0 ? v.index(MSI) - 1 : v.index(SI) + 1;
        int sa = useEnvironmental && v.index(MSA) > 0 ? v.index(MSA) - 1 : v.index(SA) + 1;
        // E:X means Attacked, CR/IR/AR:X mean High (worst case).
        int e = useThreat && v.index(E) > 0 ? v.index(E) - 1 : 0;
        int cr = useEnvironmental && v.index(CR) > 0 ? v.index(CR) - 1 : 0;
        int ir = useEnvironmental && v.index(IR) > 0 ? v.index(IR) - 1 : 0;
        int ar = useEnvironmental && v.index(AR) > 0 ? v.index(AR) - 1 : 0;

        if (vc == 2 && vi == 2 && va == 2 && sc == 2 && si == 3 && sa == 3) {
            return 0.0;
        }

        boolean avN = av == 0, prN = pr == 0, uiN = ui == 0;
        int eq1 = avN && prN && uiN ? 0 : (avN || prN || uiN) && av != 3 ? 1 : 2;
        int eq2 = ac == 0 && at == 0 ? 0 : 1;
        int eq3 = vc == 0 && vi == 0 ? 0 : vc == 0 || vi == 0 || va == 0 ? 1 : 2;
        int eq4 = si == 0 || sa == 0 ? 0 : sc == 0 || si == 1 || sa == 1 ? 1 : 2;
        int eq5 = e;
        int eq6 = (cr == 0 && vc == 0) || (ir == 0 && vi == 0) || (ar == 0 && va == 0) ? 0 : 1;

        double value = LOOKUP[index(eq1, eq2, eq3, eq4, eq5, eq6)];

        double scoreEq1NextLower = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
        double scoreEq2NextLower = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
        double scoreEq3Eq6NextLower;
        if (eq3 == 1 && eq6 == 1) {
            scoreEq3Eq6NextLower = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
        } else if (eq3 == 0 && eq6 == 1) {
            scoreEq3Eq6NextLower = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
        } else if (eq3 == 1 && eq6 == 0) {
            scoreEq3Eq6NextLower = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
        } else if (eq3 == 0 && eq6 == 0) {
            double left = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
            double right = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
            scoreEq3Eq6NextLower = left > right ? left : right;
        } else {
            scoreEq3Eq6NextLower = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6 + 1);
        }
        double scoreEq4NextLower = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
        double scoreEq5NextLower = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

        // The first highest-severity vector of the MacroVector that the vector does not exceed. The reference
        // calculator walks the composed combinations in order and keeps the last one when none fits; since the
        // EQs constrain disjoint metrics, that is the first fitting entry per EQ, or the last entry of every EQ.
        int[] cur1 = {av, pr, ui};
        int[] cur2 = {ac, at};
        int[] cur36 = {vc, vi, va, cr, ir, ar};
        int[] cur4 = {sc, si, sa};
        int[][] maxes1 = MAX_EQ1[eq1], maxes2 = MAX_EQ2[eq2], maxes36 = MAX_EQ3_EQ6[eq3][eq6], maxes4 = MAX_EQ4[eq4];
        int[] max1 = firstFitting(maxes1, cur1, L_AV, L_PR, L_UI);
        int[] max2 = firstFitting(maxes2, cur2, L_AC, L_AT);
        int[] max36 = firstFitting(maxes36, cur36, L_V, L_V, L_V, L_REQ, L_REQ, L_REQ);
        int[] max4 = firstFitting(maxes4, cur4, L_SC, L_SIA, L_SIA);
        if (max1 == null || max2 == null || max36 == null || max4 == null) {
            max1 = maxes1[maxes1.length - 1];
            max2 = maxes2[maxes2.length - 1];
            max36 = maxes36[maxes36.length - 1];
            max4 = maxes4[maxes4.length - 1];
        }
        double distanceEq1 = (L_AV[av] - L_AV[max1[0]]) + (L_PR[pr] - L_PR[max1[1]]) + (L_UI[ui] - L_UI[max1[2]]);
        double distanceEq2 = (L_AC[ac] - L_AC[max2[0]]) + (L_AT[at] - L_AT[max2[1]]);
        double distanceEq3Eq6 = (L_V[vc] - L_V[max36[0]]) + (L_V[vi] - L_V[max36[1]]) + (L_V[va] - L_V[max36[2]])
                + (L_REQ[cr] - L_REQ[max36[3]]) + (L_REQ[ir] - L_REQ[max36[4]]) + (L_REQ[ar] - L_REQ[max36[5]]);
        double distanceEq4 = (L_SC[sc] - L_SC[max4[0]]) + (L_SIA[si] - L_SIA[max4[1]]) + (L_SIA[sa] - L_SIA[max4[2]]);

        double step = 0.1;
        double availableEq1 = value - scoreEq1NextLower;
        double availableEq2 = value - scoreEq2NextLower;
        double availableEq3Eq6 = value - scoreEq3Eq6NextLower;
        double availableEq4 = value - scoreEq4NextLower;
        double availableEq5 = value - scoreEq5NextLower;

        int existingLower = 0;
        double normalizedEq1 = 0, normalizedEq2 = 0, normalizedEq3Eq6 = 0, normalizedEq4 = 0, normalizedEq5 = 0;
        double maxSeverityEq1 = Cvss4Tables.MAX_SEVERITY_EQ1[eq1] * step;
        double maxSeverityEq2 = Cvss4Tables.MAX_SEVERITY_EQ2[eq2] * step;
        double maxSeverityEq3Eq6 = Cvss4Tables.MAX_SEVERITY_EQ3_EQ6.get("" + eq3 + eq6) * step;
        double maxSeverityEq4 = Cvss4Tables.MAX_SEVERITY_EQ4[eq4] * step;
        if (!Double.isNaN(availableEq1)) {
            existingLower++;
            normalizedEq1 = availableEq1 * (distanceEq1 / maxSeverityEq1);
        }
        if (!Double.isNaN(availableEq2)) {
            existingLower++;
            normalizedEq2 = availableEq2 * (distanceEq2 / maxSeverityEq2);
        }
        if (!Double.isNaN(availableEq3Eq6)) {
            existingLower++;
            normalizedEq3Eq6 = availableEq3Eq6 * (distanceEq3Eq6 / maxSeverityEq3Eq6);
        }
        if (!Double.isNaN(availableEq4)) {
            existingLower++;
            normalizedEq4 = availableEq4 * (distanceEq4 / maxSeverityEq4);
        }
        if (!Double.isNaN(availableEq5)) {
            // EQ5's proportion is always 0: it counts in the mean but moves nothing.
            existingLower++;
            normalizedEq5 = availableEq5 * 0;
        }
        double meanDistance = existingLower == 0 ? 0
                : (normalizedEq1 + normalizedEq2 + normalizedEq3Eq6 + normalizedEq4 + normalizedEq5) / existingLower;
        value -= meanDistance;
        if (value < 0) {
            value = 0.0;
        }
        if (value > 10) {
            value = 10.0;
        }
        return Math.round((value + 1e-6) * 10) / 10.0;
    }

    /** Effective value index of a base metric: its modified metric when set (other than X), else its own. */
    private static int eff(CvssVector v, Metric base, Metric modified, boolean useEnvironmental) {
        if (useEnvironmental) {
            int m = v.index(modified);
            if (m > 0) {
                return m - 1;
            }
        }
        return v.index(base);
    }

    private static int[] firstFitting(int[][] maxes, int[] current, double[]... levels) {
        outer:
        for (int[] max : maxes) {
            for (int i = 0; i < current.length; i++) {
                if (levels[i][current[i]] - levels[i][max[i]] < 0) {
                    continue outer;
                }
            }
            return max;
        }
        return null;
    }

    private static int index(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        return ((((eq1 * 2 + eq2) * 3 + eq3) * 3 + eq4) * 3 + eq5) * 2 + eq6;
    }

    private static double lookup(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
        if (eq1 > 2 || eq2 > 1 || eq3 > 2 || eq4 > 2 || eq5 > 2 || eq6 > 1) {
            return Double.NaN;
        }
        return LOOKUP[index(eq1, eq2, eq3, eq4, eq5, eq6)];
    }

    private static void fill(int[][][] target, Map<String, List<String>> source, String... keys) {
        for (Map.Entry<String, List<String>> e : source.entrySet()) {
            target[Integer.parseInt(e.getKey())] = parse(e.getValue(), keys);
        }
    }

    /** Parses max vectors such as {@code AV:N/PR:N/UI:N/} into effective value indexes in the given metric order. */
    private static int[][] parse(List<String> vectors, String... keys) {
        int[][] out = new int[vectors.size()][keys.length];
        for (int n = 0; n < vectors.size(); n++) {
            for (String field : vectors.get(n).split("/")) {
                int colon = field.indexOf(':');
                String key = field.substring(0, colon);
                String value = field.substring(colon + 1);
                for (int k = 0; k < keys.length; k++) {
                    if (keys[k].equals(key)) {
                        out[n][k] = effectiveIndex(key, value);
                    }
                }
            }
        }
        return out;
    }

    private static int effectiveIndex(String key, String value) {
        List<String> space = switch (key) {
            case "SI", "SA" -> List.of("S", "H", "L", "N");
            case "CR", "IR", "AR" -> List.of("H", "M", "L");
            default -> M.require(key).values();
        };
        int i = space.indexOf(value);
        if (i < 0) {
            throw new IllegalStateException("bad max vector value " + key + ":" + value);
        }
        return i;
    }
}

package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random vectors with temporal/threat and environmental metrics, scored by an independent calculator
 * (ae-cvss-calculator, see tools/oracles/cvss-vectors.js): covers what the published vectors do not, such as v3.1
 * environmental scores with a changed modified scope and v4 modified metrics including MSI/MSA:S.
 *
 * <p>The oracle is exact for v3.1 and v4.0. For v2 and v3.0 it rounds binary floating-point products where the
 * specifications round exact decimals: v2 temporal {@code 9.0 × 0.95 = 8.55} becomes 8.5 instead of 8.6 (the
 * published calculator vector {@code AV:N/AC:L/Au:S/C:C/I:C/A:C/E:F/RL:U/RC:C} says 8.6), and v3.0
 * {@code Roundup(5.0 × 0.92)} becomes 4.7 instead of 4.6 (v3.0 defines Roundup on exact numbers; v3.1's Appendix A
 * was written to fix exactly this). Those lines must instead equal the exact decimal result, checked here with
 * BigDecimal. Its v2 environmental score skips the guide's intermediate rounding (AdjustedBase, AdjustedTemporal)
 * and can go below 0, so v2 environmental scores are checked against the published vectors only.
 */
final class CvssGeneratedVectorsTest {

    static List<String[]> read(String version) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = CvssGeneratedVectorsTest.class.getResourceAsStream("/cvss-vectors/generated-" + version + ".tsv.gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    rows.add(line.split("\t"));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "CVSS {0}: {1} lines where the oracle rounds binary floating point")
    @CsvSource({"2.0, 9", "3.0, 8", "3.1, 0"})
    void v2AndV3_everyGeneratedVector_matchesOracleOrExactDecimals(String version, int floatRoundingLines) throws IOException {
        List<String[]> rows = read(version);
        List<String> mismatches = new ArrayList<>();
        int exactInsteadOfOracle = 0;
        for (String[] row : rows) {
            CvssVector v = CvssVector.parse(row[0]);
            CvssScores s = CvssCalculator.score(v);
            boolean base = s.baseScore() == Double.parseDouble(row[1]);
            boolean temporal = row[2].equals("-") || s.temporalScore() == Double.parseDouble(row[2]);
            boolean environmental = row[3].equals("-") || version.equals("2.0")
                    || s.environmentalScore() == Double.parseDouble(row[3]);
            if (base && (!temporal || !environmental)) {
                // Accept only where the exact decimal computation gives our value.
                boolean exactTemporal = temporal || s.temporalScore() == exactTemporal(v, s.baseScore());
                boolean exactEnvironmental = environmental || s.environmentalScore()
                        == exactTemporal(v, CvssCalculator.score(v.withoutGroups(CvssMetrics.Group.TEMPORAL)).environmentalScore());
                if (exactTemporal && exactEnvironmental) {
                    exactInsteadOfOracle++;
                    continue;
                }
            }
            if (!(base && temporal && environmental)) {
                mismatches.add(String.join(" ", row) + " got " + s);
            }
        }
        assertThat(rows).hasSize(3000);
        assertThat(mismatches).as("CVSS " + version + " mismatches").isEmpty();
        assertThat(exactInsteadOfOracle).isEqualTo(floatRoundingLines);
    }

    /** {@code score × E × RL × RC} in exact decimals, rounded as the version's specification says. */
    static double exactTemporal(CvssVector v, double score) {
        BigDecimal x = BigDecimal.valueOf(score);
        if (v.version() == CvssVersion.V2_0) {
            x = x.multiply(weight(v.get("E"), "U", "0.85", "POC", "0.90", "F", "0.95"))
                    .multiply(weight(v.get("RL"), "OF", "0.87", "TF", "0.90", "W", "0.95"))
                    .multiply(weight(v.get("RC"), "UC", "0.90", "UR", "0.95"));
            return x.setScale(1, RoundingMode.HALF_UP).doubleValue();
        }
        x = x.multiply(weight(v.get("E"), "F", "0.97", "P", "0.94", "U", "0.91"))
                .multiply(weight(v.get("RL"), "W", "0.97", "T", "0.96", "O", "0.95"))
                .multiply(weight(v.get("RC"), "R", "0.96", "U", "0.92"));
        return x.setScale(1, RoundingMode.CEILING).doubleValue();
    }

    private static BigDecimal weight(String value, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i].equals(value)) {
                return new BigDecimal(pairs[i + 1]);
            }
        }
        return BigDecimal.ONE;
    }

    @org.junit.jupiter.api.Test
    void v4_everyGeneratedVector_matchesOracleInAllFourNomenclatures() throws IOException {
        List<String[]> rows = read("4.0");
        List<String> mismatches = new ArrayList<>();
        for (String[] row : rows) {
            CvssVector v = CvssVector.parse(row[0]);
            double b = Cvss4Scorer.compute(v, false, false);
            double bt = Cvss4Scorer.compute(v, true, false);
            double be = Cvss4Scorer.compute(v, false, true);
            double bte = Cvss4Scorer.compute(v, true, true);
            CvssScores s = CvssCalculator.score(v);
            boolean ok = same(b, row[1]) && same(bt, row[2]) && same(be, row[3]) && same(bte, row[4])
                    && s.baseScore() == b && s.threatScore() == bt && s.environmentalScore() == bte;
            if (!ok) {
                mismatches.add(String.join(" ", row) + " got B " + b + " BT " + bt + " BE " + be + " BTE " + bte);
            }
        }
        assertThat(rows).hasSize(3000);
        assertThat(mismatches).as("CVSS 4.0 mismatches").isEmpty();
    }

    /** The oracle gives no CVSS-BT when the vector sets no Exploit Maturity ('-'); then it equals CVSS-B here. */
    private static boolean same(double ours, String oracle) {
        return oracle.equals("-") || ours == Double.parseDouble(oracle);
    }
}

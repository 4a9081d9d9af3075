package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every published vector of the Red Hat cvss test suite must score exactly as published. */
final class CvssVectorsTest {

    /** One line of a vector file: the vector and its expected scores (null where the file says None). */
    record Line(String vector, Double base, Double temporal, Double environmental) {}

    static List<Line> read(String file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = CvssVectorsTest.class.getResourceAsStream("/cvss-vectors/" + file + ".gz");
                BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                int sep = line.lastIndexOf(" - ");
                String vector = line.substring(0, sep);
                String[] parts = line.substring(sep + 3).replace("(", "").replace(")", "").split(",");
                List<Double> scores = new ArrayList<>();
                for (String p : parts) {
                    String s = p.strip();
                    if (!s.isEmpty()) {
                        scores.add(s.equals("None") ? null : Double.valueOf(s));
                    }
                }
                lines.add(scores.size() == 1 ? new Line(vector, scores.get(0), null, null)
                        : new Line(vector, scores.get(0), scores.get(1), scores.get(2)));
            }
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}: {2} vectors of CVSS {1}")
    @CsvSource({
        "vectors_simple2, 2.0, 729",
        "vectors_cvsslib2, 2.0, 24",
        "vectors_calculator2, 2.0, 5",
        "vectors_simple3, 3.0, 2592",
        "vectors_cvsslib3, 3.0, 29",
        "vectors_calculator3, 3.0, 2",
        "vectors_simple31, 3.1, 2592",
    })
    void v2AndV3_everyVector_matchesBaseTemporalEnvironmental(String file, String version, int count) throws IOException {
        List<Line> lines = read(file);
        List<String> mismatches = new ArrayList<>();
        for (Line line : lines) {
            CvssVector vector = CvssVector.parse(line.vector());
            CvssScores s = CvssCalculator.score(vector);
            assertThat(s.version().label()).isEqualTo(version);
            boolean ok = s.baseScore() == line.base()
                    && (line.temporal() == null
                            ? !vector.anyDefined(CvssMetrics.Group.TEMPORAL) && s.version() == CvssVersion.V2_0
                            : s.temporalScore() == line.temporal().doubleValue())
                    && (line.environmental() == null
                            ? !vector.anyDefined(CvssMetrics.Group.ENVIRONMENTAL) && s.version() == CvssVersion.V2_0
                            : s.environmentalScore() == line.environmental());
            if (!ok) {
                mismatches.add(line + " got " + s);
            }
        }
        assertThat(lines).hasSize(count);
        assertThat(mismatches).as("mismatches in " + file).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1} vectors of CVSS 4.0")
    @CsvSource({
        "vectors_simple4, 1058",
        "vectors_supplemental4, 576",
        "vectors_security4, 54",
        "vectors_threat4, 6",
    })
    void v4_everyVector_matchesScore(String file, int count) throws IOException {
        List<Line> lines = read(file);
        List<String> mismatches = new ArrayList<>();
        for (Line line : lines) {
            CvssScores s = CvssCalculator.score(line.vector());
            assertThat(s.version()).isEqualTo(CvssVersion.V4_0);
            if (s.score() != line.base()) {
                mismatches.add(line + " got " + s);
            }
        }
        assertThat(lines).hasSize(count);
        assertThat(mismatches).as("mismatches in " + file).isEmpty();
    }
}

package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import us.springett.cvss.Cvss;
import us.springett.cvss.Score;

/**
 * Why Mamori has its own calculators (docs/decisions/0008-cvss.md): us.springett:cvss-calculator 1.5.1, already on
 * the class path, disagrees with published vectors. This test pins the disagreement counts quoted in the decision
 * record, so an upgrade of the library that fixes them shows up here.
 */
final class CvssLibraryComparisonTest {

    @ParameterizedTest(name = "{0}: {1} disagreements")
    @CsvSource({
        "vectors_simple2, 0",
        "vectors_cvsslib2, 3",
        "vectors_calculator2, 2",
        "vectors_simple3, 2592",
        "vectors_cvsslib3, 29",
        "vectors_calculator3, 2",
        "vectors_simple31, 0",
        "vectors_simple4, 6",
        "vectors_supplemental4, 0",
        "vectors_security4, 0",
        "vectors_threat4, 0",
    })
    void springettCvssCalculator_disagreements(String file, int expected) throws IOException {
        List<CvssVectorsTest.Line> lines = CvssVectorsTest.read(file);
        int disagreements = 0;
        for (CvssVectorsTest.Line line : lines) {
            Score s = Cvss.fromVector(line.vector()).calculateScore();
            boolean ok = s.getBaseScore() == line.base()
                    && (line.temporal() == null || s.getTemporalScore() == line.temporal())
                    && (line.environmental() == null || s.getEnvironmentalScore() == line.environmental());
            if (!ok) {
                disagreements++;
            }
        }
        assertThat(disagreements).isEqualTo(expected);
    }
}

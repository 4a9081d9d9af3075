package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Maven order against ComparableVersion-labelled vectors, osv-scalibr's files and the vers-spec tests. */
final class MavenVectorsTest {
    private final VersionScheme maven = VersionSchemes.forName("maven");

    /**
     * Lines of the osv-scalibr and vers-spec files on which Maven's ComparableVersion (3.8.1, the order this scheme
     * wraps; see docs/decisions/0009-maven-version-order.md) disagrees with the file. Only one: a hand-written
     * osv-scalibr line claiming a {@code ga} qualifier inside the version is a null item; no release of
     * ComparableVersion (checked 3.0 to 3.9.11) trims a non-trailing {@code ga}. Keyed {@code A<TAB>B}; the value is
     * the sign ComparableVersion gives and this scheme must give.
     */
    static final Map<String, Integer> COMPARABLE_VERSION_DIFFERENCES = Map.ofEntries(
            Map.entry("1-1\t1-ga-1", 1));

    /** The expected sign: the file's, unless ComparableVersion is known to differ. */
    private static int expected(String a, String b, int fileSign, Set<String> used) {
        Integer known = COMPARABLE_VERSION_DIFFERENCES.get(a + "\t" + b);
        if (known != null) {
            used.add(a + "\t" + b);
            return known;
        }
        Integer reversed = COMPARABLE_VERSION_DIFFERENCES.get(b + "\t" + a);
        if (reversed != null) {
            used.add(b + "\t" + a);
            return -reversed;
        }
        return fileSign;
    }

    @Test
    void oracleVectors_everyPair_matchesComparableVersion() {
        List<String[]> rows = VectorFiles.tsv("maven.tsv.gz");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            int got = maven.compare(r[0], r[1]);
            if (got != Integer.parseInt(r[2])) {
                wrong.add(r[0] + " vs " + r[1] + ": expected " + r[2] + ", got " + got);
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(wrong).as("mismatches of %d", rows.size()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"osv-scalibr/maven-versions.txt.gz", "osv-scalibr/maven-versions-generated.txt.gz"})
    void osvScalibrComparisons_everyLine_holds(String file) {
        List<VectorFiles.Comparison> lines = VectorFiles.comparisons(file);
        List<String> wrong = new ArrayList<>();
        Set<String> differing = new TreeSet<>();
        for (VectorFiles.Comparison c : lines) {
            if (maven.compare(c.a(), c.b()) != expected(c.a(), c.b(), c.expectedSign(), differing)) {
                wrong.add(c.toString());
            }
        }
        assertThat(lines).isNotEmpty();
        assertThat(wrong).as("failing of %d", lines.size()).isEmpty();
        assertThat(differing).hasSize(file.contains("generated") ? 0 : 1);
    }

    @Test
    void versSpecComparisonTests_everyTest_holds() {
        JsonNode tests = VectorFiles.json("vers-spec/maven_version_cmp_test.json.gz").get("tests");
        Set<String> differing = new TreeSet<>();
        List<String> wrong = VersSpecCases.check(maven, tests, (a, b, sign) -> expected(a, b, sign, differing));
        assertThat(tests.size()).isGreaterThan(900);
        assertThat(wrong).isEmpty();
        assertThat(differing).isEmpty();
    }
}

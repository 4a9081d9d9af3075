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
     * Lines of the osv-scalibr and vers-spec files on which Maven 3.9.11's ComparableVersion (the order this scheme
     * wraps, and the one Maven itself uses today) disagrees with the file. The files were produced with older
     * ComparableVersion releases (3.0-3.2 give the files' answers), whose qualifier handling changed since (e.g.
     * {@code 2.0.0.a} now equals {@code 2.0.a}, a dot- and a dash-separated {@code RC} compare alike). Keyed
     * {@code A<TAB>B}; the value is the sign ComparableVersion 3.9.11 gives and this scheme must give.
     */
    static final Map<String, Integer> COMPARABLE_VERSION_3_9_11 = Map.ofEntries(
            Map.entry("1-1\t1-ga-1", 1),
            Map.entry("1.0.0-RC16\t1.0.0.RC8-beta", 1),
            Map.entry("1.0.0-gradle-rework-beta3\t1.0.0.RC7-3", 1),
            Map.entry("2.9.0-1\t2.9.0.RC1", 1),
            Map.entry("6.1.12.rc5\t6.1.12rc1", 1),
            Map.entry("1.1.31.sec10\t1.1.31_noneautotype", 1),
            Map.entry("1.1.34.sec10\t1.1.34_noneautotype", 1),
            Map.entry("1.1.46.sec10\t1.1.46_noneautotype", 1),
            Map.entry("1.2.8.sec10_noneautotype\t1.2.8_noneautotype", 1),
            Map.entry("1.2.31.sec10\t1.2.31_noneautotype", 1),
            Map.entry("1.2.48.sec10\t1.2.48_noneautotype", 1),
            Map.entry("1.2.50.sec10\t1.2.50_noneautotype", 1),
            Map.entry("1.2.54.sec10\t1.2.54_noneautotype", 1),
            Map.entry("1.2.57.sec10\t1.2.57_noneautotype", 1),
            Map.entry("1.2.60.sec10\t1.2.60_noneautotype", 1),
            Map.entry("1.2.67.sec10\t1.2.67_noneautotype", 1),
            Map.entry("1.0.0rc0\t1.0.beta8", 1),
            Map.entry("1.5.9.RC1\t1.5.9-RC0", 1),
            Map.entry("1.1.0-01-glassfish\t1.1.0.Beta1", 1),
            Map.entry("2-1\t2.0.a", 1),
            Map.entry("2-1\t2.0.0.a", 1),
            Map.entry("2.0.a\t2.0.0.a", 0));

    /** The expected sign: the file's, unless ComparableVersion 3.9.11 is known to differ. */
    private static int expected(String a, String b, int fileSign, Set<String> used) {
        Integer known = COMPARABLE_VERSION_3_9_11.get(a + "\t" + b);
        if (known != null) {
            used.add(a + "\t" + b);
            return known;
        }
        Integer reversed = COMPARABLE_VERSION_3_9_11.get(b + "\t" + a);
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
        assertThat(differing).hasSize(file.contains("generated") ? 18 : 1);
    }

    @Test
    void versSpecComparisonTests_everyTest_holds() {
        JsonNode tests = VectorFiles.json("vers-spec/maven_version_cmp_test.json.gz").get("tests");
        Set<String> differing = new TreeSet<>();
        List<String> wrong = VersSpecCases.check(maven, tests, (a, b, sign) -> expected(a, b, sign, differing));
        assertThat(tests.size()).isGreaterThan(900);
        assertThat(wrong).isEmpty();
        assertThat(differing).containsExactly("2-1\t2.0.0.a", "2-1\t2.0.a", "2.0.a\t2.0.0.a");
    }
}

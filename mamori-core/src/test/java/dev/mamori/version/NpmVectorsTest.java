package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every npm vector labelled by the npm {@code semver} package (tools/oracles/npm_vectors.js). */
final class NpmVectorsTest {
    private final VersionScheme npm = VersionSchemes.forName("npm");

    @Test
    void oracleVectors_everyPair_matchesSemverCompare() {
        List<String[]> rows = VectorFiles.tsv("npm.tsv.gz");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            int got = npm.compare(r[0], r[1]);
            if (got != Integer.parseInt(r[2])) {
                wrong.add(r[0] + " vs " + r[1] + ": expected " + r[2] + ", got " + got);
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(wrong).as("mismatches of %d", rows.size()).isEmpty();
    }

    @Test
    void oracleVectors_everyRangeCheck_matchesSemverSatisfies() {
        List<String[]> rows = VectorFiles.tsv("npm-satisfies.tsv.gz");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            boolean expected = Boolean.parseBoolean(r[2]);
            try {
                boolean got = npm.parseRange(r[1]).contains(r[0]);
                if (got != expected) {
                    wrong.add("'" + r[0] + "' in '" + r[1] + "': expected " + expected);
                }
            } catch (VersionException e) {
                wrong.add("'" + r[0] + "' in '" + r[1] + "': " + e.getMessage());
            }
        }
        assertThat(rows).hasSizeGreaterThanOrEqualTo(3_000);
        assertThat(wrong).as("mismatches of %d", rows.size()).isEmpty();
    }

    @Test
    void oracleVectors_everyRejectedInput_isRejected() {
        List<String[]> rows = VectorFiles.tsv("npm-invalid.txt.gz");
        List<String> accepted = new ArrayList<>();
        for (String[] r : rows) {
            try {
                if (r[0].equals("version")) {
                    npm.validate(r[1]);
                } else {
                    npm.parseRange(r[1]);
                }
                accepted.add(r[0] + " '" + r[1] + "'");
            } catch (VersionException expected) {
                // rejected, like the oracle
            }
        }
        assertThat(rows).isNotEmpty();
        assertThat(accepted).isEmpty();
    }
}

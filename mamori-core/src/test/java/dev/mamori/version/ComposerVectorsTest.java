package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Packagist against osv-scalibr's packagist files (the generated one was ordered by PHP {@code version_compare})
 * and against PHP 8.2 {@code version_compare} / composer-semver 3.3.2 vectors (tools/oracles/composer_vectors.php).
 */
final class ComposerVectorsTest {
    private final VersionScheme composer = VersionSchemes.forName("composer");

    @Test
    void scalibrHandWritten_everyComparison_holds() {
        assertAll("packagist-versions.txt", 95);
    }

    @Test
    void scalibrGenerated_everyComparison_holds() {
        assertAll("packagist-versions-generated.txt", 10_630);
    }

    @Test
    void oraclePairs_everyPair_matchesPhpVersionCompare() {
        List<String[]> rows = LangVectorFiles.tsv("/version-vectors/composer.tsv.gz");
        List<String> failures = LangVectorFiles.compareFailures(composer, rows);
        assertThat(rows).hasSizeGreaterThan(10_000);
        assertThat(failures).as("%d of %d pairs", failures.size(), rows.size()).isEmpty();
    }

    @Test
    void oracleSatisfies_everyCheck_matchesComposerSemverSatisfies() {
        List<String[]> rows = LangVectorFiles.tsv("/version-vectors/composer-satisfies.tsv.gz");
        List<String> failures = LangVectorFiles.satisfiesFailures(composer, rows);
        assertThat(rows).hasSizeGreaterThan(3_000);
        assertThat(failures).as("%d of %d checks", failures.size(), rows.size()).isEmpty();
    }

    @Test
    void oracleInvalid_everyRejectedConstraint_isRejected() {
        List<String> accepted = new ArrayList<>();
        for (String[] r : LangVectorFiles.tsv("/version-vectors/composer-invalid.tsv.gz")) {
            try {
                composer.parseRange(r[1]);
                accepted.add(r[1]);
            } catch (VersionException expected) {
                // rejected, as Composer does
            }
        }
        assertThat(accepted).isEmpty();
    }

    private void assertAll(String file, int lines) {
        List<LangVectorFiles.Comparison> all = LangVectorFiles.scalibr(file);
        List<String> failures = new ArrayList<>();
        for (LangVectorFiles.Comparison c : all) {
            try {
                if (composer.compare(c.a(), c.b()) != c.expectedSign()) {
                    failures.add(c.toString());
                }
            } catch (VersionException e) {
                failures.add(c + ": " + e.getMessage());
            }
        }
        assertThat(all).hasSize(lines);
        assertThat(failures).isEmpty();
    }
}

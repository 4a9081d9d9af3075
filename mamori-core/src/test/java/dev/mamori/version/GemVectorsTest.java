package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RubyGems against osv-scalibr's rubygems files (the generated one was ordered by {@code Gem::Version}) and
 * against Ruby 3.1 / RubyGems 3.3 vectors (tools/oracles/gem_vectors.rb).
 */
final class GemVectorsTest {
    private final VersionScheme gem = VersionSchemes.forName("gem");

    @Test
    void scalibrHandWritten_everyComparison_holds() {
        assertAll("rubygems-versions.txt", 25);
    }

    @Test
    void scalibrGenerated_everyComparison_holds() {
        assertAll("rubygems-versions-generated.txt", 4_098);
    }

    @Test
    void oraclePairs_everyPair_matchesGemVersion() {
        List<String[]> rows = LangVectorFiles.tsv("/version-vectors/gem.tsv.gz");
        List<String> failures = LangVectorFiles.compareFailures(gem, rows);
        assertThat(rows).hasSizeGreaterThan(5_000);
        assertThat(failures).as("%d of %d pairs", failures.size(), rows.size()).isEmpty();
    }

    @Test
    void oracleSatisfies_everyCheck_matchesGemRequirement() {
        List<String[]> rows = LangVectorFiles.tsv("/version-vectors/gem-satisfies.tsv.gz");
        List<String> failures = LangVectorFiles.satisfiesFailures(gem, rows);
        assertThat(rows).hasSizeGreaterThan(3_000);
        assertThat(failures).as("%d of %d checks", failures.size(), rows.size()).isEmpty();
    }

    @Test
    void oracleInvalid_rejectedText_isRejectedExceptTheLeadingLetterExtension() {
        List<String> wrong = new ArrayList<>();
        for (String[] r : LangVectorFiles.tsv("/version-vectors/gem-invalid.tsv.gz")) {
            boolean accepted;
            try {
                if (r[0].equals("requirement")) {
                    gem.parseRange(r[1]);
                } else {
                    gem.validate(r[1]);
                }
                accepted = true;
            } catch (VersionException e) {
                accepted = false;
            }
            if (accepted != r[0].equals("version-extension")) {
                wrong.add(r[0] + " '" + r[1] + "'");
            }
        }
        assertThat(wrong).isEmpty();
    }

    private void assertAll(String file, int lines) {
        List<LangVectorFiles.Comparison> all = LangVectorFiles.scalibr(file);
        List<String> failures = new ArrayList<>();
        for (LangVectorFiles.Comparison c : all) {
            try {
                if (gem.compare(c.a(), c.b()) != c.expectedSign()) {
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

package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hex against Elixir 1.14 {@code Version} vectors (tools/oracles/hex_vectors.py). */
final class HexVectorsTest {
    private final VersionScheme hex = VersionSchemes.forName("hex");

    @Test
    void oraclePairs_everyPair_matchesElixirVersionCompare() {
        List<String[]> rows = LangVectorFiles.tsv("/version-vectors/hex.tsv.gz");
        List<String> failures = LangVectorFiles.compareFailures(hex, rows);
        assertThat(rows).hasSizeGreaterThan(10_000);
        assertThat(failures).as("%d of %d pairs", failures.size(), rows.size()).isEmpty();
    }

    @Test
    void oracleSatisfies_everyCheck_matchesElixirVersionMatch() {
        List<String[]> rows = LangVectorFiles.tsv("/version-vectors/hex-satisfies.tsv.gz");
        List<String> failures = LangVectorFiles.satisfiesFailures(hex, rows);
        assertThat(rows).hasSizeGreaterThan(3_000);
        assertThat(failures).as("%d of %d checks", failures.size(), rows.size()).isEmpty();
    }

    @Test
    void oracleInvalid_rejectedText_isRejectedExceptThePartialVersionExtension() {
        List<String> wrong = new ArrayList<>();
        for (String[] r : LangVectorFiles.tsv("/version-vectors/hex-invalid.tsv.gz")) {
            boolean accepted;
            try {
                if (r[0].startsWith("requirement")) {
                    hex.parseRange(r[1]);
                } else {
                    hex.validate(r[1]);
                }
                accepted = true;
            } catch (VersionException e) {
                accepted = false;
            }
            if (accepted != r[0].equals("requirement-extension")) {
                wrong.add(r[0] + " '" + r[1] + "'");
            }
        }
        assertThat(wrong).isEmpty();
    }
}

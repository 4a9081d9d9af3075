package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * pub against osv-scalibr's pub file (hand-written from pub_semver's rules; no Dart SDK oracle is packaged for
 * Debian, so pub has no generated vectors).
 */
final class PubVectorsTest {
    private final VersionScheme pub = VersionSchemes.forName("pub");

    @Test
    void scalibrHandWritten_everyComparison_holds() {
        List<LangVectorFiles.Comparison> all = LangVectorFiles.scalibr("pub-versions.txt");
        List<String> failures = new ArrayList<>();
        for (LangVectorFiles.Comparison c : all) {
            try {
                if (pub.compare(c.a(), c.b()) != c.expectedSign()) {
                    failures.add(c.toString());
                }
            } catch (VersionException e) {
                failures.add(c + ": " + e.getMessage());
            }
        }
        assertThat(all).hasSize(100);
        assertThat(failures).isEmpty();
    }
}

package dev.mamori.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RubyGems against osv-scalibr's rubygems files (the generated one was ordered by {@code Gem::Version}). */
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

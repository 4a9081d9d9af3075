package dev.mamori.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.OsvReader;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.CycloneDxJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MatcherTest {
    @Test
    void match_kawipikoAgainstRealGoAdvisories_findsExactlyTheAffectedOnes() throws IOException {
        Bom bom;
        try (InputStream in = Files.newInputStream(Path.of("../examples/kawipiko-sbom.cdx.json"))) {
            bom = CycloneDxJsonReader.read(in, "kawipiko");
        }
        List<Advisory> advisories = OsvReader.readAll(List.of(Path.of("../examples/advisories")));
        Matcher.Result result = new Matcher(AdvisoryIndex.of(advisories)).match(bom);

        // Worked out by hand from each advisory's range and the installed version:
        assertThat(result.findings()).extracting(f -> f.component().name() + " " + f.advisory().id()).containsExactlyInAnyOrder(
                "github.com/valyala/fasthttp GO-2022-0355",   // < 1.34.0, have 1.33.0
                "golang.org/x/crypto GO-2021-0356",           // fixed 2022-03-14 pseudo-version, have 2022-02-14
                "golang.org/x/crypto GO-2023-2402",           // < 0.17.0
                "golang.org/x/net GO-2022-0969",              // fixed 2022-09-06, have 2022-01-27
                "golang.org/x/net GO-2022-1144",              // < 0.4.0
                "golang.org/x/net GO-2023-1571",              // < 0.7.0
                "golang.org/x/net GO-2023-2102",              // < 0.17.0
                "golang.org/x/sys GO-2022-0493",              // fixed 2022-04-12, have 2022-02-09
                "golang.org/x/text GO-2022-1059");            // < 0.3.8, have 0.3.7
        // Not matched, for the right reasons: fixed at (0.3.7) or before the installed version, introduced after it,
        // or withdrawn (GO-2026-4923 for bbolt).
        assertThat(result.findings()).extracting(f -> f.advisory().id())
                .doesNotContain("GO-2021-0113", "GO-2020-0015", "GO-2022-0968", "GO-2023-1495", "GO-2026-4923");

        Finding text = result.findings().stream().filter(f -> f.advisory().id().equals("GO-2022-1059")).findFirst().orElseThrow();
        assertThat(text.installedVersion()).isEqualTo("v0.3.7");
        assertThat(text.vulnerabilityId()).isEqualTo("CVE-2022-32149");
        assertThat(text.aliases()).contains("GO-2022-1059", "GHSA-69ch-w2m2-3vjp");
        assertThat(text.nearestFix()).isEqualTo("0.3.8");
        assertThat(text.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(text.evidence().identifier()).isEqualTo("pkg:golang/golang.org/x/text@v0.3.7?type=module");
        assertThat(text.evidence().method()).isEqualTo(Evidence.Method.PURL);
        assertThat(text.evidence().matched()).singleElement().satisfies(m -> {
            assertThat(m.advisoryId()).isEqualTo("GO-2022-1059");
            assertThat(m.range()).isEqualTo("SEMVER range [introduced 0, fixed 0.3.8]");
            assertThat(m.location()).isEqualTo("/affected/0");
        });
        assertThat(result.componentsScanned()).isEqualTo(27);

        // golang.org/x/net has four findings; the smallest version fixing all of them is 0.17.0, a minor bump
        UpgradeAdvice net = result.upgrades().stream().filter(u -> u.component().name().equals("golang.org/x/net")).findFirst().orElseThrow();
        assertThat(net.target()).isEqualTo("0.17.0");
        assertThat(net.bump()).isEqualTo(VersionBump.MINOR);
        assertThat(net.remains()).isEmpty();
        assertThat(net.fixes()).hasSize(4);
    }
}

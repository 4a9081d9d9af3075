package dev.mamori.report;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.OsvReader;
import dev.mamori.match.AdvisoryIndex;
import dev.mamori.match.Matcher;
import dev.mamori.risk.CweCatalog;
import dev.mamori.risk.PriorityPolicy;
import dev.mamori.risk.RiskProfile;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.SbomReader;
import dev.mamori.vex.VexApplier;
import dev.mamori.vex.VexReader;
import dev.mamori.vex.VexStatement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scan reports made the way {@code mamori scan} makes them, from real data: the kawipiko SBOM and Go advisories of
 * {@code examples/}, the GitHub advisory of CVE-2023-44487, CISA KEV and EPSS samples, the CWE subset and the
 * risk profiles of {@code risk-example/}; and CycloneDX's VEX example BOM with the advisory of CVE-2020-25649.
 */
final class ReportFixtures {
    static final Path RES = Path.of("src/test/resources");
    static final Path KAWIPIKO = Path.of("../examples/kawipiko-sbom.cdx.json");
    static final Path GO_ADVISORIES = Path.of("../examples/advisories");
    static final Path RAPID_RESET = RES.resolve("scan/GHSA-qppj-fm5r-hxr3.json");
    static final Path JACKSON_BOM = RES.resolve("vex/cyclonedx/bom.json");
    static final Path JACKSON_ADVISORY = RES.resolve("vex/scenario/GHSA-288c-cq4h-88gq.json");
    static final Path KEV = RES.resolve("intel/kev/kev-subset.json");
    static final Path EPSS = RES.resolve("scan/epss-scan.csv");

    private ReportFixtures() {}

    /** A scan with every input given: advisories, VEX files (under vex/), threat data, profile and CWE catalogue. */
    static ScanReport scan(Path sbom, List<Path> advisories, List<String> vex, ThreatData threats, RiskProfile profile,
                           CweCatalog catalog) {
        Bom bom = SbomReader.read(sbom);
        List<Advisory> loaded = OsvReader.readAll(advisories);
        AdvisoryIndex index = AdvisoryIndex.of(loaded);
        Matcher.Result r = new Matcher(index).match(bom);
        ScanReport report = new ScanReport(sbom.toString(), bom, r.componentsScanned(), index.advisoryCount(), r.findings(),
                r.upgrades(), r.warnings());
        if (!vex.isEmpty()) {
            List<VexStatement> statements = new ArrayList<>();
            vex.forEach(v -> statements.addAll(VexReader.read(RES.resolve("vex").resolve(v)).statements()));
            report = report.withVex(new VexApplier(statements).apply(bom, report.findings()));
        }
        return report.withRisk(ScanAssessor.assess(report.findings(), threats, profile, catalog, PriorityPolicy.defaults()));
    }

    /** kawipiko with the Go advisories and CVE-2023-44487's, KEV and EPSS, no profile, no CWE catalogue. */
    static ScanReport kawipiko(String... vex) {
        return scan(KAWIPIKO, List.of(GO_ADVISORIES, RAPID_RESET), List.of(vex), threats(), RiskProfile.unknown(), null);
    }

    /** jackson-databind 2.10.0 with GHSA-288c-cq4h-88gq (CVE-2020-25649). */
    static ScanReport jackson(RiskProfile profile, CweCatalog catalog, String... vex) {
        return scan(JACKSON_BOM, List.of(JACKSON_ADVISORY), List.of(vex), threats(), profile, catalog);
    }

    static ThreatData threats() {
        return ThreatData.read(KEV, EPSS, null);
    }

    static RiskProfile profile(String name) {
        Path p = RES.resolve("risk-example").resolve(name);
        try (InputStream in = Files.newInputStream(p)) {
            return RiskProfile.read(in, p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CweCatalog cwe() {
        Path p = RES.resolve("cwe/cwec_v4.15-subset.xml.gz");
        try (InputStream in = Files.newInputStream(p)) {
            return CweCatalog.readXml(in, p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori scan} output formats, VEX, risk inputs, --fail-on conditions and progress, on real data. */
final class ScanCommandOutputsTest {
    static final String BOM = ScanCommandTest.BOM;
    static final String ADVISORIES = ScanCommandTest.ADVISORIES;
    static final String RES = "../mamori-core/src/test/resources/";
    static final String RAPID_RESET = RES + "scan/GHSA-qppj-fm5r-hxr3.json";
    static final String KEV = RES + "intel/kev/kev-subset.json";
    static final String EPSS = RES + "scan/epss-scan.csv";
    static final String CWE = RES + "cwe/cwec_v4.15-subset.xml.gz";
    static final String PUMP = RES + "risk-example/pump-controller.profile.json";
    static final String OPENVEX = RES + "vex/scenario/kawipiko.openvex.json";
    static final String CSAF = RES + "vex/scenario/kawipiko.csaf.json";
    static final String JACKSON_BOM = RES + "vex/cyclonedx/bom.json";
    static final String JACKSON_VEX = RES + "vex/cyclonedx/vex.json";
    static final String JACKSON_ADVISORY = RES + "vex/scenario/GHSA-288c-cq4h-88gq.json";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static ScanCommandTest.Run run(String... args) {
        return ScanCommandTest.run(args);
    }

    @Test
    void scan_csv_headerAndOneRowPerFinding() {
        ScanCommandTest.Run r = run("scan", BOM, "--advisories", ADVISORIES, "--format", "csv");
        assertThat(r.code()).isEqualTo(1);
        List<String> lines = List.of(r.out().split("\r\n"));
        assertThat(lines.getFirst()).startsWith("sbom,status,priority,component,version,purl,bom_ref,vulnerability,aliases,severity");
        assertThat(lines).hasSize(10);
        assertThat(lines.subList(1, 10)).allSatisfy(l -> assertThat(l).startsWith("../examples/kawipiko-sbom.cdx.json,open,"));
    }

    @Test
    void scan_cycloneDxToFile_validAgainstTheSchemaWithOriginalRefs() throws IOException {
        Path out = tmp.resolve("scan.cdx.json");
        ScanCommandTest.Run r = run("scan", BOM, "--advisories", ADVISORIES, "-f", "cyclonedx", "-o", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).isEmpty();
        JsonNode bom = JSON.readTree(bytes);
        assertThat(bom.path("vulnerabilities")).hasSize(9);
        assertThat(bom.path("vulnerabilities").get(0).path("affects").get(0).path("ref").asText()).startsWith("pkg:golang/");
        assertThat(bom.path("components")).hasSize(27);
    }

    @Test
    void scan_cycloneDxOfTwoSboms_isAUsageError() {
        ScanCommandTest.Run r = run("scan", BOM, JACKSON_BOM, "--advisories", ADVISORIES, "-f", "cyclonedx");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--format cyclonedx writes one BOM");
    }

    /**
     * Why each vulnerable component is in kawipiko, in every output: expected chains and "brought in by" lists
     * computed independently with a breadth-first walk in Python over the sample SBOM's dependencies.
     */
    @Test
    void scan_everyOutputSaysHowTheComponentGotIn() throws IOException {
        ScanCommandTest.Run table = run("scan", BOM, "--advisories", ADVISORIES);
        assertThat(table.out()).contains("github.com/valyala/fasthttp: v1.33.0 -> 1.34.0 (minor); direct dependency",
                "golang.org/x/crypto: v0.0.0-20220214200702-86341886e292 -> 0.17.0 (minor); via "
                        + "github.com/lucas-clemente/quic-go v0.25.0 (+1 more)",
                "golang.org/x/sys: v0.0.0-20220209214540-3681064d5158 -> 0.0.0-20220412211240-33da011f77ad (patch); via "
                        + "github.com/lucas-clemente/quic-go v0.25.0 (+3 more)");

        JsonNode json = JSON.readTree(run("scan", BOM, "--advisories", ADVISORIES, "-f", "json").out());
        JsonNode crypto = null;
        for (JsonNode f : json.path("reports").get(0).path("findings")) {
            if (f.path("component").path("name").asText().equals("golang.org/x/crypto")) {
                crypto = f.path("component");
            }
        }
        assertThat(crypto).isNotNull();
        assertThat(crypto.path("direct").asBoolean(true)).isFalse();
        assertThat(crypto.path("dependencyPath")).extracting(n -> n.path("name").asText()).containsExactly(
                "github.com/volution/kawipiko", "github.com/lucas-clemente/quic-go", "golang.org/x/crypto");
        assertThat(crypto.path("introducedBy")).extracting(n -> n.path("name").asText())
                .containsExactly("github.com/lucas-clemente/quic-go", "github.com/valyala/fasthttp");

        JsonNode sarif = JSON.readTree(run("scan", BOM, "--advisories", ADVISORIES, "-f", "sarif").out());
        JsonNode results = sarif.path("runs").get(0).path("results");
        assertThat(results).anySatisfy(r -> {
            assertThat(r.path("properties").path("component").asText()).isEqualTo("github.com/valyala/fasthttp");
            assertThat(r.path("properties").path("direct").asBoolean()).isTrue();
            assertThat(r.path("message").path("text").asText()).endsWith("It is a direct dependency.");
        });
        assertThat(results).anySatisfy(r -> {
            assertThat(r.path("properties").path("component").asText()).isEqualTo("golang.org/x/crypto");
            assertThat(r.path("properties").path("dependencyPath")).hasSize(3);
            assertThat(r.path("message").path("text").asText())
                    .endsWith("It is brought in via github.com/lucas-clemente/quic-go v0.25.0 (+1 more).");
        });
    }

    @Test
    void scan_sarif_oneResultPerFinding() throws IOException {
        ScanCommandTest.Run r = run("scan", BOM, "--advisories", ADVISORIES, "-f", "sarif");
        assertThat(r.code()).isEqualTo(1);
        JsonNode sarif = JSON.readTree(r.out());
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.path("runs").get(0).path("results")).hasSize(9);
        assertThat(sarif.path("runs").get(0).path("tool").path("driver").path("version").asText()).isNotBlank();
    }

    @Test
    void scan_openVexAndCsafVex_suppressFourFindingsAndSayWhich() throws IOException {
        ScanCommandTest.Run table = run("scan", BOM, "--advisories", ADVISORIES, "--vex", OPENVEX, CSAF);
        assertThat(table.code()).isEqualTo(1);
        assertThat(table.out()).contains("5 findings in 3 of 27 components (13 advisories checked); 4 suppressed by VEX");
        assertThat(table.out()).contains("Suppressed by VEX", "CVE-2023-39325  by " + CSAF
                + " /vulnerabilities/0/product_status/known_not_affected/XNET-1 (CSAF 2.0 csaf_vex): known_not_affected, vulnerable_code_not_in_execute_path");
        JsonNode json = JSON.readTree(run("scan", BOM, "--advisories", ADVISORIES, "--vex", OPENVEX, CSAF, "-f", "json").out())
                .path("reports").get(0);
        assertThat(json.path("findings")).hasSize(5);
        assertThat(json.path("suppressed")).hasSize(4);
    }

    @Test
    void scan_everyFindingSuppressed_exits0AndStillListsThem() {
        ScanCommandTest.Run r = run("scan", JACKSON_BOM, "--advisories", JACKSON_ADVISORY, "--vex", JACKSON_VEX);
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No known vulnerabilities.", "0 findings in 0 of 3 components (1 advisories checked); 1 suppressed by VEX",
                "jackson-databind 2.10.0  CVE-2020-25649  by " + JACKSON_VEX + " /vulnerabilities/0 (CycloneDX 1.4): not_affected, code_not_reachable");
        assertThat(run("scan", JACKSON_BOM, "--advisories", JACKSON_ADVISORY).code()).isEqualTo(1);
    }

    @Test
    void scan_badVexFile_exits2NamingIt() throws IOException {
        Path notVex = Files.writeString(tmp.resolve("x.json"), "{\"hello\": 1}");
        ScanCommandTest.Run r = run("scan", BOM, "--advisories", ADVISORIES, "--vex", notVex.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("mamori: " + notVex + ": not a VEX document");
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--vex", tmp.resolve("none.json").toString()).err()).contains("none.json: no such file");
    }

    @Test
    void scan_failOnKev_withKevCatalogue() {
        String[] base = {"scan", BOM, "--advisories", ADVISORIES, RAPID_RESET, "--kev", KEV};
        assertThat(run(concat(base, "--fail-on", "kev")).code()).isEqualTo(1);
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--kev", KEV, "--fail-on", "kev").code()).isZero();
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, RAPID_RESET, "--fail-on", "kev").code()).isZero();
        ScanCommandTest.Run table = run(concat(base, "--fail-on", "none"));
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("1. CVE-2023-44487  Attend — in KEV since 2023-10-10");
    }

    @Test
    void scan_failOnEpss_needsEpssFileAndUsesIt() {
        ScanCommandTest.Run missing = run("scan", BOM, "--advisories", ADVISORIES, "--fail-on", "epss>=0.5");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("needs EPSS scores: give --epss FILE");
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--epss", EPSS, "--fail-on", "epss>=0.5").code()).isEqualTo(1);
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--epss", EPSS, "--fail-on", "epss>=0.95").code()).isZero();
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--epss", EPSS, "--fail-on", "epss-percentile>=0.99").code()).isEqualTo(1);
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--epss", EPSS, "--fail-on", "epss-percentile>=0.999").code()).isZero();
    }

    @Test
    void scan_failOnSsvcAndLists() {
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--fail-on", "ssvc=track").code()).isEqualTo(1);
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--fail-on", "ssvc=attend").code()).isZero();
        String[] kevScan = {"scan", BOM, "--advisories", ADVISORIES, RAPID_RESET, "--kev", KEV};
        assertThat(run(concat(kevScan, "--fail-on", "ssvc=attend")).code()).isEqualTo(1);
        assertThat(run(concat(kevScan, "--fail-on", "ssvc=act")).code()).isZero();
        assertThat(run(concat(kevScan, "--profile", PUMP, "--fail-on", "ssvc=act")).code()).isEqualTo(1);
        assertThat(run(concat(kevScan, "--fail-on", "high,critical")).code()).isZero();
        assertThat(run(concat(kevScan, "--fail-on", "high,medium")).code()).isEqualTo(1);
        // a suppressed finding never fails the build
        assertThat(run(concat(kevScan, "--fail-on", "kev", "--vex", tmpVexFor("CVE-2023-44487"))).code()).isZero();
    }

    @Test
    void scan_badFailOn_exits2WithTheReason() {
        ScanCommandTest.Run r = run("scan", BOM, "--advisories", ADVISORIES, "--fail-on", "kev,sometimes");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown --fail-on condition 'sometimes'");
    }

    @Test
    void scan_profileAndCwe_environmentalScoreAndWeaknessClassShown() {
        ScanCommandTest.Run plain = run("scan", JACKSON_BOM, "--advisories", JACKSON_ADVISORY);
        String plainRow = plain.out().lines().filter(l -> l.startsWith("#1")).findFirst().orElseThrow();
        assertThat(plainRow).containsPattern("high +7\\.5 +7\\.5 +\\S+ +unknown +2\\.10\\.5\\.1$");
        ScanCommandTest.Run pump = run("scan", JACKSON_BOM, "--advisories", JACKSON_ADVISORY, "--profile", PUMP, "--cwe", CWE);
        String row = pump.out().lines().filter(l -> l.startsWith("#1")).findFirst().orElseThrow();
        assertThat(row).containsPattern("high +7\\.5 +8\\.3 +\\S+ +code +2\\.10\\.5\\.1$");
        assertThat(pump.out()).contains("CVSS 3.1 7.5, 8.3 in this product", "code weakness (CWE-611)");
    }

    @Test
    void scan_badProfileOrCatalogue_exits2NamingTheFile() throws IOException {
        Path profile = Files.writeString(tmp.resolve("p.json"), "{\"schema\": \"mamori-risk-profile/1\", \"exposure\": \"internet\"}");
        ScanCommandTest.Run r = run("scan", BOM, "--advisories", ADVISORIES, "--profile", profile.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("mamori: " + profile + ": /exposure: unknown field 'exposure'");
        Path cwe = Files.writeString(tmp.resolve("cwe.xml"), "<Weakness_Catalog/>");
        ScanCommandTest.Run c = run("scan", BOM, "--advisories", ADVISORIES, "--cwe", cwe.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains(cwe + ": no Weakness elements");
    }

    @Test
    void scan_piped_printsNoProgress() {
        ScanCommandTest.Run r = run("scan", BOM, "--advisories", ADVISORIES);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).doesNotContain("\r").doesNotContain("mamori: reading");
        ScanCommandTest.Run never = run("scan", BOM, "--advisories", ADVISORIES, "--progress", "never");
        assertThat(never.err()).isEmpty();
    }

    @Test
    void scan_progressAlways_rewritesOneLineOnStderrAndClearsIt() {
        ScanCommandTest.Run r = run("scan", BOM, "--advisories", ADVISORIES, "--progress", "always");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("\rmamori: reading advisories").contains("\rmamori: matching 27 components of " + BOM)
                .doesNotContain("\n").endsWith("\r");
        assertThat(r.err().replace("\r", "").replace(" ", "")).doesNotContain("mamori:mamori");
        assertThat(r.out()).doesNotContain("\r");
    }

    @Test
    void help_scan_documentsTheNewOptions() {
        ScanCommandTest.Run r = run("scan", "--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("--vex", "--kev", "--epss", "--cwe", "--profile", "--policy", "--progress",
                "table, json, csv, cyclonedx, sarif", "epss>=X", "ssvc=track|track*|attend|act", "Exit codes");
    }

    private String tmpVexFor(String cve) {
        try {
            return Files.writeString(tmp.resolve("vex-" + cve + ".json"), """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "t", "statements": [
                      {"vulnerability": {"name": "%s"}, "products": [{"@id": "pkg:golang/golang.org/x/net"}],
                       "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]}""".formatted(cve),
                    StandardCharsets.UTF_8).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

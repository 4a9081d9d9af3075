package dev.mamori.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScanCommandTest {
    static final String BOM = "../examples/kawipiko-sbom.cdx.json";
    static final String ADVISORIES = "../examples/advisories";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = MamoriCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void scan_examples_exits1AndListsTheRealAdvisories() {
        Run r = run("scan", BOM, "--advisories", ADVISORIES);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("COMPONENT", "VERSION", "ADVISORY", "ALIASES", "SEVERITY", "FIXED IN");
        assertThat(r.out()).contains("GO-2022-1059", "CVE-2022-32149", "GO-2023-2402", "CVE-2023-48795", "GO-2022-0355");
        assertThat(r.out().lines().filter(l -> l.contains("GO-") && l.contains("CVE-"))).hasSize(9);
        assertThat(r.out()).contains("golang.org/x/net: v0.0.0-20220127200216-cd36cc0744dd -> 0.17.0 (minor)");
        assertThat(r.out()).contains("9 findings in 5 of 27 components (13 advisories checked)");
    }

    @Test
    void scan_jsonFormat_parsesAndCarriesEvidence() throws IOException {
        Run r = run("scan", BOM, "--advisories", ADVISORIES, "--format", "json");
        assertThat(r.code()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode report = root.path("reports").get(0);
        assertThat(report.path("componentsScanned").asInt()).isEqualTo(27);
        assertThat(report.path("findings")).hasSize(9);
        JsonNode text = null;
        for (JsonNode f : report.path("findings")) {
            if (f.path("vulnerability").path("id").asText().equals("CVE-2022-32149")) {
                text = f;
            }
        }
        assertThat(text).isNotNull();
        assertThat(text.path("component").path("version").asText()).isEqualTo("v0.3.7");
        assertThat(text.path("fix").path("nearest").asText()).isEqualTo("0.3.8");
        assertThat(text.path("confidence").asText()).isEqualTo("high");
        assertThat(text.path("evidence").path("method").asText()).isEqualTo("purl");
        assertThat(text.path("evidence").path("matched").get(0).path("range").asText()).isEqualTo("SEMVER range [introduced 0, fixed 0.3.8]");
        assertThat(text.path("evidence").path("matched").get(0).path("advisory").asText()).isEqualTo("GO-2022-1059");
        assertThat(text.path("vulnerability").path("aliases").toString()).contains("GO-2022-1059", "GHSA-69ch-w2m2-3vjp");
        assertThat(report.path("upgrades")).hasSize(5);
    }

    @Test
    void scan_outputFile_writesReportThere() throws IOException {
        Path out = tmp.resolve("report.json");
        Run r = run("scan", BOM, "--advisories", ADVISORIES, "-f", "json", "-o", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(new ObjectMapper().readTree(out.toFile()).path("reports").get(0).path("findings")).hasSize(9);
    }

    @Test
    void scan_failOnAboveEverySeverityPresent_exits0() {
        // The Go advisories carry no severity, so a threshold of 'low' or more is not reached.
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--fail-on", "low").code()).isZero();
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--fail-on", "none").code()).isZero();
    }

    @Test
    void scan_noMatchingAdvisories_exits0() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("adv"));
        Files.copy(Path.of(ADVISORIES, "osv-go", "GO-2021-0113.json"), dir.resolve("GO-2021-0113.json"));
        Run r = run("scan", BOM, "--advisories", dir.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("No known vulnerabilities.");
    }

    @Test
    void scan_truncatedSbom_exits2WithOneLineNamingFileAndPlace() throws IOException {
        byte[] whole = Files.readAllBytes(Path.of(BOM));
        Path cut = tmp.resolve("truncated.cdx.json");
        Files.write(cut, Arrays.copyOf(whole, 3000));
        Run r = run("scan", cut.toString(), "--advisories", ADVISORIES);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("mamori: " + cut + ": line ").contains("column").doesNotContain("Exception");
    }

    @Test
    void scan_malformedAdvisory_exits2NamingTheFile() throws IOException {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"id\": \"X-1\", \"affected\": [");
        Run r = run("scan", BOM, "--advisories", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("mamori: " + bad + ": line 1, column");
    }

    @Test
    void scan_missingFileOrOption_exits2() {
        Run missing = run("scan", tmp.resolve("nope.json").toString(), "--advisories", ADVISORIES);
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json: no such file");
        Run usage = run("scan", BOM);
        assertThat(usage.code()).isEqualTo(2);
        assertThat(usage.err()).contains("--advisories");
        assertThat(run("scan", BOM, "--advisories", ADVISORIES, "--format", "xml").code()).isEqualTo(2);
    }

    @Test
    void help_listsTheCommands() {
        Run r = run("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("scan", "serve", "Exit codes");
        assertThat(run("--version").out()).startsWith("mamori ");
    }

    @Test
    void scan_indexSnapshot_findsWhatTheFilesFind() {
        Path snapshot = tmp.resolve("advisories.idx");
        Run written = run("db", "index", "--advisories", ADVISORIES, "-o", snapshot.toString());
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(written.out()).contains("13 advisories");
        Run fromFiles = run("scan", BOM, "--advisories", ADVISORIES, "--format", "csv");
        Run fromIndex = run("scan", BOM, "--index", snapshot.toString(), "--format", "csv");
        assertThat(fromIndex.code()).isEqualTo(1);
        assertThat(fromIndex.out()).isEqualTo(fromFiles.out());
    }
}

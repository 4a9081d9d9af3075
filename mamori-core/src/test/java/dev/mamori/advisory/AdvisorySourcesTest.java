package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AdvisorySourcesTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
            "osv/osv-pypi-20.jsonl.gz, OSV",
            "osv/all-ecosystems.zip, OSV_ARCHIVE",
            "nvd/CVE-2023-4863.json, NVD",
            "nvd/vunnel-full-page.json.gz, NVD",
            "nvd/empty-page.json, NVD",
            "nvd/nvdcve-1.1-2002.json, NVD",
            "cve5/vulnrichment-30.jsonl.gz, CVE5",
            "cve5/CVE-2024-3094.json, CVE5",
            "jvn/hnd/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml, JVN_VULDEF",
            "jvn/hnd/getVulnOverviewList_hnd.xml, JVN_RSS",
            "jvn/feed/rss-jvndb_2021.rdf, JVN_RSS",
            "jvn/feed/detail-jvndb_detail_2021.rdf, JVN_VULDEF",
            "jvn/oka/getVulnDetailInfo_oka_jvncsaf.json, JVN_JSON",
            "jvn/oka/getVulnDetailInfo_oka_jvnstix.json, JVN_JSON",
            "jvn/oka/getVulnOverviewList_oka.json, JVN_JSON",
            "jvn/oka/getAlertList_oka.json, UNKNOWN",
            "jvn/oka/dataFeed_myjvn_product_oka.json, UNKNOWN",
            "jvn/hnd/getStatistics_hnd_sumCwe.xml, UNKNOWN",
            "csaf/oasis-2.0/sec-vex-2022-0001.json, CSAF",
            "csaf/oasis-2.1/cisco-sa-20180328-smi2.json.gz, CSAF",
            "csaf/redhat/rhsa-2023_7435.json.gz, CSAF",
            "kev/kev-subset.json, KEV",
            "epss/epss-300.csv.gz, EPSS",
            "epss/vunnel-fixture-example-1.csv, EPSS",
            "epss/vuls-epss_scores-2021-04-14.csv, EPSS",
            "cwe/cwec_v4.15-trimmed.xml.gz, CWE",
            "README.md, UNKNOWN"})
    void detect_realFile_givesItsFormat(String fixture, AdvisoryFormat format) {
        assertThat(AdvisorySources.detect(Fixtures.intel(fixture))).isEqualTo(format);
    }

    /** Names lie; content does not: each file renamed to something misleading is still recognised. */
    @ParameterizedTest
    @CsvSource({
            "kev/kev-subset.json, scores.csv, KEV",
            "nvd/CVE-2023-4863.json, catalogue.xml, NVD",
            "cwe/cwec_v4.15-trimmed.xml.gz, data.json, CWE",
            "csaf/oasis-2.0/sec-vex-2022-0001.json, osv.jsonl, CSAF",
            "osv/all-ecosystems.zip, feed.rdf, OSV_ARCHIVE",
            "epss/vunnel-fixture-example-1.csv, kev.json, EPSS"})
    void detect_misleadingFileName_isIgnored(String fixture, String name, AdvisoryFormat format) throws IOException {
        Path copy = tmp.resolve(name);
        Files.copy(Fixtures.intel(fixture), copy);
        assertThat(AdvisorySources.detect(copy)).isEqualTo(format);
    }

    @Test
    void detect_gzippedXmlOrCsaf_isJudgedByWhatItDecompressesTo() throws IOException {
        Path gz = tmp.resolve("blob.bin");
        try (InputStream in = Files.newInputStream(Fixtures.intel("jvn/hnd/getVulnOverviewList_hnd.xml"));
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            in.transferTo(out);
        }
        assertThat(AdvisorySources.detect(gz)).isEqualTo(AdvisoryFormat.JVN_RSS);
        Path plain = tmp.resolve("rhsa.json");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Fixtures.intel("csaf/redhat/rhsa-2023_7435.json.gz")))) {
            Files.copy(in, plain);
        }
        assertThat(AdvisorySources.detect(plain)).isEqualTo(AdvisoryFormat.CSAF);
    }

    @Test
    void read_directoryOfMixedSources_dispatchesEachFileAndSkipsTheRest() {
        TreeMap<String, Integer> counts = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        AdvisorySources.read(Fixtures.intel("kev").getParent().resolve("osv"), new AdvisorySink() {
            @Override
            public void advisory(Advisory a) {
                counts.merge(a.provenance().source(), 1, Integer::sum);
            }
        });
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(5 * 20 + 69);
        counts.clear();
        for (String dir : List.of("kev", "jvn/feed", "cwe", "csaf/oasis-2.1")) {
            AdvisorySources.read(Fixtures.intel(dir), new AdvisorySink() {
                @Override
                public void advisory(Advisory a) {
                    counts.merge("advisory", 1, Integer::sum);
                }

                @Override
                public void csafDocument(CsafDocument d) {
                    documents.add(d.id());
                }

                @Override
                public void kev(KevEntry e) {
                    counts.merge("kev", 1, Integer::sum);
                }

                @Override
                public void epss(EpssScore s) {
                    counts.merge("epss", 1, Integer::sum);
                }

                @Override
                public void cwe(CweEntry e) {
                    counts.merge("cwe", 1, Integer::sum);
                }

                @Override
                public void skipped(Path file, String reason) {
                    skipped.add(file.getFileName().toString());
                }
            });
        }
        assertThat(counts).containsEntry("kev", 25).containsEntry("cwe", 15 + 3).containsEntry("advisory", 7 + 3 + 1 + 1);
        assertThat(documents).hasSize(3);
        assertThat(skipped).isEmpty();
    }

    @Test
    void read_malformedFileInADirectory_stopsWithItsName() {
        Path epss = Fixtures.intel("epss");
        assertThatThrownBy(() -> AdvisorySources.read(epss, new AdvisorySink() { }))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(epss.resolve("vunnel-fixture-invalid-header.csv") + ": line 2: ");
    }

    @Test
    void read_singleFileInNoKnownFormat_isRefused() {
        Path readme = Fixtures.intel("README.md");
        assertThatThrownBy(() -> AdvisorySources.read(readme, new AdvisorySink() { }))
                .isInstanceOf(InputException.class)
                .hasMessage(readme + ": not a recognised advisory format (OSV, NVD CVE API 2.0, CVE 5, JVN, CSAF, KEV, "
                        + "EPSS or CWE)");
        assertThatThrownBy(() -> AdvisorySources.detect(tmp.resolve("missing.json")))
                .isInstanceOf(InputException.class)
                .hasMessage(tmp.resolve("missing.json") + ": no such file or directory");
    }
}

package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every record of the staged corpora ({@code /work/shared/corpora}, see its MANIFEST.md) is read, with counts equal
 * to the inputs. Runs only where the corpora exist; the fixtures in test resources cover the same formats elsewhere.
 */
@EnabledIf("dev.mamori.advisory.Fixtures#corporaPresent")
final class CorporaTest {
    private static final Path C = Fixtures.CORPORA;

    private static final class Counting implements AdvisorySink {
        final List<Advisory> advisories = new ArrayList<>();
        final List<CsafDocument> documents = new ArrayList<>();
        int kev;
        int epss;
        final Map<CweEntry.Kind, Integer> cwe = new TreeMap<>();
        EpssHeader epssHeader;
        KevCatalog kevCatalog;

        @Override
        public void advisory(Advisory advisory) {
            advisories.add(advisory);
        }

        @Override
        public void csafDocument(CsafDocument document) {
            documents.add(document);
        }

        @Override
        public void kev(KevEntry entry) {
            kev++;
        }

        @Override
        public void kevCatalog(KevCatalog catalog) {
            kevCatalog = catalog;
        }

        @Override
        public void epss(EpssScore score) {
            epss++;
        }

        @Override
        public void epssHeader(EpssHeader header) {
            epssHeader = header;
        }

        @Override
        public void cwe(CweEntry entry) {
            cwe.merge(entry.kind(), 1, Integer::sum);
        }
    }

    private static Counting read(String path) {
        Counting c = new Counting();
        AdvisorySources.read(C.resolve(path), c);
        return c;
    }

    @ParameterizedTest
    @CsvSource({"osv-pypi, 2661, 2661, 10", "osv-go, 4291, 4291, 17", "osv-rustsec, 714, 714, 9",
            "osv-almalinux, 5680, 5637, 0", "osv-bitnami, 7444, 7444, 0"})
    void read_everyOsvRecordOfEachDatabase_equalsTheInput(String corpus, int records, int distinctIds, int withdrawn) {
        Counting c = read(corpus + "/" + corpus + ".jsonl.gz");
        assertThat(c.advisories.size()).isEqualTo(records);
        // AlmaLinux publishes some advisories under the same id for two releases (almalinux8 and almalinux9 trees)
        assertThat(c.advisories.stream().map(Advisory::id).distinct().count()).isEqualTo(distinctIds);
        assertThat(c.advisories.stream().filter(a -> a.withdrawn() != null).count()).isEqualTo(withdrawn);
        System.out.printf("corpus %s: %d records, %d distinct ids, %d withdrawn%n", corpus, records, distinctIds, withdrawn);
    }

    @Test
    void read_kevCatalogue_has1404Entries() {
        Counting c = read("cisa-kev/known_exploited_vulnerabilities.json");
        assertThat(c.kev).isEqualTo(1404);
        assertThat(c.kevCatalog).isEqualTo(new KevCatalog("CISA Catalog of Known Exploited Vulnerabilities", "2025.08.25",
                "2025-08-25T17:04:19.9796Z", 1404, 1404));
    }

    @Test
    void read_epssFile_has360142Scores() {
        Counting c = read("epss/epss_scores-2026-08-16.csv.gz");
        assertThat(c.epss).isEqualTo(360_142);
        assertThat(c.epssHeader).isEqualTo(new EpssHeader(null, null, 360_142));
    }

    @Test
    void read_cweCatalogue415_has964Weaknesses() {
        Counting c = read("cwe/cwec_v4.15.xml.gz");
        assertThat(c.cwe).containsExactly(Map.entry(CweEntry.Kind.WEAKNESS, 964), Map.entry(CweEntry.Kind.CATEGORY, 409),
                Map.entry(CweEntry.Kind.VIEW, 54));
        List<CweEntry> weaknesses = new ArrayList<>();
        CweReader.read(C.resolve("cwe/cwec_v4.15.xml.gz"), e -> {
            if (e.kind() == CweEntry.Kind.WEAKNESS) {
                weaknesses.add(e);
            }
        });
        assertThat(weaknesses.stream().filter(w -> !w.introductionPhases().isEmpty()).count()).isEqualTo(826);
        // what the store keeps for the weakness classifier is what the classifier's own reader gives, for every weakness
        dev.mamori.risk.CweCatalog xml;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(C.resolve("cwe/cwec_v4.15.xml.gz"))) {
            xml = dev.mamori.risk.CweCatalog.readXml(in, "cwec_v4.15.xml.gz");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (CweEntry w : weaknesses) {
            int id = Integer.parseInt(w.id().substring(4));
            // (the name aside: the XML reader keeps an attribute's trailing blank, e.g. CWE-1290's)
            assertThat(new dev.mamori.risk.CweCatalog.Entry(id, xml.lookup(id).orElseThrow().name(), w.introductions().stream()
                    .map(i -> new dev.mamori.risk.CweCatalog.Introduction(i.phase(), i.note() == null ? "" : i.note())).toList(),
                    w.childOf().stream().map(p -> Integer.parseInt(p.substring(4))).toList()))
                    .as(w.id()).isEqualTo(xml.lookup(id).orElseThrow());
        }
    }

    @Test
    void read_vulnrichmentSubset_has10666RecordsWithTheStatedAdpContent() {
        Counting c = read("cve5-vulnrichment/cve5-vulnrichment-subset.jsonl.gz");
        List<Advisory> all = c.advisories;
        assertThat(all.size()).isEqualTo(10_666);
        assertThat(all.stream().filter(a -> !a.kev().isEmpty()).count()).isEqualTo(224);
        assertThat(all.stream().filter(a -> !a.ssvc().isEmpty()).count()).isEqualTo(10_653);
        assertThat(all.stream().filter(a -> a.severities().stream().anyMatch(s -> "CISA-ADP".equals(s.source()))).count())
                .isEqualTo(2_496);
        assertThat(all.stream().filter(a -> a.products().stream()
                .anyMatch(p -> "CISA-ADP".equals(p.statedBy()) && !p.cpes().isEmpty())).count()).isEqualTo(7_158);
    }

    @ParameterizedTest
    @CsvSource({
            "nvd-cve5-samples-osv.dev/nvdcve-2.0, 23",
            "nvd-cve5-samples-osv.dev/cve5, 13",
            "vunnel-fixtures/providers/nvd/test-fixtures, 39",
            "vuls-data-update-fixtures/nvd/api/cve/1_item, 2",
            "vuls-data-update-fixtures/nvd/api/cve/3_items, 4",
            "vuls-data-update-fixtures/nvd/api/cve/3_pages, 9",
            "vuls-data-update-fixtures/nvd/api/cve/moddate, 16",
            "vuls-data-update-fixtures/nvd/api/cve/ssvc_affected, 2",
            "vuls-data-update-fixtures/nvd/feed/cve/v2, 9"})
    void read_nvdAndCve5Samples_everyRecord(String dir, int records) {
        assertThat(read(dir).advisories.size()).isEqualTo(records);
    }

    @ParameterizedTest
    @CsvSource({
            "csaf-oasis/csaf_2.0/examples/csaf, 19, 59",
            "csaf-oasis/csaf_2.1/examples/csaf, 23, 61"})
    void read_csafExamples_oneAdvisoryPerVulnerability(String dir, int documents, int vulnerabilities) {
        Counting c = read(dir);
        assertThat(c.documents).hasSize(documents);
        assertThat(c.documents.stream().mapToInt(d -> d.vulnerabilities().size()).sum()).isEqualTo(vulnerabilities);
        assertThat(c.advisories.size()).isEqualTo(vulnerabilities);
    }

    @Test
    void read_csafVendorSamples_readsAllButTheOneWithoutTrackingId() throws IOException {
        int documents = 0;
        int vulnerabilities = 0;
        List<String> refused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(C.resolve("csaf-vendor-samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    CsafDocument d = CsafReader.read(f);
                    documents++;
                    vulnerabilities += d.vulnerabilities().size();
                } catch (InputException e) {
                    refused.add(f.getFileName() + ": " + e.location() + ": " + e.reason());
                }
            }
        }
        assertThat(documents).isEqualTo(6);
        assertThat(vulnerabilities).isEqualTo(27);
        assertThat(refused).containsExactly("rhba-2023_0564.json: /document/tracking/id: a CSAF document needs tracking.id");
    }

    @Test
    void read_jvnSamples_everyVulnerabilityRecordAndTheInvalidExamplesRefused() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> refused = new TreeMap<>();
        try (Stream<Path> files = Files.walk(C.resolve("jvn"))) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/schemas/")).sorted().toList()) {
                String name = C.resolve("jvn").relativize(f).toString();
                AdvisoryFormat format = AdvisorySources.detect(f);
                if (format == AdvisoryFormat.UNKNOWN) {
                    continue;
                }
                try {
                    List<Advisory> read = new ArrayList<>();
                    JvnReader.read(f, read::add);
                    counts.put(name, read.size());
                } catch (InputException e) {
                    refused.put(name, e.location());
                }
            }
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("myjvn-np/examples/hnd/dataFeed_jvndb_detail_hnd.xml", 7),
                Map.entry("myjvn-np/examples/hnd/getVulnDetailInfo_hnd_JVNDB-2017-009608.xml", 1),
                Map.entry("myjvn-np/examples/hnd/getVulnDetailInfo_hnd_JVNDB-2018-009328.xml", 1),
                Map.entry("myjvn-np/examples/hnd/getVulnDetailInfo_hnd_JVNDB-2021-002774.xml", 1),
                Map.entry("myjvn-np/examples/hnd/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml", 1),
                Map.entry("myjvn-np/examples/hnd/getVulnOverviewList_hnd.xml", 2),
                Map.entry("myjvn-np/examples/oka/dataFeed_jvndb_rss_oka.json", 3),
                Map.entry("myjvn-np/examples/oka/getVulnDetailInfo_oka_JVNDB-2017-009608.json", 1),
                Map.entry("myjvn-np/examples/oka/getVulnDetailInfo_oka_JVNDB-2017-009608_jvnstix.json", 1),
                Map.entry("myjvn-np/examples/oka/getVulnDetailInfo_oka_JVNDB-2018-009328.json", 1),
                Map.entry("myjvn-np/examples/oka/getVulnDetailInfo_oka_JVNDB-2021-002774.json", 1),
                Map.entry("myjvn-np/examples/oka/getVulnDetailInfo_oka_JVNDB-2022-000097.json", 1),
                Map.entry("myjvn-np/examples/oka/getVulnDetailInfo_oka_jvncsaf.json", 1),
                Map.entry("myjvn-np/examples/oka/getVulnDetailInfo_oka_jvnstix.json", 1),
                Map.entry("myjvn-np/examples/oka/getVulnOverviewList_oka.json", 3),
                Map.entry("vuls-data-update-fixtures/feed/detail/jvndb_detail_2021.rdf", 1),
                Map.entry("vuls-data-update-fixtures/feed/detail/jvndb_detail_2022.rdf", 2),
                Map.entry("vuls-data-update-fixtures/feed/detail/jvndb_detail_2023.rdf", 2),
                Map.entry("vuls-data-update-fixtures/feed/rss/jvndb.rdf", 1),
                Map.entry("vuls-data-update-fixtures/feed/rss/jvndb_2007.rdf", 1),
                Map.entry("vuls-data-update-fixtures/feed/rss/jvndb_2011.rdf", 1),
                Map.entry("vuls-data-update-fixtures/feed/rss/jvndb_2021.rdf", 1),
                Map.entry("vuls-data-update-fixtures/feed/rss/jvndb_2022.rdf", 3),
                Map.entry("vuls-data-update-fixtures/feed/rss/jvndb_2023.rdf", 2),
                Map.entry("vuls-data-update-fixtures/feed/rss/jvndb_new.rdf", 2)));
        assertThat(refused).containsExactly(
                Map.entry("myjvn-np/examples/hnd/dataFeed_jvndb_rss_hnd.xml", "line 116, column 10"),
                Map.entry("myjvn-np/examples/oka/dataFeed_jvndb_detail_oka.json", "line 1377, column 15 (/status/retMax)"));
        System.out.printf("jvn: %d files read, %d records, %d refused%n", counts.size(),
                counts.values().stream().mapToInt(Integer::intValue).sum(), refused.size());
    }

    @Test
    void read_osvSamplesOfEveryEcosystem_everyRecord() throws IOException {
        List<Advisory> all = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (Stream<Path> files = Files.walk(C.resolve("vuls-data-update-fixtures"))) {
            for (Path f : files.filter(p -> p.toString().contains("/osv") && p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    OsvReader.read(f, all::add);
                } catch (InputException e) {
                    refused.add(e.getMessage());
                }
            }
        }
        assertThat(refused).isEmpty();
        // 71 single-record files and two all.json arrays (openEuler 1 record, SUSE 4 records)
        assertThat(all.size()).isEqualTo(71 + 1 + 4);
    }

    @Test
    void merge_allAdvisoryCorpora_groupsByAliasAndReportsWhoSaidWhat() {
        List<Advisory> all = new ArrayList<>();
        for (String path : List.of("osv-pypi/osv-pypi.jsonl.gz", "osv-go/osv-go.jsonl.gz",
                "osv-rustsec/osv-rustsec.jsonl.gz", "osv-almalinux/osv-almalinux.jsonl.gz",
                "osv-bitnami/osv-bitnami.jsonl.gz", "cve5-vulnrichment/cve5-vulnrichment-subset.jsonl.gz",
                "nvd-cve5-samples-osv.dev/nvdcve-2.0", "vunnel-fixtures/providers/nvd/test-fixtures",
                "jvn/vuls-data-update-fixtures/feed", "csaf-oasis/csaf_2.0/examples/csaf")) {
            all.addAll(read(path).advisories);
        }
        long start = System.nanoTime();
        VulnerabilityMerger.Result r = VulnerabilityMerger.merge(all);
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<Vulnerability> vulns = r.vulnerabilities();
        long multiSource = vulns.stream().filter(v -> v.sources().size() > 1).count();
        long multiAlias = vulns.stream().filter(v -> v.members().stream()
                .filter(m -> m.relation() == Vulnerability.Relation.ALIAS).map(Vulnerability.Member::source).distinct().count() > 1).count();
        long conflicting = vulns.stream().filter(v -> v.cves().size() > 1).count();
        long withCve = vulns.stream().filter(v -> VulnIds.isCve(v.id())).count();
        Vulnerability brotli = r.find("CVE-2020-8927").getFirst();
        System.out.printf("merge: %d advisories -> %d vulnerabilities in %d ms; %d with a CVE id; %d told by more than one "
                        + "source (%d by more than one as aliases); %d with conflicting CVEs%n", all.size(), vulns.size(),
                millis, withCve, multiSource, multiAlias, conflicting);
        System.out.printf("merge: CVE-2020-8927 ids %s sources %s%n", brotli.ids(), brotli.sources());
        assertThat(all.size()).isEqualTo(2661 + 4291 + 714 + 5680 + 7444 + 10_666 + 23 + 39 + 16 + 59);
        assertThat(brotli.sources()).contains("osv/PYSEC", "osv/RUSTSEC", "osv/BIT", "osv/ALSA");
        assertThat(r.find("GO-2024-2609").getFirst().sources()).contains("osv/GO", "osv/BIT", "cve5", "osv/ALSA");
        assertThat(multiAlias).isGreaterThan(1000);
        assertThat(conflicting).isLessThan(multiAlias / 20);
    }

    @Test
    void read_truncatedCorpusFile_isRefusedNamingIt() throws IOException {
        Path cut = Files.createTempFile("osv-go", ".jsonl.gz");
        try {
            byte[] bytes = Files.readAllBytes(C.resolve("osv-go/osv-go.jsonl.gz"));
            Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> OsvReader.read(cut, a -> { }))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(cut.toString() + ": ")
                    .hasMessageContaining("truncated");
        } finally {
            Files.delete(cut);
        }
    }
}

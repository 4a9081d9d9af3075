package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class JvnReaderTest {
    @TempDir
    Path tmp;

    private static List<Advisory> read(String fixture) {
        List<Advisory> out = new ArrayList<>();
        JvnReader.read(Fixtures.intel(fixture), out::add);
        return out;
    }

    @Test
    void read_vuldefDetail_keepsJapaneseTextAliasesCvssProductsAndCwes() {
        Advisory a = read("jvn/hnd/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml").getFirst();
        assertThat(a.id()).isEqualTo("JVNDB-2022-000097");
        assertThat(a.provenance().source()).isEqualTo("jvn");
        assertThat(a.language()).isEqualTo("ja");
        assertThat(a.summary()).isEqualTo("電子入札コアシステムにおける複数の脆弱性");
        assertThat(a.details()).startsWith("一般財団法人日本建設情報総合センターが提供する電子入札コアシステムには");
        assertThat(a.aliases()).containsExactly("CVE-2022-41993", "CVE-2022-46287", "CVE-2022-46288", "JVN#96321933");
        assertThat(a.severities()).containsExactly(
                new Severity("CVSS_V2", "AV:N/AC:M/Au:N/C:N/I:P/A:N", SeverityLevel.MEDIUM, 4.3, "IPA", null),
                new Severity("CVSS_V3", "CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", SeverityLevel.MEDIUM, 6.1, "IPA", null));
        assertThat(a.products()).singleElement().satisfies(p -> {
            assertThat(p.vendor()).isEqualTo("一般財団法人日本建設情報総合センター");
            assertThat(p.product()).isEqualTo("電子入札コアシステム");
            assertThat(p.cpes()).containsExactly("cpe:/a:jacic:electronic_bidding_core_system");
            assertThat(p.versions()).extracting(ProductVersion::description).containsExactly("v6 R4 およびそれ以前のバージョン");
        });
        assertThat(a.cwes()).containsExactly("CWE-79", "CWE-20");
        assertThat(a.published()).isEqualTo("2022-12-15T00:00:00+09:00");
        assertThat(a.modified()).isEqualTo("2024-05-29T17:39:51+09:00");
        assertThat(a.databaseSpecific()).contains("\"solution\":[\"[パッチを適用する]");
    }

    @Test
    void read_vuldefDataFeed_readsEveryVulinfo() {
        assertThat(read("jvn/hnd/dataFeed_jvndb_detail_hnd.xml.gz")).extracting(Advisory::id).containsExactly(
                "JVNDB-2025-000001", "JVNDB-2025-000002", "JVNDB-2025-000003", "JVNDB-2017-009608", "JVNDB-2018-009328",
                "JVNDB-2021-002774", "JVNDB-2022-000097");
        assertThat(read("jvn/feed/detail-jvndb_detail_2022.rdf")).extracting(Advisory::id)
                .containsExactly("JVNDB-2022-000001", "JVNDB-2022-000002");
    }

    @Test
    void read_jvnRssOverview_keepsIdentifiersCpesCvssTlpAndVuIds() {
        List<Advisory> all = read("jvn/hnd/getVulnOverviewList_hnd.xml");
        assertThat(all).extracting(Advisory::id).containsExactly("JVNDB-2025-002953", "JVNDB-2025-002884");
        Advisory rockwell = all.get(1);
        assertThat(rockwell.aliases()).containsExactly("CVE-2025-23120", "JVNVU#99709964");
        assertThat(rockwell.cwes()).containsExactly("CWE-502");
        assertThat(rockwell.tlp()).isEqualTo("WHITE");
        assertThat(rockwell.products()).extracting(AffectedProduct::vendor).containsOnly("Rockwell Automation");
        assertThat(rockwell.products()).flatExtracting(AffectedProduct::cpes)
                .contains("cpe:/a:rockwellautomation:industrial_data_center_%28idc%29_with_veeam");
        Advisory sunshine = all.getFirst();
        assertThat(sunshine.severities()).containsExactly(new Severity("CVSS_V3",
                "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", SeverityLevel.CRITICAL, 9.8, "IPA", null));
        assertThat(sunshine.published()).isEqualTo("2025-04-04T14:45:58+09:00");
    }

    @Test
    void read_ipediaYearFeed_linksLog4ShellToItsCve() {
        Advisory a = read("jvn/feed/rss-jvndb_2021.rdf").getFirst();
        assertThat(a.id()).isEqualTo("JVNDB-2021-005429");
        assertThat(a.aliases()).containsExactly("JVNVU#96768815", "CVE-2021-44228");
    }

    @Test
    void read_okaJvncsaf_keepsCvssV4JvnpidProductsPurlsAndApplicability() {
        Advisory a = read("jvn/oka/getVulnDetailInfo_oka_jvncsaf.json").getFirst();
        assertThat(a.id()).isEqualTo("JVNDB-2025-000000");
        assertThat(a.aliases()).containsExactly("CVE-2025-0000");
        assertThat(a.tlp()).isEqualTo("CLEAR");
        assertThat(a.language()).isEqualTo("ja");
        assertThat(a.severities()).extracting(Severity::type, Severity::baseScore, Severity::level).containsExactly(
                org.assertj.core.groups.Tuple.tuple("CVSS_V2", 10.0, SeverityLevel.HIGH),
                org.assertj.core.groups.Tuple.tuple("CVSS_V3", 9.8, SeverityLevel.CRITICAL),
                org.assertj.core.groups.Tuple.tuple("CVSS_V4", 9.5, SeverityLevel.CRITICAL));
        assertThat(a.products()).filteredOn(p -> "jvnpid:1.0::dendai.ac.jp:myjvn_api:4.0.0".equals(p.productId()))
                .singleElement().satisfies(p -> {
                    assertThat(p.purls()).containsExactly("pkg:rpm/dendai.ac.jp/myjvn_api@4.0.0");
                    assertThat(p.cpes()).containsExactly("cpe:2.3:a:dendai.ac.jp:myjvn_api:4.0.0:*:*:*:*:*:*:*");
                    assertThat(p.status()).isEqualTo("affected");
                });
        AffectedProduct extension = a.products().stream().filter(p -> p.productId() == null).findFirst().orElseThrow();
        assertThat(extension.versions()).extracting(ProductVersion::version, ProductVersion::lessThan,
                ProductVersion::lessThanOrEqual, ProductVersion::versionType).contains(
                org.assertj.core.groups.Tuple.tuple("0.0.0", "1.0.6", null, "semver"),
                org.assertj.core.groups.Tuple.tuple("2.1.0", null, "2.1.3", "semver"));
        assertThat(a.configurations().getFirst().nodes().getFirst().matches()).extracting(CpeConfiguration.Match::criteria)
                .contains("jvnpid:1.0::dendai.ac.jp:myjvn_api:8.1.2", "cpe:2.3:a:dendai.ac.jp:myjvn_api:*:*:*:*:*:*:*:*");
        assertThat(a.cwes()).containsExactly("CWE-502");
    }

    @Test
    void read_okaDetailOfSeveralCves_andItsHndTwin_giveTheSameIds() {
        Advisory oka = read("jvn/oka/getVulnDetailInfo_oka_JVNDB-2022-000097.json").getFirst();
        Advisory hnd = read("jvn/hnd/getVulnDetailInfo_hnd_JVNDB-2022-000097.xml").getFirst();
        assertThat(oka.id()).isEqualTo(hnd.id());
        assertThat(oka.aliases()).containsExactlyInAnyOrderElementsOf(hnd.aliases());
        assertThat(oka.summary()).isEqualTo(hnd.summary());
    }

    @Test
    void read_okaStixBundleAndOverviewFeed_readTheirEntries() {
        assertThat(read("jvn/oka/getVulnDetailInfo_oka_jvnstix.json")).extracting(Advisory::id)
                .containsExactly("JVNDB-2025-000000");
        assertThat(read("jvn/oka/getVulnDetailInfo_oka_JVNDB-2017-009608_jvnstix.json")).extracting(Advisory::id)
                .containsExactly("JVNDB-2017-009608");
        List<Advisory> feed = read("jvn/oka/getVulnOverviewList_oka.json");
        assertThat(feed).extracting(Advisory::id).containsExactly("JVNDB-2025-000000", "JVNDB-2025-002953",
                "JVNDB-2025-002884");
        assertThat(feed.getFirst().products()).flatExtracting(AffectedProduct::purls)
                .contains("pkg:rpm/dendai.ac.jp/myjvn_api@4.0.0");
    }

    @Test
    void read_alertListOrStatistics_isRefusedAsNotVulnerabilityData() throws IOException {
        Path alerts = Fixtures.intel("jvn/oka/getAlertList_oka.json");
        assertThat(AdvisorySources.detect(alerts)).isEqualTo(AdvisoryFormat.UNKNOWN);
        try (InputStream in = Files.newInputStream(alerts)) {
            assertThatThrownBy(() -> JvnReader.readJson(in, Origin.of("alerts.json"), a -> { }))
                    .isInstanceOf(InputException.class)
                    .hasMessage("alerts.json: /status/method: a MyJVN getAlertList response holds no vulnerability "
                            + "records (getVulnDetailInfo and getVulnOverviewList are read)");
        }
        Path statistics = Fixtures.intel("jvn/hnd/getStatistics_hnd_sumCwe.xml");
        assertThat(AdvisorySources.detect(statistics)).isEqualTo(AdvisoryFormat.UNKNOWN);
        assertThatThrownBy(() -> JvnReader.read(statistics, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(statistics + ": not a JVN document (detected UNKNOWN)");
    }

    /** The MyJVN documentation examples that are not valid JSON or XML are refused, naming line and column. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jvn/oka/dataFeed_jvndb_detail_oka.json.gz        | line 1377, column 15 (/status/retMax): malformed JSON: Unexpected character (',' (code 44)): expected a value",
            "jvn/oka/dataFeed_myjvn_product_oka.json          | line 143, column 15 (/status/retMax): malformed JSON: Unexpected character (',' (code 44)): expected a value",
            "jvn/oka/dataFeed_myjvn_product_version_oka.json  | line 178, column 15 (/status/retMax): malformed JSON: Unexpected character (',' (code 44)): expected a value",
            "jvn/hnd/dataFeed_jvndb_rss_hnd.xml               | line 116, column 10: malformed XML: Open quote is expected for attribute \"retCd\" associated with an  element type  \"status:Status\"."})
    void read_invalidDocumentationExample_isRefusedWithLineAndColumn(String fixture, String message) throws IOException {
        Path file = Fixtures.intel(fixture);
        try (InputStream in = Inputs.open(file)) {
            Origin origin = Origin.of(file.toString());
            assertThatThrownBy(() -> {
                if (fixture.endsWith(".xml")) {
                    JvnReader.readXml(in, origin, a -> { });
                } else {
                    JvnReader.readJson(in, origin, a -> { });
                }
            }).isInstanceOf(InputException.class).hasMessage(file + ": " + message);
        }
    }

    @Test
    void read_vuldefWithDoctype_isRefusedBeforeAnyEntityIsExpanded() throws IOException {
        Path file = tmp.resolve("xxe.xml");
        Files.writeString(file, """
                <?xml version="1.0"?>
                <!DOCTYPE VULDEF-Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <VULDEF-Document xmlns="http://jvn.jp/vuldef/"><Vulinfo><VulinfoID>&xxe;</VulinfoID></Vulinfo></VULDEF-Document>
                """);
        assertThatThrownBy(() -> JvnReader.read(file, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": line 2, column 72: a document type declaration (DTD) is not allowed");
    }

    @Test
    void read_errorResponse_isRefusedWithTheApiMessage() throws IOException {
        Path file = tmp.resolve("error.xml");
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <VULDEF-Document version="3.2" xmlns="http://jvn.jp/vuldef/" xmlns:status="http://jvndb.jvn.jp/myjvn/Status">
                  <status:Status version="3.3" method="getVulnDetailInfo" retCd="1" errCd="100" errMsg="vulnId is invalid"/>
                </VULDEF-Document>
                """);
        assertThatThrownBy(() -> JvnReader.read(file, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": line 3: MyJVN API error response: retCd 1, errCd 100: vulnId is invalid");
    }
}

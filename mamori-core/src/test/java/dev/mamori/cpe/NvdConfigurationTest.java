package dev.mamori.cpe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.version.VersionScheme;
import dev.mamori.version.VersionSchemes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * NVD configurations (NVD CVE API 2.0) read from real records — 50 CVEs of anchore/nvd-data-overrides and four full
 * NVD API responses — and evaluated against hand-checked platforms: versions below, at, inside and above each
 * range boundary, "running on/with" (AND) configurations, negation.
 */
final class NvdConfigurationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final VersionScheme GENERIC = VersionSchemes.forName("generic");
    private static final Map<String, List<NvdConfiguration>> SAMPLE = loadSample();

    private static Map<String, List<NvdConfiguration>> loadSample() {
        Map<String, List<NvdConfiguration>> out = new LinkedHashMap<>();
        try (InputStream in = NvdConfigurationTest.class.getResourceAsStream("/nvd-cpe/nvd-data-overrides-sample.jsonl.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode d = JSON.readTree(line);
                out.put(d.path("_annotation").path("cve_id").asText(),
                        NvdConfiguration.listFromJson(d.path("cve").path("configurations")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<NvdConfiguration> nvdApi(String cve) {
        try (InputStream in = NvdConfigurationTest.class.getResourceAsStream("/nvd-cpe/nvd-api-2.0/" + cve + ".json")) {
            JsonNode record = JSON.readTree(in).path("vulnerabilities").path(0).path("cve");
            assertThat(record.path("id").asText()).isEqualTo(cve);
            return NvdConfiguration.listFromJson(record.path("configurations"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean vulnerable(List<NvdConfiguration> configurations, String... platform) {
        return NvdConfiguration.anyVulnerable(configurations, Arrays.stream(platform).map(Cpe::parse).toList(), GENERIC);
    }

    // ---------------------------------------------------------------- reading

    @Test
    void sample_allFiftyCves_parseWithEveryCriteriaRoundTripping() {
        assertThat(SAMPLE).hasSize(50);
        int configurations = 0;
        int matches = 0;
        int ranges = 0;
        int and = 0;
        for (List<NvdConfiguration> list : SAMPLE.values()) {
            assertThat(list).isNotEmpty();
            for (NvdConfiguration c : list) {
                configurations++;
                and += c.operator() == NvdConfiguration.Operator.AND ? 1 : 0;
                for (NvdNode n : c.nodes()) {
                    assertThat(n.cpeMatch()).isNotEmpty();
                    for (NvdCpeMatch m : n.cpeMatch()) {
                        matches++;
                        ranges += m.hasVersionRange() ? 1 : 0;
                        assertThat(m.matchCriteriaId()).hasSize(36);
                        // NVD writes criteria in the canonical formatted-string binding
                        assertThat(Cpe.parse(m.criteria().toString())).isEqualTo(m.criteria());
                        assertThat(Cpe.parse(m.criteria().toUri()).toUri()).isEqualTo(m.criteria().toUri());
                    }
                }
            }
        }
        assertThat(configurations).isEqualTo(137);
        assertThat(matches).isEqualTo(636);
        assertThat(ranges).isEqualTo(191);
        assertThat(and).isEqualTo(15);
    }

    @Test
    void sample_criteriaStrings_areExactlyTheCanonicalBinding() throws IOException {
        try (InputStream in = NvdConfigurationTest.class.getResourceAsStream("/nvd-cpe/nvd-data-overrides-sample.jsonl.gz");
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                for (JsonNode c : JSON.readTree(line).path("cve").path("configurations")) {
                    for (JsonNode node : c.path("nodes")) {
                        for (JsonNode m : node.path("cpeMatch")) {
                            String criteria = m.path("criteria").asText();
                            assertThat(Cpe.parse(criteria)).hasToString(criteria);
                            n++;
                        }
                    }
                }
            }
            assertThat(n).isEqualTo(636);
        }
    }

    @Test
    void nvdApiRecords_fourFullRecords_parse() {
        assertThat(nvdApi("CVE-2020-13595")).hasSize(1);
        assertThat(nvdApi("CVE-2023-24256")).hasSize(1);
        assertThat(nvdApi("CVE-2023-4863")).hasSize(6);
        List<NvdConfiguration> xz = nvdApi("CVE-2024-3094");
        assertThat(xz).hasSize(1);
        assertThat(xz.get(0).nodes().get(0).cpeMatch()).extracting(m -> m.criteria().version().text())
                .containsExactly("5.6.0", "5.6.1");
        NvdConfiguration esp = nvdApi("CVE-2020-13595").get(0);
        assertThat(esp.operator()).isEqualTo(NvdConfiguration.Operator.AND);
        assertThat(esp.nodes()).hasSize(2);
        NvdCpeMatch idf = esp.nodes().get(0).cpeMatch().get(0);
        assertThat(idf.vulnerable()).isTrue();
        assertThat(idf.versionStartIncluding()).isEqualTo("4.0.0");
        assertThat(idf.versionEndIncluding()).isEqualTo("4.2");
        assertThat(idf.matchCriteriaId()).isEqualTo("F8034F36-3371-4111-AE71-573B85934B20");
        assertThat(esp.nodes().get(1).cpeMatch().get(0).vulnerable()).isFalse();
    }

    // ---------------------------------------------------------------- version ranges at every boundary

    /** CVE-2000-0973: curl, versionStartIncluding 6.0, versionEndExcluding 7.4.1. */
    @ParameterizedTest(name = "curl {0} -> {1}")
    @CsvSource({"5.9, false", "6.0, true", "6.5.2, true", "7.4, true", "7.4.0, true", "7.4.1, false", "7.5, false"})
    void curl_startIncludingEndExcluding_boundaries(String version, boolean expected) {
        assertThat(vulnerable(SAMPLE.get("CVE-2000-0973"), "cpe:2.3:a:haxx:curl:" + version + ":*:*:*:*:*:*:*"))
                .isEqualTo(expected);
    }

    /** CVE-1999-0236: Apache HTTP Server, versionEndIncluding 1.3.42. */
    @ParameterizedTest(name = "httpd {0} -> {1}")
    @CsvSource({"1.3.0, true", "1.3.41, true", "1.3.42, true", "1.3.43, false", "2.0, false"})
    void httpd_endIncluding_boundaries(String version, boolean expected) {
        assertThat(vulnerable(SAMPLE.get("CVE-1999-0236"), "cpe:2.3:a:apache:http_server:" + version + ":*:*:*:*:*:*:*"))
                .isEqualTo(expected);
    }

    /** CVE-2001-0554: AIX in two ranges, 4.3 ≤ v ≤ 4.3.3 and 5.0 ≤ v ≤ 5.1 (one of ten OR'ed configurations). */
    @ParameterizedTest(name = "aix {0} -> {1}")
    @CsvSource({"4.2, false", "4.3, true", "4.3.3, true", "4.3.4, false", "4.9, false", "5.0, true", "5.1, true",
            "5.1.1, false"})
    void aix_twoRanges_boundaries(String version, boolean expected) {
        assertThat(vulnerable(SAMPLE.get("CVE-2001-0554"), "cpe:2.3:o:ibm:aix:" + version + ":*:*:*:*:*:*:*"))
                .isEqualTo(expected);
    }

    /** CVE-2023-4863 (full NVD record): libwebp < 1.3.2; Firefox ESR < 102.15.1 or 115.0 ≤ v < 115.2.1. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "webmproject:libwebp, 1.3.1, true", "webmproject:libwebp, 1.3.2, false", "webmproject:libwebp, 1.4.0, false",
            "mozilla:firefox_esr, 102.15.0, true", "mozilla:firefox_esr, 102.15.1, false",
            "mozilla:firefox_esr, 114.0, false", "mozilla:firefox_esr, 115.0, true", "mozilla:firefox_esr, 115.2.0, true",
            "mozilla:firefox_esr, 115.2.1, false", "google:chrome, 116.0.5845.186, true",
            "google:chrome, 116.0.5845.187, false", "microsoft:edge, 117.0.2045.31, false",
            "microsoft:edge, 117.0.2045.30, true"})
    void libwebp_fullNvdRecord_boundaries(String vendorProduct, String version, boolean expected) {
        assertThat(vulnerable(nvdApi("CVE-2023-4863"), "cpe:2.3:a:" + vendorProduct + ":" + version + ":*:*:*:*:*:*:*"))
                .isEqualTo(expected);
    }

    @Test
    void xz_exactVersions_matchOnlyThoseVersions() {
        List<NvdConfiguration> xz = nvdApi("CVE-2024-3094");
        assertThat(vulnerable(xz, "cpe:2.3:a:tukaani:xz:5.6.1:*:*:*:*:*:*:*")).isTrue();
        assertThat(vulnerable(xz, "cpe:2.3:a:tukaani:xz:5.6.0:*:*:*:*:*:*:*")).isTrue();
        assertThat(vulnerable(xz, "cpe:2.3:a:tukaani:xz:5.6.2:*:*:*:*:*:*:*")).isFalse();
        assertThat(vulnerable(xz, "cpe:2.3:a:tukaani:xz:5.4.6:*:*:*:*:*:*:*")).isFalse();
        assertThat(vulnerable(xz, "cpe:/a:tukaani:xz:5.6.1")).isTrue();
    }

    @Test
    void fedora_osVersionsWithoutRange_matchByName() {
        List<NvdConfiguration> webp = nvdApi("CVE-2023-4863");
        assertThat(vulnerable(webp, "cpe:2.3:o:fedoraproject:fedora:38:*:*:*:*:*:*:*")).isTrue();
        assertThat(vulnerable(webp, "cpe:2.3:o:fedoraproject:fedora:36:*:*:*:*:*:*:*")).isFalse();
    }

    @Test
    void range_platformVersionAnyOrNa_doesNotMatch() {
        List<NvdConfiguration> curl = SAMPLE.get("CVE-2000-0973");
        assertThat(vulnerable(curl, "cpe:2.3:a:haxx:curl:*:*:*:*:*:*:*:*")).isFalse();
        assertThat(vulnerable(curl, "cpe:2.3:a:haxx:curl:-:*:*:*:*:*:*:*")).isFalse();
        assertThat(vulnerable(curl, "cpe:2.3:a:haxx:curl:7.*:*:*:*:*:*:*:*")).isFalse();
    }

    @Test
    void targetSoftware_inCriteria_requiresThePlatformToNameIt() {
        // CVE-2014-125112: cpe:2.3:a:miyagawa:plack\:\:middleware\:\:session\:\:cookie:*:*:*:*:*:perl:*:* < 0.23
        List<NvdConfiguration> plack = SAMPLE.get("CVE-2014-125112");
        String product = "cpe:2.3:a:miyagawa:plack\\:\\:middleware\\:\\:session\\:\\:cookie:";
        assertThat(vulnerable(plack, product + "0.22:*:*:*:*:perl:*:*")).isTrue();
        assertThat(vulnerable(plack, product + "0.23:*:*:*:*:perl:*:*")).isFalse();
        // NISTIR 7696: criteria target_sw "perl" against ANY is SUBSET, not a match
        assertThat(vulnerable(plack, product + "0.22:*:*:*:*:*:*:*")).isFalse();
    }

    @Test
    void wildcardCriteria_realRecord_matchesProductsWithThePrefix() {
        // CVE-2026-11616: cpe:2.3:a:wpgeodirectory:events_calendar*:*:*:*:*:*:wordpress:*:* <= 2.3.28
        List<NvdConfiguration> ec = SAMPLE.get("CVE-2026-11616");
        assertThat(vulnerable(ec, "cpe:2.3:a:wpgeodirectory:events_calendar:2.3.28:*:*:*:*:wordpress:*:*")).isTrue();
        assertThat(vulnerable(ec, "cpe:2.3:a:wpgeodirectory:events_calendar_for_geodirectory:2.3.1:*:*:*:*:wordpress:*:*")).isTrue();
        assertThat(vulnerable(ec, "cpe:2.3:a:wpgeodirectory:events_calendar:2.3.29:*:*:*:*:wordpress:*:*")).isFalse();
        assertThat(vulnerable(ec, "cpe:2.3:a:wpgeodirectory:event_calendar:2.3.1:*:*:*:*:wordpress:*:*")).isFalse();
        // CVE-2023-7228: illi_link_party\!* and illi_link_party\! <= 1.0
        assertThat(vulnerable(SAMPLE.get("CVE-2023-7228"), "cpe:2.3:a:evanliewer:illi_link_party\\!:1.0:*:*:*:*:wordpress:*:*")).isTrue();
    }

    // ---------------------------------------------------------------- running on / with (AND)

    /** CVE-2020-13595 (full NVD record): ESP-IDF 4.0.0 ≤ v ≤ 4.2 running on ESP32 hardware. */
    @ParameterizedTest(name = "esp-idf {0} on esp32={1} -> {2}")
    @CsvSource({"4.2, true, true", "4.0.0, true, true", "4.1, true, true", "3.9, true, false", "4.2.1, true, false",
            "4.1, false, false"})
    void espIdf_runningOnEsp32_needsBoth(String version, boolean onEsp32, boolean expected) {
        List<NvdConfiguration> esp = nvdApi("CVE-2020-13595");
        String app = "cpe:2.3:a:espressif:esp-idf:" + version + ":*:*:*:*:*:*:*";
        boolean result = onEsp32 ? vulnerable(esp, app, "cpe:2.3:h:espressif:esp32:-:*:*:*:*:*:*:*")
                : vulnerable(esp, app, "cpe:2.3:h:espressif:esp8266:-:*:*:*:*:*:*:*");
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void runningOn_hits_nameOnlyTheVulnerableApplication() {
        NvdConfiguration c = SAMPLE.get("CVE-1999-1412").get(0);
        Cpe httpd = Cpe.parse("cpe:2.3:a:apache:http_server:1.3.42:*:*:*:*:*:*:*");
        Cpe macos = Cpe.parse("cpe:2.3:o:apple:macos:-:*:*:*:*:*:*:*");
        NvdConfiguration.Evaluation e = c.evaluate(List.of(httpd, macos), GENERIC);
        assertThat(e.satisfied()).isTrue();
        assertThat(e.vulnerable()).isTrue();
        assertThat(e.vulnerableHits()).extracting(NvdConfiguration.Hit::platform).containsExactly(httpd);
        // the platform alone satisfies only the non-vulnerable node
        assertThat(c.evaluate(List.of(macos), GENERIC).satisfied()).isFalse();
        // macOS with a concrete version is not macos:- (NA) per NISTIR 7696
        assertThat(c.evaluate(List.of(httpd, Cpe.parse("cpe:2.3:o:apple:macos:10.15:*:*:*:*:*:*:*")), GENERIC)
                .vulnerable()).isFalse();
    }

    /**
     * CVE-2011-0786 (anchore override): one configuration that ANDs seven OR-nodes (oracle java_se, oracle jdk,
     * oracle jre, sun java, sun java_se, sun jdk, sun jre; each 1.6 ≤ v < 1.6.0_26 or 6 ≤ v < 6.0.26) with a node
     * for Windows. Read as NVD defines it, every node must hold: one Java product on Windows is not enough.
     */
    @Test
    void runningOn_andOfSevenProductNodes_needsEveryNode() {
        List<NvdConfiguration> java = SAMPLE.get("CVE-2011-0786");
        assertThat(java.get(0).operator()).isEqualTo(NvdConfiguration.Operator.AND);
        assertThat(java.get(0).nodes()).hasSize(8);
        String windows = "cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*";
        assertThat(vulnerable(java, "cpe:2.3:a:oracle:jre:6.0.25:*:*:*:*:*:*:*", windows)).isFalse();
        String[] all = {"cpe:2.3:a:oracle:java_se:6.0.25:*:*:*:*:*:*:*", "cpe:2.3:a:oracle:jdk:1.6.0_25:*:*:*:*:*:*:*",
                "cpe:2.3:a:oracle:jre:6:*:*:*:*:*:*:*", "cpe:2.3:a:sun:java:1.6:*:*:*:*:*:*:*",
                "cpe:2.3:a:sun:java_se:6.0.1:*:*:*:*:*:*:*", "cpe:2.3:a:sun:jdk:6.0.25:*:*:*:*:*:*:*",
                "cpe:2.3:a:sun:jre:6.0.25:*:*:*:*:*:*:*", windows};
        assertThat(vulnerable(java, all)).isTrue();
        String[] oneFixed = all.clone();
        oneFixed[6] = "cpe:2.3:a:sun:jre:6.0.26:*:*:*:*:*:*:*";
        assertThat(vulnerable(java, oneFixed)).isFalse();
        String[] noWindows = Arrays.copyOf(all, 7);
        assertThat(vulnerable(java, noWindows)).isFalse();
        // the second configuration: oracle openjdk AND sun openjdk AND windows
        assertThat(vulnerable(java, "cpe:2.3:a:oracle:openjdk:6.0.25:*:*:*:*:*:*:*",
                "cpe:2.3:a:sun:openjdk:1.6.0_1:*:*:*:*:*:*:*", windows)).isTrue();
    }

    /** CVE-2010-0657 (anchore override): Chrome < 4.0.249.78 running on Windows — the classic two-node form. */
    @ParameterizedTest(name = "chrome {0} on {1} -> {2}")
    @CsvSource({"4.0.249.77, windows, true", "4.0.249.78, windows, false", "3.0, windows, true",
            "4.0.249.77, mac_os_x, false"})
    void chrome_runningOnWindows_vulnerableBelowFix(String version, String os, boolean expected) {
        assertThat(vulnerable(SAMPLE.get("CVE-2010-0657"), "cpe:2.3:a:google:chrome:" + version + ":*:*:*:*:*:*:*",
                "cpe:2.3:o:microsoft:" + os + ":-:*:*:*:*:*:*:*")).isEqualTo(expected);
    }

    @Test
    void syslogNg_softwareEditionCriteria_matchesOnlyThatEdition() {
        List<NvdConfiguration> s = SAMPLE.get("CVE-2002-1200");
        assertThat(vulnerable(s, "cpe:2.3:a:balabit:syslog-ng:1.4.14:*:*:*:open_source:*:*:*")).isTrue();
        assertThat(vulnerable(s, "cpe:2.3:a:balabit:syslog-ng:1.5.19:*:*:*:open_source:*:*:*")).isTrue();
        assertThat(vulnerable(s, "cpe:2.3:a:balabit:syslog-ng:1.5.20:*:*:*:open_source:*:*:*")).isFalse();
        assertThat(vulnerable(s, "cpe:2.3:a:balabit:syslog-ng:1.4.14:*:*:*:premium:*:*:*")).isFalse();
        assertThat(vulnerable(s, "cpe:2.3:a:balabit:syslog-ng_open_source_edition:1.4.14:*:*:*:*:*:*:*")).isTrue();
    }

    // ---------------------------------------------------------------- negation and operators (hand-written)

    private static NvdConfiguration config(String json) {
        try {
            return NvdConfiguration.fromJson(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String VULNERABLE_APP = "{\"vulnerable\":true,\"criteria\":\"cpe:2.3:a:acme:app:*:*:*:*:*:*:*:*\","
            + "\"versionEndExcluding\":\"2.0\"}";

    @Test
    void negatedNode_excludedPlatform_notVulnerable() {
        NvdConfiguration c = config("{\"operator\":\"AND\",\"nodes\":["
                + "{\"operator\":\"OR\",\"negate\":false,\"cpeMatch\":[" + VULNERABLE_APP + "]},"
                + "{\"operator\":\"OR\",\"negate\":true,\"cpeMatch\":[{\"vulnerable\":false,"
                + "\"criteria\":\"cpe:2.3:o:acme:safe_os:*:*:*:*:*:*:*:*\"}]}]}");
        Cpe app = Cpe.parse("cpe:2.3:a:acme:app:1.5:*:*:*:*:*:*:*");
        Cpe safe = Cpe.parse("cpe:2.3:o:acme:safe_os:3:*:*:*:*:*:*:*");
        Cpe other = Cpe.parse("cpe:2.3:o:acme:other_os:3:*:*:*:*:*:*:*");
        assertThat(c.evaluate(List.of(app, other), GENERIC).vulnerable()).isTrue();
        assertThat(c.evaluate(List.of(app), GENERIC).vulnerable()).isTrue();
        assertThat(c.evaluate(List.of(app, safe), GENERIC).vulnerable()).isFalse();
        assertThat(c.evaluate(List.of(Cpe.parse("cpe:2.3:a:acme:app:2.0:*:*:*:*:*:*:*"), other), GENERIC).vulnerable())
                .isFalse();
    }

    @Test
    void negatedConfiguration_evaluate_invertsWithoutHits() {
        NvdConfiguration c = config("{\"negate\":true,\"nodes\":[{\"operator\":\"OR\",\"cpeMatch\":[" + VULNERABLE_APP + "]}]}");
        NvdConfiguration.Evaluation hit = c.evaluate(List.of(Cpe.parse("cpe:2.3:a:acme:app:1.0:*:*:*:*:*:*:*")), GENERIC);
        assertThat(hit.satisfied()).isFalse();
        NvdConfiguration.Evaluation miss = c.evaluate(List.of(Cpe.parse("cpe:2.3:a:acme:app:3.0:*:*:*:*:*:*:*")), GENERIC);
        assertThat(miss.satisfied()).isTrue();
        assertThat(miss.vulnerable()).isFalse();
    }

    @Test
    void andNode_oneEntryMissing_notSatisfied() {
        NvdConfiguration c = config("{\"nodes\":[{\"operator\":\"AND\",\"cpeMatch\":[" + VULNERABLE_APP + ","
                + "{\"vulnerable\":false,\"criteria\":\"cpe:2.3:a:acme:plugin:*:*:*:*:*:*:*:*\"}]}]}");
        Cpe app = Cpe.parse("cpe:2.3:a:acme:app:1.0:*:*:*:*:*:*:*");
        assertThat(c.evaluate(List.of(app), GENERIC).satisfied()).isFalse();
        assertThat(c.evaluate(List.of(app, Cpe.parse("cpe:2.3:a:acme:plugin:9:*:*:*:*:*:*:*")), GENERIC).vulnerable())
                .isTrue();
    }

    @Test
    void nonVulnerableEntries_alone_notVulnerable() {
        NvdConfiguration c = config("{\"nodes\":[{\"operator\":\"OR\",\"cpeMatch\":[{\"vulnerable\":false,"
                + "\"criteria\":\"cpe:2.3:o:acme:os:*:*:*:*:*:*:*:*\"}]}]}");
        NvdConfiguration.Evaluation e = c.evaluate(List.of(Cpe.parse("cpe:2.3:o:acme:os:1:*:*:*:*:*:*:*")), GENERIC);
        assertThat(e.satisfied()).isTrue();
        assertThat(e.vulnerable()).isFalse();
    }

    @Test
    void startExcluding_atBoundary_notVulnerable() {
        NvdConfiguration c = config("{\"nodes\":[{\"operator\":\"OR\",\"cpeMatch\":[{\"vulnerable\":true,"
                + "\"criteria\":\"cpe:2.3:a:acme:app:*:*:*:*:*:*:*:*\",\"versionStartExcluding\":\"1.0\"}]}]}");
        assertThat(c.evaluate(List.of(Cpe.parse("cpe:2.3:a:acme:app:1.0:*:*:*:*:*:*:*")), GENERIC).vulnerable()).isFalse();
        assertThat(c.evaluate(List.of(Cpe.parse("cpe:2.3:a:acme:app:1.0.1:*:*:*:*:*:*:*")), GENERIC).vulnerable()).isTrue();
        assertThat(c.evaluate(List.of(Cpe.parse("cpe:2.3:a:acme:app:0.9:*:*:*:*:*:*:*")), GENERIC).vulnerable()).isFalse();
    }

    // ---------------------------------------------------------------- malformed input

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"nodes\":[{\"cpeMatch\":[{\"vulnerable\":true,\"criteria\":\"cpe:2.3:a:x:y:1.*.2:*:*:*:*:*:*:*\"}]}]}|version|configuration.nodes[0].cpeMatch[0].criteria",
            "{\"nodes\":[{\"cpeMatch\":[{\"vulnerable\":true}]}]}|criteria|cpeMatch[0].criteria is missing",
            "{\"nodes\":[{\"cpeMatch\":[{\"criteria\":\"cpe:2.3:a:x:y:*:*:*:*:*:*:*:*\"}]}]}|vulnerable|vulnerable is missing",
            "{\"nodes\":[{\"operator\":\"XOR\",\"cpeMatch\":[]}]}|operator|must be AND or OR",
            "{}|nodes|nodes is missing",
            "{\"nodes\":[{\"cpeMatch\":[{\"vulnerable\":true,\"criteria\":\"cpe:2.3:a:x:y:*:*:*:*:*:*:*:*\",\"versionEndExcluding\":\"2\",\"versionEndIncluding\":\"3\"}]}]}|cpeMatch|both versionEndIncluding",
    })
    void fromJson_malformed_namesTheField(String json, String component, String messagePart) {
        assertThatThrownBy(() -> config(json)).isInstanceOf(CpeException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(((CpeException) e).component()).isEqualTo(component));
    }
}

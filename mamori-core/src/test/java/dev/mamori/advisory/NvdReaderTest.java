package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class NvdReaderTest {
    @TempDir
    Path tmp;

    private static List<Advisory> read(String fixture, NvdReader.Page[] page) {
        List<Advisory> out = new ArrayList<>();
        NvdReader.Page p = NvdReader.read(Fixtures.intel(fixture), out::add);
        if (page != null) {
            page[0] = p;
        }
        return out;
    }

    @Test
    void read_realApiPage_readsEveryCveWithPagingFields() {
        NvdReader.Page[] page = new NvdReader.Page[1];
        List<Advisory> all = read("nvd/vunnel-full-page.json.gz", page);
        assertThat(all).hasSize(38);
        assertThat(page[0]).isEqualTo(new NvdReader.Page(38, 0, 38, "2023-10-18T18:04:18.493", 38));
        assertThat(all.stream().filter(a -> !a.configurations().isEmpty())).hasSize(25);
        assertThat(all).allSatisfy(a -> {
            assertThat(a.id()).startsWith("CVE-");
            assertThat(a.provenance().source()).isEqualTo("nvd");
            assertThat(a.withdrawn()).isNull();
        });
    }

    @Test
    void read_libwebpCve_keepsKevListingMetricsWeaknessesAndConfigurations() {
        Advisory a = read("nvd/CVE-2023-4863.json", null).getFirst();
        assertThat(a.id()).isEqualTo("CVE-2023-4863");
        assertThat(a.published()).isEqualTo("2023-09-12T15:15:24.327");
        assertThat(a.modified()).isEqualTo("2023-10-28T19:15:38.643");
        assertThat(a.details()).startsWith("Heap buffer overflow in libwebp");
        assertThat(a.kev()).containsExactly(new KevListing("2023-09-13", "2023-10-04",
                "Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable.",
                "Google Chromium WebP Heap-Based Buffer Overflow Vulnerability", null, "nvd"));
        assertThat(a.severities()).containsExactly(new Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H",
                SeverityLevel.HIGH, 8.8, "nvd@nist.gov", "Primary"));
        assertThat(a.cwes()).containsExactly("CWE-787");
        CpeConfiguration.Match chrome = a.configurations().getFirst().nodes().getFirst().matches().getFirst();
        assertThat(chrome).isEqualTo(new CpeConfiguration.Match(true, "cpe:2.3:a:google:chrome:*:*:*:*:*:*:*:*",
                "856C1821-5D22-4A4E-859D-8F5305255AB7", null, null, null, "116.0.5845.187"));
        assertThat(a.configurations().getFirst().nodes().getFirst().operator()).isEqualTo("OR");
        assertThat(a.databaseSpecific()).contains("\"vulnStatus\":\"Modified\"");
    }

    @Test
    void read_cvssV40V31AndV2_keepSourceTypeAndPublishedRatings() {
        Advisory a = read("nvd/cvss-v40-item.json", null).getFirst();
        assertThat(a.severities()).extracting(Severity::type, Severity::baseScore, Severity::level, Severity::source,
                        Severity::sourceType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CVSS_V4", 5.3, SeverityLevel.MEDIUM, "cna@vuldb.com", "Secondary"),
                        org.assertj.core.groups.Tuple.tuple("CVSS_V3", 4.3, SeverityLevel.MEDIUM, "cna@vuldb.com", "Secondary"),
                        org.assertj.core.groups.Tuple.tuple("CVSS_V2", 4.0, SeverityLevel.MEDIUM, "cna@vuldb.com", "Secondary"));
        assertThat(a.severities().getFirst().score()).startsWith("CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N");
    }

    @Test
    void read_log4shell_keepsSsvcExploitReferencesAndCveStyleAffected() {
        Advisory a = read("nvd/log4shell-ssvc-affected.json.gz", null).getFirst();
        assertThat(a.ssvc()).containsExactly(new Ssvc("active", "yes", "total", "CISA Coordinator", "2.0.3",
                "2025-02-04T14:25:34.416117Z", "134c704f-9b21-4f2e-91b3-4a467353bcc0"));
        assertThat(a.kev()).extracting(KevListing::dateAdded).containsExactly("2021-12-10");
        assertThat(a.cwes()).containsExactly("CWE-20", "CWE-400", "CWE-502", "CWE-917");
        assertThat(a.references()).hasSize(103);
        assertThat(a.references().stream().filter(Reference::isExploit)).hasSize(22);
        assertThat(a.configurations()).hasSize(20);
        AffectedProduct log4j = a.products().getFirst();
        assertThat(log4j.vendor()).isEqualTo("Apache Software Foundation");
        assertThat(log4j.statedBy()).isEqualTo("security@apache.org");
        assertThat(log4j.versions().getFirst().changes()).contains(new ProductVersion.Change("2.15.0", "unaffected"));
    }

    @Test
    void read_xzBackdoor_keepsSsvcAndEveryCvssSource() {
        Advisory a = read("nvd/CVE-2024-3094.json", null).getFirst();
        assertThat(a.ssvc()).extracting(Ssvc::exploitation, Ssvc::automatable, Ssvc::technicalImpact)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("none", "yes", "total"));
        assertThat(a.severities()).extracting(Severity::source).containsExactly("secalert@redhat.com", "nvd@nist.gov");
        assertThat(a.severityLevel()).isEqualTo(SeverityLevel.CRITICAL);
    }

    @Test
    void read_emptyPage_readsNothing() {
        NvdReader.Page[] page = new NvdReader.Page[1];
        assertThat(read("nvd/empty-page.json", page)).isEmpty();
        assertThat(page[0].totalResults()).isZero();
    }

    @Test
    void read_retiredNvd11Feed_isRefusedWithAClearReason() {
        Path feed = Fixtures.intel("nvd/nvdcve-1.1-2002.json");
        assertThatThrownBy(() -> NvdReader.read(feed, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(feed + ": /CVE_Items: this is an NVD 1.1 data feed (retired in 2023); read the CVE API 2.0 instead");
    }

    @Test
    void read_rejectedCve_isMarkedWithdrawnNotDropped() {
        String json = """
                {"resultsPerPage":1,"startIndex":0,"totalResults":1,"vulnerabilities":[{"cve":{"id":"CVE-2023-0001",
                "published":"2023-01-01T00:00:00.000","lastModified":"2023-02-02T00:00:00.000","vulnStatus":"Rejected",
                "descriptions":[{"lang":"en","value":"** REJECT ** Duplicate."}]}}]}""";
        List<Advisory> out = new ArrayList<>();
        NvdReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Origin.of("page.json"), out::add);
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.withdrawn()).isEqualTo("2023-02-02T00:00:00.000");
            assertThat(a.details()).startsWith("** REJECT **");
        });
    }

    @Test
    void read_cveWithoutIdOrTruncatedPage_namesTheJsonPointerOrLine() throws IOException {
        Path noId = tmp.resolve("noid.json");
        Files.writeString(noId, "{\"resultsPerPage\":2,\"vulnerabilities\":[{\"cve\":{\"id\":\"CVE-2023-0001\"}},{\"cve\":{}}]}");
        assertThatThrownBy(() -> NvdReader.read(noId, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(noId + ": /vulnerabilities/1/cve/id: a CVE needs an id");
        byte[] page = Files.readAllBytes(Fixtures.intel("nvd/CVE-2023-4863.json"));
        Path cut = tmp.resolve("cut.json");
        Files.write(cut, java.util.Arrays.copyOf(page, 4000));
        assertThatThrownBy(() -> NvdReader.read(cut, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(cut + ": line ")
                .hasMessageContaining("malformed JSON: Unexpected end-of-input");
        Path notNvd = tmp.resolve("other.json");
        Files.writeString(notNvd, "{\"id\":\"x\"}");
        assertThatThrownBy(() -> NvdReader.read(notNvd, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(notNvd + ": not an NVD CVE API 2.0 response: no \"vulnerabilities\" array");
    }
}

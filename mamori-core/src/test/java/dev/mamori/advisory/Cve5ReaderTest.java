package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class Cve5ReaderTest {
    @TempDir
    Path tmp;

    private static List<Advisory> read(Path path) {
        List<Advisory> out = new ArrayList<>();
        Cve5Reader.read(path, out::add);
        return out;
    }

    @Test
    void read_vulnrichmentJsonLines_readsEveryRecordWithAdpData() {
        List<Advisory> all = read(Fixtures.intel("cve5/vulnrichment-30.jsonl.gz"));
        assertThat(all).hasSize(30);
        assertThat(all.stream().filter(a -> !a.kev().isEmpty())).hasSize(5);
        assertThat(all.stream().filter(a -> !a.ssvc().isEmpty())).hasSize(30);
        assertThat(all).allSatisfy(a -> assertThat(a.provenance().source()).isEqualTo("cve5"));
    }

    @Test
    void read_flashZeroDay_keepsCisaAdpSsvcKevCvssCweAndCpes() {
        Advisory a = Fixtures.only(read(Fixtures.intel("cve5/vulnrichment-30.jsonl.gz")), "CVE-2011-0611");
        assertThat(a.published()).isEqualTo("2011-04-13T14:00:00");
        assertThat(a.modified()).isEqualTo("2024-08-06T21:58:26.000Z");
        assertThat(a.ssvc()).containsExactly(new Ssvc("active", "no", "total", "CISA Coordinator", "2.0.3",
                "2024-02-02T14:05:34.031031Z", "CISA-ADP"));
        assertThat(a.kev()).containsExactly(new KevListing("2022-03-03", null, null, null,
                "https://www.cisa.gov/known-exploited-vulnerabilities-catalog?search_api_fulltext=CVE-2011-0611", "CISA-ADP"));
        assertThat(a.severities()).containsExactly(new Severity("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H",
                SeverityLevel.HIGH, 8.8, "CISA-ADP", null));
        assertThat(a.cwes()).containsExactly("CWE-843");
        AffectedProduct flash = a.products().stream().filter(p -> "flash_player".equals(p.product())).findFirst().orElseThrow();
        assertThat(flash.cpes()).containsExactly("cpe:2.3:a:adobe:flash_player:-:*:*:*:*:*:*:*");
        assertThat(flash.statedBy()).isEqualTo("CISA-ADP");
        assertThat(flash.defaultStatus()).isEqualTo("unknown");
        assertThat(flash.versions()).containsExactly(new ProductVersion("0", "affected", "10.2.154.27", null, "custom",
                List.of(), null));
        assertThat(a.products().getFirst().statedBy()).isEqualTo("adobe");
        assertThat(a.references()).extracting(Reference::url).doesNotHaveDuplicates();
        assertThat(a.references().stream().filter(Reference::isExploit)).extracting(Reference::url)
                .containsExactly("http://www.exploit-db.com/exploits/17175");
    }

    @Test
    void read_singleRecordFile_keepsCnaTitleAffectedCvssAndCredits() {
        Advisory a = read(Fixtures.intel("cve5/CVE-2024-3094.json")).getFirst();
        assertThat(a.summary()).isEqualTo("Xz: malicious code in distributed source");
        assertThat(a.cwes()).contains("CWE-506");
        assertThat(a.severities()).extracting(Severity::type, Severity::level)
                .contains(org.assertj.core.groups.Tuple.tuple("CVSS_V3", SeverityLevel.CRITICAL));
        assertThat(a.products().getFirst().defaultStatus()).isEqualTo("unaffected");
        assertThat(a.credits()).extracting(Credit::name).singleElement().asString().contains("Andres Freund");
        Advisory rapidReset = read(Fixtures.intel("cve5/CVE-2023-44487.json.gz")).getFirst();
        assertThat(rapidReset.kev()).isNotEmpty();
        assertThat(rapidReset.products()).extracting(AffectedProduct::product).contains("http");
    }

    @Test
    void read_rejectedRecord_isWithdrawnWithTheRejectionDate() throws IOException {
        Path file = tmp.resolve("CVE-2023-9999.json");
        Files.writeString(file, """
                {"dataType":"CVE_RECORD","dataVersion":"5.1","cveMetadata":{"cveId":"CVE-2023-9999","state":"REJECTED",
                "dateRejected":"2023-05-01T00:00:00Z","dateUpdated":"2023-05-02T00:00:00Z"},
                "containers":{"cna":{"rejectedReasons":[{"lang":"en","value":"Duplicate of CVE-2023-0001."}]}}}""");
        assertThat(read(file)).singleElement().satisfies(a -> {
            assertThat(a.withdrawn()).isEqualTo("2023-05-01T00:00:00Z");
            assertThat(a.details()).isEqualTo("Duplicate of CVE-2023-0001.");
        });
    }

    @Test
    void read_directoryInCveListLayout_readsOnlyCveFiles() throws IOException {
        Path dir = tmp.resolve("cves/2024/3xxx");
        Files.createDirectories(dir);
        Files.copy(Fixtures.intel("cve5/CVE-2024-3094.json"), dir.resolve("CVE-2024-3094.json"));
        Files.writeString(tmp.resolve("cves/delta.json"), "{\"fetchTime\":\"x\"}");
        assertThat(read(tmp.resolve("cves"))).extracting(Advisory::id).containsExactly("CVE-2024-3094");
    }

    @Test
    void read_recordWithoutIdOnALine_namesTheLineAndPointer() throws IOException {
        Path file = tmp.resolve("x.jsonl");
        Files.writeString(file, "{\"cveMetadata\":{\"cveId\":\"CVE-2024-0001\"}}\n{\"cveMetadata\":{}}\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": line 2 /cveMetadata/cveId: a CVE record needs cveMetadata.cveId");
    }
}

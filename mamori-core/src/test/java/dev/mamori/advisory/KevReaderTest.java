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

final class KevReaderTest {
    @TempDir
    Path tmp;

    @Test
    void read_catalogueSubset_readsEveryEntryAndTheCatalogueHeader() {
        List<KevEntry> entries = new ArrayList<>();
        KevCatalog catalog = KevReader.read(Fixtures.intel("kev/kev-subset.json"), entries::add);
        assertThat(catalog).isEqualTo(new KevCatalog("CISA Catalog of Known Exploited Vulnerabilities", "2025.08.25",
                "2025-08-25T17:04:19.9796Z", 25, 25));
        assertThat(entries).hasSize(25).extracting(KevEntry::cveId).doesNotHaveDuplicates();
        KevEntry log4shell = entries.stream().filter(e -> e.cveId().equals("CVE-2021-44228")).findFirst().orElseThrow();
        assertThat(log4shell.vendorProject()).isEqualTo("Apache");
        assertThat(log4shell.product()).isEqualTo("Log4j2");
        assertThat(log4shell.vulnerabilityName()).isEqualTo("Apache Log4j2 Remote Code Execution Vulnerability");
        assertThat(log4shell.dateAdded()).isEqualTo("2021-12-10");
        assertThat(log4shell.dueDate()).isEqualTo("2021-12-24");
        assertThat(log4shell.knownRansomware()).isTrue();
        assertThat(log4shell.notes()).isEqualTo("https://nvd.nist.gov/vuln/detail/CVE-2021-44228");
        assertThat(log4shell.cwes()).containsExactly("CWE-20", "CWE-400", "CWE-502");
        assertThat(log4shell.requiredAction()).startsWith("For all affected software assets");
        assertThat(log4shell.shortDescription()).startsWith("Apache Log4j2 contains a vulnerability");
    }

    @Test
    void read_countThatDisagreesWithTheEntries_isRefused() throws IOException {
        Path file = tmp.resolve("kev.json");
        Files.writeString(file, Files.readString(Fixtures.intel("kev/kev-subset.json")).replace("\"count\": 25", "\"count\": 26"));
        assertThatThrownBy(() -> KevReader.read(file, e -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": /count: the catalogue says 26 entries but has 25");
    }

    @Test
    void read_entryWithoutCveIdOrDate_namesItsPointer() throws IOException {
        Path noCve = tmp.resolve("a.json");
        Files.writeString(noCve, "{\"catalogVersion\":\"1\",\"vulnerabilities\":[{\"cveID\":\"CVE-2021-44228\",\"dateAdded\":"
                + "\"2021-12-10\"},{\"cveID\":\"log4j\",\"dateAdded\":\"2021-12-10\"}]}");
        assertThatThrownBy(() -> KevReader.read(noCve, e -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(noCve + ": /vulnerabilities/1/cveID: a KEV entry needs a CVE id, got log4j");
        Path badDate = tmp.resolve("b.json");
        Files.writeString(badDate, "{\"catalogVersion\":\"1\",\"vulnerabilities\":[{\"cveID\":\"CVE-2021-44228\",\"dateAdded\":\"10/12/2021\"}]}");
        assertThatThrownBy(() -> KevReader.read(badDate, e -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(badDate + ": /vulnerabilities/0/dateAdded: a KEV entry needs dateAdded as YYYY-MM-DD, got 10/12/2021");
    }
}

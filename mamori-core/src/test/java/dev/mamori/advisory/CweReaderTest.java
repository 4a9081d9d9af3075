package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import dev.mamori.risk.CweCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CweReaderTest {
    @TempDir
    Path tmp;

    private static List<CweEntry> entries = new ArrayList<>();

    private static CweReader.Catalog read(Path file) {
        entries = new ArrayList<>();
        return CweReader.read(file, entries::add);
    }

    private static CweEntry entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void read_trimmedCatalogue_readsWeaknessesCategoriesAndViews() {
        CweReader.Catalog c = read(Fixtures.intel("cwe/cwec_v4.15-trimmed.xml.gz"));
        assertThat(c).isEqualTo(new CweReader.Catalog("CWE", "4.15", "2024-07-16", 12, 2, 1));
        assertThat(entries).hasSize(15);
        CweEntry xss = entry("CWE-79");
        assertThat(xss.kind()).isEqualTo(CweEntry.Kind.WEAKNESS);
        assertThat(xss.name()).isEqualTo("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')");
        assertThat(xss.abstraction()).isEqualTo("Base");
        assertThat(xss.structure()).isEqualTo("Simple");
        assertThat(xss.status()).isEqualTo("Stable");
        assertThat(xss.parents()).containsExactly("CWE-74");
        assertThat(xss.relations()).contains(new CweEntry.Relation("CanPrecede", "CWE-494", "1000", null));
        assertThat(xss.introductionPhases()).containsExactly("Implementation");
        assertThat(xss.likelihoodOfExploit()).isEqualTo("High");
        assertThat(xss.mappingUsage()).isEqualTo("Allowed");
        assertThat(xss.description()).startsWith("The product does not neutralize or incorrectly neutralizes");
        assertThat(entry("CWE-306").introductionPhases()).containsExactly("Architecture and Design", "Operation");
        assertThat(entry("CWE-502").introductionPhases()).containsExactly("Architecture and Design", "Implementation");
        assertThat(entry("CWE-1188").introductionPhases()).isEmpty();
        CweEntry configuration = entry("CWE-16");
        assertThat(configuration.kind()).isEqualTo(CweEntry.Kind.CATEGORY);
        assertThat(configuration.status()).isEqualTo("Obsolete");
        assertThat(configuration.mappingUsage()).isEqualTo("Prohibited");
        CweEntry nvdView = entry("CWE-1003");
        assertThat(nvdView.kind()).isEqualTo(CweEntry.Kind.VIEW);
        assertThat(nvdView.members()).hasSize(37).contains("CWE-20", "CWE-74", "CWE-922");
    }

    @Test
    void read_modesOfIntroduction_keepEveryModeWithItsNote() {
        read(Path.of("src/test/resources/cwe/cwec_v4.15-subset.xml.gz"));
        assertThat(entry("CWE-306").introductions()).extracting(CweEntry.Introduction::phase)
                .containsExactly("Architecture and Design", "Architecture and Design", "Operation");
        assertThat(entry("CWE-306").introductions().get(0).note())
                .isEqualTo("OMISSION: This weakness is caused by missing a security tactic during the architecture and design phase.");
        assertThat(entry("CWE-306").introductionPhases()).containsExactly("Architecture and Design", "Operation");
        assertThat(entry("CWE-798").introductions()).containsExactly(new CweEntry.Introduction("Architecture and Design",
                "REALIZATION: This weakness is caused during implementation of an architectural security tactic."));
        assertThat(entry("CWE-1188").introductions()).isEmpty();
    }

    /**
     * What the weakness classifier reads (modes with their notes, ChildOf parents research view first) is the same
     * from the entries the store keeps as from the classifier's own reader of the XML, for every weakness.
     */
    @Test
    void read_everyWeakness_givesTheClassifierWhatItsOwnReaderGives() throws IOException {
        for (Path file : List.of(Path.of("src/test/resources/cwe/cwec_v4.15-subset.xml.gz"),
                Fixtures.intel("cwe/cwec_v4.15-trimmed.xml.gz"), Fixtures.intel("cwe/vuls-cwec_v4.8-trimmed.xml"))) {
            read(file);
            CweCatalog xml;
            try (InputStream in = Files.newInputStream(file)) {
                xml = CweCatalog.readXml(in, file.toString());
            }
            int weaknesses = 0;
            for (CweEntry e : entries) {
                int id = Integer.parseInt(e.id().substring(4));
                if (e.kind() != CweEntry.Kind.WEAKNESS) {
                    assertThat(xml.lookup(id)).as(e.id()).isEmpty();
                    continue;
                }
                weaknesses++;
                CweCatalog.Entry fromEntry = new CweCatalog.Entry(id, xml.lookup(id).orElseThrow().name(), e.introductions().stream()
                        .map(i -> new CweCatalog.Introduction(i.phase(), i.note() == null ? "" : i.note())).toList(),
                        e.childOf().stream().map(c -> Integer.parseInt(c.substring(4))).toList());
                assertThat(fromEntry).as(file + " " + e.id()).isEqualTo(xml.lookup(id).orElseThrow());
            }
            assertThat(weaknesses).as(file.toString()).isPositive();
        }
    }

    @Test
    void read_olderSchemaVersion6Catalogue_isRead() {
        CweReader.Catalog c = read(Fixtures.intel("cwe/vuls-cwec_v4.8-trimmed.xml"));
        assertThat(c.version()).isEqualTo("4.8");
        assertThat(entries).extracting(CweEntry::id).containsExactly("CWE-1007", "CWE-355", "CWE-699");
    }

    @Test
    void read_zippedCatalogueAsMitrePublishesIt_isRead() throws IOException {
        Path zip = tmp.resolve("cwec_latest.xml.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             InputStream in = new GZIPInputStream(Files.newInputStream(Fixtures.intel("cwe/cwec_v4.15-trimmed.xml.gz")))) {
            out.putNextEntry(new ZipEntry("cwec_v4.15.xml"));
            in.transferTo(out);
            out.closeEntry();
        }
        assertThat(AdvisorySources.detect(zip)).isEqualTo(AdvisoryFormat.CWE);
        assertThat(read(zip).weaknesses()).isEqualTo(12);
    }

    @Test
    void read_weaknessWithoutNumericId_isRefusedNamingTheLine() throws IOException {
        Path file = tmp.resolve("cwe.xml");
        Files.writeString(file, "<Weakness_Catalog Name=\"CWE\" Version=\"x\">\n<Weaknesses>\n<Weakness ID=\"79\" Name=\"a\"/>\n"
                + "<Weakness ID=\"CWE-80\" Name=\"b\"/>\n</Weaknesses>\n</Weakness_Catalog>\n");
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": line 4: a CWE entry needs a numeric ID, got CWE-80");
        Path other = tmp.resolve("other.xml");
        Files.writeString(other, "<rss/>");
        assertThatThrownBy(() -> read(other))
                .isInstanceOf(InputException.class)
                .hasMessage(other + ": line 1, column 7: not a CWE catalogue: root element <rss>");
    }
}

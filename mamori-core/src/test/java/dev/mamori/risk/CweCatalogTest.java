package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

final class CweCatalogTest {
    static final Path SUBSET = Path.of("src/test/resources/cwe/cwec_v4.15-subset.xml.gz");

    @Test
    void readXml_gzipPlainAndZip_giveTheSameCatalogue() throws IOException {
        byte[] gz = Files.readAllBytes(SUBSET);
        byte[] xml;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            xml = in.readAllBytes();
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("README.txt"));
            z.write("not the catalogue".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("cwec_v4.15.xml"));
            z.write(xml);
        }
        for (byte[] bytes : new byte[][] {gz, xml, zip.toByteArray()}) {
            CweCatalog c = CweCatalog.readXml(new ByteArrayInputStream(bytes), "cwe");
            assertThat(c.lookup(611)).hasValueSatisfying(e -> assertThat(e.name()).contains("XML External Entity"));
            assertThat(WeaknessClassifier.classify(java.util.List.of("CWE-611"), c).weaknessClass()).isEqualTo(WeaknessClass.CODE);
        }
    }

    @Test
    void readXml_notACatalogue_failsNamingTheSource() {
        assertThatThrownBy(() -> CweCatalog.readXml(new ByteArrayInputStream("<Weakness_Catalog/>".getBytes(StandardCharsets.UTF_8)), "a.xml"))
                .isInstanceOf(InputException.class).hasMessage("a.xml: no Weakness elements: not a CWE catalogue (cwec_v*.xml)");
        assertThatThrownBy(() -> CweCatalog.readXml(new ByteArrayInputStream("<Weakness_Catalog><Weakness".getBytes(StandardCharsets.UTF_8)), "b.xml"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("b.xml: line 1, column");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        assertThatThrownBy(() -> {
            try (ZipOutputStream z = new ZipOutputStream(zip)) {
                z.putNextEntry(new ZipEntry("x.txt"));
            }
            CweCatalog.readXml(new ByteArrayInputStream(zip.toByteArray()), "c.zip");
        }).isInstanceOf(InputException.class).hasMessage("c.zip: the zip holds no .xml CWE catalogue");
    }
}

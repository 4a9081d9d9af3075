package dev.mamori.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class WeaknessClassifierTest {
    static CweXmlCatalog catalog;

    @BeforeAll
    static void load() throws IOException, XMLStreamException {
        catalog = catalog();
    }

    static CweXmlCatalog catalog() throws IOException, XMLStreamException {
        try (InputStream in = new GZIPInputStream(WeaknessClassifierTest.class.getResourceAsStream("/cwe/cwec_v4.15-subset.xml.gz"))) {
            return CweXmlCatalog.read(in);
        }
    }

    @Test
    void reader_subset_readsModesNotesAndResearchParentsFirst() {
        assertThat(catalog.size()).isEqualTo(70);
        CweCatalog.Entry e = catalog.lookup(22).orElseThrow();
        assertThat(e.name()).startsWith("Improper Limitation of a Pathname");
        assertThat(e.parents()).startsWith(706, 668);
        CweCatalog.Entry e20 = catalog.lookup(20).orElseThrow();
        assertThat(e20.introductions()).extracting(CweCatalog.Introduction::phase).containsExactly("Architecture and Design", "Implementation");
        assertThat(e20.introductions().get(1).note()).startsWith("REALIZATION: This weakness is caused during implementation");
        assertThat(catalog.lookup(1188).orElseThrow().introductions()).isEmpty();
        assertThat(catalog.lookup(16)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1} ({2} {3})")
    @CsvSource({
        // Implementation only.
        "CWE-787, CODE, CWE-787, Implementation",
        "CWE-79, CODE, CWE-79, Implementation",
        // Missing authentication: two design modes (one an OMISSION of a tactic) against one operation mode.
        "CWE-306, DESIGN, CWE-306, Architecture and Design",
        "CWE-311, DESIGN, CWE-311, Architecture and Design",
        // Hard-coded credentials: the one mode is Architecture and Design with a REALIZATION note: code.
        "CWE-798, CODE, CWE-798, Architecture and Design",
        // Design and implementation tie: code wins.
        "CWE-20, CODE, CWE-20, Implementation",
        "CWE-502, CODE, CWE-502, Implementation",
        // Insecure default: no modes of its own; its parent CWE-1419 lists Implementation + 3 configuration phases.
        "CWE-1188, CONFIGURATION, CWE-1419, Installation",
        // Design tactic realised wrongly (REALIZATION note on Architecture and Design) counts as code.
        "CWE-352, CODE, CWE-352, Architecture and Design",
    })
    void classify_realCwes(String cwe, WeaknessClass expected, String deciding, String phase) {
        WeaknessClassification c = WeaknessClassifier.classify(List.of(cwe), catalog);
        assertThat(c.weaknessClass()).isEqualTo(expected);
        assertThat(c.cwe()).isEqualTo(cwe);
        assertThat(c.decidingCwe()).isEqualTo(deciding);
        assertThat(c.phase()).isEqualTo(phase);
    }

    @Test
    void classify_explanationNamesTheParentWhenItDecided() {
        WeaknessClassification c = WeaknessClassifier.classify(List.of("CWE-1188"), catalog);
        assertThat(c.explanation()).isEqualTo(
                "configuration: CWE-1188 via its parent CWE-1419, phase Installation (3 of 4 classified modes of introduction)");
    }

    @Test
    void classify_severalCwes_countsEveryMode() {
        // CVE-2020-13927 (Apache Airflow): CWE-1188 (→1419: 1 code, 3 configuration) and CWE-306 (2 design, 1 configuration).
        WeaknessClassification c = WeaknessClassifier.classify(List.of("CWE-1188", "CWE-306"), catalog);
        assertThat(c.weaknessClass()).isEqualTo(WeaknessClass.CONFIGURATION);
        assertThat(c.explanation()).contains("4 of 7");
    }

    @Test
    void classify_noCweOrPlaceholders_unknown() {
        assertThat(WeaknessClassifier.classify(List.of(), catalog).weaknessClass()).isEqualTo(WeaknessClass.UNKNOWN);
        assertThat(WeaknessClassifier.classify(List.of(), catalog).explanation()).isEqualTo("no CWE");
        WeaknessClassification c = WeaknessClassifier.classify(List.of("NVD-CWE-noinfo", "CWE-16"), catalog);
        assertThat(c.weaknessClass()).isEqualTo(WeaknessClass.UNKNOWN);
        assertThat(c.explanation()).isEqualTo("NVD-CWE-noinfo names no weakness; CWE-16 is not a weakness in the catalogue");
    }

    @Test
    void classify_cycleInParents_terminates() {
        CweCatalog cyclic = id -> Optional.of(new CweCatalog.Entry(id, "x", List.of(), List.of(id == 1 ? 2 : 1)));
        WeaknessClassification c = WeaknessClassifier.classify(List.of("CWE-1"), cyclic);
        assertThat(c.weaknessClass()).isEqualTo(WeaknessClass.UNKNOWN);
        assertThat(c.explanation()).isEqualTo("neither CWE-1 nor its parents have modes of introduction");
    }

    @Test
    void classify_walksBreadthFirstToTheNearestAncestorWithModes() {
        Map<Integer, CweCatalog.Entry> m = Map.of(
                1, new CweCatalog.Entry(1, "leaf", List.of(), List.of(2, 3)),
                2, new CweCatalog.Entry(2, "no modes", List.of(new CweCatalog.Introduction("Testing", "")), List.of(4)),
                3, new CweCatalog.Entry(3, "config", List.of(new CweCatalog.Introduction("System Configuration", "")), List.of()),
                4, new CweCatalog.Entry(4, "code", List.of(new CweCatalog.Introduction("Implementation", "")), List.of()));
        WeaknessClassification c = WeaknessClassifier.classify(List.of("1"), id -> Optional.ofNullable(m.get(id)));
        assertThat(c.weaknessClass()).isEqualTo(WeaknessClass.CONFIGURATION);
        assertThat(c.decidingCwe()).isEqualTo("CWE-3");
    }

    @Test
    void reader_rejectsDoctypeAndExternalEntities() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Weakness_Catalog><Weaknesses><Weakness ID=\"1\" Name=\"&e;\"/></Weaknesses></Weakness_Catalog>";
        assertThatThrownBy(() -> CweXmlCatalog.read(new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(XMLStreamException.class);
    }
}

package dev.mamori.sbom.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The CycloneDX specification's own test files as Mamori's conformance suite for {@code mamori sbom validate}. */
final class CycloneDxConformanceTest {

    @Test
    void validate_everySpecTestFile_acceptsValidAndRejectsInvalidForTheStatedReason() {
        List<ConformanceSuite.Result> results = ConformanceSuite.fromArchive().stream().map(ConformanceSuite::run).toList();
        Map<String, int[]> counts = ConformanceSuite.counts(results);
        System.out.println(ConformanceSuite.table(counts));
        assertThat(results.stream().filter(r -> !r.passed()).map(r -> r.c().path() + ": " + r.why()).toList()).isEmpty();
        assertThat(results).hasSize(777);
    }

    static boolean corpusPresent() {
        return Files.isDirectory(ConformanceSuite.CORPUS);
    }

    @Test
    @EnabledIf("corpusPresent")
    void archive_matchesTheCorpusFileForFile() {
        Map<String, byte[]> archive = new java.util.TreeMap<>();
        ConformanceSuite.fromArchive().forEach(c -> archive.put(c.path(), c.bytes()));
        List<ConformanceSuite.Case> corpus = ConformanceSuite.fromCorpus();
        assertThat(archive.keySet()).containsExactlyInAnyOrderElementsOf(corpus.stream().map(ConformanceSuite.Case::path).toList());
        for (ConformanceSuite.Case c : corpus) {
            assertThat(archive.get(c.path())).as(c.path()).isEqualTo(c.bytes());
        }
    }
}

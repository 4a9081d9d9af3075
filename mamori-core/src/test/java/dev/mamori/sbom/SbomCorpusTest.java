package dev.mamori.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every SBOM of the shared corpora (only where /work/shared/corpora exists) and prints per-corpus counts.
 * Every file must read, except the listed ones that are broken or of a format Mamori refuses on purpose.
 */
@EnabledIf("corporaPresent")
final class SbomCorpusTest {
    /** The largest SBOM (components) the SPDX 3 oracle checks in the corpus-wide round trip. */
    static final int SPDX3_ORACLE_LIMIT = 150;

    static final Path CORPORA = Path.of("/work/shared/corpora");

    static boolean corporaPresent() {
        return Files.isDirectory(CORPORA);
    }

    /** File name suffix → the reason it must fail. */
    static final Map<String, String> EXPECTED_FAILURES = new LinkedHashMap<>();

    static {
        EXPECTED_FAILURES.put("powershell-2.2.6.spdx.json", "malformed JSON"); // trailing garbage
        EXPECTED_FAILURES.put("BadJSON.spdx.json", "a package needs a name");
        EXPECTED_FAILURES.put("SPDXWrongVersion.spdx.json", "unsupported SPDX version");
        EXPECTED_FAILURES.put("istio-source.spdx", "<text> is not closed"); // the corpus copy is truncated
        EXPECTED_FAILURES.put("bashrc2-sbom-cdx.json", "not a recognised SBOM"); // SCANOSS raw output
        EXPECTED_FAILURES.put("scanoss-sbom-cdx.json", "not a recognised SBOM"); // SCANOSS dependency list
        EXPECTED_FAILURES.put("maubot-spdx.json", "not a recognised SBOM"); // a licence list, not an SBOM
        EXPECTED_FAILURES.put("issue214-expected-output.json", "'${specVersion}'"); // a template
        EXPECTED_FAILURES.put("issue214-expected-output.xml", "'${specVersion}'");
        EXPECTED_FAILURES.put(".spdx.rdf", "SPDX RDF/XML is not read");
        EXPECTED_FAILURES.put(".spdx.rdf.xml", "SPDX RDF/XML is not read");
        EXPECTED_FAILURES.put(".spdx.xml", "SPDX 2 XML is not read");
        EXPECTED_FAILURES.put("xxe-protection.xml", "DOCTYPE");
        EXPECTED_FAILURES.put("bom-1.0.xml", "unsupported CycloneDX version '1.0'");
        EXPECTED_FAILURES.put("bom-1.1.xml", "unsupported CycloneDX version '1.1'");
        EXPECTED_FAILURES.put("bom-1.1-dependency-graph-1.0.xml", "unsupported CycloneDX version '1.1'");
        EXPECTED_FAILURES.put("bom-1.1-vulnerability-1.0.xml", "unsupported CycloneDX version '1.1'");
        EXPECTED_FAILURES.put("laravel-7.12.0/bom.1.1.xml", "unsupported CycloneDX version '1.1'");
    }

    record Outcome(Path file, Bom bom, InputException error) {}

    static boolean isSbomCandidate(Path p) {
        String n = p.getFileName().toString();
        String s = p.toString();
        if (n.startsWith("LICENSE") || n.endsWith(".md") || n.endsWith(".csv") || n.endsWith(".xsd") || n.endsWith(".ttl")
                || n.endsWith(".sch") || n.endsWith(".cddl") || n.endsWith(".textproto") || n.endsWith(".proto")
                || n.endsWith(".owl.xml") || n.endsWith(".jsonld") || n.startsWith("spdx-schema") || n.endsWith("requirements.xml")
                || s.contains("/schema/") || s.contains("/test-ext/") || s.contains("/src/main/")
                || s.contains("/resources/unit-tests/") || s.contains("/resources/templates/")) {
            return false;
        }
        return n.endsWith(".json") || n.endsWith(".xml") || n.endsWith(".gz") || n.endsWith(".spdx") || n.endsWith(".yaml")
                || n.endsWith(".swidtag") || n.endsWith(".sbom");
    }

    static List<Path> files(String corpus) throws IOException {
        Path dir = CORPORA.resolve(corpus);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(SbomCorpusTest::isSbomCandidate).sorted().toList();
        }
    }

    static Outcome read(Path f) {
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return new Outcome(f, SbomReader.read(in, f.toString()), null);
        } catch (InputException e) {
            return new Outcome(f, null, e);
        } catch (IOException e) {
            throw new AssertionError(f + ": " + e, e);
        }
    }

    static String expectedFailure(Path f) {
        String s = f.toString().replace(".gz", "");
        for (Map.Entry<String, String> e : EXPECTED_FAILURES.entrySet()) {
            if (s.endsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static void check(String corpus, List<Path> files) {
        Map<String, int[]> byFormat = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        int failedAsExpected = 0;
        long components = 0;
        long edges = 0;
        for (Path f : files) {
            Outcome o = read(f);
            String expected = expectedFailure(f);
            if (o.error() != null) {
                if (expected != null && o.error().getMessage().contains(expected)) {
                    failedAsExpected++;
                } else {
                    unexpected.add(o.error().getMessage());
                }
                continue;
            }
            if (expected != null) {
                unexpected.add(f + ": read, but expected to fail with '" + expected + "'");
                continue;
            }
            Bom bom = o.bom();
            String key = bom.format() + " " + bom.specVersion() + " " + bom.encoding();
            int[] c = byFormat.computeIfAbsent(key, k -> new int[2]);
            c[0]++;
            c[1] += bom.allComponentsWithSubject().size();
            components += bom.allComponentsWithSubject().size();
            edges += bom.dependencyEdgeCount();
        }
        System.out.printf("CORPUS %-28s files=%d read=%d failedAsExpected=%d unexpected=%d components=%d edges=%d%n",
                corpus, files.size(), files.size() - failedAsExpected - unexpected.size(), failedAsExpected, unexpected.size(), components, edges);
        byFormat.forEach((k, v) -> System.out.printf("    %-36s files=%d components=%d%n", k, v[0], v[1]));
        unexpected.forEach(u -> System.out.println("    UNEXPECTED " + u));
        assertThat(unexpected).as(corpus).isEmpty();
    }

    @Test
    void cycloneDxSpec_validFiles_allRead() throws IOException {
        List<Path> valid = files("cyclonedx-spec/test-resources").stream()
                .filter(p -> p.getFileName().toString().startsWith("valid-"))
                .filter(p -> p.toString().matches(".*/1\\.[2-7]/.*"))
                .toList();
        check("cyclonedx-spec (valid 1.2-1.7)", valid);
    }

    @Test
    void cycloneDxExamples_allRead() throws IOException {
        check("cyclonedx-bom-examples", files("cyclonedx-bom-examples"));
        check("cyclonedx-core-java-extra", files("cyclonedx-core-java-extra"));
    }

    @Test
    void spdxExamples_allRead() throws IOException {
        check("spdx-examples", files("spdx-examples"));
        check("spdx-tools-java", files("spdx-tools-java"));
        check("spdx-spec-examples", files("spdx-spec-examples"));
    }

    @Test
    void realSboms_allRead() throws IOException {
        check("real-sboms/bom-shelter", files("real-sboms/bom-shelter"));
        check("real-sboms/guac-data", files("real-sboms/guac-data"));
        check("real-sboms/webgoat", files("real-sboms/webgoat"));
        check("real-sboms/cyclonedx-node-npm", files("real-sboms/cyclonedx-node-npm"));
    }

    @Test
    void swidTags_allRead() throws IOException {
        check("swid-tags", files("swid-tags"));
    }

    static Stream<Arguments> corpusCounts() throws IOException {
        return Files.readAllLines(Fixtures.DIR.resolve("expected-corpus-counts.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
    }

    /** A selection of the corpus against independent counts (tools/sbom/count_components.py). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusCounts")
    void read_corpusSelection_matchesIndependentCount(String name, int components, int edges) {
        Outcome o = read(CORPORA.resolve(name));
        assertThat(o.error()).isNull();
        Bom bom = o.bom();
        assertThat(bom.allComponentsWithSubject()).as("components").hasSize(components);
        int flattened = bom.warnings().stream().filter(w -> w.contains("CONTAINS relationship(s) do not form a tree"))
                .mapToInt(w -> Integer.parseInt(w.split(" ")[0])).sum();
        assertThat(bom.dependencyEdgeCount()).as("dependency edges").isEqualTo(edges + flattened);
    }

    /** Every readable real SBOM, written in every target format, is schema-valid and reads back whole. */
    @Test
    void roundTrip_everyRealSbom_keepsComponentsAndEdges() throws IOException {
        List<Path> all = new ArrayList<>();
        for (String corpus : List.of("real-sboms", "cyclonedx-bom-examples", "spdx-examples", "spdx-tools-java",
                "spdx-spec-examples", "swid-tags")) {
            all.addAll(files(corpus));
        }
        int[] done = new int[SbomWriter.Target.values().length];
        int spdx3OracleChecked = 0;
        List<String> problems = new ArrayList<>();
        for (Path f : all) {
            Outcome o = read(f);
            if (o.error() != null) {
                continue;
            }
            Bom original = o.bom();
            for (SbomWriter.Target t : SbomWriter.Target.values()) {
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    SbomWriter.write(original, t, out);
                    // the SPDX library's JSON-schema check costs minutes on the corpora's largest SBOMs: it checks every
                    // document up to SPDX3_ORACLE_LIMIT components here (and every fixture in RoundTripTest)
                    if (t != SbomWriter.Target.SPDX3_JSON
                            || original.allComponentsWithSubject().size() <= SPDX3_ORACLE_LIMIT) {
                        RoundTripTest.validate(out.toByteArray(), t);
                        if (t == SbomWriter.Target.SPDX3_JSON) {
                            spdx3OracleChecked++;
                        }
                    }
                    Bom back = SbomReader.read(new ByteArrayInputStream(out.toByteArray()), f + " as " + t.cliName());
                    assertThat(back.allComponentsWithSubject()).hasSize(original.allComponentsWithSubject().size());
                    assertThat(RoundTripTest.edges(back)).containsAll(RoundTripTest.edges(original));
                    done[t.ordinal()]++;
                } catch (AssertionError | RuntimeException e) {
                    problems.add(f + " -> " + t.cliName() + ": " + e.getMessage().lines().limit(3).toList());
                }
            }
        }
        System.out.printf("ROUNDTRIP files=%d cyclonedx-json=%d cyclonedx-xml=%d spdx-json=%d spdx3-json=%d "
                        + "(spdx-v3jsonld-store checked %d) problems=%d%n",
                all.size(), done[0], done[1], done[2], done[3], spdx3OracleChecked, problems.size());
        problems.forEach(p -> System.out.println("    " + p));
        assertThat(problems).isEmpty();
    }
}

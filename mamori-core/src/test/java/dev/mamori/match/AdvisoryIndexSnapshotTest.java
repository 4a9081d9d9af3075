package dev.mamori.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisorySink;
import dev.mamori.advisory.AdvisorySources;
import dev.mamori.input.InputException;
import dev.mamori.purl.PackageKey;
import dev.mamori.sbom.Bom;
import dev.mamori.sbom.Component;
import dev.mamori.sbom.SbomReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AdvisoryIndexSnapshotTest {
    private static List<Advisory> advisories;
    private static AdvisoryIndex memory;

    @TempDir
    Path dir;

    @TempDir
    static Path shared;

    private static Path written;

    @BeforeAll
    static void load() throws URISyntaxException {
        advisories = new ArrayList<>(GroundTruthTest.advisories());
        // every advisory format Mamori reads (NVD, CVE 5, CSAF, JVN, OSV of every ecosystem), with all their fields
        AdvisorySink sink = new AdvisorySink() {
            @Override
            public void advisory(Advisory advisory) {
                advisories.add(advisory);
            }
        };
        try (var files = Files.walk(Path.of(AdvisoryIndexSnapshotTest.class.getResource("/intel").toURI()))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    AdvisorySources.read(f, sink);
                } catch (InputException e) {
                    // the intel fixtures include deliberately broken and non-advisory files
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        memory = AdvisoryIndex.of(advisories);
        written = shared.resolve("index.mamori");
        AdvisoryIndexSnapshot.write(memory, written);
    }

    /** A freshly opened snapshot of the index (written once for the class). */
    private static AdvisoryIndex roundTrip() {
        return AdvisoryIndexSnapshot.read(written);
    }

    @Test
    void read_everyAdvisoryOfEveryFormat_decodesEqualToTheOriginal() {
        AdvisoryIndex snapshot = roundTrip();
        AdvisoryIndexSnapshot.Mapped mapped = (AdvisoryIndexSnapshot.Mapped) snapshot.source();
        AdvisoryIndex.Memory mem = (AdvisoryIndex.Memory) memory.source();
        for (int i = 0; i < mem.live().size(); i++) {
            Advisory original = mem.live().get(i);
            assertThat(mapped.advisory(i)).as(original.id()).isEqualTo(original);
            assertThat(mapped.vulnerabilities(i)).as(original.id()).isEqualTo(mem.vulnerabilitiesOf().get(original));
        }
        assertThat(snapshot.advisoryCount()).isEqualTo(memory.advisoryCount()).isGreaterThan(17_000);
        assertThat(snapshot.vulnerabilityCount()).isEqualTo(memory.vulnerabilityCount());
        assertThat(snapshot.packageCount()).isEqualTo(memory.packageCount());
    }

    @Test
    void lookup_everyPackageAndCpeKey_answersAsTheMemoryIndex() {
        AdvisoryIndex snapshot = roundTrip();
        AdvisoryIndex.Memory mem = (AdvisoryIndex.Memory) memory.source();
        for (Map.Entry<PackageKey, AdvisoryIndex.PackageGroup> e : mem.byPackage().entrySet()) {
            List<AdvisoryIndex.PackageEntry> expected = e.getValue().entries();
            List<AdvisoryIndex.PackageEntry> actual = snapshot.lookup(e.getKey()).entries();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.get(i).advisory().id()).isEqualTo(expected.get(i).advisory().id());
                assertThat(actual.get(i).affected()).isEqualTo(expected.get(i).affected());
                assertThat(actual.get(i).distro()).isEqualTo(expected.get(i).distro());
                assertThat(actual.get(i).vulnerabilities()).isEqualTo(expected.get(i).vulnerabilities());
            }
            assertThat(snapshot.covers(e.getKey())).isTrue();
        }
        assertThat(snapshot.covers(PackageKey.of("npm", "no-such-package-anywhere"))).isFalse();
        for (String vp : mem.byVendorProduct().keySet()) {
            String[] parts = vp.split(":", 2);
            assertThat(snapshot.lookupCpe(parts[0], parts[1])).extracting(c -> c.advisory().id())
                    .isEqualTo(memory.lookupCpe(parts[0], parts[1]).stream().map(c -> c.advisory().id()).toList());
        }
        for (String p : mem.byProduct().keySet()) {
            assertThat(snapshot.lookupProduct(p)).extracting(AdvisoryIndex.CpeEntry::configurations)
                    .isEqualTo(memory.lookupProduct(p).stream().map(AdvisoryIndex.CpeEntry::configurations).toList());
        }
    }

    @Test
    void table_storedInSnapshot_equalsTheOneBuiltInMemory() {
        AdvisoryIndex snapshot = roundTrip();
        AdvisoryIndex.Memory mem = (AdvisoryIndex.Memory) memory.source();
        int compared = 0;
        for (Map.Entry<PackageKey, AdvisoryIndex.PackageGroup> e : mem.byPackage().entrySet()) {
            dev.mamori.version.VersionScheme scheme = dev.mamori.version.VersionSchemes.forPurlType(e.getKey().ecosystem());
            BoundaryTable built = e.getValue().table(scheme);
            AdvisoryIndex.PackageGroup group = snapshot.lookup(e.getKey());
            BoundaryTable stored = group.table(scheme);
            assertThat(stored.bounds()).as(e.getKey().toString()).containsExactly(built.bounds());
            for (int i = 0; i < group.entries().size(); i++) {
                assertThat(stored.covered(i)).isEqualTo(built.covered(i));
                if (built.covered(i)) {
                    assertThat(group.entries().get(i).compiled(scheme).ranges()).extracting(r -> List.of(r.sorted()))
                            .isEqualTo(e.getValue().entries().get(i).compiled(scheme).ranges().stream()
                                    .map(r -> List.of(r.sorted())).toList());
                    for (int slot = 0; slot <= 2 * built.bounds().length; slot++) {
                        assertThat(stored.contains(i, slot)).isEqualTo(built.contains(i, slot));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    @Test
    void match_realSboms_sameResultFromSnapshotAsFromMemory() throws IOException, URISyntaxException {
        AdvisoryIndex snapshot = roundTrip();
        List<Bom> boms = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("../examples/kawipiko-sbom.cdx.json"))) {
            boms.add(SbomReader.read(in, "kawipiko"));
        }
        for (String gz : List.of("/sbom/guac-data/syft-spdx-k8s.gcr.io-kube-scheduler.v1.25.1.json.gz",
                "/sbom/webgoat/mvn-webgoat-8.2.0.cdx16.json.gz")) {
            try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(gz))) {
                boms.add(SbomReader.read(in, gz));
            }
        }
        boms.add(groundTruthSample());
        int findings = 0;
        for (Bom bom : boms) {
            Matcher.Result fromMemory = new Matcher(memory).match(bom);
            Matcher.Result fromSnapshot = new Matcher(snapshot).match(bom);
            assertThat(fromSnapshot).isEqualTo(fromMemory);
            findings += fromMemory.findings().size();
        }
        assertThat(findings).isGreaterThan(1000);
    }

    /** Every 25th ground-truth component: Go, PyPI, crates, Bitnami, AlmaLinux with and without matches. */
    private static Bom groundTruthSample() throws IOException {
        List<GroundTruthTest.Case> cases = GroundTruthTest.cases();
        List<GroundTruthTest.Case> sample = new ArrayList<>();
        for (int i = 0; i < cases.size(); i += 25) {
            sample.add(cases.get(i));
        }
        return GroundTruthTest.bomOf(sample, new LinkedHashMap<String, Component>());
    }

    @Test
    void write_snapshotOfASnapshot_isTheSameFile() throws IOException {
        Path first = written;
        Path second = dir.resolve("second.mamori");
        AdvisoryIndexSnapshot.write(AdvisoryIndexSnapshot.read(first), second);
        assertThat(Files.mismatch(first, second)).isEqualTo(-1);
        Path again = dir.resolve("again.mamori");
        AdvisoryIndexSnapshot.write(memory, again);
        assertThat(Files.mismatch(first, again)).as("writing is deterministic").isEqualTo(-1);
    }

    @Test
    void read_notASnapshotOrTruncated_isRefusedWithReason() throws IOException {
        byte[] bytes = Files.readAllBytes(written);

        Path truncated = dir.resolve("truncated.mamori");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        assertThatThrownBy(() -> AdvisoryIndexSnapshot.read(truncated)).isInstanceOf(InputException.class)
                .hasMessageContaining("truncated");

        Path json = dir.resolve("advisories.json");
        Files.writeString(json, "{\"id\":\"GHSA-x\"}".repeat(20));
        assertThatThrownBy(() -> AdvisoryIndexSnapshot.read(json)).isInstanceOf(InputException.class)
                .hasMessageContaining("not a Mamori index snapshot");

        byte[] newer = bytes.clone();
        newer[11] = 99;
        Path future = dir.resolve("future.mamori");
        Files.write(future, newer);
        assertThatThrownBy(() -> AdvisoryIndexSnapshot.read(future)).isInstanceOf(InputException.class)
                .hasMessageContaining("format 99");

        assertThatThrownBy(() -> AdvisoryIndexSnapshot.read(dir.resolve("missing.mamori"))).isInstanceOf(InputException.class);
    }

    @Test
    void read_largeCorpus_isFastBecauseNothingIsDecodedUpFront() {
        Path file = written;
        long start = System.nanoTime();
        AdvisoryIndex snapshot = AdvisoryIndexSnapshot.read(file);
        boolean covered = snapshot.covers(PackageKey.of("golang", "golang.org/x/text"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("snapshot of %d advisories: %d bytes, opened and first lookup in %d ms%n",
                snapshot.advisoryCount(), file.toFile().length(), millis);
        assertThat(covered).isTrue();
        assertThat(millis).isLessThan(500);
    }
}

package dev.mamori.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.input.InputException;
import dev.mamori.purl.PackageKey;
import dev.mamori.version.EventRange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class OsvReaderTest {
    static final Path EXAMPLES = Path.of("../examples/advisories/osv-go");

    @TempDir
    Path tmp;

    @Test
    void read_directoryOfRealGoAdvisories_readsEveryRecord() throws IOException {
        List<Advisory> all = OsvReader.readAll(List.of(EXAMPLES));
        long files;
        try (var s = Files.list(EXAMPLES)) {
            files = s.filter(p -> p.toString().endsWith(".json")).count();
        }
        assertThat(all).hasSize((int) files);
        Advisory a = all.stream().filter(x -> x.id().equals("GO-2022-1059")).findFirst().orElseThrow();
        assertThat(a.aliases()).containsExactlyInAnyOrder("CVE-2022-32149", "GHSA-69ch-w2m2-3vjp");
        assertThat(a.affected()).first().satisfies(af -> {
            assertThat(af.packageKey()).isEqualTo(PackageKey.of("golang", "golang.org/x/text"));
            assertThat(af.ranges().getFirst().type()).isEqualTo("SEMVER");
            assertThat(af.ranges().getFirst().events().events()).containsExactly(
                    new EventRange.Event(EventRange.Kind.INTRODUCED, "0"),
                    new EventRange.Event(EventRange.Kind.FIXED, "0.3.8"));
        });
        assertThat(all.stream().filter(x -> x.withdrawn() != null)).extracting(Advisory::id).containsExactly("GO-2026-4923");
    }

    @Test
    void read_jsonLinesGz_readsEachLineAndNamesTheLineOnError() throws IOException {
        Path file = tmp.resolve("a.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write("""
                    {"id":"PYSEC-1","aliases":["CVE-1"],"affected":[{"package":{"ecosystem":"PyPI","name":"Foo_Bar"},"versions":["1.0"]}],
                     "severity":[{"type":"CVSS_V3","score":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}]}

                    {"id":"PYSEC-2"}
                    """.replace("\n ", " ").getBytes(StandardCharsets.UTF_8));
        }
        List<Advisory> read = new ArrayList<>();
        OsvReader.read(file, read::add);
        assertThat(read).extracting(Advisory::id).containsExactly("PYSEC-1", "PYSEC-2");
        assertThat(read.getFirst().affected().getFirst().packageKey()).isEqualTo(new PackageKey("pypi", "foo-bar"));
        assertThat(read.getFirst().severityLevel()).isEqualTo(SeverityLevel.CRITICAL);

        Path bad = tmp.resolve("b.jsonl");
        Files.writeString(bad, "{\"id\":\"X-1\"}\n{\"id\": \n");
        assertThatThrownBy(() -> OsvReader.read(bad, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(bad + ": line 2: malformed JSON");
    }

    @Test
    void read_eventWithoutKind_namesJsonPath() throws IOException {
        Path file = tmp.resolve("x.json");
        Files.writeString(file, "{\"id\":\"X\",\"affected\":[{\"package\":{\"ecosystem\":\"npm\",\"name\":\"x\"},"
                + "\"ranges\":[{\"type\":\"SEMVER\",\"events\":[{\"introduced\":\"0\"},{\"bogus\":\"1\"}]}]}]}");
        assertThatThrownBy(() -> OsvReader.read(file, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": /affected/0/ranges/0/events/1: an event needs one of introduced, fixed, last_affected or limit");
    }

    @Test
    void read_missingPath_isAnInputError() {
        assertThatThrownBy(() -> OsvReader.read(tmp.resolve("nope"), a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("nope: no such file or directory");
    }

    @Test
    void severity_ghsaModerateAndCvssVectors_mapToLevels() {
        assertThat(SeverityLevel.parse("MODERATE")).isEqualTo(SeverityLevel.MEDIUM);
        assertThat(Cvss.level("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:L/I:L/A:N")).isEqualTo(SeverityLevel.MEDIUM);
        assertThat(Cvss.level("CVSS_V4", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")).isEqualTo(SeverityLevel.CRITICAL);
        assertThat(Cvss.level("CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P")).isEqualTo(SeverityLevel.HIGH);
        assertThat(Cvss.level("CVSS_V3", "garbage")).isEqualTo(SeverityLevel.UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"osv-pypi", "osv-go", "osv-rustsec", "osv-almalinux", "osv-bitnami"})
    void read_realJsonLinesOfEachDatabase_readsTwentyDistinctRecords(String corpus) {
        List<Advisory> all = Fixtures.advisories("osv/" + corpus + "-20.jsonl.gz");
        assertThat(all).hasSize(20);
        assertThat(all.stream().map(Advisory::id).distinct()).hasSize(20);
        assertThat(all).allSatisfy(a -> {
            assertThat(a.provenance().source()).startsWith("osv/");
            assertThat(a.provenance().upstreamModified()).isEqualTo(a.modified()).isNotNull();
            assertThat(a.source()).endsWith(corpus + "-20.jsonl.gz");
        });
    }

    @Test
    void read_pypiRecord_keepsAliasesTypedReferencesAndProvenance() {
        Advisory a = Fixtures.only(Fixtures.advisories("osv/osv-pypi-20.jsonl.gz"), "PYSEC-2020-29");
        assertThat(a.aliases()).contains("CVE-2020-8927");
        assertThat(a.provenance().source()).isEqualTo("osv/PYSEC");
        assertThat(a.references()).isNotEmpty().allSatisfy(r -> assertThat(r.type()).isIn(
                "ADVISORY", "ARTICLE", "DETECTION", "DISCUSSION", "REPORT", "FIX", "INTRODUCED", "PACKAGE", "EVIDENCE", "WEB"));
        assertThat(a.affected().getFirst().packageKey()).isEqualTo(new PackageKey("pypi", "brotli"));
    }

    @Test
    void read_goRecord_keepsCreditsAndDatabaseSpecificAsJson() {
        List<Advisory> go = Fixtures.advisories("osv/osv-go-20.jsonl.gz");
        Advisory a = Fixtures.only(go, "GO-2024-2609");
        assertThat(a.aliases()).contains("CVE-2024-24784");
        assertThat(a.databaseSpecific()).startsWith("{\"url\":\"https://pkg.go.dev/vuln/GO-2024-2609\"");
        assertThat(a.credits()).extracting(Credit::name).isNotEmpty();
        assertThat(a.affected()).allSatisfy(af -> assertThat(af.ecosystemSpecific()).contains("imports"));
        Advisory bundle = Fixtures.only(go, "GO-2020-0005");
        assertThat(bundle.aliases()).contains("CVE-2020-15106", "CVE-2020-15112");
    }

    @Test
    void read_almaLinuxRecord_keepsTheReleaseOfTheEcosystemAndRelatedCves() {
        Advisory a = Fixtures.only(Fixtures.advisories("osv/osv-almalinux-20.jsonl.gz"), "ALSA-2021:1702");
        assertThat(a.affected()).allSatisfy(af -> {
            assertThat(af.osvEcosystem()).isEqualTo("AlmaLinux:8");
            assertThat(af.ecosystemRelease()).isEqualTo("8");
            assertThat(af.packageKey().ecosystem()).isEqualTo("rpm");
        });
        assertThat(a.aliases()).isEmpty();
        assertThat(a.related()).contains("CVE-2020-8927");
        assertThat(a.provenance().source()).isEqualTo("osv/ALSA");
    }

    @Test
    void readArchive_allEcosystemsZipAsOsvPublishesIt_readsEveryEntryWithDistroReleases() throws IOException {
        Path zip = Fixtures.intel("osv/all-ecosystems.zip");
        int entries;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            entries = z.size();
        }
        List<Advisory> all = new ArrayList<>();
        OsvReader.read(zip, all::add);
        assertThat(all).hasSize(entries).hasSize(69);
        assertThat(all).allSatisfy(a -> assertThat(a.source()).startsWith(zip + "!").endsWith(".json"));
        Set<String> ecosystems = all.stream().flatMap(a -> a.affected().stream()).map(Affected::osvEcosystem)
                .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        assertThat(ecosystems).contains("Debian:3.0", "Ubuntu:22.04:LTS", "Ubuntu:Pro:16.04:LTS", "Alpine:v3.18",
                "Red Hat:rhel_eus:8.8::baseos", "Rocky Linux:9", "AlmaLinux:8", "Bitnami", "Mageia:9",
                "openEuler:20.03-LTS-SP1", "SUSE:Linux Enterprise Server 12", "Wolfi", "Go", "PyPI", "Maven", "npm");
        Advisory alpine = Fixtures.only(all, "ALPINE-CVE-2023-46850");
        assertThat(alpine.upstream()).containsExactly("CVE-2023-46850");
        assertThat(alpine.affected()).extracting(Affected::ecosystemRelease).contains("v3.18", "v3.19", "v3.20");
        Advisory redHat = Fixtures.only(all, "RHSA-2024:8709");
        assertThat(redHat.affected().getFirst().packageKey().ecosystem()).isEqualTo("rpm");
        assertThat(redHat.affected().getFirst().ecosystemRelease()).isEqualTo("rhel_eus:9.2::appstream");
    }

    @Test
    void readArchive_truncated_isRefusedBeforeAnyRecord() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.intel("osv/all-ecosystems.zip"));
        Path cut = tmp.resolve("all.zip");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        List<Advisory> read = new ArrayList<>();
        assertThat(AdvisorySources.detect(cut)).isEqualTo(AdvisoryFormat.OSV_ARCHIVE);
        assertThatThrownBy(() -> OsvReader.read(cut, read::add))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(cut + ": not a complete zip archive (truncated or corrupt)");
        assertThat(read).isEmpty();
    }

    @Test
    void readArchive_corruptEntryData_isRefusedNamingTheEntry() throws IOException {
        Path zip = tmp.resolve("all.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("GO-1.json"));
            out.write("{\"id\":\"GO-1\",\"modified\":\"2024-01-01T00:00:00Z\",\"details\":\"%s\"}"
                    .formatted("abcdefghij".repeat(2000)).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        byte[] bytes = Files.readAllBytes(zip);
        for (int i = 60; i < 90; i++) {
            bytes[i] ^= (byte) 0x5a;
        }
        Files.write(zip, bytes);
        assertThatThrownBy(() -> OsvReader.read(zip, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(zip + "!GO-1.json: corrupt");
    }

    @Test
    void readArchive_entryThatInflatesFarBeyondItsSize_isRefusedAsZipBomb() throws IOException {
        Path zip = tmp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("BOMB-1.json"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 8; i++) {
                out.write(spaces);
            }
            out.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(50_000);
        assertThatThrownBy(() -> OsvReader.read(zip, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(zip + "!BOMB-1.json: entry compression ratio exceeds 100:1 (zip bomb?)");
    }

    @Test
    void readArchive_beyondEntryCountSizeOrTotalLimits_isRefused() {
        Path zip = Fixtures.intel("osv/all-ecosystems.zip");
        assertThatThrownBy(() -> OsvReader.read(zip, new ArchiveLimits(10, 1 << 20, 1 << 30, 100), null, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(zip + ": archive has 69 entries, more than the limit of 10");
        assertThatThrownBy(() -> OsvReader.read(zip, new ArchiveLimits(1000, 2_000, 1 << 30, 100), null, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("more than the limit of 2000");
        assertThatThrownBy(() -> OsvReader.read(zip, new ArchiveLimits(1000, 1 << 20, 50_000, 100), null, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessageEndingWith("archive decompresses to more than 50000 bytes in total (zip bomb?)");
    }

    @Test
    void read_jsonArrayOfRecords_readsEachAndNamesTheIndexOnError() throws IOException {
        Path file = tmp.resolve("vulns.json");
        Files.writeString(file, "[{\"id\":\"A-1\",\"modified\":\"x\"},{\"id\":\"A-2\",\"modified\":\"x\"},{\"modified\":\"x\"}]");
        List<Advisory> read = new ArrayList<>();
        assertThatThrownBy(() -> OsvReader.read(file, read::add))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ": /2/id: an OSV record needs an id");
        assertThat(read).extracting(Advisory::id).containsExactly("A-1", "A-2");
    }

    @Test
    void read_jsonLinesWithoutTheExtension_isRecognisedByContent() throws IOException {
        Path file = tmp.resolve("dump.txt");
        Files.writeString(file, "{\"id\":\"A-1\",\"modified\":\"x\"}\n{\"id\":\"A-2\",\"modified\":\"x\"}\n");
        assertThat(AdvisorySources.detect(file)).isEqualTo(AdvisoryFormat.OSV);
        List<Advisory> read = new ArrayList<>();
        OsvReader.read(file, read::add);
        assertThat(read).extracting(Advisory::id).containsExactly("A-1", "A-2");
    }

    @Test
    void readLines_twoRecordsOnOneLineOrANonObject_isRefusedNamingTheLine() throws IOException {
        Path two = tmp.resolve("two.jsonl");
        Files.writeString(two, "{\"id\":\"A-1\"}\n{\"id\":\"A-2\"} {\"id\":\"A-3\"}\n");
        assertThatThrownBy(() -> OsvReader.read(two, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(two + ": line 2: more than one JSON value on the line");
        Path array = tmp.resolve("array.jsonl");
        Files.writeString(array, "{\"id\":\"A-1\"}\n\n[1]\n");
        assertThatThrownBy(() -> OsvReader.read(array, a -> { }))
                .isInstanceOf(InputException.class)
                .hasMessage(array + ": line 3: an OSV record is a JSON object");
    }
}

package dev.mamori.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.advisory.Advisory;
import dev.mamori.advisory.AdvisoryCodec;
import dev.mamori.input.InputException;
import dev.mamori.purl.PackageKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class AdvisoryStoreTest {
    static final Instant T1 = Instant.parse("2026-11-25T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant FETCHED = Instant.parse("2026-11-24T08:30:00.123456Z");

    @TempDir
    Path tmp;

    // ---- real data -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importPaths_everyReadableFixture_countsEqualTheInput(DatabaseKind kind) {
        List<Path> files = IntelFixtures.readableFixtures();
        IntelFixtures.Expected expected = IntelFixtures.Expected.read(files);
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            ImportResult r = store.importPaths(files, FETCHED, T1);

            Map<String, Long> read = new TreeMap<>();
            r.sources().forEach((source, c) -> read.put(source, c.read()));
            assertThat(read).isEqualTo(expected.readPerSource);
            Map<String, Long> stored = new TreeMap<>();
            store.status().forEach(s -> stored.put(s.source(), s.records()));
            assertThat(stored).isEqualTo(expected.distinctPerSource());
            r.sources().forEach((source, c) -> assertThat(c.added()).as(source).isEqualTo(stored.get(source)));
            assertThat(store.advisoryCount()).isEqualTo(expected.advisories());
            assertThat(expected.readPerSource.keySet()).contains("osv/GHSA", "osv/PYSEC", "osv/GO", "osv/RUSTSEC",
                    "osv/ALSA", "osv/BIT", "nvd", "cve5", "jvn", "kev", "epss", "cwe");
            assertThat(expected.readPerSource.keySet().stream().filter(s -> s.startsWith("csaf/"))).isNotEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importPaths_sameFilesAgain_everythingUnchangedAndNothingWritten(DatabaseKind kind) {
        List<Path> files = IntelFixtures.readableFixtures();
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            ImportResult first = store.importPaths(files, FETCHED, T1);
            StoreSnapshot before = StoreSnapshot.data(db);
            List<SourceStatus> statusBefore = store.status();

            ImportResult again = store.importPaths(files, Instant.parse("2026-11-26T00:00:00Z"), T2);

            assertThat(StoreSnapshot.data(db)).isEqualTo(before);
            assertThat(again.changedAnything()).isFalse();
            again.sources().forEach((source, c) -> {
                assertThat(c.unchanged()).as(source).isEqualTo(first.sources().get(source).read());
                assertThat(c.withdrawn()).as(source).isZero();
            });
            List<SourceStatus> statusAfter = store.status();
            assertThat(statusAfter).hasSameSizeAs(statusBefore);
            for (int i = 0; i < statusAfter.size(); i++) {
                SourceStatus b = statusBefore.get(i);
                SourceStatus a = statusAfter.get(i);
                assertThat(a.records()).isEqualTo(b.records());
                assertThat(a.newestModified()).isEqualTo(b.newestModified());
                assertThat(a.lastSync()).isEqualTo(T2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void forEachAdvisory_afterImport_givesBackExactlyWhatWasRead(DatabaseKind kind) {
        List<Path> files = IntelFixtures.readableFixtures();
        IntelFixtures.Expected expected = new IntelFixtures.Expected();
        for (Path f : files) {
            dev.mamori.advisory.AdvisorySources.read(f, FETCHED, expected);
        }
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(files, FETCHED, T1);
            List<Advisory> all = new ArrayList<>();
            store.forEachAdvisory(false, all::add);
            assertThat(all).hasSize((int) expected.advisories());
            for (Advisory stored : all) {
                Advisory last = expected.lastPerKey.get(stored.provenance().source()).get(stored.id());
                // the last version read wins; of several copies with the same content, the first one read stays
                assertThat(AdvisoryCodec.encode(stored, AdvisoryCodec.Form.COMPARABLE))
                        .isEqualTo(AdvisoryCodec.encode(last, AdvisoryCodec.Form.COMPARABLE));
                assertThat(expected.allPerKey.get(stored.provenance().source()).get(stored.id())).contains(stored);
            }
            expected.kev.forEach((cve, k) -> assertThat(store.kev(cve)).contains(k));
            expected.epss.forEach((cve, s) -> assertThat(store.epss(cve)).contains(s));
            expected.cwe.forEach((id, w) -> assertThat(store.cwe(id)).contains(w));
        }
    }

    // ---- a bad file changes nothing ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importPaths_malformedFileAfterGoodOnes_refusedAndNothingWritten(DatabaseKind kind) throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, osv("GHSA-aaaa-bbbb-cccc", "2024-01-01T00:00:00Z", null, "pypi-pkg") + "\n{\"id\": \"GHSA-x\",\n");
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(IntelFixtures.intel("osv/osv-go-20.jsonl.gz")), null, T1);
            StoreSnapshot before = StoreSnapshot.of(db);

            assertThatThrownBy(() -> store.importPaths(List.of(IntelFixtures.intel("osv/osv-pypi-20.jsonl.gz"),
                    IntelFixtures.intel("kev/kev-subset.json"), bad), null, T2))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(bad + ": line 2");

            assertThat(StoreSnapshot.of(db)).isEqualTo(before);
            assertThat(before.rows().get("advisory")).isEqualTo(20);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importPaths_truncatedOsvArchive_refusedAndNothingWritten(DatabaseKind kind) throws IOException {
        byte[] zip = Files.readAllBytes(IntelFixtures.intel("osv/all-ecosystems.zip"));
        Path cut = tmp.resolve("all.zip");
        Files.write(cut, java.util.Arrays.copyOf(zip, zip.length * 2 / 3));
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(IntelFixtures.intel("osv/osv-rustsec-20.jsonl.gz")), null, T1);
            StoreSnapshot before = StoreSnapshot.of(db);

            assertThatThrownBy(() -> store.importPaths(List.of(IntelFixtures.intel("osv/osv-go-20.jsonl.gz"), cut), null, T2))
                    .isInstanceOf(InputException.class)
                    .hasMessageStartingWith(cut.toString())
                    .hasMessageContaining("truncated");

            assertThat(StoreSnapshot.of(db)).isEqualTo(before);
        }
    }

    /** The writer fails while the reader still has thousands of records to give: both stop, nothing is written. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importFrom_writerFails_readerStopsAndNothingWritten(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(IntelFixtures.intel("osv/osv-go-20.jsonl.gz")), null, T1);
            StoreSnapshot before = StoreSnapshot.of(db);
            db.jdbc().sql("alter table advisory_alias rename to advisory_alias_gone").update();
            long[] offered = {0};
            assertThatThrownBy(() -> store.importFrom(T2, sink -> {
                for (int i = 0; i < 100_000; i++) {
                    sink.advisory(Advisory.builder("GHSA-" + i, new dev.mamori.advisory.Provenance("osv/GHSA", null, null, null))
                            .build());
                    offered[0]++;
                }
            })).isInstanceOf(StoreException.class);
            assertThat(offered[0]).isLessThan(100_000);
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("mamori-import-reader"));
            db.jdbc().sql("alter table advisory_alias_gone rename to advisory_alias").update();
            assertThat(StoreSnapshot.of(db)).isEqualTo(before);
        }
    }

    /** The reader fails after the writer has written batches: the transaction is rolled back. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importFrom_readerFailsLate_nothingWritten(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            StoreSnapshot before = StoreSnapshot.of(db);
            assertThatThrownBy(() -> store.importFrom(T1, sink -> {
                for (int i = 0; i < 5_000; i++) {
                    sink.advisory(Advisory.builder("GHSA-" + i, new dev.mamori.advisory.Provenance("osv/GHSA", null, null, null))
                            .build());
                }
                throw new InputException("feed.jsonl", "line 5001", "broken");
            })).isInstanceOf(InputException.class).hasMessage("feed.jsonl: line 5001: broken");
            assertThat(StoreSnapshot.of(db)).isEqualTo(before);
        }
    }

    // ---- changes, withdrawals, disappearances --------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importPaths_changedRecord_updatedAndIndexesReplaced(DatabaseKind kind) throws IOException {
        Path v1 = write("v1.jsonl", osv("GHSA-1111-2222-3333", "2024-01-01T00:00:00Z", null, "old-name", "CVE-2024-0001"));
        Path v2 = write("v2.jsonl", osv("GHSA-1111-2222-3333", "2024-02-01T00:00:00Z", null, "new-name", "CVE-2024-0002"));
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            assertThat(store.importPaths(List.of(v1), null, T1).sources().get("osv/GHSA"))
                    .isEqualTo(new ImportResult.Counts(1, 0, 0, 0));
            assertThat(store.importPaths(List.of(v2), null, T2).sources().get("osv/GHSA"))
                    .isEqualTo(new ImportResult.Counts(0, 1, 0, 0));

            assertThat(store.byPackage(PackageKey.of("pypi", "old-name"))).isEmpty();
            assertThat(store.byPackage(PackageKey.of("pypi", "New_Name"))).extracting(Advisory::id)
                    .containsExactly("GHSA-1111-2222-3333");
            assertThat(store.byAlias("CVE-2024-0001")).isEmpty();
            assertThat(store.byAlias("cve-2024-0002")).extracting(Advisory::modified).containsExactly("2024-02-01T00:00:00Z");
            assertThat(StoreSnapshot.data(db).rows()).containsEntry("advisory", 1L).containsEntry("advisory_package", 1L)
                    .containsEntry("advisory_alias", 2L);
            assertThat(store.status().getFirst().newestModified()).isEqualTo(Instant.parse("2024-02-01T00:00:00Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importPaths_withdrawnLater_markedNotDeleted(DatabaseKind kind) throws IOException {
        Path live = write("live.jsonl", osv("PYSEC-2024-1", "2024-01-01T00:00:00Z", null, "pkg")
                + "\n" + osv("PYSEC-2024-2", "2024-01-01T00:00:00Z", null, "pkg"));
        Path withdrawn = write("withdrawn.jsonl", osv("PYSEC-2024-1", "2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z", "pkg"));
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(live), null, T1);
            ImportResult r = store.importPaths(List.of(withdrawn), null, T2);

            assertThat(r.sources().get("osv/PYSEC")).isEqualTo(new ImportResult.Counts(0, 1, 0, 1));
            Advisory a = store.find("osv/PYSEC", "PYSEC-2024-1").orElseThrow();
            assertThat(a.withdrawn()).isEqualTo("2024-03-01T00:00:00Z");
            assertThat(store.byPackage(PackageKey.of("pypi", "pkg"))).extracting(Advisory::id)
                    .containsExactly("PYSEC-2024-1", "PYSEC-2024-2");
            SourceStatus s = store.status().getFirst();
            assertThat(s.records()).isEqualTo(2);
            assertThat(s.withdrawn()).isEqualTo(1);
            // PYSEC-2024-2 was not in the second import: it stays
            assertThat(store.find("osv/PYSEC", "PYSEC-2024-2")).isPresent();
            // and importing the withdrawn version again changes nothing
            assertThat(store.importPaths(List.of(withdrawn), null, T2).sources().get("osv/PYSEC"))
                    .isEqualTo(new ImportResult.Counts(0, 0, 1, 0));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importPaths_sameIdTwiceInOneImport_lastWinsAndBothCounted(DatabaseKind kind) throws IOException {
        Path f = write("twice.jsonl", osv("GO-2024-1", "2024-01-01T00:00:00Z", null, "a") + "\n"
                + osv("GO-2024-1", "2024-01-01T00:00:00Z", null, "a") + "\n"
                + osv("GO-2024-1", "2024-01-02T00:00:00Z", null, "b"));
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            assertThat(store.importPaths(List.of(f), null, T1).sources().get("osv/GO"))
                    .isEqualTo(new ImportResult.Counts(1, 1, 1, 0));
            assertThat(store.find("osv/GO", "GO-2024-1").orElseThrow().modified()).isEqualTo("2024-01-02T00:00:00Z");
            assertThat(StoreSnapshot.data(db).rows()).containsEntry("advisory", 1L).containsEntry("advisory_package", 1L);
        }
    }

    /** Two days of EPSS in one import: the later file wins; importing both again changes nothing. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importPaths_twoVersionsOfScoresInOneImport_lastWinsAndAgainChangesNothing(DatabaseKind kind) throws IOException {
        Path day1 = write("day1.csv", "#model_version:v2025.03.14,score_date:2025-06-01T00:00:00+0000\n"
                + "cve,epss,percentile\nCVE-2020-0001,0.1,0.5\nCVE-2020-0002,0.2,0.6\n");
        Path day2 = write("day2.csv", "#model_version:v2025.03.14,score_date:2025-06-02T00:00:00+0000\n"
                + "cve,epss,percentile\nCVE-2020-0001,0.3,0.7\nCVE-2020-0002,0.2,0.6\n");
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            assertThat(store.importPaths(List.of(day1, day2), null, T1).sources().get("epss"))
                    .isEqualTo(new ImportResult.Counts(2, 1, 1, 0));
            assertThat(store.epss("CVE-2020-0001").orElseThrow().epss()).isEqualTo(0.3);
            StoreSnapshot before = StoreSnapshot.data(db);

            assertThat(store.importPaths(List.of(day1, day2), null, T2).sources().get("epss"))
                    .isEqualTo(new ImportResult.Counts(0, 0, 4, 0));
            assertThat(StoreSnapshot.data(db)).isEqualTo(before);
            assertThat(store.status().getFirst().feedDate()).isEqualTo("2025-06-02T00:00:00+0000");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void importPaths_moreRecordsThanABatch_allStoredAndCounted(DatabaseKind kind) throws IOException {
        StringBuilder lines = new StringBuilder();
        int n = ImportSession.BATCH * 3 + 7;
        for (int i = 0; i < n; i++) {
            lines.append(osv("GHSA-" + i, "2024-01-01T00:00:00Z", null, "pkg-" + (i % 10))).append('\n');
        }
        Path f = write("many.jsonl", lines.toString());
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            assertThat(store.importPaths(List.of(f), null, T1).total()).isEqualTo(new ImportResult.Counts(n, 0, 0, 0));
            assertThat(store.importPaths(List.of(f), null, T2).total()).isEqualTo(new ImportResult.Counts(0, 0, n, 0));
            assertThat(store.byPackage(PackageKey.of("pypi", "pkg-3"))).hasSize(n / 10 + 1);
        }
    }

    // ---- lookups and status --------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void lookups_realRecords_byPackageAliasCpeAndMentioning(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(IntelFixtures.intel("osv/osv-pypi-20.jsonl.gz"),
                    IntelFixtures.intel("nvd/CVE-2023-4863.json"),
                    IntelFixtures.intel("osv/osv-almalinux-20.jsonl.gz"), IntelFixtures.intel("csaf/redhat/rhsa-2023_7435.json.gz")),
                    null, T1);

            List<Advisory> airflow = store.byPackage(PackageKey.of("pypi", "Apache_Airflow"));
            assertThat(airflow).extracting(Advisory::id).contains("PYSEC-2020-18");
            assertThat(airflow).allSatisfy(a -> assertThat(a.affected()).anySatisfy(x ->
                    assertThat(x.packageKey()).isEqualTo(PackageKey.of("pypi", "apache-airflow"))));

            assertThat(store.byCpe("Google", "Chrome")).extracting(Advisory::id).contains("CVE-2023-4863");
            assertThat(store.byCpe("webmproject", "libwebp")).extracting(Advisory::id).contains("CVE-2023-4863");

            Advisory pysec = store.find("osv/PYSEC", "PYSEC-2020-18").orElseThrow();
            for (String alias : pysec.aliases()) {
                assertThat(store.byAlias(alias)).extracting(Advisory::id).contains("PYSEC-2020-18");
            }
            assertThat(store.byAlias("pysec-2020-18")).extracting(Advisory::id).containsExactly("PYSEC-2020-18");

            // an AlmaLinux advisory names its CVEs as related or upstream: found by mentioning, not as an alias
            Advisory alsa = all(store, "osv/ALSA").stream().filter(a -> !a.related().isEmpty() || !a.upstream().isEmpty())
                    .findFirst().orElseThrow();
            String cve = !alsa.upstream().isEmpty() ? alsa.upstream().getFirst() : alsa.related().getFirst();
            assertThat(store.mentioning(cve)).extracting(Advisory::id).contains(alsa.id());

            // a CSAF record is filed under the purls of its products
            Advisory csaf = all(store, "csaf/redhat.com").getFirst();
            assertThat(csaf.products().stream().flatMap(p -> p.purls().stream())).isNotEmpty();
            String purl = csaf.products().stream().flatMap(p -> p.purls().stream()).findFirst().orElseThrow();
            assertThat(store.byPackage(dev.mamori.purl.Purl.parse(purl).packageKey())).contains(csaf);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void byPackages_severalKeys_eachAdvisoryOnceAndOnlyThose(DatabaseKind kind) throws IOException {
        Path f = write("p.jsonl", osv("GHSA-1", "2024-01-01T00:00:00Z", null, "a") + "\n"
                + osv("GHSA-2", "2024-01-01T00:00:00Z", null, "b") + "\n"
                + osv("GHSA-3", "2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "a") + "\n"
                + osv("GHSA-4", "2024-01-01T00:00:00Z", null, "c"));
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(f, IntelFixtures.intel("nvd/CVE-2023-4863.json")), null, T1);
            assertThat(store.byPackages(List.of(PackageKey.of("pypi", "a"), PackageKey.of("pypi", "b"),
                    PackageKey.of("pypi", "a"), PackageKey.of("npm", "a")))).extracting(Advisory::id)
                    .containsExactly("GHSA-1", "GHSA-2", "GHSA-3");
            assertThat(store.byPackages(List.of())).isEmpty();
            // in force and filed under a package: GHSA-1, -2, -4 (GHSA-3 is withdrawn, the NVD record has no package)
            assertThat(store.packageAdvisoryCount()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void status_afterImports_recordsNewestModificationFeedVersionAndErrors(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(IntelFixtures.intel("osv/osv-go-20.jsonl.gz"), IntelFixtures.intel("kev/kev-subset.json"),
                    IntelFixtures.intel("epss/vunnel-fixture-example-1.csv"), IntelFixtures.intel("cwe/cwec_v4.15-trimmed.xml.gz")),
                    null, T1);
            store.recordFailure("nvd", "HTTP 503 from the NVD API", T2);

            Map<String, SourceStatus> s = store.status().stream()
                    .collect(Collectors.toMap(SourceStatus::source, x -> x));
            assertThat(s.keySet()).containsExactlyInAnyOrder("cwe", "epss", "kev", "nvd", "osv/GO");
            assertThat(s.get("osv/GO").records()).isEqualTo(20);
            assertThat(s.get("osv/GO").lastSync()).isEqualTo(T1);
            assertThat(s.get("osv/GO").newestModified()).isNotNull();
            assertThat(s.get("kev").feedVersion()).isEqualTo("2025.08.25");
            assertThat(s.get("kev").records()).isEqualTo(25);
            assertThat(s.get("epss").feedVersion()).startsWith("v");
            assertThat(s.get("epss").feedDate()).isNotNull();
            assertThat(s.get("cwe").feedVersion()).isEqualTo("4.15");
            assertThat(s.get("nvd").lastError()).isEqualTo("HTTP 503 from the NVD API");
            assertThat(s.get("nvd").lastErrorAt()).isEqualTo(T2);
            assertThat(s.get("nvd").records()).isZero();

            store.recordFailure("osv/GO", "timeout", T2);
            SourceStatus go = store.status().stream().filter(x -> x.source().equals("osv/GO")).findFirst().orElseThrow();
            assertThat(go.records()).isEqualTo(20);
            assertThat(go.lastError()).isEqualTo("timeout");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void forEachAdvisory_withPackagesOnly_leavesOutRecordsWithoutPackages(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(IntelFixtures.intel("osv/osv-rustsec-20.jsonl.gz"),
                    IntelFixtures.intel("nvd/vunnel-full-page.json.gz")), null, T1);
            List<Advisory> indexed = new ArrayList<>();
            store.forEachAdvisory(true, indexed::add);
            assertThat(indexed).hasSize(20).allSatisfy(a -> assertThat(a.provenance().source()).isEqualTo("osv/RUSTSEC"));
            List<Advisory> all = new ArrayList<>();
            store.forEachAdvisory(false, all::add);
            assertThat(all).hasSize(20 + 38);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static List<Advisory> all(AdvisoryStore store, String source) {
        List<Advisory> out = new ArrayList<>();
        store.forEachAdvisory(false, a -> {
            if (a.provenance().source().equals(source)) {
                out.add(a);
            }
        });
        return out;
    }

    private Path write(String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    /** A small OSV record on one line. */
    static String osv(String id, String modified, String withdrawn, String pypiPackage, String... aliases) {
        StringBuilder b = new StringBuilder("{\"id\":\"").append(id).append("\",\"modified\":\"").append(modified).append('"');
        if (withdrawn != null) {
            b.append(",\"withdrawn\":\"").append(withdrawn).append('"');
        }
        if (aliases.length > 0) {
            b.append(",\"aliases\":[").append(java.util.Arrays.stream(aliases).map(a -> "\"" + a + "\"")
                    .collect(Collectors.joining(","))).append(']');
        }
        b.append(",\"affected\":[{\"package\":{\"ecosystem\":\"PyPI\",\"name\":\"").append(pypiPackage)
                .append("\"},\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"introduced\":\"0\"},{\"fixed\":\"1.0\"}]}]}]}");
        return b.toString();
    }
}

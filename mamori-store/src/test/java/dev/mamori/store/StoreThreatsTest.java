package dev.mamori.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.advisory.EpssScore;
import dev.mamori.report.ThreatData;
import dev.mamori.risk.CweCatalog;
import dev.mamori.risk.WeaknessClassification;
import dev.mamori.risk.WeaknessClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The store's threat intelligence as the scan and the server's analysis read it: KEV and EPSS in bulk, the CWE catalogue. */
final class StoreThreatsTest {
    /** MITRE CWE 4.15, the 70 weaknesses of the classifier's tests (see mamori-core's cwe/README.md). */
    static final Path CWE_SUBSET = Path.of("../mamori-core/src/test/resources/cwe/cwec_v4.15-subset.xml.gz");
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void cweCatalog_importedCatalogue_classifiesEveryWeaknessAsTheXmlCatalogueDoes(DatabaseKind kind) throws IOException {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            assertThat(store.cweCatalog()).isEmpty();
            store.importPaths(List.of(CWE_SUBSET), null, T0);
            StoredCwe stored = store.cweCatalog().orElseThrow();
            CweCatalog xml = CweCatalog.readXml(Files.newInputStream(CWE_SUBSET), CWE_SUBSET.toString());
            List<Integer> ids = weaknessIds(CWE_SUBSET);
            assertThat(ids).hasSize(70);
            assertThat(stored.weaknesses()).isEqualTo(70);
            assertThat(stored.withoutModes()).isZero();
            assertThat(stored.warning()).isNull();
            assertThat(stored.version()).isEqualTo("4.15");
            for (int id : ids) {
                CweCatalog.Entry expected = xml.lookup(id).orElseThrow();
                assertThat(stored.catalog().lookup(id)).as("CWE-" + id).hasValueSatisfying(e -> {
                    assertThat(e.introductions()).isEqualTo(expected.introductions());
                    assertThat(e.parents()).isEqualTo(expected.parents());
                });
                WeaknessClassification fromStore = WeaknessClassifier.classify(List.of("CWE-" + id), stored.catalog());
                assertThat(fromStore).as("CWE-" + id).isEqualTo(WeaknessClassifier.classify(List.of("CWE-" + id), xml));
            }
            // the documented examples (docs/risk.md §5): a REALIZATION note makes CWE-798 code, CWE-1188 is configuration via its parent
            assertThat(WeaknessClassifier.classify(List.of("CWE-798"), stored.catalog()).explanation())
                    .startsWith("code: CWE-798, phase Architecture and Design");
            assertThat(WeaknessClassifier.classify(List.of("CWE-1188"), stored.catalog()).explanation())
                    .startsWith("configuration: CWE-1188 via its parent CWE-1419, phase Installation");
            assertThat(stored.catalog().lookup(99_999)).isEmpty();

            ImportResult again = store.importPaths(List.of(CWE_SUBSET), null, T0.plusSeconds(60));
            assertThat(again.sources().get("cwe").unchanged()).isEqualTo(70);
            assertThat(store.cweCatalog().orElseThrow().catalog().lookup(798)).isEqualTo(xml.lookup(798));
        }
    }

    /** Rows of an older Mamori (phases only, another content hash) are left out and named, until the catalogue is imported again. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void cweCatalog_rowsWrittenBeforeModesWereKept_leftOutWithAWarningUntilImportedAgain(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(CWE_SUBSET), null, T0);
            db.jdbc().sql("update cwe_entry set introductions = null, content_sha256 = :old where cwe_id in ('CWE-79', 'CWE-798')")
                    .param("old", "0".repeat(64)).update();
            db.jdbc().sql("delete from cwe_introduction where cwe_id in ('CWE-79', 'CWE-798')").update();
            StoredCwe stale = store.cweCatalog().orElseThrow();
            assertThat(stale.withoutModes()).isEqualTo(2);
            assertThat(stale.weaknesses()).isEqualTo(68);
            assertThat(stale.warning()).contains("2 CWE weakness(es)", "import the CWE catalogue again");
            assertThat(stale.catalog().lookup(79)).isEmpty();

            ImportResult again = store.importPaths(List.of(CWE_SUBSET), null, T0.plusSeconds(60));
            assertThat(again.sources().get("cwe").updated()).isEqualTo(2);
            StoredCwe fixed = store.cweCatalog().orElseThrow();
            assertThat(fixed.withoutModes()).isZero();
            assertThat(fixed.catalog().lookup(798).orElseThrow().introductions()).singleElement()
                    .satisfies(i -> assertThat(i.note()).startsWith("REALIZATION"));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void threatData_manyCves_kevAndEpssInBulkAsTheSingleLookupsGiveThem(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(IntelFixtures.intel("kev/kev-subset.json"), IntelFixtures.intel("epss/epss-300.csv.gz")), null, T0);
            IntelFixtures.Expected expected = IntelFixtures.Expected.read(List.of(IntelFixtures.intel("kev/kev-subset.json"),
                    IntelFixtures.intel("epss/epss-300.csv.gz")));
            Set<String> cves = new LinkedHashSet<>();
            expected.kev.keySet().forEach(c -> cves.add(c.toLowerCase(Locale.ROOT))); // any case
            cves.addAll(expected.epss.keySet());
            for (int i = 0; i < 700; i++) {
                cves.add("CVE-2099-" + (10_000 + i)); // more than one query's worth, and unknown to the store
            }
            ThreatData t = store.threatData(cves);
            assertThat(t.kev()).hasSize(25);
            expected.kev.forEach((id, k) -> assertThat(t.kev().get(id)).isEqualTo(k));
            assertThat(t.epss()).hasSize(expected.epss.size());
            expected.epss.forEach((id, s) -> assertThat(t.epss().get(id)).isEqualTo(store.epss(id).orElseThrow()));
            assertThat(t.epssDate()).isNull(); // this file has no score_date line
            assertThat(t.warnings()).isEmpty();
            assertThat(store.threatData(List.of()).kev()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void threatData_scoreDateAndScoresWithoutPercentile_dateFromTheImportAndThoseLeftOut(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AdvisoryStore store = new AdvisoryStore(db);
            store.importPaths(List.of(IntelFixtures.intel("epss/vuls-epss_scores-2021-04-14.csv")), null, T0);
            List<String> old = new ArrayList<>();
            IntelFixtures.Expected.read(List.of(IntelFixtures.intel("epss/vuls-epss_scores-2021-04-14.csv"))).epss.values()
                    .forEach((EpssScore s) -> old.add(s.cve()));
            ThreatData noPercentile = store.threatData(old);
            assertThat(noPercentile.epss()).isEmpty();
            assertThat(noPercentile.warnings()).singleElement().asString().contains(old.size() + " EPSS score(s)", "no percentile");

            store.importPaths(List.of(IntelFixtures.intel("epss/vunnel-fixture-example-1.csv")), null, T0.plusSeconds(60));
            List<String> dated = new ArrayList<>(IntelFixtures.Expected.read(
                    List.of(IntelFixtures.intel("epss/vunnel-fixture-example-1.csv"))).epss.keySet());
            ThreatData t = store.threatData(dated);
            assertThat(t.epss()).hasSize(dated.size());
            assertThat(t.epssDate()).isEqualTo(LocalDate.parse(store.status().stream().filter(s -> s.source().equals("epss"))
                    .findFirst().orElseThrow().feedDate().substring(0, 10)));
        }
    }

    private static List<Integer> weaknessIds(Path gz) throws IOException {
        String xml;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<Integer> out = new ArrayList<>();
        Matcher m = Pattern.compile("<Weakness ID=\"(\\d+)\"").matcher(xml);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }
}

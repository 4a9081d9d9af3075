package dev.mamori.store.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.Page;
import dev.mamori.store.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

final class FindingRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<String> SEVERITIES = List.of("unknown", "none", "low", "medium", "high", "critical");

    @TempDir
    Path tmp;

    private record Fixture(Database db, long product, long release, long sbom) {}

    private static Fixture fixture(Database db, dev.mamori.sbom.Bom bom) {
        long product = new ProductRepository(db).create(new ProductData("P", null, null, null, null), T0).id();
        long release = new ReleaseRepository(db).create(product, new ReleaseData("1.0", null, null), T0).id();
        long sbom = new SbomRepository(db).recordUpload(release, Boms.upload("a".repeat(64)), bom, T0).id();
        return new Fixture(db, product, release, sbom);
    }

    static FindingData finding(StoredComponent c, String vuln, String severity, String... aliases) {
        return new FindingData(c.id(), c.componentKey(), c.name(), c.version(), c.purl(), c.packageEcosystem(), c.packageName(),
                vuln, List.of(aliases), "summary of " + vuln, severity, SEVERITIES.indexOf(severity), 7.5, "HIGH",
                "{\"identifier\":\"" + c.purl() + "\"}", "{\"nearest\":\"9\"}", "9", null, null);
    }

    private static final TriageResolver NO_DECISIONS = new TriageResolver(List.of());

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void reconcile_addsUpdatesClosesAndReopens(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            Fixture f = fixture(db, Boms.of(Boms.maven("org.a", "a", "1.0"), Boms.maven("org.b", "b", "2.0")));
            FindingRepository findings = new FindingRepository(db);
            List<StoredComponent> comps = new ComponentRepository(db).all(f.release);
            StoredComponent a = comps.get(1);
            StoredComponent b = comps.get(2);

            var first = findings.reconcile(f.release, f.product, f.sbom, comps,
                    List.of(finding(a, "CVE-1", "high"), finding(b, "CVE-2", "low"), finding(b, "CVE-2", "low")), NO_DECISIONS, T0);
            assertThat(first).isEqualTo(new FindingRepository.Reconciled(2, 0, 0, 0, 2));
            StoredFinding cve1 = findings.list(f.release, FindingFilter.present(), FindingSort.SEVERITY, null, 10).items().getFirst();
            assertThat(cve1.vulnerabilityId()).isEqualTo("CVE-1");
            assertThat(cve1.triageState()).isEqualTo("in_triage");
            assertThat(cve1.firstSeen()).isEqualTo(T0);
            assertThat(cve1.componentId()).isEqualTo(a.id());

            // CVE-2 disappears from the advisories; CVE-1 is still there and gets more severe; GHSA-3 is new
            Instant t1 = T0.plusSeconds(3600);
            var second = findings.reconcile(f.release, f.product, f.sbom, comps,
                    List.of(finding(a, "CVE-1", "critical"), finding(a, "GHSA-3", "medium")), NO_DECISIONS, t1);
            assertThat(second).isEqualTo(new FindingRepository.Reconciled(1, 1, 0, 1, 2));
            StoredFinding again = findings.find(cve1.id()).orElseThrow();
            assertThat(again.severity()).isEqualTo("critical");
            assertThat(again.firstSeen()).isEqualTo(T0);
            assertThat(again.lastSeen()).isEqualTo(t1);
            StoredFinding gone = findings.list(f.release, new FindingFilter(null, null, "not_present", null, null),
                    FindingSort.SEVERITY, null, 10).items().getFirst();
            assertThat(gone.vulnerabilityId()).isEqualTo("CVE-2");
            assertThat(gone.notPresentReason()).isEqualTo("advisory_changed");
            assertThat(gone.notPresentSince()).isEqualTo(t1);
            assertThat(gone.fixedInSbomId()).isNull();

            // a new upload upgrades a: its findings are fixed in that SBOM, by version 1.1
            long sbom2 = new SbomRepository(db).recordUpload(f.release, Boms.upload("b".repeat(64)),
                    Boms.of(Boms.maven("org.a", "a", "1.1"), Boms.maven("org.b", "b", "2.0")), t1).id();
            List<StoredComponent> comps2 = new ComponentRepository(db).all(f.release);
            Instant t2 = t1.plusSeconds(60);
            var third = findings.reconcile(f.release, f.product, sbom2, comps2, List.of(finding(comps2.get(2), "CVE-2", "low")),
                    NO_DECISIONS, t2);
            assertThat(third).isEqualTo(new FindingRepository.Reconciled(0, 0, 1, 2, 1));
            StoredFinding fixed = findings.find(cve1.id()).orElseThrow();
            assertThat(fixed.status()).isEqualTo("not_present");
            assertThat(fixed.notPresentReason()).isEqualTo("component_changed");
            assertThat(fixed.fixedInVersion()).isEqualTo("1.1");
            assertThat(fixed.fixedInSbomId()).isEqualTo(sbom2);
            assertThat(fixed.componentId()).isNull();
            StoredFinding reopened = findings.find(gone.id()).orElseThrow();
            assertThat(reopened.status()).isEqualTo("present");
            assertThat(reopened.notPresentSince()).isNull();
            assertThat(reopened.firstSeen()).isEqualTo(T0);
            assertThat(reopened.componentId()).isEqualTo(comps2.get(2).id());

            new SbomRepository(db).recordUpload(f.release, Boms.upload("c".repeat(64)), Boms.of(), t2);
            findings.reconcile(f.release, f.product, null, new ComponentRepository(db).all(f.release), List.of(), NO_DECISIONS, t2);
            assertThat(findings.find(gone.id()).orElseThrow().notPresentReason()).isEqualTo("component_removed");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void reconcile_vulnerabilityGetsANewCanonicalId_keepsTheFinding(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            Fixture f = fixture(db, Boms.of(Boms.maven("org.a", "a", "1.0")));
            FindingRepository findings = new FindingRepository(db);
            List<StoredComponent> comps = new ComponentRepository(db).all(f.release);
            findings.reconcile(f.release, f.product, f.sbom, comps, List.of(finding(comps.get(1), "GHSA-aaaa-bbbb-cccc", "high")),
                    NO_DECISIONS, T0);
            var r = findings.reconcile(f.release, f.product, f.sbom, comps,
                    List.of(finding(comps.get(1), "CVE-2024-1", "high", "GHSA-aaaa-bbbb-cccc")), NO_DECISIONS, T0.plusSeconds(1));
            assertThat(r).isEqualTo(new FindingRepository.Reconciled(0, 1, 0, 0, 1));
            StoredFinding only = findings.list(f.release, new FindingFilter(null, null, "all", null, null), FindingSort.SEVERITY,
                    null, 10).items().getFirst();
            assertThat(only.vulnerabilityId()).isEqualTo("CVE-2024-1");
            assertThat(only.firstSeen()).isEqualTo(T0);
            assertThat(findings.list(f.release, new FindingFilter(null, null, null, "GHSA-aaaa-bbbb-cccc", null),
                    FindingSort.SEVERITY, null, 10).items()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void reconcile_appliesTheNarrowestNewestDecision(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            Fixture f = fixture(db, Boms.of(Boms.maven("org.a", "a", "1.0")));
            List<StoredComponent> comps = new ComponentRepository(db).all(f.release);
            StoredComponent a = comps.get(1);
            TriageRepository triage = new TriageRepository(db);
            TriageDecision byVersion = triage.create(new TriageRepository.NewDecision(TriageScope.COMPONENT_VERSION, null, null,
                    "maven", "org.a:a", "1.0", "CVE-1", TriageState.FALSE_POSITIVE, null, "not this one", "user", "alice"), T0);
            TriageDecision byProduct = triage.create(new TriageRepository.NewDecision(TriageScope.PRODUCT, f.product, null,
                    "maven", "org.a:a", null, "GHSA-1", TriageState.NOT_AFFECTED, "vulnerable_code_not_in_execute_path", null,
                    "user", "bob"), T0);
            triage.create(new TriageRepository.NewDecision(TriageScope.COMPONENT_VERSION, null, null, "maven", "org.a:a", "2.0",
                    "CVE-1", TriageState.EXPLOITABLE, null, null, "user", "carol"), T0);
            FindingRepository findings = new FindingRepository(db);
            findings.reconcile(f.release, f.product, f.sbom, comps, List.of(finding(a, "CVE-1", "high", "GHSA-1")),
                    new TriageResolver(triage.activeFor(List.of(dev.mamori.purl.PackageKey.of("maven", "org.a:a")))), T0);
            StoredFinding found = findings.list(f.release, FindingFilter.present(), FindingSort.SEVERITY, null, 1).items().getFirst();
            assertThat(found.triageState()).as("product scope is narrower than component version").isEqualTo("not_affected");
            assertThat(found.triageJustification()).isEqualTo("vulnerable_code_not_in_execute_path");
            assertThat(found.triageDecisionId()).isEqualTo(byProduct.id());

            TriageDecision byRelease = triage.create(new TriageRepository.NewDecision(TriageScope.RELEASE, null, f.release, "maven",
                    "org.a:a", null, "CVE-1", TriageState.EXPLOITABLE, null, null, "user", "dave"), T0.plusSeconds(1));
            TriageResolver resolver = new TriageResolver(triage.activeFor(List.of(dev.mamori.purl.PackageKey.of("maven", "org.a:a"))));
            assertThat(resolver.resolve(f.release, f.product, "maven", "org.a:a", "1.0", List.of("CVE-1", "GHSA-1")))
                    .contains(byRelease);
            assertThat(resolver.resolve(f.release + 1, f.product + 1, "maven", "org.a:a", "1.0", List.of("CVE-1")))
                    .contains(byVersion);
            assertThat(resolver.resolve(f.release + 1, f.product + 1, "maven", "org.a:a", "1.1", List.of("CVE-1"))).isEmpty();
            assertThat(triage.revoke(byRelease.id(), "erin", T0.plusSeconds(2))).isTrue();
            assertThat(triage.revoke(byRelease.id(), "erin", T0.plusSeconds(2))).isFalse();
            assertThat(triage.find(byRelease.id()).orElseThrow().revokedBy()).isEqualTo("erin");
            assertThat(triage.list(f.product, null, null, null, 10)).extracting(TriageDecision::id).containsExactly(byProduct.id());
            assertThat(findings.reachableBy(TriageScope.PRODUCT, f.product, null, "maven", "org.a:a", null)).hasSize(1);
            assertThat(findings.reachableBy(TriageScope.COMPONENT_VERSION, null, null, "maven", "org.a:a", "2.0")).isEmpty();

            var comment = triage.addComment(found.id(), "alice", "checked the call graph", T0);
            assertThat(triage.comments(found.id())).containsExactly(comment);
        }
    }

    static Stream<Arguments> sortsAndSeeds() {
        List<Arguments> out = new ArrayList<>();
        for (DatabaseKind kind : DatabaseKind.values()) {
            for (long seed : new long[] {1L, 42L}) {
                out.add(Arguments.of(kind, seed));
            }
        }
        return out.stream();
    }

    /** Property: for every sort and page size, the pages together are the whole list in the database's own order. */
    @ParameterizedTest
    @MethodSource("sortsAndSeeds")
    void list_everySortAndPageSize_pagesThroughTheWholeListInOrder(DatabaseKind kind, long seed) {
        Random random = new Random(seed);
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            Fixture f = fixture(db, Boms.generated(40));
            FindingRepository findings = new FindingRepository(db);
            List<StoredComponent> comps = new ComponentRepository(db).all(f.release).subList(1, 41);
            List<FindingData> data = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (int i = 0; i < 30; i++) {
                    StoredComponent c = comps.get(random.nextInt(comps.size()));
                    data.add(finding(c, (random.nextBoolean() ? "CVE-2024-" : "GHSA-x") + random.nextInt(60),
                            SEVERITIES.get(random.nextInt(SEVERITIES.size()))));
                }
                findings.reconcile(f.release, f.product, f.sbom, comps, data, NO_DECISIONS, T0.plusSeconds(round * 10L));
            }
            long total = findings.count(f.release, FindingFilter.present(), 100_000);
            assertThat(total).isBetween(60L, 120L);
            assertThat(findings.count(f.release, FindingFilter.present(), 7)).isEqualTo(7);
            for (FindingSort sort : FindingSort.values()) {
                List<Long> whole = findings.list(f.release, FindingFilter.present(), sort, null, 10_000).items().stream()
                        .map(StoredFinding::id).toList();
                assertThat(whole).hasSize((int) total);
                for (int pageSize : new int[] {1, 7, 50}) {
                    List<Long> paged = new ArrayList<>();
                    String cursor = null;
                    do {
                        Page<StoredFinding> page = findings.list(f.release, FindingFilter.present(), sort, cursor, pageSize);
                        page.items().forEach(x -> paged.add(x.id()));
                        cursor = page.nextCursor();
                    } while (cursor != null);
                    assertThat(paged).as("%s by %d", sort, pageSize).isEqualTo(whole);
                }
            }
            List<StoredFinding> bySeverity = findings.list(f.release, FindingFilter.present(), FindingSort.SEVERITY, null, 10_000).items();
            for (int i = 1; i < bySeverity.size(); i++) {
                assertThat(bySeverity.get(i - 1).severityRank()).isGreaterThanOrEqualTo(bySeverity.get(i).severityRank());
            }
            List<StoredFinding> critical = findings.list(f.release, new FindingFilter(List.of("critical", "high"), List.of("in_triage"),
                    null, null, null), FindingSort.VULNERABILITY, null, 10_000).items();
            assertThat(critical).allSatisfy(x -> assertThat(x.severity()).isIn("critical", "high"));
            assertThat(critical).hasSize((int) bySeverity.stream().filter(x -> x.severityRank() >= 4).count());
            String someComponent = comps.get(3).packageName();
            assertThat(findings.list(f.release, new FindingFilter(null, null, null, null, someComponent), FindingSort.SEVERITY, null,
                    10_000).items()).allSatisfy(x -> assertThat(x.packageName()).contains(someComponent));
            String cursor = findings.list(f.release, FindingFilter.present(), FindingSort.SEVERITY, null, 1).nextCursor();
            assertThatThrownBy(() -> findings.list(f.release, FindingFilter.present(), FindingSort.COMPONENT, cursor, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("severity");
        }
    }
}

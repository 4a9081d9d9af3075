package dev.mamori.store.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.purl.PackageKey;
import dev.mamori.store.Conflict;
import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.Page;
import dev.mamori.store.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class PortfolioRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void product_createReadUpdateDelete_roundTrips(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            ProductRepository products = new ProductRepository(db);
            Product p = products.create(new ProductData("Gateway", "psirt", "edge gateway", List.of("iot", "edge", "iot"),
                    "{\"schema\":\"mamori-risk-profile/1\"}"), T0);
            assertThat(p.id()).isPositive();
            assertThat(p.tags()).containsExactly("edge", "iot");
            assertThat(p.createdAt()).isEqualTo(T0);
            assertThat(products.find(p.id())).contains(p);

            Product changed = products.update(p.id(), new ProductData("Gateway 2", null, null, List.of("iot"), null),
                    T0.plusSeconds(5)).orElseThrow();
            assertThat(changed.name()).isEqualTo("Gateway 2");
            assertThat(changed.ownerTeam()).isNull();
            assertThat(changed.tags()).containsExactly("iot");
            assertThat(changed.updatedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(changed.createdAt()).isEqualTo(T0);

            assertThat(products.update(999, new ProductData("x", null, null, null, null), T0)).isEmpty();
            assertThat(products.delete(p.id())).isTrue();
            assertThat(products.find(p.id())).isEmpty();
            assertThat(products.delete(p.id())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void product_sameNameIgnoringCase_isAConflict(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            ProductRepository products = new ProductRepository(db);
            products.create(new ProductData("Gateway", null, null, null, null), T0);
            Product other = products.create(new ProductData("Router", null, null, null, null), T0);
            assertThatThrownBy(() -> products.create(new ProductData("gateway ", null, null, null, null), T0))
                    .isInstanceOf(Conflict.class).hasMessageContaining("gateway");
            assertThatThrownBy(() -> products.update(other.id(), new ProductData("GATEWAY", null, null, null, null), T0))
                    .isInstanceOf(Conflict.class);
            assertThat(products.update(other.id(), new ProductData("router", null, null, null, null), T0)).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void productList_pagesByName_withFilters(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            ProductRepository products = new ProductRepository(db);
            for (int i = 0; i < 23; i++) {
                products.create(new ProductData("Product " + (char) ('a' + (i * 7) % 23), i % 2 == 0 ? "team-a" : "team-b", null,
                        i % 3 == 0 ? List.of("safety") : List.of(), null), T0);
            }
            List<String> names = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Page<Product> page = products.list(null, null, null, cursor, 5);
                page.items().forEach(p -> names.add(p.name()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor != null);
            assertThat(pages).isEqualTo(5);
            assertThat(names).hasSize(23).isSorted().doesNotHaveDuplicates();
            assertThat(products.list("safety", null, null, null, 100).items()).hasSize(8)
                    .allSatisfy(p -> assertThat(p.tags()).contains("safety"));
            assertThat(products.list(null, "team-a", null, null, 100).items()).hasSize(12);
            assertThat(products.list(null, null, "CT C", null, 100).items()).extracting(Product::name).containsExactly("Product c");
            assertThat(products.list(null, null, "100%", null, 100).items()).isEmpty();
            assertThatThrownBy(() -> products.list(null, null, null, "garbage!", 5)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void release_createReadUpdateDelete_andVersionUniquePerProduct(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            long product = new ProductRepository(db).create(new ProductData("P", null, null, null, null), T0).id();
            long other = new ProductRepository(db).create(new ProductData("Q", null, null, null, null), T0).id();
            ReleaseRepository releases = new ReleaseRepository(db);
            Release r = releases.create(product, new ReleaseData("1.0", LocalDate.parse("2024-01-02"), LocalDate.parse("2030-12-31")), T0);
            assertThat(r.releasedAt()).isEqualTo(LocalDate.parse("2024-01-02"));
            assertThat(r.currentSbomId()).isNull();
            assertThatThrownBy(() -> releases.create(product, new ReleaseData("1.0", null, null), T0)).isInstanceOf(Conflict.class);
            assertThat(releases.create(other, new ReleaseData("1.0", null, null), T0).productId()).isEqualTo(other);
            Release r2 = releases.create(product, new ReleaseData("2.0", null, null), T0);
            assertThatThrownBy(() -> releases.update(r2.id(), new ReleaseData("1.0", null, null), T0)).isInstanceOf(Conflict.class);
            assertThat(releases.update(r.id(), new ReleaseData("1.0.1", null, null), T0.plusSeconds(1)).orElseThrow().version())
                    .isEqualTo("1.0.1");
            Page<Release> first = releases.listByProduct(product, null, 1);
            assertThat(first.items()).extracting(Release::version).containsExactly("2.0");
            assertThat(releases.listByProduct(product, first.nextCursor(), 1).items()).extracting(Release::version).containsExactly("1.0.1");
            assertThat(releases.delete(r.id())).isTrue();
            assertThat(releases.find(r.id())).isEmpty();
            new ProductRepository(db).delete(product);
            assertThat(releases.find(r2.id())).as("deleting a product deletes its releases").isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void recordUpload_keepsHistoryAndReplacesComponents(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            long product = new ProductRepository(db).create(new ProductData("P", null, null, null, null), T0).id();
            long release = new ReleaseRepository(db).create(product, new ReleaseData("1.0", null, null), T0).id();
            SbomRepository sboms = new SbomRepository(db);
            SbomDocument first = sboms.recordUpload(release, Boms.upload("a".repeat(64)), Boms.of(
                    Boms.maven("org.apache.logging.log4j", "log4j-core", "2.14.1"),
                    Boms.maven("com.thoughtworks.xstream", "xstream", "1.4.5"),
                    Boms.named("busybox", "1.36")), T0);
            assertThat(first.componentCount()).isEqualTo(3);
            assertThat(first.format()).isEqualTo("CycloneDX");
            assertThat(first.uploadedBy()).isEqualTo("tester");
            ComponentRepository components = new ComponentRepository(db);
            List<StoredComponent> all = components.all(release);
            assertThat(all).hasSize(4);
            assertThat(all.getFirst().role()).isEqualTo(StoredComponent.ROLE_SUBJECT);
            StoredComponent log4j = all.get(1);
            assertThat(log4j.packageEcosystem()).isEqualTo("maven");
            assertThat(log4j.packageName()).isEqualTo("org.apache.logging.log4j:log4j-core");
            assertThat(log4j.componentKey()).isEqualTo("maven:org.apache.logging.log4j:log4j-core@2.14.1");
            assertThat(all.get(3).packageEcosystem()).isEmpty();
            assertThat(all.get(3).componentKey()).isEqualTo("name:busybox@1.36");

            SbomDocument second = sboms.recordUpload(release, Boms.upload("b".repeat(64)), Boms.of(
                    Boms.maven("org.apache.logging.log4j", "log4j-core", "2.17.1")), T0.plusSeconds(60));
            assertThat(new ReleaseRepository(db).find(release).orElseThrow().currentSbomId()).isEqualTo(second.id());
            assertThat(sboms.history(release)).extracting(SbomDocument::id).containsExactly(second.id(), first.id());
            assertThat(components.all(release)).extracting(StoredComponent::version).containsExactly("1", "2.17.1");
            assertThat(components.page(release, null, 10).items()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void whereUsed_findsPackageAcrossProducts_withAndWithoutVersion(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            ProductRepository products = new ProductRepository(db);
            ReleaseRepository releases = new ReleaseRepository(db);
            SbomRepository sboms = new SbomRepository(db);
            for (int p = 0; p < 3; p++) {
                long product = products.create(new ProductData("P" + p, null, null, null, null), T0).id();
                for (int r = 0; r < 4; r++) {
                    long release = releases.create(product, new ReleaseData("v" + r, null, null), T0).id();
                    sboms.recordUpload(release, Boms.upload("c".repeat(64)), Boms.of(
                            Boms.maven("org.apache.logging.log4j", "log4j-core", r < 2 ? "2.14.1" : "2.17.1"),
                            Boms.maven("org.other", "thing", "1")), T0);
                }
            }
            ComponentRepository components = new ComponentRepository(db);
            PackageKey log4j = PackageKey.of("maven", "org.apache.logging.log4j:log4j-core");
            List<ComponentUse> uses = new ArrayList<>();
            String cursor = null;
            do {
                Page<ComponentUse> page = components.whereUsed(log4j, c -> "2.14.1".equals(c.version()), cursor, 2, 3);
                assertThat(page.items().size()).isLessThanOrEqualTo(2);
                uses.addAll(page.items());
                cursor = page.nextCursor();
            } while (cursor != null);
            assertThat(uses).hasSize(6).allSatisfy(u -> {
                assertThat(u.component().version()).isEqualTo("2.14.1");
                assertThat(u.releaseVersion()).isIn("v0", "v1");
                assertThat(u.productName()).startsWith("P");
            });
            assertThat(components.whereUsed(log4j, c -> true, null, 100, 1000).items()).hasSize(12);
            assertThat(components.releasesUsing(List.of(log4j))).hasSize(12);
            assertThat(components.releasesUsing(List.of(PackageKey.of("maven", "nobody:nothing")))).isEmpty();
        }
    }
}

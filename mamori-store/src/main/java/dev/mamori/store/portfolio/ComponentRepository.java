package dev.mamori.store.portfolio;

import dev.mamori.purl.PackageKey;
import dev.mamori.store.Cursor;
import dev.mamori.store.Database;
import dev.mamori.store.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the components of releases: per release, and across the portfolio by package. */
public final class ComponentRepository {
    private static final String SORT = "id";

    private final JdbcClient jdbc;

    public ComponentRepository(Database db) {
        this.jdbc = db.jdbc();
    }

    /** Every component of the release's current SBOM (the subject included, with its role), in document order. */
    public List<StoredComponent> all(long releaseId) {
        return jdbc.sql("select " + SbomRepository.COMPONENT_COLUMNS + " from release_components where release_id = :release order by id")
                .param("release", releaseId).query(SbomRepository::mapComponent).list();
    }

    /** The release's components (not the subject) in document order, a page at a time. */
    public Page<StoredComponent> page(long releaseId, String cursor, int limit) {
        long after = cursor == null ? 0 : Cursor.decode(cursor, SORT, 1).id();
        List<StoredComponent> rows = jdbc.sql("select " + SbomRepository.COMPONENT_COLUMNS + " from release_components "
                        + "where release_id = :release and role = 'component' and id > :after order by id limit :limit")
                .param("release", releaseId).param("after", after).param("limit", limit + 1)
                .query(SbomRepository::mapComponent).list();
        return page(rows, limit);
    }

    /**
     * Where a package is used: components of current SBOMs with this package key that {@code versionMatches}, with
     * their product and release. Reads at most {@code scanLimit} candidate rows per call, so a page can hold fewer
     * than {@code limit} rows and still have a next cursor.
     */
    public Page<ComponentUse> whereUsed(PackageKey key, Predicate<StoredComponent> versionMatches, String cursor, int limit,
                                        int scanLimit) {
        long last = cursor == null ? 0 : Cursor.decode(cursor, SORT, 1).id();
        List<ComponentUse> out = new ArrayList<>();
        int scanned = 0;
        boolean more;
        while (true) {
            int batch = Math.max(1, Math.min(500, scanLimit - scanned));
            List<ComponentUse> rows = jdbc.sql("""
                            select c.id, c.release_id, c.sbom_id, c.role, c.bom_ref, c.type, c.group_name, c.name, c.version,
                              c.purl, c.package_ecosystem, c.package_name, c.cpes, c.component_key, c.via_ref,
                              c.dependency_depth, p.id, p.name, r.version
                            from release_components c
                              join releases r on r.id = c.release_id
                              join products p on p.id = r.product_id
                            where c.package_ecosystem = :eco and c.package_name = :name and c.role = 'component' and c.id > :after
                            order by c.id limit :limit""")
                    .param("eco", key.ecosystem()).param("name", key.name()).param("after", last).param("limit", batch)
                    .query((rs, n) -> new ComponentUse(SbomRepository.mapComponent(rs, n), rs.getLong(17), rs.getString(18),
                            rs.getLong(2), rs.getString(19)))
                    .list();
            boolean exhausted = rows.size() < batch;
            boolean full = false;
            boolean remaining = false;
            for (int i = 0; i < rows.size(); i++) {
                ComponentUse u = rows.get(i);
                last = u.component().id();
                scanned++;
                if (versionMatches.test(u.component())) {
                    out.add(u);
                    if (out.size() == limit) {
                        full = true;
                        remaining = i < rows.size() - 1;
                        break;
                    }
                }
            }
            if (full) {
                more = remaining || !exhausted;
                break;
            }
            if (exhausted) {
                more = false;
                break;
            }
            if (scanned >= scanLimit) {
                more = true;
                break;
            }
        }
        String next = more ? new Cursor(SORT, List.of(Long.toString(last))).encode() : null;
        return new Page<>(out, next);
    }

    /** Releases whose current SBOM has a component of any of these packages. */
    public Set<Long> releasesUsing(Collection<PackageKey> keys) {
        Set<Long> out = new LinkedHashSet<>();
        for (PackageKey k : keys) {
            out.addAll(jdbc.sql("select distinct release_id from release_components where package_ecosystem = :eco and package_name = :name")
                    .param("eco", k.ecosystem()).param("name", k.name()).query(Long.class).list());
        }
        return out;
    }

    /** Releases with components that have no package URL (matched by CPE or name). */
    public Set<Long> releasesWithoutPurls() {
        return new LinkedHashSet<>(jdbc.sql("select distinct release_id from release_components where package_ecosystem = ''")
                .query(Long.class).list());
    }

    private static Page<StoredComponent> page(List<StoredComponent> rows, int limit) {
        if (rows.size() > limit) {
            List<StoredComponent> items = rows.subList(0, limit);
            return new Page<>(items, new Cursor(SORT, List.of(Long.toString(items.getLast().id()))).encode());
        }
        return new Page<>(rows, null);
    }
}

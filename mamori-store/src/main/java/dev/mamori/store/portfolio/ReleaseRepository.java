package dev.mamori.store.portfolio;

import dev.mamori.store.Conflict;
import dev.mamori.store.Cursor;
import dev.mamori.store.Database;
import dev.mamori.store.Page;
import dev.mamori.store.Sql;
import dev.mamori.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Releases of products: create, read, update, delete, list newest first. */
public final class ReleaseRepository {
    private static final String COLUMNS = "id, product_id, version, released_at, supported_until, current_sbom_id, created_at, updated_at";
    private static final String SORT = "newest";

    private final Database db;
    private final JdbcClient jdbc;

    public ReleaseRepository(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
    }

    /** @throws Conflict when the product has a release of that version already */
    public Release create(long productId, ReleaseData data, Instant now) {
        try {
            long id = jdbc.sql("""
                            insert into releases (product_id, version, released_at, supported_until, created_at, updated_at)
                            values (:product, :version, :released, :until, :now, :now) returning id""")
                    .param("product", productId)
                    .param("version", data.version())
                    .param("released", date(data.releasedAt()))
                    .param("until", date(data.supportedUntil()))
                    .param("now", Timestamps.format(now))
                    .query(Long.class).single();
            return find(id).orElseThrow();
        } catch (DataAccessException e) {
            throw Sql.isUniqueViolation(e) ? duplicate(data.version()) : e;
        }
    }

    public Optional<Release> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from releases where id = :id").param("id", id).query(ReleaseRepository::map).optional();
    }

    public Optional<Release> update(long id, ReleaseData data, Instant now) {
        try {
            int n = jdbc.sql("""
                            update releases set version = :version, released_at = :released, supported_until = :until,
                            updated_at = :now where id = :id""")
                    .param("version", data.version())
                    .param("released", date(data.releasedAt()))
                    .param("until", date(data.supportedUntil()))
                    .param("now", Timestamps.format(now))
                    .param("id", id)
                    .update();
            return n == 0 ? Optional.empty() : find(id);
        } catch (DataAccessException e) {
            throw Sql.isUniqueViolation(e) ? duplicate(data.version()) : e;
        }
    }

    public boolean delete(long id) {
        return jdbc.sql("delete from releases where id = :id").param("id", id).update() > 0;
    }

    /** The product's releases, newest first (by creation). */
    public Page<Release> listByProduct(long productId, String cursor, int limit) {
        String sql = "select " + COLUMNS + " from releases where product_id = :product"
                + (cursor != null ? " and id < :after" : "") + " order by id desc limit :limit";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("product", productId).param("limit", limit + 1);
        if (cursor != null) {
            spec = spec.param("after", Cursor.decode(cursor, SORT, 1).id());
        }
        List<Release> rows = spec.query(ReleaseRepository::map).list();
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            return new Page<>(rows, new Cursor(SORT, List.of(Long.toString(rows.getLast().id()))).encode());
        }
        return new Page<>(rows, null);
    }

    /** Points the release at its newest SBOM. */
    void setCurrentSbom(long releaseId, long sbomId, Instant now) {
        jdbc.sql("update releases set current_sbom_id = :sbom, updated_at = :now where id = :id")
                .param("sbom", sbomId).param("now", Timestamps.format(now)).param("id", releaseId).update();
    }

    /** Ids of every release that has a current SBOM. */
    public List<Long> idsWithSbom() {
        return jdbc.sql("select id from releases where current_sbom_id is not null order by id").query(Long.class).list();
    }

    private static Release map(ResultSet rs, int n) throws SQLException {
        long sbom = rs.getLong(6);
        Long current = rs.wasNull() ? null : sbom;
        return new Release(rs.getLong(1), rs.getLong(2), rs.getString(3), parseDate(rs.getString(4)), parseDate(rs.getString(5)),
                current, Timestamps.parse(rs.getString(7)), Timestamps.parse(rs.getString(8)));
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate parseDate(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static Conflict duplicate(String version) {
        return new Conflict("the product has a release '" + version + "' already");
    }
}

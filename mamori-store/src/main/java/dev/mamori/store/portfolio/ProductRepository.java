package dev.mamori.store.portfolio;

import dev.mamori.store.Conflict;
import dev.mamori.store.Cursor;
import dev.mamori.store.Database;
import dev.mamori.store.Page;
import dev.mamori.store.Sql;
import dev.mamori.store.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Products: create, read, update, delete, and a keyset-paginated list ordered by name. */
public final class ProductRepository {
    private static final String COLUMNS = "id, name, owner_team, description, risk_profile, created_at, updated_at";
    private static final String SORT = "name";

    private final Database db;
    private final JdbcClient jdbc;

    public ProductRepository(Database db) {
        this.db = db;
        this.jdbc = db.jdbc();
    }

    /** @throws Conflict when a product of the same name (ignoring case) exists */
    public Product create(ProductData data, Instant now) {
        return db.inTransaction(() -> {
            refuseDuplicate(data.name(), null);
            long id;
            try {
                id = jdbc.sql("""
                                insert into products (name, name_key, owner_team, description, risk_profile, created_at, updated_at)
                                values (:name, :key, :team, :description, :profile, :now, :now) returning id""")
                        .param("name", data.name())
                        .param("key", nameKey(data.name()))
                        .param("team", data.ownerTeam())
                        .param("description", data.description())
                        .param("profile", data.riskProfile())
                        .param("now", Timestamps.format(now))
                        .query(Long.class).single();
            } catch (DataAccessException e) {
                throw Sql.isUniqueViolation(e) ? duplicate(data.name()) : e;
            }
            writeTags(id, data.tags());
            return find(id).orElseThrow();
        });
    }

    public Optional<Product> find(long id) {
        List<Product> found = load(jdbc.sql("select " + COLUMNS + " from products where id = :id").param("id", id)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7))).list());
        return found.stream().findFirst();
    }

    /** Replaces what a client sets; returns the product after the change, or empty when there is none. */
    public Optional<Product> update(long id, ProductData data, Instant now) {
        return db.inTransaction(() -> {
            if (find(id).isEmpty()) {
                return Optional.<Product>empty();
            }
            refuseDuplicate(data.name(), id);
            try {
                jdbc.sql("""
                                update products set name = :name, name_key = :key, owner_team = :team, description = :description,
                                risk_profile = :profile, updated_at = :now where id = :id""")
                        .param("name", data.name())
                        .param("key", nameKey(data.name()))
                        .param("team", data.ownerTeam())
                        .param("description", data.description())
                        .param("profile", data.riskProfile())
                        .param("now", Timestamps.format(now))
                        .param("id", id)
                        .update();
            } catch (DataAccessException e) {
                throw Sql.isUniqueViolation(e) ? duplicate(data.name()) : e;
            }
            jdbc.sql("delete from product_tags where product_id = :id").param("id", id).update();
            writeTags(id, data.tags());
            return find(id);
        });
    }

    /** Deletes the product with its releases, SBOM records, components and findings. */
    public boolean delete(long id) {
        return jdbc.sql("delete from products where id = :id").param("id", id).update() > 0;
    }

    /**
     * Products ordered by name (case-insensitive), optionally with a tag, an owner team or a name containing text.
     *
     * @throws IllegalArgumentException for a cursor that is not one of this list
     */
    public Page<Product> list(String tag, String ownerTeam, String nameContains, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", name_key from products p where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (tag != null) {
            sql.append(" and exists (select 1 from product_tags t where t.product_id = p.id and t.tag = :tag)");
            params.put("tag", tag);
        }
        if (ownerTeam != null) {
            sql.append(" and owner_team = :team");
            params.put("team", ownerTeam);
        }
        if (nameContains != null) {
            sql.append(" and name_key like :q escape '\\'");
            params.put("q", Sql.containsPattern(nameKey(nameContains)));
        }
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, SORT, 2);
            sql.append(" and (name_key > :k or (name_key = :k and id > :id))");
            params.put("k", c.value(0));
            params.put("id", c.id());
        }
        sql.append(" order by name_key, id limit :limit");
        params.put("limit", limit + 1);
        List<String> keys = new ArrayList<>();
        List<Row> rows = jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> {
                    keys.add(rs.getString(8));
                    return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7));
                }).list();
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.getLast();
            next = new Cursor(SORT, List.of(keys.get(limit - 1), Long.toString(last.id))).encode();
        }
        return new Page<>(load(rows), next);
    }

    private record Row(long id, String name, String team, String description, String profile, String created, String updated) {}

    private List<Product> load(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> tags = tags(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> new Product(r.id, r.name, r.team, r.description, tags.getOrDefault(r.id, List.of()),
                r.profile, Timestamps.parse(r.created), Timestamps.parse(r.updated))).toList();
    }

    private Map<Long, List<String>> tags(Collection<Long> ids) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        jdbc.sql("select product_id, tag from product_tags where product_id in (:ids) order by product_id, tag")
                .param("ids", ids)
                .query(rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    private void writeTags(long id, List<String> tags) {
        for (String tag : new TreeSet<>(tags)) {
            jdbc.sql("insert into product_tags (product_id, tag) values (:id, :tag)").param("id", id).param("tag", tag).update();
        }
    }

    private void refuseDuplicate(String name, Long except) {
        List<Long> same = jdbc.sql("select id from products where name_key = :key").param("key", nameKey(name))
                .query(Long.class).list();
        if (same.stream().anyMatch(i -> !i.equals(except))) {
            throw duplicate(name);
        }
    }

    private static Conflict duplicate(String name) {
        return new Conflict("a product named '" + name + "' exists already");
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}

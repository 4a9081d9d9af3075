package dev.mamori.store;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The append-only record of who changed what and when, with the entity before and after (JSON). */
public final class AuditLog {
    /** One recorded change. {@code before} and {@code after} are JSON text, or null (creation, deletion). */
    public record Entry(long id, Instant at, String actor, String action, String entityType, String entityId,
                        String before, String after) {}

    private final JdbcClient jdbc;

    public AuditLog(Database database) {
        this.jdbc = database.jdbc();
    }

    public void record(Instant at, String actor, String action, String entityType, Object entityId, String before,
                       String after) {
        jdbc.sql("""
                        insert into audit_log (occurred_at, actor, action, entity_type, entity_id, before_json, after_json)
                        values (:at, :actor, :action, :type, :id, :before, :after)""")
                .param("at", Timestamps.format(at))
                .param("actor", actor)
                .param("action", action)
                .param("type", entityType)
                .param("id", String.valueOf(entityId))
                .param("before", before)
                .param("after", after)
                .update();
    }

    /**
     * Entries, newest first, optionally for one entity; keyset-paginated by id.
     *
     * @param beforeId only entries older than this id, or null
     */
    public List<Entry> list(String entityType, String entityId, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, actor, action, entity_type, entity_id, before_json, after_json "
                + "from audit_log where 1 = 1");
        if (entityType != null) {
            sql.append(" and entity_type = :type");
        }
        if (entityId != null) {
            sql.append(" and entity_id = :id");
        }
        if (beforeId != null) {
            sql.append(" and id < :before");
        }
        sql.append(" order by id desc limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString());
        if (entityType != null) {
            spec = spec.param("type", entityType);
        }
        if (entityId != null) {
            spec = spec.param("id", entityId);
        }
        if (beforeId != null) {
            spec = spec.param("before", beforeId);
        }
        return spec.param("limit", limit)
                .query((rs, n) -> new Entry(rs.getLong(1), Timestamps.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
                .list();
    }
}

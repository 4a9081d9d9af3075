package dev.mamori.store.portfolio;

import dev.mamori.purl.PackageKey;
import dev.mamori.store.Database;
import dev.mamori.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Triage decisions and finding comments. */
public final class TriageRepository {
    private static final String COLUMNS = "id, scope, product_id, release_id, package_ecosystem, package_name, component_version, "
            + "vulnerability_id, state, justification, comment, source, author, created_at, revoked_at, revoked_by";

    private final JdbcClient jdbc;

    public TriageRepository(Database db) {
        this.jdbc = db.jdbc();
    }

    /** A decision to record. */
    public record NewDecision(TriageScope scope, Long productId, Long releaseId, String packageEcosystem, String packageName,
                              String componentVersion, String vulnerabilityId, TriageState state, String justification,
                              String comment, String source, String author) {}

    public TriageDecision create(NewDecision d, Instant now) {
        long id = jdbc.sql("""
                        insert into triage_decisions (scope, product_id, release_id, package_ecosystem, package_name,
                          component_version, vulnerability_id, state, justification, comment, source, author, created_at)
                        values (:scope, :product, :release, :eco, :name, :version, :vuln, :state, :justification, :comment,
                          :source, :author, :now) returning id""")
                .param("scope", d.scope().label())
                .param("product", d.productId())
                .param("release", d.releaseId())
                .param("eco", d.packageEcosystem())
                .param("name", d.packageName())
                .param("version", d.componentVersion())
                .param("vuln", d.vulnerabilityId())
                .param("state", d.state().label())
                .param("justification", d.justification())
                .param("comment", d.comment())
                .param("source", d.source())
                .param("author", d.author())
                .param("now", Timestamps.format(now))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    public Optional<TriageDecision> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from triage_decisions where id = :id").param("id", id)
                .query(TriageRepository::map).optional();
    }

    /** Marks a decision revoked; returns false when there is no such active decision. */
    public boolean revoke(long id, String by, Instant now) {
        return jdbc.sql("update triage_decisions set revoked_at = :now, revoked_by = :by where id = :id and revoked_at is null")
                .param("now", Timestamps.format(now)).param("by", by).param("id", id).update() > 0;
    }

    /** The active decisions about any of these packages. */
    public List<TriageDecision> activeFor(Collection<PackageKey> keys) {
        List<TriageDecision> out = new ArrayList<>();
        for (PackageKey k : keys) {
            out.addAll(jdbc.sql("select " + COLUMNS + " from triage_decisions where package_ecosystem = :eco and package_name = :name "
                            + "and revoked_at is null")
                    .param("eco", k.ecosystem()).param("name", k.name()).query(TriageRepository::map).list());
        }
        return out;
    }

    /** Decisions (revoked ones too) about a product, a release, or everything; newest first. */
    public List<TriageDecision> list(Long productId, Long releaseId, String vulnerabilityId, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from triage_decisions where 1 = 1");
        if (productId != null) {
            sql.append(" and product_id = :product");
        }
        if (releaseId != null) {
            sql.append(" and release_id = :release");
        }
        if (vulnerabilityId != null) {
            sql.append(" and vulnerability_id = :vuln");
        }
        if (beforeId != null) {
            sql.append(" and id < :before");
        }
        sql.append(" order by id desc limit :limit");
        JdbcClient.StatementSpec spec = jdbc.sql(sql.toString()).param("limit", limit);
        if (productId != null) {
            spec = spec.param("product", productId);
        }
        if (releaseId != null) {
            spec = spec.param("release", releaseId);
        }
        if (vulnerabilityId != null) {
            spec = spec.param("vuln", vulnerabilityId);
        }
        if (beforeId != null) {
            spec = spec.param("before", beforeId);
        }
        return spec.query(TriageRepository::map).list();
    }

    /** A comment on a finding. */
    public record Comment(long id, long findingId, String author, String body, Instant createdAt) {}

    public Comment addComment(long findingId, String author, String body, Instant now) {
        long id = jdbc.sql("insert into finding_comments (finding_id, author, body, created_at) values (:f, :a, :b, :now) returning id")
                .param("f", findingId).param("a", author).param("b", body).param("now", Timestamps.format(now))
                .query(Long.class).single();
        return new Comment(id, findingId, author, body, Timestamps.parse(Timestamps.format(now)));
    }

    public List<Comment> comments(long findingId) {
        return jdbc.sql("select id, finding_id, author, body, created_at from finding_comments where finding_id = :f order by id")
                .param("f", findingId)
                .query((rs, n) -> new Comment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        Timestamps.parse(rs.getString(5))))
                .list();
    }

    private static TriageDecision map(ResultSet rs, int n) throws SQLException {
        return new TriageDecision(rs.getLong(1), TriageScope.parse(rs.getString(2)), nullableLong(rs, 3), nullableLong(rs, 4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), TriageState.parse(rs.getString(9)),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), Timestamps.parse(rs.getString(14)),
                Timestamps.parse(rs.getString(15)), rs.getString(16));
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}

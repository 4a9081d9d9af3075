package dev.mamori.store;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one row that says when this store was created, and by which Mamori version. */
public final class InstanceRepository {
    /** When and by which version the store was first started. */
    public record Instance(Instant createdAt, String createdByVersion) {}

    private final JdbcClient jdbc;

    public InstanceRepository(Database database) {
        this.jdbc = database.jdbc();
    }

    /** Records the first start if it is not recorded yet; returns what is recorded. */
    public Instance ensureRecorded(String mamoriVersion, Instant now) {
        Optional<Instance> existing = find();
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("insert into mamori_instance (id, created_at, created_by_version) values (1, :at, :version)")
                .param("at", now.toString())
                .param("version", mamoriVersion)
                .update();
        return find().orElseThrow();
    }

    public Optional<Instance> find() {
        return jdbc.sql("select created_at, created_by_version from mamori_instance where id = 1")
                .query((rs, n) -> new Instance(Instant.parse(rs.getString(1)), rs.getString(2)))
                .optional();
    }
}

package dev.mamori.store.access;

import dev.mamori.store.Conflict;
import dev.mamori.store.Database;
import dev.mamori.store.Sql;
import dev.mamori.store.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** User accounts. The caller hashes passwords (the server uses PBKDF2-HMAC-SHA256, 310,000 iterations). */
public final class UserRepository {
    private static final String COLUMNS = "id, username, password_hash, scopes, created_at, created_by, disabled_at";

    private final JdbcClient jdbc;

    public UserRepository(Database db) {
        this.jdbc = db.jdbc();
    }

    /** @throws Conflict when the user name is taken */
    public User create(String username, String passwordHash, Set<Scope> scopes, String createdBy, Instant now) {
        try {
            long id = jdbc.sql("""
                            insert into users (username, password_hash, scopes, created_at, created_by)
                            values (:u, :p, :s, :now, :by) returning id""")
                    .param("u", username).param("p", passwordHash).param("s", Scope.format(scopes))
                    .param("now", Timestamps.format(now)).param("by", createdBy)
                    .query(Long.class).single();
            return find(id).orElseThrow();
        } catch (DataAccessException e) {
            if (Sql.isUniqueViolation(e)) {
                throw new Conflict("a user named '" + username + "' exists already");
            }
            throw e;
        }
    }

    public Optional<User> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id).query(UserRepository::map).optional();
    }

    public Optional<User> findByName(String username) {
        return jdbc.sql("select " + COLUMNS + " from users where username = :u").param("u", username)
                .query(UserRepository::map).optional();
    }

    public List<User> list() {
        return jdbc.sql("select " + COLUMNS + " from users order by id").query(UserRepository::map).list();
    }

    public boolean setPassword(long id, String passwordHash) {
        return jdbc.sql("update users set password_hash = :p where id = :id").param("p", passwordHash).param("id", id).update() > 0;
    }

    public boolean disable(long id, Instant now) {
        return jdbc.sql("update users set disabled_at = :now where id = :id and disabled_at is null")
                .param("now", Timestamps.format(now)).param("id", id).update() > 0;
    }

    private static User map(ResultSet rs, int n) throws SQLException {
        return new User(rs.getLong(1), rs.getString(2), rs.getString(3), Scope.parseList(rs.getString(4)),
                Timestamps.parse(rs.getString(5)), rs.getString(6), Timestamps.parse(rs.getString(7)));
    }
}

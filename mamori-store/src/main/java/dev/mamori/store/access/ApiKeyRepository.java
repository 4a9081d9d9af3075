package dev.mamori.store.access;

import dev.mamori.store.Database;
import dev.mamori.store.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys. A key is {@code mamori_} and 43 characters of URL-safe Base64 (256 random bits); only its SHA-256 is
 * stored (a fast hash is right for a random secret of that size: there is nothing to guess), so a stolen database
 * gives no usable key.
 */
public final class ApiKeyRepository {
    public static final String KEY_PREFIX = "mamori_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, key_prefix, scopes, created_at, created_by, expires_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    public ApiKeyRepository(Database db) {
        this.jdbc = db.jdbc();
    }

    /** A new key: the stored record and the key itself, which is shown once and never again. */
    public record Created(ApiKey key, String secret) {}

    public Created create(String name, Set<Scope> scopes, Instant expiresAt, String createdBy, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return new Created(store(name, secret, scopes, expiresAt, createdBy, now), secret);
    }

    /** Stores a key chosen elsewhere (the {@code MAMORI_ADMIN_API_KEY} of the first start). */
    public ApiKey store(String name, String secret, Set<Scope> scopes, Instant expiresAt, String createdBy, Instant now) {
        long id = jdbc.sql("""
                        insert into api_keys (name, key_hash, key_prefix, scopes, created_at, created_by, expires_at)
                        values (:name, :hash, :prefix, :scopes, :now, :by, :expires) returning id""")
                .param("name", name)
                .param("hash", hash(secret))
                .param("prefix", secret.substring(0, Math.min(12, secret.length())))
                .param("scopes", Scope.format(scopes))
                .param("now", Timestamps.format(now))
                .param("by", createdBy)
                .param("expires", Timestamps.format(expiresAt))
                .query(Long.class).single();
        return find(id).orElseThrow();
    }

    /** The usable key with this secret, noting its use. */
    public Optional<ApiKey> authenticate(String secret, Instant now) {
        Optional<ApiKey> key = jdbc.sql("select " + COLUMNS + " from api_keys where key_hash = :hash").param("hash", hash(secret))
                .query(ApiKeyRepository::map).optional().filter(k -> k.usableAt(now));
        key.ifPresent(k -> {
            // at most once a minute, so that reads do not turn into writes
            if (k.lastUsedAt() == null || k.lastUsedAt().isBefore(now.minusSeconds(60))) {
                jdbc.sql("update api_keys set last_used_at = :now where id = :id")
                        .param("now", Timestamps.format(now)).param("id", k.id()).update();
            }
        });
        return key;
    }

    public Optional<ApiKey> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from api_keys where id = :id").param("id", id).query(ApiKeyRepository::map).optional();
    }

    public List<ApiKey> list() {
        return jdbc.sql("select " + COLUMNS + " from api_keys order by id").query(ApiKeyRepository::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from api_keys").query(Long.class).single();
    }

    public boolean revoke(long id, Instant now) {
        return jdbc.sql("update api_keys set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", Timestamps.format(now)).param("id", id).update() > 0;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiKey map(ResultSet rs, int n) throws SQLException {
        return new ApiKey(rs.getLong(1), rs.getString(2), rs.getString(3), Scope.parseList(rs.getString(4)),
                Timestamps.parse(rs.getString(5)), rs.getString(6), Timestamps.parse(rs.getString(7)),
                Timestamps.parse(rs.getString(8)), Timestamps.parse(rs.getString(9)));
    }
}

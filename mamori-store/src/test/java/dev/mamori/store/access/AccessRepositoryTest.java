package dev.mamori.store.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.store.AuditLog;
import dev.mamori.store.Conflict;
import dev.mamori.store.Database;
import dev.mamori.store.DatabaseKind;
import dev.mamori.store.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class AccessRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void apiKey_storesOnlyAHash_andAuthenticatesUntilRevokedOrExpired(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            ApiKeyRepository keys = new ApiKeyRepository(db);
            ApiKeyRepository.Created created = keys.create("ci", Scope.parseList("write"), T0.plusSeconds(3600), "admin", T0);
            assertThat(created.secret()).startsWith("mamori_").hasSize(7 + 43);
            assertThat(created.key().scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE);
            assertThat(db.jdbc().sql("select count(*) from api_keys where key_hash = :s or key_prefix = :s")
                    .param("s", created.secret()).query(Long.class).single()).isZero();
            assertThat(keys.authenticate(created.secret(), T0.plusSeconds(1))).map(ApiKey::id).contains(created.key().id());
            assertThat(keys.find(created.key().id()).orElseThrow().lastUsedAt()).isEqualTo(T0.plusSeconds(1));
            assertThat(keys.authenticate(created.secret() + "x", T0)).isEmpty();
            assertThat(keys.authenticate(created.secret(), T0.plusSeconds(3600))).as("expired").isEmpty();
            assertThat(keys.revoke(created.key().id(), T0)).isTrue();
            assertThat(keys.authenticate(created.secret(), T0.plusSeconds(2))).isEmpty();
            ApiKey seeded = keys.store("bootstrap", "a-chosen-admin-key-of-enough-length", EnumSet.of(Scope.ADMIN), null, "env", T0);
            assertThat(keys.authenticate("a-chosen-admin-key-of-enough-length", T0)).map(ApiKey::id).contains(seeded.id());
            assertThat(keys.list()).hasSize(2);
            assertThat(keys.count()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void users_uniqueNames_disable(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            UserRepository users = new UserRepository(db);
            User alice = users.create("alice", "{pbkdf2}hash", Set.of(Scope.READ), "admin", T0);
            assertThat(users.findByName("alice")).contains(alice);
            assertThatThrownBy(() -> users.create("alice", "x", Set.of(Scope.READ), "admin", T0)).isInstanceOf(Conflict.class);
            assertThat(users.setPassword(alice.id(), "{pbkdf2}other")).isTrue();
            assertThat(users.disable(alice.id(), T0)).isTrue();
            assertThat(users.find(alice.id()).orElseThrow().disabledAt()).isEqualTo(T0);
            assertThat(users.find(alice.id()).orElseThrow().toString()).doesNotContain("pbkdf2");
            assertThat(users.list()).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void auditLog_recordsAndListsNewestFirst(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tmp))) {
            AuditLog audit = new AuditLog(db);
            audit.record(T0, "alice", "product.create", "product", 1, null, "{\"name\":\"P\"}");
            audit.record(T0.plusSeconds(1), "bob", "product.update", "product", 1, "{\"name\":\"P\"}", "{\"name\":\"Q\"}");
            audit.record(T0.plusSeconds(2), "bob", "release.create", "release", 7, null, "{}");
            var product = audit.list("product", "1", null, 10);
            assertThat(product).extracting(AuditLog.Entry::action).containsExactly("product.update", "product.create");
            assertThat(product.getFirst().before()).isEqualTo("{\"name\":\"P\"}");
            assertThat(product.getFirst().at()).isEqualTo(T0.plusSeconds(1));
            assertThat(audit.list(null, null, product.getFirst().id(), 10)).hasSize(1);
        }
    }

    @Test
    void scopes_implyTheWeakerOnes() {
        assertThat(Scope.parseList("admin")).containsExactlyInAnyOrder(Scope.READ, Scope.WRITE, Scope.ADMIN);
        assertThat(Scope.format(Scope.parseList("write, read"))).isEqualTo("read,write");
        assertThatThrownBy(() -> Scope.parse("root")).hasMessageContaining("read, write or admin");
    }
}

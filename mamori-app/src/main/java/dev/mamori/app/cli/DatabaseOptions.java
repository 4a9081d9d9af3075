package dev.mamori.app.cli;

import dev.mamori.store.Database;
import dev.mamori.store.DatabaseSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the store is: the data directory and the database options that {@code serve}, {@code scan --db} and every
 * {@code db} command share, so a CLI import is what the server sees.
 */
final class DatabaseOptions {
    /** The environment the options fall back to; tests replace it. */
    static Map<String, String> environment = System.getenv();

    @Option(names = "--data-dir", defaultValue = "mamori-data", paramLabel = "DIR",
            description = "Data directory: the embedded SQLite store and trusted-keys/ (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "Use this database instead of SQLite, e.g. jdbc:postgresql://host:5432/mamori (or MAMORI_DATABASE_URL).")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", description = "Database user (or MAMORI_DATABASE_USER).")
    String databaseUser;

    @Option(names = "--database-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Database password; without a value it is asked for (or MAMORI_DATABASE_PASSWORD).")
    String databasePassword;

    /** Options, then {@code MAMORI_DATABASE_*}, then SQLite in the data directory. */
    DatabaseSettings settings() {
        return DatabaseSettings.resolve(dataDir, databaseUrl, databaseUser, databasePassword, environment);
    }

    Path dataDir() {
        return dataDir;
    }

    /** Opens (and migrates) the store, with the libraries' logging kept off standard output. */
    Database open() {
        CliLogging.quiet();
        return Database.open(settings());
    }
}

package dev.mamori.app.cli;

import dev.mamori.app.server.MamoriServer;
import dev.mamori.app.server.ServerSettings;
import dev.mamori.store.DatabaseSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mamori serve}: starts the server (REST API, web UI, metrics) on the embedded SQLite store or PostgreSQL. */
@Command(name = "serve",
        description = "Start the Mamori server: REST API under /api/v1 (OpenAPI at /api/v1/openapi.json, UI at /api/v1/docs), "
                + "home page, Actuator health and Prometheus metrics.",
        mixinStandardHelpOptions = true,
        footer = {"", "At the first start, MAMORI_ADMIN_API_KEY (at least 24 characters) becomes an admin API key; only "
                + "/api/v1/health answers without credentials. Advisories are read from DIR/advisories. See docs/api.md."})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--data-dir", defaultValue = "mamori-data", paramLabel = "DIR",
            description = "Data directory for the embedded SQLite store (default: ./${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "Use this database instead of SQLite, e.g. jdbc:postgresql://host:5432/mamori (or MAMORI_DATABASE_URL).")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", description = "Database user (or MAMORI_DATABASE_USER).")
    String databaseUser;

    @Option(names = "--database-password", paramLabel = "PASSWORD", arity = "0..1", interactive = true,
            description = "Database password; without a value it is asked for (or MAMORI_DATABASE_PASSWORD).")
    String databasePassword;

    @Override
    public Integer call() {
        DatabaseSettings db = DatabaseSettings.resolve(dataDir, databaseUrl, databaseUser, databasePassword, System.getenv());
        MamoriServer.start(new ServerSettings(port, dataDir, db), new String[0]);
        return MamoriCommand.KEEP_RUNNING;
    }
}

package dev.mamori.app.cli;

import dev.mamori.app.server.MamoriServer;
import dev.mamori.app.server.ServerSettings;
import dev.mamori.store.DatabaseSettings;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() {
        DatabaseSettings db = database.settings();
        MamoriServer.start(new ServerSettings(port, database.dataDir(), db), new String[0]);
        return MamoriCommand.KEEP_RUNNING;
    }
}

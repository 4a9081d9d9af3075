package dev.mamori.app.server;

import dev.mamori.store.DatabaseSettings;
import java.nio.file.Path;

/** What {@code mamori serve} was asked to do: the port, the data directory and the database. */
public record ServerSettings(int port, Path dataDir, DatabaseSettings database) {}

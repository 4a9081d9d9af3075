package dev.mamori.store;

import java.util.Locale;

/** The SQL databases Mamori runs on. */
public enum DatabaseKind {
    /** The embedded default: one file in the data directory, nothing to install. */
    SQLITE,
    /** For production and for several application nodes. */
    POSTGRESQL;

    /** How health and status output name it: {@code sqlite}, {@code postgresql}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a JDBC URL points at. */
    public static DatabaseKind ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL '" + jdbcUrl
                + "': use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB");
    }
}

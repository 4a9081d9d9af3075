package dev.mamori.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the store lives: a JDBC URL with optional credentials.
 *
 * <p>The same settings serve {@code mamori serve} and every {@code mamori db} command, so a CLI import is
 * what the server sees.
 */
public record DatabaseSettings(String url, String user, String password) {
    /** Name of the SQLite file inside the data directory. */
    public static final String SQLITE_FILE = "mamori.db";

    public DatabaseKind kind() {
        return DatabaseKind.ofUrl(url);
    }

    /** The embedded default: SQLite in {@code dataDir/mamori.db}. */
    public static DatabaseSettings sqlite(Path dataDir) {
        return new DatabaseSettings("jdbc:sqlite:" + dataDir.resolve(SQLITE_FILE).toAbsolutePath(), null, null);
    }

    /**
     * Settings from explicit options, falling back to the environment ({@code MAMORI_DATABASE_URL},
     * {@code MAMORI_DATABASE_USER}, {@code MAMORI_DATABASE_PASSWORD}) and then to SQLite in {@code dataDir}.
     */
    public static DatabaseSettings resolve(Path dataDir, String url, String user, String password, Map<String, String> env) {
        String u = firstNonBlank(url, env.get("MAMORI_DATABASE_URL"));
        String user2 = firstNonBlank(user, env.get("MAMORI_DATABASE_USER"));
        String pw = firstNonBlank(password, env.get("MAMORI_DATABASE_PASSWORD"));
        if (u == null) {
            return sqlite(dataDir);
        }
        return new DatabaseSettings(u, user2, pw);
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? "none" : "***") + "]";
    }
}

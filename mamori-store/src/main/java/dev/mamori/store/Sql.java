package dev.mamori.store;

import java.sql.SQLException;
import java.util.Locale;

/** Small SQL helpers shared by the repositories. */
public final class Sql {
    private Sql() {}

    /** Whether an exception (or one of its causes) is a unique-constraint violation, on SQLite or PostgreSQL. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if ("23505".equals(sql.getSQLState())) {
                    return true;
                }
                String m = String.valueOf(sql.getMessage()).toUpperCase(Locale.ROOT);
                if (m.contains("UNIQUE CONSTRAINT FAILED") || m.contains("SQLITE_CONSTRAINT_UNIQUE")
                        || m.contains("SQLITE_CONSTRAINT_PRIMARYKEY")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A LIKE pattern that matches {@code text} literally anywhere (escape character {@code \}). */
    public static String containsPattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}

package dev.mamori.app.server;

import java.util.ArrayList;
import java.util.List;

/** Checks on query parameters, answering with validation problems that name the parameter. */
public final class Params {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Params() {}

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.validation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** Comma-separated values (also repeated parameters), each one of {@code allowed}. */
    public static List<String> oneOf(String name, List<String> given, List<String> allowed) {
        List<String> out = new ArrayList<>();
        if (given == null) {
            return out;
        }
        for (String g : given) {
            for (String part : g.split(",")) {
                String v = part.strip();
                if (v.isEmpty()) {
                    continue;
                }
                if (!allowed.contains(v)) {
                    throw ApiException.validation(name, "unknown value '" + v + "': use " + String.join(", ", allowed));
                }
                out.add(v);
            }
        }
        return out;
    }

    /** Runs a store call that may refuse a cursor. */
    public static <T> T withCursor(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw ApiException.validation("cursor", e.getMessage());
        }
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

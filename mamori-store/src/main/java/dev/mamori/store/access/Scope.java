package dev.mamori.store.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** What a key or user may do. Each scope includes the ones before it: admin can write, write can read. */
public enum Scope {
    READ, WRITE, ADMIN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This scope and every scope it includes. */
    public Set<Scope> implied() {
        return EnumSet.range(READ, this);
    }

    /** @throws IllegalArgumentException naming the allowed values */
    public static Scope parse(String text) {
        for (Scope s : values()) {
            if (s.label().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scope '" + text + "': use read, write or admin");
    }

    /** Parses {@code read,write}; every implied scope is added. */
    public static Set<Scope> parseList(String text) {
        Set<Scope> out = EnumSet.noneOf(Scope.class);
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            out.addAll(parse(part.strip()).implied());
        }
        return out;
    }

    public static String format(Set<Scope> scopes) {
        Set<String> labels = new TreeSet<>();
        scopes.forEach(s -> labels.add(s.label()));
        return String.join(",", labels);
    }
}

package dev.mamori.version;

import java.util.Locale;

/** Finds the version scheme of an ecosystem. */
public final class VersionSchemes {
    private VersionSchemes() {}

    /** The scheme for a purl type (or scheme name); unknown types get the generic order. */
    public static VersionScheme forName(String name) {
        String n = name == null ? "generic" : name.toLowerCase(Locale.ROOT);
        return new SemverLikeScheme(n);
    }
}

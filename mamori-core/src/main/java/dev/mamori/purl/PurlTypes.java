package dev.mamori.purl;

import java.util.Locale;

/** Per-type rules of the purl specification: which parts are case-insensitive, how names are normalised. */
final class PurlTypes {
    private PurlTypes() {}

    static Purl normalise(Purl p) {
        String namespace = p.namespace();
        String name = p.name();
        switch (p.type()) {
            case "pypi" -> name = name.toLowerCase(Locale.ROOT).replace('_', '-');
            case "github", "bitbucket", "gitlab", "composer", "deb", "apk", "alpm", "hex", "luarocks", "qpkg" -> {
                namespace = lower(namespace);
                name = name.toLowerCase(Locale.ROOT);
            }
            case "golang", "npm", "cargo", "nuget", "gem", "maven" -> {
                // case-sensitive names; npm names are lower-case by registry rule but keep what was given
            }
            default -> {
            }
        }
        if (namespace == p.namespace() && name.equals(p.name())) {
            return p;
        }
        return new Purl(p.type(), namespace, name, p.version(), p.qualifiers(), p.subpath());
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}

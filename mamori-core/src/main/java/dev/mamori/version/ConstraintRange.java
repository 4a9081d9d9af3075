package dev.mamori.version;

import java.util.List;

/**
 * A range as alternatives (OR) of conjunctions (AND) of checks, for native syntaxes whose operators are not plain
 * interval bounds: apk's fuzzy {@code ~}, rpm's release-less bounds, Gentoo's {@code ~} and {@code =1.2*}, Conan's
 * pre-release filter, pacman's release-less equality.
 */
record ConstraintRange(VersionScheme scheme, List<List<Check>> alternatives, String text) implements VersionRange {

    ConstraintRange {
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /** One condition on a (valid) version. */
    interface Check {
        boolean test(String version);
    }

    @Override
    public boolean contains(String version) {
        scheme.validate(version);
        for (List<Check> all : alternatives) {
            boolean ok = true;
            for (Check c : all) {
                if (!c.test(version)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}

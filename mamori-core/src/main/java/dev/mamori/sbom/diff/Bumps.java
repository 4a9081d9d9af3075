package dev.mamori.sbom.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The size of a version move (major, minor, patch) for schemes that have the notion: the semver family (npm,
 * golang, cargo, semver, hex, pub, composer, nuget, gem: leading dotted numbers, a leading {@code v} dropped), maven
 * (leading numeric parts before the first qualifier) and pypi (the release segment after an optional {@code N!}
 * epoch; an epoch change is major).
 */
final class Bumps {
    static final Set<String> SCHEMES = Set.of("npm", "golang", "cargo", "semver", "hex", "pub", "composer", "nuget", "gem",
            "maven", "pypi");

    private Bumps() {}

    /** The bump from {@code a} to {@code b}, or null when the scheme has no such notion or a version has no numbers. */
    static ComponentChange.Bump of(String scheme, String a, String b) {
        if (a == null || b == null || !SCHEMES.contains(scheme)) {
            return null;
        }
        String ea = "0";
        String eb = "0";
        if (scheme.equals("pypi")) {
            int ia = a.indexOf('!');
            int ib = b.indexOf('!');
            if (ia > 0) {
                ea = a.substring(0, ia);
                a = a.substring(ia + 1);
            }
            if (ib > 0) {
                eb = b.substring(0, ib);
                b = b.substring(ib + 1);
            }
        }
        List<Long> ra = release(a);
        List<Long> rb = release(b);
        if (ra.isEmpty() || rb.isEmpty()) {
            return null;
        }
        if (!ea.equals(eb)) {
            return ComponentChange.Bump.MAJOR;
        }
        for (int i = 0; i < 3; i++) {
            long x = i < ra.size() ? ra.get(i) : 0;
            long y = i < rb.size() ? rb.get(i) : 0;
            if (x != y) {
                return switch (i) {
                    case 0 -> ComponentChange.Bump.MAJOR;
                    case 1 -> ComponentChange.Bump.MINOR;
                    default -> ComponentChange.Bump.PATCH;
                };
            }
        }
        return ComponentChange.Bump.OTHER;
    }

    /** The leading dotted numbers of a version: {@code v1.2.3-rc1} → 1, 2, 3; {@code 2.9.0.RELEASE} → 2, 9, 0. */
    static List<Long> release(String v) {
        List<Long> out = new ArrayList<>();
        int i = 0;
        String s = v.trim();
        if (s.startsWith("v") || s.startsWith("V")) {
            i = 1;
        }
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 18) {
                i++;
            }
            if (i == start) {
                break;
            }
            out.add(Long.parseLong(s.substring(start, i)));
            if (i < s.length() && s.charAt(i) == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return out;
    }
}

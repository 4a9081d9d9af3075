package dev.mamori.version;

import java.math.BigInteger;

/**
 * A semver-style order used where an ecosystem's exact scheme is not yet available: dot-separated release
 * segments compared numerically, a {@code -prerelease} part before the release it precedes (identifiers compared
 * per SemVer 2.0 §11), {@code +build} ignored, a leading {@code v} ignored.
 */
final class SemverLikeScheme implements VersionScheme {
    private final String name;

    SemverLikeScheme(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void validate(String version) {
        if (version == null || version.isBlank()) {
            throw new VersionException("empty version");
        }
        if (version.chars().anyMatch(Character::isWhitespace)) {
            throw new VersionException("whitespace in version: '" + version + "'");
        }
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        throw new VersionException("native ranges are not supported by the placeholder scheme '" + name + "'");
    }

    @Override
    public int compare(String a, String b) {
        validate(a);
        validate(b);
        String[] pa = split(a);
        String[] pb = split(b);
        int c = compareRelease(pa[0], pb[0]);
        if (c != 0) {
            return c;
        }
        return comparePrerelease(pa[1], pb[1]);
    }

    /** [release, prerelease-or-null] */
    private static String[] split(String v) {
        String s = v;
        if (s.startsWith("v") || s.startsWith("V")) {
            s = s.substring(1);
        }
        int plus = s.indexOf('+');
        if (plus >= 0) {
            s = s.substring(0, plus);
        }
        int dash = s.indexOf('-');
        return dash >= 0 ? new String[] {s.substring(0, dash), s.substring(dash + 1)} : new String[] {s, null};
    }

    private static int compareRelease(String a, String b) {
        String[] sa = a.split("\\.");
        String[] sb = b.split("\\.");
        int n = Math.max(sa.length, sb.length);
        for (int i = 0; i < n; i++) {
            String x = i < sa.length ? sa[i] : "0";
            String y = i < sb.length ? sb[i] : "0";
            int c = compareIdentifier(x, y, false);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int comparePrerelease(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        String[] sa = a.split("\\.");
        String[] sb = b.split("\\.");
        int n = Math.min(sa.length, sb.length);
        for (int i = 0; i < n; i++) {
            int c = compareIdentifier(sa[i], sb[i], true);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(sa.length, sb.length);
    }

    private static int compareIdentifier(String x, String y, boolean numericFirst) {
        boolean nx = isNumeric(x);
        boolean ny = isNumeric(y);
        if (nx && ny) {
            return new BigInteger(x).compareTo(new BigInteger(y));
        }
        if (nx != ny && numericFirst) {
            return nx ? -1 : 1;
        }
        return x.compareTo(y);
    }

    private static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}

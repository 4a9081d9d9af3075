package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A Dart pub version ordered as {@code pub_semver}'s {@code Version.compareTo}: major, minor, patch; a
 * pre-release before the release; pre-release identifiers compared as SemVer does (numbers below words, numbers by
 * value, words as text, a shorter list first); then, unlike SemVer, build metadata: a version without build sorts
 * before the same version with one, and build identifiers compare like pre-release identifiers
 * ({@code 1.0.0 < 1.0.0+1 < 1.0.0+a}).
 *
 * <p>pub_semver accepts exactly {@code MAJOR.MINOR.PATCH[-pre][+build]}. Because osv-scalibr's pub fixtures
 * compare them, Mamori also accepts a leading {@code v}, one or two release numbers (missing ones read as 0),
 * more than three (compared in turn after the patch), and numbers of any size. An identifier counts as a number
 * when it is all digits and fits Dart's 64-bit {@code int} (as {@code int.tryParse} decides).
 */
final class PubVersion implements Comparable<PubVersion> {
    private static final String LONG_MAX = "9223372036854775807";

    /** Release numbers, normalized, at least three. */
    final String[] release;
    final String[] pre;
    final boolean[] preNumeric;
    final String[] build;
    final boolean[] buildNumeric;

    private PubVersion(String[] release, List<String> pre, List<String> build) {
        this.release = release;
        this.pre = normalizeIdentifiers(pre);
        this.preNumeric = numericFlags(pre);
        this.build = normalizeIdentifiers(build);
        this.buildNumeric = numericFlags(build);
    }

    static PubVersion parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new VersionException("empty pub version");
        }
        int[] end = new int[1];
        PubVersion v = parsePrefix(text, 0, end);
        if (v == null || end[0] != text.length()) {
            throw new VersionException("not a valid pub version: '" + text + "'");
        }
        return v;
    }

    /**
     * Reads the longest version at {@code from} ({@code end[0]} receives where it stops), as pub_semver's
     * {@code startVersion} pattern does inside a constraint; null when none starts there.
     */
    static PubVersion parsePrefix(String s, int from, int[] end) {
        int i = from;
        if (i < s.length() && (s.charAt(i) == 'v' || s.charAt(i) == 'V')) {
            i++;
        }
        List<String> release = new ArrayList<>(3);
        int d = digits(s, i);
        if (d == i) {
            return null;
        }
        release.add(DecimalText.normalize(s, i, d));
        i = d;
        while (i + 1 < s.length() && s.charAt(i) == '.' && DecimalText.isDigit(s.charAt(i + 1))) {
            d = digits(s, i + 1);
            release.add(DecimalText.normalize(s, i + 1, d));
            i = d;
        }
        while (release.size() < 3) {
            release.add("0");
        }
        List<String> pre = new ArrayList<>();
        if (i < s.length() && s.charAt(i) == '-') {
            int e = identifiers(s, i + 1, pre);
            if (e > i + 1) {
                i = e;
            } else {
                pre.clear();
            }
        }
        List<String> build = new ArrayList<>();
        if (i < s.length() && s.charAt(i) == '+') {
            int e = identifiers(s, i + 1, build);
            if (e > i + 1) {
                i = e;
            } else {
                build.clear();
            }
        }
        end[0] = i;
        return new PubVersion(release.toArray(new String[0]), pre, build);
    }

    private static int digits(String s, int i) {
        while (i < s.length() && DecimalText.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code [0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*} greedily from {@code i}; returns the end (i when none). */
    private static int identifiers(String s, int i, List<String> out) {
        int end = i;
        int start = i;
        int k = i;
        while (true) {
            while (k < s.length() && isIdentifierChar(s.charAt(k))) {
                k++;
            }
            if (k == start) {
                return end;
            }
            out.add(s.substring(start, k));
            end = k;
            if (k + 1 < s.length() && s.charAt(k) == '.' && isIdentifierChar(s.charAt(k + 1))) {
                k++;
                start = k;
            } else {
                return end;
            }
        }
    }

    private static boolean isIdentifierChar(char c) {
        return DecimalText.isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    }

    private static boolean isDartInt(String part) {
        if (!DecimalText.isDigits(part)) {
            return false;
        }
        return DecimalText.compare(DecimalText.normalize(part), LONG_MAX) <= 0;
    }

    private static boolean[] numericFlags(List<String> parts) {
        boolean[] out = new boolean[parts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = isDartInt(parts.get(i));
        }
        return out;
    }

    private static String[] normalizeIdentifiers(List<String> parts) {
        String[] out = new String[parts.size()];
        for (int i = 0; i < out.length; i++) {
            String p = parts.get(i);
            out[i] = isDartInt(p) ? DecimalText.normalize(p) : p;
        }
        return out;
    }

    boolean isPrerelease() {
        return pre.length > 0;
    }

    String major() {
        return release[0];
    }

    String minor() {
        return release[1];
    }

    /** {@code major.minor.patch-0}: the lowest pre-release of this version's release numbers. */
    PubVersion firstPrerelease() {
        return new PubVersion(release, List.of("0"), List.of());
    }

    /** pub's {@code nextBreaking}: the next major version, or for 0.x the next minor. */
    PubVersion nextBreaking() {
        String[] r = DecimalText.isZero(release[0])
                ? new String[] {"0", DecimalText.increment(release[1]), "0"}
                : new String[] {DecimalText.increment(release[0]), "0", "0"};
        return new PubVersion(r, List.of(), List.of());
    }

    /** Same release numbers (pub's {@code equalsWithoutPreRelease}). */
    boolean sameRelease(PubVersion o) {
        return compareRelease(o) == 0;
    }

    private int compareRelease(PubVersion o) {
        int n = Math.max(release.length, o.release.length);
        for (int i = 0; i < n; i++) {
            int c = DecimalText.compare(i < release.length ? release[i] : "0", i < o.release.length ? o.release[i] : "0");
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public int compareTo(PubVersion o) {
        int c = compareRelease(o);
        if (c != 0) {
            return c;
        }
        if (pre.length == 0 && o.pre.length > 0) {
            return 1;
        }
        if (o.pre.length == 0 && pre.length > 0) {
            return -1;
        }
        c = compareLists(pre, preNumeric, o.pre, o.preNumeric);
        if (c != 0) {
            return c;
        }
        if (build.length == 0 && o.build.length > 0) {
            return -1;
        }
        if (o.build.length == 0 && build.length > 0) {
            return 1;
        }
        return compareLists(build, buildNumeric, o.build, o.buildNumeric);
    }

    private static int compareLists(String[] a, boolean[] an, String[] b, boolean[] bn) {
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (i >= a.length) {
                return -1;
            }
            if (i >= b.length) {
                return 1;
            }
            int c;
            if (an[i] && bn[i]) {
                c = DecimalText.compare(a[i], b[i]);
            } else if (an[i] != bn[i]) {
                c = an[i] ? -1 : 1;
            } else {
                c = Integer.signum(a[i].compareTo(b[i]));
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", release) + (pre.length == 0 ? "" : "-" + String.join(".", pre))
                + (build.length == 0 ? "" : "+" + String.join(".", build));
    }
}

package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A Hex (Elixir {@code Version}) version: exactly {@code MAJOR.MINOR.PATCH}, optional {@code -pre} and
 * {@code +build}, parsed as {@code Version.parse/1} parses it (no leading zeros in numbers or numeric pre-release
 * identifiers, identifiers of {@code [0-9A-Za-z-]}, no {@code v}, no whitespace) and ordered as
 * {@code Version.compare/2}: SemVer 2.0 precedence, build metadata ignored.
 */
final class HexVersion implements Comparable<HexVersion> {
    final String major;
    final String minor;
    /** Null only in the {@code MAJOR.MINOR} form a {@code ~>} requirement allows. */
    final String patch;
    final String[] pre;
    final boolean[] preNumeric;

    HexVersion(String major, String minor, String patch, String[] pre, boolean[] preNumeric) {
        this.major = major;
        this.minor = minor;
        this.patch = patch;
        this.pre = pre;
        this.preNumeric = preNumeric;
    }

    static HexVersion parse(String text) {
        HexVersion v = tryParse(text, false);
        if (v == null) {
            throw new VersionException(text == null || text.isEmpty()
                    ? "empty Hex version"
                    : "not a valid Hex (Elixir/SemVer) version: '" + text + "'");
        }
        return v;
    }

    /** Parses; with {@code approximate} the patch may be missing ({@code ~> 2.1}). Null when invalid. */
    static HexVersion tryParse(String text, boolean approximate) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        int plus = text.indexOf('+');
        String withPre = plus < 0 ? text : text.substring(0, plus);
        if (plus >= 0 && dotSeparated(text.substring(plus + 1), false) == null) {
            return null;
        }
        int dash = withPre.indexOf('-');
        String release = dash < 0 ? withPre : withPre.substring(0, dash);
        String[] pre = new String[0];
        boolean[] preNumeric = new boolean[0];
        if (dash >= 0) {
            List<String> parts = dotSeparated(withPre.substring(dash + 1), true);
            if (parts == null) {
                return null;
            }
            pre = parts.toArray(new String[0]);
            preNumeric = new boolean[pre.length];
            for (int i = 0; i < pre.length; i++) {
                preNumeric[i] = DecimalText.isDigits(pre[i]);
            }
        }
        String[] numbers = release.split("\\.", -1);
        if (numbers.length > 3 || numbers.length < (approximate ? 2 : 3)) {
            return null;
        }
        for (String n : numbers) {
            if (!DecimalText.isDigits(n) || (n.length() > 1 && n.charAt(0) == '0')) {
                return null;
            }
        }
        return new HexVersion(numbers[0], numbers[1], numbers.length == 3 ? numbers[2] : null, pre, preNumeric);
    }

    /** Dot-separated non-empty {@code [0-9A-Za-z-]} identifiers; numeric ones without leading zeros if asked. */
    private static List<String> dotSeparated(String s, boolean noLeadingZeros) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == '.') {
                String p = s.substring(start, i);
                if (p.isEmpty()) {
                    return null;
                }
                for (int k = 0; k < p.length(); k++) {
                    char c = p.charAt(k);
                    if (!(DecimalText.isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) {
                        return null;
                    }
                }
                if (noLeadingZeros && DecimalText.isDigits(p) && p.length() > 1 && p.charAt(0) == '0') {
                    return null;
                }
                parts.add(p);
                start = i + 1;
            }
        }
        return parts;
    }

    boolean isPrerelease() {
        return pre.length > 0;
    }

    /** This version with a missing patch read as 0. */
    HexVersion withPatch() {
        return patch != null ? this : new HexVersion(major, minor, "0", pre, preNumeric);
    }

    @Override
    public int compareTo(HexVersion o) {
        int c = DecimalText.compare(major, o.major);
        if (c == 0) {
            c = DecimalText.compare(minor, o.minor);
        }
        if (c == 0) {
            c = DecimalText.compare(patch == null ? "0" : patch, o.patch == null ? "0" : o.patch);
        }
        if (c != 0) {
            return c;
        }
        if (pre.length == 0 || o.pre.length == 0) {
            if (pre.length == o.pre.length) {
                return 0;
            }
            return pre.length == 0 ? 1 : -1;
        }
        return comparePre(pre, preNumeric, o.pre, o.preNumeric);
    }

    /** SemVer identifier lists: numbers below words, numbers by value, words as bytes, a prefix first. */
    static int comparePre(String[] a, boolean[] an, String[] b, boolean[] bn) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            int c;
            if (an[i] && bn[i]) {
                c = DecimalText.compare(DecimalText.normalize(a[i]), DecimalText.normalize(b[i]));
            } else if (an[i] != bn[i]) {
                c = an[i] ? -1 : 1;
            } else {
                c = Integer.signum(a[i].compareTo(b[i]));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch == null ? "" : "." + patch)
                + (pre.length == 0 ? "" : "-" + String.join(".", pre));
    }
}

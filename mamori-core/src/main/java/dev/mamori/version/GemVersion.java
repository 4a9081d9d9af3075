package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A RubyGems version ordered as {@code Gem::Version#<=>} orders it.
 *
 * <p>Text: a number, then dot-separated alphanumeric segments, then optionally {@code -} and dot-separated
 * identifiers; {@code -} means {@code .pre.} ({@code 1.0-1} is {@code 1.0.pre.1}). Segments are the runs of
 * digits and of letters ({@code 1.0.a10} is {@code 1 0 a 10}); any letter makes a pre-release. Trailing zeros
 * of the numeric part and of the part from the first letter on are ignored, a missing segment counts as
 * {@code 0}, and a letter segment sorts before any number ({@code 1.0.a < 1.0}). Letter segments compare as
 * bytes, numbers by value, with no size limit.
 *
 * <p>Beyond {@code Gem::Version}'s pattern, letters may follow the leading number directly ({@code 1beta}),
 * because osv-scalibr's RubyGems fixtures compare such versions; they split into segments the same way.
 */
final class GemVersion implements Comparable<GemVersion> {
    private final String[] segments;
    private final boolean[] numeric;
    /** Segments with the trailing zeros of the numeric part and of the letter part dropped. */
    private final String[] canonical;
    private final boolean[] canonicalNumeric;
    private final boolean prerelease;

    private GemVersion(List<String> segs) {
        segments = segs.toArray(new String[0]);
        numeric = new boolean[segments.length];
        boolean pre = false;
        int firstString = segments.length;
        for (int i = 0; i < segments.length; i++) {
            numeric[i] = DecimalText.isDigit(segments[i].charAt(0));
            if (!numeric[i]) {
                pre = true;
                firstString = Math.min(firstString, i);
            }
        }
        prerelease = pre;
        List<Integer> keep = new ArrayList<>();
        addWithoutTrailingZeros(keep, 0, firstString);
        addWithoutTrailingZeros(keep, firstString, segments.length);
        canonical = new String[keep.size()];
        canonicalNumeric = new boolean[keep.size()];
        for (int k = 0; k < keep.size(); k++) {
            canonical[k] = segments[keep.get(k)];
            canonicalNumeric[k] = numeric[keep.get(k)];
        }
    }

    private void addWithoutTrailingZeros(List<Integer> keep, int from, int to) {
        int end = to;
        while (end > from && numeric[end - 1] && DecimalText.isZero(segments[end - 1])) {
            end--;
        }
        for (int i = from; i < end; i++) {
            keep.add(i);
        }
    }

    static GemVersion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new VersionException("empty RubyGems version");
        }
        String s = text.strip();
        if (!wellFormed(s)) {
            throw new VersionException("not a valid RubyGems version: '" + text + "'");
        }
        List<String> segs = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '-') {
                segs.add("pre");
                i++;
            } else if (DecimalText.isDigit(c)) {
                int j = i;
                while (j < s.length() && DecimalText.isDigit(s.charAt(j))) {
                    j++;
                }
                segs.add(DecimalText.normalize(s, i, j));
                i = j;
            } else if (isLetter(c)) {
                int j = i;
                while (j < s.length() && isLetter(s.charAt(j))) {
                    j++;
                }
                segs.add(s.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return new GemVersion(segs);
    }

    /** {@code [0-9][0-9a-zA-Z]*(\.[0-9a-zA-Z]+)*(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?} */
    private static boolean wellFormed(String s) {
        if (!DecimalText.isDigit(s.charAt(0))) {
            return false;
        }
        int dash = s.indexOf('-');
        String release = dash < 0 ? s : s.substring(0, dash);
        if (!dotSeparated(release, false)) {
            return false;
        }
        return dash < 0 || dotSeparated(s.substring(dash + 1), true);
    }

    private static boolean dotSeparated(String s, boolean dashAllowed) {
        boolean needChar = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isLetter(c) || DecimalText.isDigit(c) || (dashAllowed && c == '-')) {
                needChar = false;
            } else if (c == '.' && !needChar) {
                needChar = true;
            } else {
                return false;
            }
        }
        return !needChar;
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    boolean isPrerelease() {
        return prerelease;
    }

    /** The version up to its first letter segment ({@code Gem::Version#release}). */
    GemVersion release() {
        if (!prerelease) {
            return this;
        }
        List<String> segs = new ArrayList<>();
        for (int i = 0; i < segments.length && numeric[i]; i++) {
            segs.add(segments[i]);
        }
        return new GemVersion(segs);
    }

    /**
     * The upper bound of {@code ~>} ({@code Gem::Version#bump}): letter segments dropped, then the last
     * segment dropped (when more than one remains), then the new last segment plus one.
     */
    GemVersion bump() {
        List<String> segs = new ArrayList<>();
        for (int i = 0; i < segments.length && numeric[i]; i++) {
            segs.add(segments[i]);
        }
        if (segs.size() > 1) {
            segs.remove(segs.size() - 1);
        }
        if (segs.isEmpty()) {
            segs.add("0");
        }
        segs.set(segs.size() - 1, DecimalText.increment(segs.get(segs.size() - 1)));
        return new GemVersion(segs);
    }

    @Override
    public int compareTo(GemVersion o) {
        int n = Math.max(canonical.length, o.canonical.length);
        for (int i = 0; i < n; i++) {
            boolean ln = i >= canonical.length || canonicalNumeric[i];
            boolean rn = i >= o.canonical.length || o.canonicalNumeric[i];
            String l = i < canonical.length ? canonical[i] : "0";
            String r = i < o.canonical.length ? o.canonical[i] : "0";
            if (ln != rn) {
                return ln ? 1 : -1;
            }
            int c = ln ? DecimalText.compare(l, r) : Integer.signum(l.compareTo(r));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", segments);
    }
}

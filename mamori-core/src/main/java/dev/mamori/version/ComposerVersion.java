package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A Packagist version ordered like PHP's {@code version_compare}, as osv-scalibr (and so OSV tooling) applies it
 * to Packagist versions.
 *
 * <p>A leading {@code v}/{@code V} is dropped. The text is cut into parts at {@code . - _ +} and wherever digits
 * meet non-digits ({@code 1.0RC1} is {@code 1 0 RC 1}). Numbers compare by value (no size limit); other parts
 * rank by their prefix: {@code dev} < {@code alpha}={@code a} < {@code beta}={@code b} < {@code RC}={@code rc}
 * < {@code #} < {@code pl}={@code p}, any other word below {@code dev}; a number against a word counts as
 * {@code #}. When one version runs out, a following number makes the longer one greater, a following word is
 * compared with {@code #} ({@code 1.0 < 1.0.0}, {@code 1.0-beta < 1.0}, {@code 1.0-p1 > 1.0}).
 *
 * <p>Unlike PHP, characters other than letters, digits and the four separators stay in their part
 * ({@code 1.2.3.#}), numbers do not saturate at 2^63, and {@code dev-} branch names are ordered too (below
 * numbered versions) — all as osv-scalibr's fixtures require. A part starting with {@code #} ranks equal to every
 * number ({@code 1.2.3.# = 1.2.3.1} and {@code = 1.2.3.2}), so the order is only transitive for versions without
 * one.
 */
final class ComposerVersion implements Comparable<ComposerVersion> {
    private static final int NUMBER_RANK = 4;

    private final String[] parts;
    private final boolean[] numeric;
    private final int[] rank;

    private ComposerVersion(List<String> parts) {
        this.parts = parts.toArray(new String[0]);
        this.numeric = new boolean[this.parts.length];
        this.rank = new int[this.parts.length];
        for (int i = 0; i < this.parts.length; i++) {
            numeric[i] = DecimalText.isDigit(this.parts[i].charAt(0));
            rank[i] = numeric[i] ? NUMBER_RANK : wordRank(this.parts[i]);
        }
    }

    static ComposerVersion parse(String text) {
        ComposerVersion v = tryParse(text);
        if (v == null) {
            throw new VersionException(text == null || text.isBlank()
                    ? "empty Packagist version"
                    : "not a valid Packagist version: '" + text + "'");
        }
        return v;
    }

    /** Null for empty text, whitespace or control characters, or separators with nothing between them. */
    static ComposerVersion tryParse(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (!s.isEmpty() && (s.charAt(0) == 'v' || s.charAt(0) == 'V')) {
            s = s.substring(1);
        }
        if (s.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>(6);
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '.';
            if (c <= ' ' || c == 0x7f || Character.isWhitespace(c)) {
                return null;
            }
            boolean separator = c == '.' || c == '-' || c == '_' || c == '+';
            if (separator) {
                if (i == start) {
                    return null;
                }
                parts.add(s.substring(start, i));
                start = i + 1;
            } else if (i > start && DecimalText.isDigit(c) != DecimalText.isDigit(s.charAt(i - 1))) {
                parts.add(s.substring(start, i));
                start = i;
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            if (DecimalText.isDigit(p.charAt(0))) {
                parts.set(i, DecimalText.normalize(p));
            }
        }
        return new ComposerVersion(parts);
    }

    /** The rank of a non-numeric part, by prefix, as PHP's special forms. */
    static int wordRank(String w) {
        if (w.startsWith("dev")) {
            return 0;
        }
        if (w.startsWith("alpha") || w.startsWith("a")) {
            return 1;
        }
        if (w.startsWith("beta") || w.startsWith("b")) {
            return 2;
        }
        if (w.startsWith("RC") || w.startsWith("rc")) {
            return 3;
        }
        if (w.startsWith("#")) {
            return 4;
        }
        if (w.startsWith("pl") || w.startsWith("p")) {
            return 5;
        }
        return -1;
    }

    @Override
    public int compareTo(ComposerVersion o) {
        int n = Math.min(parts.length, o.parts.length);
        for (int i = 0; i < n; i++) {
            int c = numeric[i] && o.numeric[i]
                    ? DecimalText.compare(parts[i], o.parts[i])
                    : Integer.compare(rank[i], o.rank[i]);
            if (c != 0) {
                return c;
            }
        }
        if (parts.length > n) {
            return rest(n);
        }
        if (o.parts.length > n) {
            return -o.rest(n);
        }
        return 0;
    }

    /** This version's parts from {@code from} on, against an absent part. */
    private int rest(int from) {
        for (int i = from; i < parts.length; i++) {
            if (numeric[i]) {
                return 1;
            }
            int c = Integer.compare(rank[i], NUMBER_RANK);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}

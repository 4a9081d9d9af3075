package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fallback order for ecosystems without a scheme of their own. It never compares two words as plain strings:
 * where no order is defined it refuses.
 *
 * <p>A version is split into segments at {@code . - _ +} and wherever digits and letters meet
 * ({@code 1.0rc1} is {@code 1 0 rc 1}); a leading {@code v} before a digit is dropped; other characters are
 * invalid. Segments are compared position by position, a missing segment counting as {@code 0} (so
 * {@code 1 = 1.0 = 1-0}); separators carry no weight. Each segment has a place on one line:
 * <ul>
 *   <li>pre-release words, case-insensitive: {@code dev < alpha < beta < pre = preview < rc}, all below 0
 *       ({@code 1.0-rc1 < 1.0 < 1.0.1}, {@code 1.0.rc1 < 1.0.0});</li>
 *   <li>numbers, numerically;</li>
 *   <li>post-release words {@code p}, {@code pl}, {@code patch}, {@code post} (all equal), between 0 and 1
 *       ({@code 1.0 < 1.0p1 < 1.0.1});</li>
 *   <li>any other word equals only itself, case-insensitively. Comparing it against anything else (a number, a
 *       different word, the end of the version) throws {@code VersionException("cannot order 'x' against 'y' in
 *       the generic scheme")}.</li>
 * </ul>
 *
 * <p>Ranges: comparators {@code >=1.2 <2.0} (whitespace or {@code ,}: all must hold), {@code ||} between
 * alternatives, operators {@code < <= = == != >= >}, a bare version meaning {@code =}, {@code *} for any version.
 */
final class GenericScheme implements VersionScheme {
    static final GenericScheme INSTANCE = new GenericScheme();

    private static final Map<String, OperatorRanges.Op> OPERATORS = OperatorRanges.operators(
            "<", OperatorRanges.Op.LT, "<=", OperatorRanges.Op.LE, "=", OperatorRanges.Op.EQ,
            "==", OperatorRanges.Op.EQ, "!=", OperatorRanges.Op.NE, ">=", OperatorRanges.Op.GE,
            ">", OperatorRanges.Op.GT, "", OperatorRanges.Op.EQ);
    private static final OperatorRanges.Syntax SYNTAX = new OperatorRanges.Syntax(OPERATORS, Map.of(),
            true, false, true, true, false, false, true);

    /** Segment kinds, in the order they sit on the line (words other than these are {@link #WORD}). */
    private static final int PRE_WORD = 0;
    private static final int NUMBER = 1;
    private static final int POST_WORD = 2;
    private static final int WORD = 3;

    private GenericScheme() {}

    /** One segment: kind, text (digits without leading zeros, or lowercase word), pre-release rank. */
    record Segment(int kind, String text, int rank) {
        static final Segment ZERO = new Segment(NUMBER, "", 0);

        boolean isZero() {
            return kind == NUMBER && text.isEmpty();
        }

        String display() {
            return kind == NUMBER ? (text.isEmpty() ? "0" : text) : text;
        }
    }

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public void validate(String version) {
        segments(version);
    }

    @Override
    public int compare(String a, String b) {
        List<Segment> x = segments(a);
        List<Segment> y = segments(b);
        int n = Math.max(x.size(), y.size());
        for (int i = 0; i < n; i++) {
            Segment s = i < x.size() ? x.get(i) : null;
            Segment t = i < y.size() ? y.get(i) : null;
            int c = compareSegment(s, t, a, b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static int compareSegment(Segment s, Segment t, String a, String b) {
        Segment x = s == null ? Segment.ZERO : s;
        Segment y = t == null ? Segment.ZERO : t;
        if (x.kind() == WORD || y.kind() == WORD) {
            if (x.kind() == WORD && y.kind() == WORD && x.text().equals(y.text())) {
                return 0;
            }
            throw new VersionException("cannot order '" + describe(s, a) + "' against '" + describe(t, b)
                    + "' in the generic scheme (comparing '" + a + "' with '" + b + "')");
        }
        if (x.kind() == NUMBER && y.kind() == NUMBER) {
            return RpmScheme.compareDigits(x.text(), 0, x.text().length(), y.text(), 0, y.text().length());
        }
        if (x.kind() == PRE_WORD && y.kind() == PRE_WORD) {
            return Integer.compare(x.rank(), y.rank());
        }
        if (x.kind() == POST_WORD && y.kind() == POST_WORD) {
            return 0;
        }
        if (x.kind() == PRE_WORD || y.kind() == PRE_WORD) {
            return x.kind() == PRE_WORD ? -1 : 1;
        }
        // one post-release word, one number: the word sits between 0 and 1
        Segment number = x.kind() == NUMBER ? x : y;
        int wordSide = number.isZero() ? 1 : -1;
        return x.kind() == POST_WORD ? wordSide : -wordSide;
    }

    private static Segment word(String raw) {
        String word = raw;
        for (int k = 0; k < raw.length(); k++) {
            if (raw.charAt(k) < 'a') {
                word = raw.toLowerCase(Locale.ROOT);
                break;
            }
        }
        return switch (word) {
            case "dev" -> new Segment(PRE_WORD, word, -5);
            case "alpha" -> new Segment(PRE_WORD, word, -4);
            case "beta" -> new Segment(PRE_WORD, word, -3);
            case "pre", "preview" -> new Segment(PRE_WORD, word, -2);
            case "rc" -> new Segment(PRE_WORD, word, -1);
            case "p", "pl", "patch", "post" -> new Segment(POST_WORD, word, 0);
            default -> new Segment(WORD, word, 0);
        };
    }

    private static String describe(Segment s, String version) {
        return s == null ? "end of " + version : s.display();
    }

    static List<Segment> segments(String v) {
        if (v == null || v.isEmpty()) {
            throw new VersionException("empty version");
        }
        int n = v.length();
        int i = 0;
        if (n > 1 && (v.charAt(0) == 'v' || v.charAt(0) == 'V') && isDigit(v.charAt(1))) {
            i = 1;
        }
        List<Segment> out = new ArrayList<>();
        while (i < n) {
            char c = v.charAt(i);
            if (c == '.' || c == '-' || c == '_' || c == '+') {
                i++;
                continue;
            }
            int j = i;
            if (isDigit(c)) {
                while (j < n && isDigit(v.charAt(j))) {
                    j++;
                }
                int k = i;
                while (k < j && v.charAt(k) == '0') {
                    k++;
                }
                out.add(new Segment(NUMBER, v.substring(k, j), 0));
            } else if (isLetter(c)) {
                while (j < n && isLetter(v.charAt(j))) {
                    j++;
                }
                out.add(word(v.substring(i, j)));
            } else {
                throw new VersionException("invalid character '" + c + "' in version '" + v
                        + "' (the generic scheme allows letters, digits and . - _ +)");
            }
            i = j;
        }
        if (out.isEmpty()) {
            throw new VersionException("version '" + v + "' has no digits or letters");
        }
        return out;
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        if (nativeRange != null && nativeRange.strip().equals("*")) {
            return new IntervalRange(this, List.of(Interval.ALL), nativeRange);
        }
        var alternatives = OperatorRanges.parse(name(), nativeRange, SYNTAX);
        return OperatorRanges.toIntervals(this, nativeRange, alternatives, OPERATORS);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

package dev.mamori.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * npm's range grammar (node-semver's {@code Range}), compiled to {@link ComparatorRange} comparator sets.
 *
 * <p>The rewriting follows node-semver step by step, because its quirks decide real matches: whitespace is
 * collapsed, the range is split on {@code ||}; in each set build metadata is dropped, a hyphen range
 * ({@code 1.2 - 2.3.4}) is rewritten, whitespace after operators and {@code ~}/{@code ^} is removed, and every
 * word is desugared: caret, then tilde, then X-range ({@code 1.x}, {@code 1.2.*}, partial versions), then a
 * star is dropped. Upper bounds a partial version implies are exclusive at {@code -0} (the least prerelease),
 * e.g. {@code ^1.2.3} is {@code >=1.2.3 <2.0.0-0}. A word that is not a valid comparator afterwards makes the
 * whole range invalid. Finally a set holding {@code <0.0.0-0} is empty, empty sets are dropped when others
 * exist, and if any set matches everything ({@code *}, {@code x}, empty, and for npm {@code >=0.0.0}) the range
 * is just that. Dialects without the prerelease rule ({@code semver}, {@code golang}) read the comparators as plain
 * intervals of their order, so there {@code >=0.0.0} keeps excluding {@code 0.0.0-*} prereleases.
 */
final class NpmRangeParser {
    private static final String NUM = "0|[1-9][0-9]*";
    private static final String XID = NUM + "|x|X|\\*";
    private static final String PREID = "(?:[0-9]*[a-zA-Z-][a-zA-Z0-9-]*|" + NUM + ")";
    private static final String PRE = "(?:-(" + PREID + "(?:\\." + PREID + ")*))";
    private static final String BUILD = "(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))";
    /** A possibly partial version with X wildcards; groups: major, minor, patch, prerelease, build. */
    private static final String XPLAIN = "[v= ]*(" + XID + ")(?:\\.(" + XID + ")(?:\\.(" + XID + ")(?:" + PRE + ")?"
            + BUILD + "?)?)?";

    private static final Pattern BUILD_ANYWHERE = Pattern.compile("\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*");
    private static final Pattern HYPHEN = Pattern.compile("^ ?(" + XPLAIN + ") - (" + XPLAIN + ") ?$");
    private static final Pattern OPERATOR_SPACE = Pattern.compile("([<>]=?|=) (?=[v= ]*[0-9xX*])");
    private static final Pattern TILDE_SPACE = Pattern.compile("( ?)~>? ");
    private static final Pattern CARET_SPACE = Pattern.compile("( ?)\\^ ");
    private static final Pattern CARET = Pattern.compile("^\\^" + XPLAIN + "$");
    private static final Pattern TILDE = Pattern.compile("^~>?" + XPLAIN + "$");
    private static final Pattern XRANGE = Pattern.compile("^([<>]?=?)" + XPLAIN + "$");
    private static final Pattern STAR = Pattern.compile("[<>]?=? ?\\*");
    private static final Pattern COMPARATOR = Pattern.compile(
            "^([<>]?=?)(v?(?:" + NUM + ")\\.(?:" + NUM + ")\\.(?:" + NUM + ")" + PRE + "?" + BUILD + "?)$");

    private NpmRangeParser() {}

    static ComparatorRange parse(String range, SemverDialect dialect) {
        if (range == null) {
            throw new VersionException("empty " + dialect.label() + " range");
        }
        String raw = JsWhitespace.collapse(range);
        List<List<ComparatorRange.Comparator>> sets = new ArrayList<>();
        for (String part : raw.split("\\|\\|", -1)) {
            sets.add(parseSet(JsWhitespace.trim(part), dialect, range));
        }
        if (sets.size() > 1) {
            List<ComparatorRange.Comparator> first = sets.get(0);
            sets.removeIf(s -> s.get(0).isNullSet());
            if (sets.isEmpty()) {
                sets.add(first);
            } else if (sets.size() > 1) {
                for (List<ComparatorRange.Comparator> s : sets) {
                    if (s.size() == 1 && s.get(0).op() == ComparatorRange.Op.ANY) {
                        sets = List.of(s);
                        break;
                    }
                }
            }
        }
        return new ComparatorRange(dialect, sets, range);
    }

    private static List<ComparatorRange.Comparator> parseSet(String set, SemverDialect dialect, String range) {
        String s = BUILD_ANYWHERE.matcher(set).replaceAll("");
        Matcher h = HYPHEN.matcher(s);
        if (h.matches()) {
            s = hyphen(h);
        }
        s = OPERATOR_SPACE.matcher(s).replaceAll("$1");
        s = TILDE_SPACE.matcher(s).replaceAll("$1~");
        s = CARET_SPACE.matcher(s).replaceAll("$1^");

        List<String> words = new ArrayList<>();
        for (String token : s.split(" ", -1)) {
            String t = eachWord(token, NpmRangeParser::caret);
            t = eachWord(t, NpmRangeParser::tilde);
            t = eachWord(t, NpmRangeParser::xrange);
            t = STAR.matcher(t.trim()).replaceFirst("");
            for (String w : t.split(" ")) {
                // node-semver reads >=0.0.0 as "any"; that differs from the order only under the prerelease rule
                if (!w.isEmpty() && !(dialect.prereleaseRule() && w.equals(">=0.0.0"))) {
                    words.add(w);
                }
            }
        }
        List<ComparatorRange.Comparator> out = new ArrayList<>();
        for (String w : words) {
            ComparatorRange.Comparator c = comparator(w, dialect, range);
            if (c.isNullSet()) {
                return List.of(c);
            }
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            out.add(ComparatorRange.Comparator.ANY);
        }
        return out;
    }

    private static ComparatorRange.Comparator comparator(String word, SemverDialect dialect, String range) {
        Matcher m = COMPARATOR.matcher(word);
        if (!m.matches()) {
            throw new VersionException("invalid " + dialect.label() + " range '" + SemVer.abbreviate(range)
                    + "': '" + word + "' is not a comparator");
        }
        ComparatorRange.Op op = switch (m.group(1)) {
            case "<" -> ComparatorRange.Op.LT;
            case "<=" -> ComparatorRange.Op.LE;
            case ">" -> ComparatorRange.Op.GT;
            case ">=" -> ComparatorRange.Op.GE;
            default -> ComparatorRange.Op.EQ;
        };
        SemVer v;
        try {
            v = dialect.parse(m.group(2));
        } catch (VersionException e) {
            throw new VersionException("invalid " + dialect.label() + " range '" + SemVer.abbreviate(range) + "': "
                    + e.getMessage());
        }
        return new ComparatorRange.Comparator(op, v);
    }

    private static String eachWord(String text, UnaryOperator<String> f) {
        String[] words = text.trim().split(" +", -1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            b.append(i == 0 ? "" : " ").append(f.apply(words[i]));
        }
        return b.toString();
    }

    private static boolean isX(String id) {
        return id == null || id.equals("x") || id.equals("X") || id.equals("*");
    }

    private static String inc(String digits) {
        if (digits.length() < 18) {
            return Long.toString(Long.parseLong(digits) + 1);
        }
        return new BigInteger(digits).add(BigInteger.ONE).toString();
    }

    // 1.2 - 3.4.5 => >=1.2.0 <=3.4.5 ; 1.2.3 - 3.4 => >=1.2.3 <3.5.0-0
    private static String hyphen(Matcher h) {
        String fM = h.group(2);
        String fm = h.group(3);
        String fp = h.group(4);
        String tM = h.group(8);
        String tm = h.group(9);
        String tp = h.group(10);
        String tpr = h.group(11);
        String from;
        if (isX(fM)) {
            from = "";
        } else if (isX(fm)) {
            from = ">=" + fM + ".0.0";
        } else if (isX(fp)) {
            from = ">=" + fM + "." + fm + ".0";
        } else {
            from = ">=" + h.group(1);
        }
        String to;
        if (isX(tM)) {
            to = "";
        } else if (isX(tm)) {
            to = "<" + inc(tM) + ".0.0-0";
        } else if (isX(tp)) {
            to = "<" + tM + "." + inc(tm) + ".0-0";
        } else if (tpr != null) {
            to = "<=" + tM + "." + tm + "." + tp + "-" + tpr;
        } else {
            to = "<=" + h.group(7);
        }
        return (from + " " + to).trim();
    }

    // ^1.2.3 => >=1.2.3 <2.0.0-0 ; ^0.2.3 => >=0.2.3 <0.3.0-0 ; ^0.0.3 => >=0.0.3 <0.0.4-0
    private static String caret(String word) {
        Matcher m = CARET.matcher(word);
        if (!m.matches()) {
            return word;
        }
        String M = m.group(1);
        String mi = m.group(2);
        String p = m.group(3);
        String pr = m.group(4);
        if (isX(M)) {
            return "";
        }
        if (isX(mi)) {
            return ">=" + M + ".0.0 <" + inc(M) + ".0.0-0";
        }
        if (isX(p)) {
            return M.equals("0")
                    ? ">=" + M + "." + mi + ".0 <" + M + "." + inc(mi) + ".0-0"
                    : ">=" + M + "." + mi + ".0 <" + inc(M) + ".0.0-0";
        }
        String lower = ">=" + M + "." + mi + "." + p + (pr != null ? "-" + pr : "");
        if (M.equals("0")) {
            return mi.equals("0")
                    ? lower + " <" + M + "." + mi + "." + inc(p) + "-0"
                    : lower + " <" + M + "." + inc(mi) + ".0-0";
        }
        return lower + " <" + inc(M) + ".0.0-0";
    }

    // ~1.2.3 => >=1.2.3 <1.3.0-0 ; ~1.2 => >=1.2.0 <1.3.0-0 ; ~1 => >=1.0.0 <2.0.0-0
    private static String tilde(String word) {
        Matcher m = TILDE.matcher(word);
        if (!m.matches()) {
            return word;
        }
        String M = m.group(1);
        String mi = m.group(2);
        String p = m.group(3);
        String pr = m.group(4);
        if (isX(M)) {
            return "";
        }
        if (isX(mi)) {
            return ">=" + M + ".0.0 <" + inc(M) + ".0.0-0";
        }
        if (isX(p)) {
            return ">=" + M + "." + mi + ".0 <" + M + "." + inc(mi) + ".0-0";
        }
        return ">=" + M + "." + mi + "." + p + (pr != null ? "-" + pr : "") + " <" + M + "." + inc(mi) + ".0-0";
    }

    // 1.x => >=1.0.0 <2.0.0-0 ; >1.2 => >=1.3.0 ; <=1.x => <2.0.0-0 ; * => any ; >* => nothing
    private static String xrange(String word) {
        String w = word.trim();
        Matcher m = XRANGE.matcher(w);
        if (!m.matches()) {
            return w;
        }
        String gtlt = m.group(1);
        String M = m.group(2);
        String mi = m.group(3);
        String p = m.group(4);
        if ((isX(M) && !isX(mi)) || (isX(mi) && p != null && !isX(p))) {
            return w;
        }
        boolean xM = isX(M);
        boolean xm = xM || isX(mi);
        boolean xp = xm || isX(p);
        if (gtlt.equals("=") && xp) {
            gtlt = "";
        }
        if (xM) {
            return gtlt.equals(">") || gtlt.equals("<") ? "<0.0.0-0" : "*";
        }
        if (!gtlt.isEmpty() && xp) {
            String maj = M;
            String min = xm ? "0" : mi;
            if (gtlt.equals(">")) {
                gtlt = ">=";
                if (xm) {
                    maj = inc(maj);
                } else {
                    min = inc(min);
                }
            } else if (gtlt.equals("<=")) {
                gtlt = "<";
                if (xm) {
                    maj = inc(maj);
                } else {
                    min = inc(min);
                }
            }
            return gtlt + maj + "." + min + ".0" + (gtlt.equals("<") ? "-0" : "");
        }
        if (xm) {
            return ">=" + M + ".0.0 <" + inc(M) + ".0.0-0";
        }
        if (xp) {
            return ">=" + M + "." + mi + ".0 <" + M + "." + inc(mi) + ".0-0";
        }
        return w;
    }
}

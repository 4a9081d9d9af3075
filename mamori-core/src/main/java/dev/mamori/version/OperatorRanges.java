package dev.mamori.version;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Parses the operator-and-version range syntaxes of the distro schemes ({@code >= 1.2-1, << 2.0 | = 3.0},
 * {@code >=1.2 <2.0 || 3.x}, …) into alternatives of terms, and turns terms with plain comparison operators into
 * an {@link IntervalRange}. Each scheme describes its own spelling with a {@link Syntax}.
 */
final class OperatorRanges {
    /** Characters that end a version inside a range expression. */
    private static final String VERSION_STOP = "<>=!|,()";
    /** Upper bound on the alternatives a comma-of-ors expression may expand to. */
    private static final int MAX_ALTERNATIVES = 1024;

    private OperatorRanges() {}

    /** A comparison operator. */
    enum Op {
        LT, LE, EQ, GE, GT, NE;

        /** Whether a comparison result {@code compare(version, bound)} satisfies this operator. */
        boolean accepts(int c) {
            return switch (this) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case EQ -> c == 0;
                case GE -> c >= 0;
                case GT -> c > 0;
                case NE -> c != 0;
            };
        }
    }

    /** One operator and version as written; the operator is empty for a bare version. */
    record Term(String operator, String version) {
        @Override
        public String toString() {
            return operator + version;
        }
    }

    /**
     * How a scheme spells its ranges.
     *
     * @param operators accepted operators with their meaning as a plain comparison (null for scheme-specific ones)
     * @param rejected operators that are refused, with the reason (e.g. Debian's deprecated {@code <})
     * @param doubleBarOr {@code ||} separates alternatives
     * @param singleBarOr {@code |} separates alternatives
     * @param commaAnd {@code ,} joins terms that must all hold
     * @param spaceAnd whitespace between terms joins them like {@code ,}
     * @param commaOverOr {@code ,} binds looser than the alternative bar (Debian: {@code a | b, c} is
     *     {@code (a | b) and c}); otherwise the bar binds loosest
     * @param parentheses a term may be written inside one pair of parentheses ({@code (>= 1.0)})
     * @param bare a version without operator is allowed and means {@code =}
     */
    record Syntax(Map<String, Op> operators, Map<String, String> rejected, boolean doubleBarOr, boolean singleBarOr,
                  boolean commaAnd, boolean spaceAnd, boolean commaOverOr, boolean parentheses, boolean bare) {}

    /**
     * Parses a range into alternatives (any may hold) of term lists (all must hold). Versions are not
     * validated here.
     */
    static List<List<Term>> parse(String scheme, String text, Syntax syntax) {
        if (text == null || text.isBlank()) {
            throw error(scheme, text, "empty range");
        }
        if (syntax.commaOverOr()) {
            List<List<Term>> result = List.of(List.of());
            for (String group : splitComma(scheme, text, syntax)) {
                List<List<Term>> options = new ArrayList<>();
                for (String alternative : splitOr(scheme, text, group, syntax)) {
                    options.add(terms(scheme, text, alternative, syntax));
                }
                List<List<Term>> product = new ArrayList<>();
                for (List<Term> left : result) {
                    for (List<Term> right : options) {
                        List<Term> both = new ArrayList<>(left);
                        both.addAll(right);
                        product.add(both);
                    }
                }
                if (product.size() > MAX_ALTERNATIVES) {
                    throw error(scheme, text, "too many alternatives");
                }
                result = product;
            }
            return result;
        }
        List<List<Term>> result = new ArrayList<>();
        for (String alternative : splitOr(scheme, text, text, syntax)) {
            List<Term> all = new ArrayList<>();
            for (String piece : splitComma(scheme, text, alternative, syntax)) {
                all.addAll(terms(scheme, text, piece, syntax));
            }
            result.add(all);
        }
        return result;
    }

    private static List<String> splitComma(String scheme, String text, Syntax syntax) {
        return splitComma(scheme, text, text, syntax);
    }

    private static List<String> splitComma(String scheme, String text, String part, Syntax syntax) {
        if (!syntax.commaAnd()) {
            if (part.indexOf(',') >= 0) {
                throw error(scheme, text, "',' is not allowed");
            }
            return List.of(part);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= part.length(); i++) {
            if (i == part.length() || part.charAt(i) == ',') {
                String piece = part.substring(start, i);
                if (piece.isBlank()) {
                    throw error(scheme, text, "empty constraint around ','");
                }
                pieces.add(piece);
                start = i + 1;
            }
        }
        return pieces;
    }

    private static List<String> splitOr(String scheme, String text, String part, Syntax syntax) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i <= part.length()) {
            int width = 0;
            if (i < part.length() && part.charAt(i) == '|') {
                if (syntax.doubleBarOr() && part.startsWith("||", i)) {
                    width = 2;
                } else if (syntax.singleBarOr()) {
                    width = 1;
                } else {
                    throw error(scheme, text, syntax.doubleBarOr() ? "use '||' between alternatives, not '|'"
                            : "alternatives ('|') are not allowed");
                }
            }
            if (i == part.length() || width > 0) {
                String piece = part.substring(start, i);
                if (piece.isBlank()) {
                    throw error(scheme, text, "empty alternative");
                }
                pieces.add(piece);
                i += Math.max(width, 1);
                start = i;
            } else {
                i++;
            }
        }
        return pieces;
    }

    private static List<Term> terms(String scheme, String text, String piece, Syntax syntax) {
        String s = piece.strip();
        if (syntax.parentheses() && s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1);
        }
        List<Term> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (true) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            if (!out.isEmpty() && !syntax.spaceAnd()) {
                throw error(scheme, text, "unexpected '" + s.substring(i) + "' (join constraints with ',')");
            }
            String op = longestMatch(s, i, syntax.operators().keySet());
            String bad = longestMatch(s, i, syntax.rejected().keySet());
            if (bad != null && (op == null || bad.length() > op.length())) {
                throw error(scheme, text, syntax.rejected().get(bad));
            }
            if (op == null) {
                if (!syntax.bare()) {
                    throw error(scheme, text, "expected an operator (" + String.join(" ", syntax.operators().keySet())
                            + ") before '" + s.substring(i) + "'");
                }
                op = "";
            }
            i += op.length();
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j)) && VERSION_STOP.indexOf(s.charAt(j)) < 0) {
                j++;
            }
            if (j == i) {
                throw error(scheme, text, op.isEmpty()
                        ? "unexpected '" + s.substring(i) + "'"
                        : "missing version after '" + op + "'");
            }
            out.add(new Term(op, s.substring(i, j)));
            i = j;
        }
        if (out.isEmpty()) {
            throw error(scheme, text, "empty constraint");
        }
        return out;
    }

    private static String longestMatch(String s, int at, Iterable<String> candidates) {
        String best = null;
        for (String c : candidates) {
            if (!c.isEmpty() && s.startsWith(c, at) && (best == null || c.length() > best.length())) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Validates every version of the parsed range with the scheme, naming the range in the message.
     */
    static void validateVersions(VersionScheme scheme, String text, List<List<Term>> alternatives) {
        for (List<Term> all : alternatives) {
            for (Term t : all) {
                try {
                    scheme.validate(t.version());
                } catch (VersionException e) {
                    throw error(scheme.name(), text, e.getMessage());
                }
            }
        }
    }

    /**
     * Compiles alternatives of plain comparison terms to a union of intervals: each conjunction becomes one
     * interval (its tightest bounds), split around {@code !=} versions; empty conjunctions are dropped.
     */
    static IntervalRange toIntervals(VersionScheme scheme, String text, List<List<Term>> alternatives,
                                     Map<String, Op> operators) {
        validateVersions(scheme, text, alternatives);
        Comparator<String> cmp = scheme.comparator();
        List<Interval> intervals = new ArrayList<>();
        for (List<Term> all : alternatives) {
            String lower = null;
            boolean lowerInclusive = false;
            String upper = null;
            boolean upperInclusive = false;
            List<String> excluded = new ArrayList<>();
            for (Term t : all) {
                Op op = operators.get(t.operator());
                if (op == null) {
                    throw error(scheme.name(), text, "operator '" + t.operator() + "' is not a plain comparison");
                }
                String v = t.version();
                if (op == Op.NE) {
                    excluded.add(v);
                    continue;
                }
                if (op == Op.GE || op == Op.GT || op == Op.EQ) {
                    boolean inclusive = op != Op.GT;
                    int c = lower == null ? 1 : cmp.compare(v, lower);
                    if (c > 0) {
                        lower = v;
                        lowerInclusive = inclusive;
                    } else if (c == 0 && !inclusive) {
                        lowerInclusive = false;
                    }
                }
                if (op == Op.LE || op == Op.LT || op == Op.EQ) {
                    boolean inclusive = op != Op.LT;
                    int c = upper == null ? -1 : cmp.compare(v, upper);
                    if (c < 0) {
                        upper = v;
                        upperInclusive = inclusive;
                    } else if (c == 0 && !inclusive) {
                        upperInclusive = false;
                    }
                }
            }
            if (lower != null && upper != null) {
                int c = cmp.compare(lower, upper);
                if (c > 0 || (c == 0 && !(lowerInclusive && upperInclusive))) {
                    continue;
                }
            }
            List<Interval> pieces = new ArrayList<>(List.of(new Interval(lower, lowerInclusive, upper, upperInclusive)));
            for (String x : excluded) {
                List<Interval> next = new ArrayList<>();
                for (Interval iv : pieces) {
                    if (!iv.contains(scheme, x)) {
                        next.add(iv);
                        continue;
                    }
                    if (iv.lower() == null || cmp.compare(iv.lower(), x) < 0) {
                        next.add(new Interval(iv.lower(), iv.lowerInclusive(), x, false));
                    }
                    if (iv.upper() == null || cmp.compare(x, iv.upper()) < 0) {
                        next.add(new Interval(x, false, iv.upper(), iv.upperInclusive()));
                    }
                }
                pieces = next;
            }
            intervals.addAll(pieces);
        }
        return new IntervalRange(scheme, intervals, text);
    }

    /** An insertion-ordered operator table from {@code symbol, Op, symbol, Op, …} (Op may be null). */
    static Map<String, Op> operators(Object... symbolsAndOps) {
        Map<String, Op> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < symbolsAndOps.length; i += 2) {
            m.put((String) symbolsAndOps[i], (Op) symbolsAndOps[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    static VersionException error(String scheme, String text, String reason) {
        return new VersionException("invalid " + scheme + " range '" + text + "': " + reason);
    }
}

package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * The plain comparator syntax shared by schemes without a native range language of their own:
 * {@code >=1.2 <2.0} (space or comma: AND), {@code ||} (OR), operators {@code < <= > >= = ==  !=}, a bare version
 * meaning equality, and {@code *} for every version.
 */
final class ComparatorRanges {
    private ComparatorRanges() {}

    static IntervalRange parse(VersionScheme scheme, String text) {
        if (text == null || text.isBlank()) {
            throw new VersionException("empty range");
        }
        List<Interval> union = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        for (String alternative : text.split("\\|\\|")) {
            String lower = null;
            boolean lowerInc = false;
            String upper = null;
            boolean upperInc = false;
            String alt = alternative.strip();
            if (alt.isEmpty()) {
                throw new VersionException("empty alternative in range '" + text + "'");
            }
            if (alt.equals("*")) {
                union.add(Interval.ALL);
                continue;
            }
            for (String token : splitComparators(alt)) {
                String op = operator(token);
                String v = token.substring(op.length()).strip();
                if (v.isEmpty()) {
                    throw new VersionException("operator '" + op + "' without a version in range '" + text + "'");
                }
                scheme.validate(v);
                switch (op) {
                    case ">", ">=" -> {
                        boolean inc = op.equals(">=");
                        if (lower == null || scheme.compare(v, lower) > 0 || (scheme.compare(v, lower) == 0 && !inc)) {
                            lower = v;
                            lowerInc = inc;
                        }
                    }
                    case "<", "<=" -> {
                        boolean inc = op.equals("<=");
                        if (upper == null || scheme.compare(v, upper) < 0 || (scheme.compare(v, upper) == 0 && !inc)) {
                            upper = v;
                            upperInc = inc;
                        }
                    }
                    case "!=" -> excluded.add(v);
                    default -> {
                        lower = v;
                        upper = v;
                        lowerInc = true;
                        upperInc = true;
                    }
                }
            }
            union.add(new Interval(lower, lowerInc, upper, upperInc));
        }
        return new IntervalRange(scheme, union, excluded, text);
    }

    /** Splits "&gt;= 1.0, &lt;2" into comparator tokens, allowing a space between an operator and its version. */
    private static List<String> splitComparators(String alt) {
        List<String> tokens = new ArrayList<>();
        String[] words = alt.replace(',', ' ').trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (isOperatorOnly(w) && i + 1 < words.length) {
                w = w + words[++i];
            }
            tokens.add(w);
        }
        return tokens;
    }

    private static boolean isOperatorOnly(String w) {
        return w.equals(">") || w.equals(">=") || w.equals("<") || w.equals("<=") || w.equals("=") || w.equals("==") || w.equals("!=");
    }

    private static String operator(String token) {
        for (String op : List.of(">=", "<=", "!=", "==", ">", "<", "=")) {
            if (token.startsWith(op)) {
                return op;
            }
        }
        return "";
    }
}

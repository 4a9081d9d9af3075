package dev.mamori.version;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Conan 2 versions ({@code conan.internal.model.version.Version}): {@code main[-pre][+build]}.
 *
 * <p>The build part follows the last {@code +}, the pre-release part the first {@code -} before it; each part is a
 * dot-separated list of items, trailing zero items ignored ({@code 1 = 1.0 = 1.0.0}). An item is a number when it
 * reads as a (Python) integer, a string otherwise. Items compare as numbers when both are numbers, else as
 * strings, a number by its decimal form ({@code 1.1 < 1.1a}, {@code 1.1 < 1.a}); a shorter list that is a prefix
 * of the other is smaller. A version with a pre-release is below the same main version without one; otherwise
 * versions compare by main items, then pre-release, then build (no build below any build).
 *
 * <p>Like Conan's, the order is not transitive when numbers and strings meet at the same position
 * ({@code 2 < 10}, {@code 10 < 1a} as strings, {@code 1a < 2}). Valid: non-empty, no whitespace or control
 * characters.
 *
 * <p>Ranges use Conan's syntax, with or without the brackets: {@code [>=1.0 <2.0 || ^3.1, include_prerelease]}:
 * whitespace-separated conditions must all hold, {@code ||} separates alternatives, operators
 * {@code > < >= <= =}, {@code ~1.2} ({@code >=1.2 <1.3-}), {@code ^1.2} ({@code >=1.2 <2-}, bumping the first
 * non-zero item), {@code *} or nothing for any version, a bare version for equality. Ranges compile to intervals
 * over this order with the bounds as written (a trailing empty pre-release {@code 1-} dropped), which is how
 * vers-spec converts them. Two Conan resolver policies are deliberately not part of range membership: skipping
 * pre-release versions unless {@code include_prerelease} is given (the option is accepted and has no effect) and
 * widening {@code >=}/{@code <} bounds to the bound's pre-releases. An advisory's {@code >=1.0 <2.0} therefore
 * contains {@code 1.5-rc1}.
 */
final class ConanScheme implements VersionScheme {
    static final ConanScheme INSTANCE = new ConanScheme();

    private static final Map<String, OperatorRanges.Op> OPERATORS = OperatorRanges.operators(
            "<", OperatorRanges.Op.LT, "<=", OperatorRanges.Op.LE, "=", OperatorRanges.Op.EQ,
            ">=", OperatorRanges.Op.GE, ">", OperatorRanges.Op.GT);

    private ConanScheme() {}

    /** A parsed version: main items with trailing zeros removed, pre-release and build (null when absent). */
    record Parsed(List<Object> items, Parsed pre, Parsed build, List<Object> allItems) {}

    @Override
    public String name() {
        return "conan";
    }

    @Override
    public void validate(String version) {
        check(version);
    }

    @Override
    public int compare(String a, String b) {
        return compare(parse(check(a), false), parse(check(b), false));
    }

    static int compare(Parsed x, Parsed y) {
        if (x.pre() != null && y.pre() != null) {
            int c = compareItems(x.items(), y.items());
            if (c != 0) {
                return c;
            }
            c = compare(x.pre(), y.pre());
            return c != 0 ? c : compareOptional(x.build(), y.build());
        }
        if (x.pre() != null || y.pre() != null) {
            int c = compareItems(x.items(), y.items());
            if (c != 0) {
                return c;
            }
            return x.pre() != null ? -1 : 1;
        }
        int c = compareItems(x.items(), y.items());
        return c != 0 ? c : compareOptional(x.build(), y.build());
    }

    private static int compareOptional(Parsed x, Parsed y) {
        if (x == null || y == null) {
            return x == null ? (y == null ? 0 : -1) : 1;
        }
        return compare(x, y);
    }

    private static int compareItems(List<Object> a, List<Object> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            int c;
            if (x instanceof BigInteger bx && y instanceof BigInteger by) {
                c = bx.compareTo(by);
            } else {
                c = x.toString().compareTo(y.toString());
            }
            if (c != 0) {
                return c < 0 ? -1 : 1;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String check(String v) {
        if (v == null || v.isEmpty()) {
            throw new VersionException("empty Conan version");
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (Character.isWhitespace(ch) || Character.isISOControl(ch)) {
                throw new VersionException("Conan version '" + v + "' contains whitespace or control characters");
            }
        }
        return v;
    }

    static Parsed parse(String value, boolean qualifier) {
        Parsed pre = null;
        Parsed build = null;
        String main = value;
        if (!qualifier) {
            int plus = main.lastIndexOf('+');
            if (plus >= 0) {
                build = parse(main.substring(plus + 1), true);
                main = main.substring(0, plus);
            }
            int dash = main.indexOf('-');
            if (dash >= 0) {
                pre = parse(main.substring(dash + 1), true);
                main = main.substring(0, dash);
            }
        }
        List<Object> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= main.length(); i++) {
            if (i == main.length() || main.charAt(i) == '.') {
                items.add(item(main.substring(start, i)));
                start = i + 1;
            }
        }
        List<Object> all = List.copyOf(items);
        while (!items.isEmpty() && items.get(items.size() - 1) instanceof BigInteger bi && bi.signum() == 0) {
            items.remove(items.size() - 1);
        }
        return new Parsed(List.copyOf(items), pre, build, all);
    }

    /** Python's {@code int(item)} for ASCII input: optional sign, digits with single underscores between. */
    private static Object item(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder digits = new StringBuilder(n);
        boolean lastDigit = false;
        for (int k = i; k < n; k++) {
            char c = s.charAt(k);
            if (c >= '0' && c <= '9') {
                digits.append(c);
                lastDigit = true;
            } else if (c == '_' && lastDigit && k + 1 < n) {
                lastDigit = false;
            } else {
                return s;
            }
        }
        if (!lastDigit) {
            return s;
        }
        BigInteger value = new BigInteger(digits.toString());
        return s.charAt(0) == '-' ? value.negate() : value;
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        if (nativeRange == null || nativeRange.isBlank()) {
            throw OperatorRanges.error(name(), nativeRange, "empty range");
        }
        String text = nativeRange.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        String[] options = text.split(",", -1);
        for (int i = 1; i < options.length; i++) {
            String option = options[i].strip();
            if (!option.startsWith("include_prerelease") && !option.equals("loose")) {
                throw OperatorRanges.error(name(), nativeRange, "unknown option '" + option + "'");
            }
        }
        List<List<OperatorRanges.Term>> alternatives = new ArrayList<>();
        for (String alternative : options[0].split("\\|\\|", -1)) {
            List<OperatorRanges.Term> terms = new ArrayList<>();
            String[] expressions = alternative.isBlank() ? new String[] {""} : alternative.strip().split("\\s+");
            for (String expression : expressions) {
                condition(nativeRange, expression, terms);
            }
            alternatives.add(terms);
        }
        return OperatorRanges.toIntervals(this, nativeRange, alternatives, OPERATORS);
    }

    private void condition(String range, String expression, List<OperatorRanges.Term> out) {
        if (expression.isEmpty() || expression.equals("*") || expression.equals("*-")) {
            out.add(new OperatorRanges.Term(">=", "0.0.0"));
            return;
        }
        if (expression.length() == 1) {
            throw OperatorRanges.error(name(), range, "cannot parse '" + expression + "'");
        }
        char first = expression.charAt(0);
        String op;
        if (first == '>' || first == '<') {
            op = expression.charAt(1) == '=' ? first + "=" : String.valueOf(first);
        } else if (first == '~' || first == '^' || first == '=') {
            if (expression.charAt(1) == '=') {
                throw OperatorRanges.error(name(), range, "invalid operator '" + first + "='; use '" + first + "'");
            }
            op = String.valueOf(first);
        } else {
            op = "";
        }
        String version = expression.substring(op.length());
        if (version.isEmpty()) {
            throw OperatorRanges.error(name(), range, "missing version after '" + op + "'");
        }
        try {
            check(version);
        } catch (VersionException e) {
            throw OperatorRanges.error(name(), range, e.getMessage());
        }
        switch (op) {
            case "~" -> {
                Parsed v = parse(version.contains("-") ? version : version + "-", false);
                out.add(new OperatorRanges.Term(">=", display(version)));
                out.add(new OperatorRanges.Term("<", upperBound(range, v, v.allItems().size() > 1 ? 1 : 0)));
            }
            case "^" -> {
                Parsed v = parse(version, false);
                int index = 0;
                while (index < v.allItems().size() && isZero(v.allItems().get(index))) {
                    index++;
                }
                out.add(new OperatorRanges.Term(">=", display(version)));
                out.add(new OperatorRanges.Term("<", upperBound(range, v, index)));
            }
            default -> out.add(new OperatorRanges.Term(op.isEmpty() ? "=" : op, display(version)));
        }
    }

    /** A bound as written, without the empty pre-release ({@code 1-}) Conan uses to admit pre-releases. */
    private static String display(String version) {
        return version.endsWith("-") && version.indexOf('-') == version.length() - 1 && version.length() > 1
                ? version.substring(0, version.length() - 1) : version;
    }

    private static boolean isZero(Object item) {
        return item instanceof BigInteger bi && bi.signum() == 0;
    }

    /** Conan's {@code upper_bound(index)}: bump the item at {@code index}, drop the rest, exclude pre-releases. */
    private String upperBound(String range, Parsed v, int index) {
        List<Object> all = v.allItems();
        if (index >= all.size() || !(all.get(index) instanceof BigInteger bumped)) {
            throw OperatorRanges.error(name(), range, "cannot bump item " + index + " of the version, not a number");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < index; i++) {
            out.append(all.get(i)).append('.');
        }
        return out.append(bumped.add(BigInteger.ONE)).append('-').toString();
    }
}

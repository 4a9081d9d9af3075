package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gentoo package versions as the Package Manager Specification (PMS §3.2–3.3) defines them:
 * {@code 1.2.3[letter][_alpha|_beta|_pre|_rc|_p[N]]...[-rN]}.
 *
 * <p>Order (PMS algorithms 3.1–3.7): the first number as an integer; later numbers as integers, unless either
 * starts with {@code 0}, then both are compared as strings with trailing zeros removed ({@code 1.01 < 1.1},
 * {@code 1.010 = 1.01}); more numbers win ({@code 1.0 < 1.0.0}); a letter beats none; suffixes pairwise by kind
 * {@code _alpha < _beta < _pre < _rc < _p}, then number (missing = 0); an extra suffix wins only if it is
 * {@code _p}; finally the revision ({@code -r0} = none).
 *
 * <p>Ranges use Gentoo's atom operators {@code < <= = >= >}, {@code ~1.2} (1.2 at any revision) and
 * {@code =1.2*} (versions whose leading components are those given: 1.2, 1.2.5, 1.2b, 1.2_rc1, not 1.20);
 * commas and whitespace mean "all must hold", {@code ||} separates alternatives, a bare version means {@code =}.
 */
final class GentooScheme implements VersionScheme {
    static final GentooScheme INSTANCE = new GentooScheme();

    private static final List<String> SUFFIXES = List.of("alpha", "beta", "pre", "rc", "p");
    private static final int P = 4;

    private static final Map<String, OperatorRanges.Op> OPERATORS = OperatorRanges.operators(
            "<", OperatorRanges.Op.LT, "<=", OperatorRanges.Op.LE, "=", OperatorRanges.Op.EQ,
            ">=", OperatorRanges.Op.GE, ">", OperatorRanges.Op.GT, "~", null);
    private static final OperatorRanges.Syntax SYNTAX = new OperatorRanges.Syntax(OPERATORS, Map.of(),
            true, false, true, true, false, false, true);

    private GentooScheme() {}

    /**
     * A parsed version: numeric components, letter (0 when none), suffix kinds and numbers (empty when not written,
     * which compares as 0), revision digits.
     */
    record Parsed(List<String> numbers, char letter, int[] suffixKinds, String[] suffixNumbers, String revision) {}

    @Override
    public String name() {
        return "gentoo";
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    @Override
    public int compare(String a, String b) {
        Parsed x = parse(a);
        Parsed y = parse(b);
        int c = compareWithoutRevision(x, y);
        return c != 0 ? c : compareNumber(x.revision(), y.revision());
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        var alternatives = OperatorRanges.parse(name(), nativeRange, SYNTAX);
        List<List<ConstraintRange.Check>> checks = new ArrayList<>();
        for (var all : alternatives) {
            List<ConstraintRange.Check> list = new ArrayList<>();
            for (var term : all) {
                String op = term.operator();
                String version = term.version();
                boolean glob = version.endsWith("*");
                if (glob) {
                    if (!op.equals("=") && !op.isEmpty()) {
                        throw OperatorRanges.error(name(), nativeRange, "'*' is only allowed with '='");
                    }
                    version = version.substring(0, version.length() - 1);
                    if (version.contains("-r")) {
                        throw OperatorRanges.error(name(), nativeRange, "'*' cannot follow a revision");
                    }
                }
                Parsed bound;
                try {
                    bound = parse(version);
                } catch (VersionException e) {
                    throw OperatorRanges.error(name(), nativeRange, e.getMessage());
                }
                if (glob) {
                    list.add(v -> prefixMatches(parse(v), bound));
                } else if (op.equals("~")) {
                    list.add(v -> compareWithoutRevision(parse(v), bound) == 0);
                } else {
                    OperatorRanges.Op cmp = op.isEmpty() ? OperatorRanges.Op.EQ : OPERATORS.get(op);
                    String b = version;
                    list.add(v -> cmp.accepts(compare(v, b)));
                }
            }
            checks.add(list);
        }
        return new ConstraintRange(this, checks, nativeRange);
    }

    private static int compareWithoutRevision(Parsed x, Parsed y) {
        List<String> a = x.numbers();
        List<String> b = y.numbers();
        int c = compareNumber(a.get(0), b.get(0));
        if (c != 0) {
            return c;
        }
        int common = Math.min(a.size(), b.size());
        for (int i = 1; i < common; i++) {
            c = compareComponent(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        if (a.size() != b.size()) {
            return a.size() > b.size() ? 1 : -1;
        }
        if (x.letter() != y.letter()) {
            return x.letter() < y.letter() ? -1 : 1;
        }
        int na = x.suffixKinds().length;
        int nb = y.suffixKinds().length;
        for (int i = 0; i < Math.min(na, nb); i++) {
            int ka = x.suffixKinds()[i];
            int kb = y.suffixKinds()[i];
            if (ka != kb) {
                return ka < kb ? -1 : 1;
            }
            c = compareNumber(x.suffixNumbers()[i], y.suffixNumbers()[i]);
            if (c != 0) {
                return c;
            }
        }
        if (na > nb) {
            return x.suffixKinds()[nb] == P ? 1 : -1;
        }
        if (nb > na) {
            return y.suffixKinds()[na] == P ? -1 : 1;
        }
        return 0;
    }

    /** PMS algorithm 3.3: a later numeric component. */
    private static int compareComponent(String a, String b) {
        if (a.charAt(0) == '0' || b.charAt(0) == '0') {
            return Integer.signum(stripTrailingZeros(a).compareTo(stripTrailingZeros(b)));
        }
        return compareNumber(a, b);
    }

    private static String stripTrailingZeros(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, end);
    }

    private static int compareNumber(String a, String b) {
        return RpmScheme.compareDigits(a, 0, a.length(), b, 0, b.length());
    }

    /** {@code =pattern*}: the pattern's components, letter and suffixes lead the version's. */
    private static boolean prefixMatches(Parsed v, Parsed pattern) {
        List<String> pn = pattern.numbers();
        if (pn.size() > v.numbers().size()) {
            return false;
        }
        if (compareNumber(pn.get(0), v.numbers().get(0)) != 0) {
            return false;
        }
        for (int i = 1; i < pn.size(); i++) {
            if (compareComponent(pn.get(i), v.numbers().get(i)) != 0) {
                return false;
            }
        }
        boolean more = pn.size() < v.numbers().size();
        if (pattern.letter() != 0) {
            if (more || pattern.letter() != v.letter()) {
                return false;
            }
        }
        int ps = pattern.suffixKinds().length;
        if (ps > 0) {
            if (more || v.letter() != pattern.letter() || ps > v.suffixKinds().length) {
                return false;
            }
            for (int i = 0; i < ps; i++) {
                // the last suffix of the pattern without a number matches any number ("=1.2_rc*" has 1.2_rc3)
                boolean anyNumber = i == ps - 1 && pattern.suffixNumbers()[i].isEmpty();
                if (pattern.suffixKinds()[i] != v.suffixKinds()[i] || (!anyNumber
                        && compareNumber(pattern.suffixNumbers()[i], v.suffixNumbers()[i]) != 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    static Parsed parse(String v) {
        if (v == null || v.isEmpty()) {
            throw new VersionException("empty Gentoo version");
        }
        int n = v.length();
        List<String> numbers = new ArrayList<>(4);
        int i = digits(v, 0);
        if (i == 0) {
            throw invalid(v, "it does not start with a digit");
        }
        numbers.add(v.substring(0, i));
        while (i < n && v.charAt(i) == '.') {
            int j = digits(v, i + 1);
            if (j == i + 1) {
                throw invalid(v, "'.' not followed by a number");
            }
            numbers.add(v.substring(i + 1, j));
            i = j;
        }
        char letter = 0;
        if (i < n && v.charAt(i) >= 'a' && v.charAt(i) <= 'z') {
            letter = v.charAt(i++);
        }
        List<Integer> kinds = new ArrayList<>(2);
        List<String> suffixNumbers = new ArrayList<>(2);
        while (i < n && v.charAt(i) == '_') {
            int j = i + 1;
            while (j < n && v.charAt(j) >= 'a' && v.charAt(j) <= 'z') {
                j++;
            }
            int kind = SUFFIXES.indexOf(v.substring(i + 1, j));
            if (kind < 0) {
                throw invalid(v, "unknown suffix '_" + v.substring(i + 1, j) + "'");
            }
            int k = digits(v, j);
            kinds.add(kind);
            suffixNumbers.add(v.substring(j, k));
            i = k;
        }
        String revision = "0";
        if (i < n && v.startsWith("-r", i)) {
            int j = digits(v, i + 2);
            if (j == i + 2) {
                throw invalid(v, "'-r' not followed by a number");
            }
            revision = v.substring(i + 2, j);
            i = j;
        }
        if (i < n) {
            throw invalid(v, "unexpected '" + v.substring(i) + "'");
        }
        int[] kindArray = kinds.stream().mapToInt(Integer::intValue).toArray();
        return new Parsed(List.copyOf(numbers), letter, kindArray, suffixNumbers.toArray(String[]::new), revision);
    }

    private static int digits(String v, int from) {
        int j = from;
        while (j < v.length() && v.charAt(j) >= '0' && v.charAt(j) <= '9') {
            j++;
        }
        return j;
    }

    private static VersionException invalid(String v, String reason) {
        return new VersionException("invalid Gentoo version '" + v + "': " + reason);
    }
}

package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Arch Linux (pacman/libalpm) versions {@code [epoch:]version[-release]}, ordered like {@code vercmp}.
 *
 * <p>The epoch (0 when absent) is compared first, then the version, then the release, each with pacman's
 * variant of rpmvercmp: segments are runs of ASCII digits or letters, separated by anything else; digits compare
 * as numbers and beat letters; when the separator runs before a segment differ in length the longer one wins;
 * when one side runs out, a remaining letter segment is older ({@code 1.0a < 1.0 < 1.0.a < 1.0.1}). The release
 * is compared only when <em>both</em> versions have one, so {@code 1.5 = 1.5-1} and {@code 1.5 = 1.5-2} while
 * {@code 1.5-1 < 1.5-2}: like pacman's, this order is not transitive across versions with and without release.
 *
 * <p>Valid: non-empty, no whitespace or control characters, non-empty version part, epoch all digits.
 *
 * <p>Ranges use pacman's dependency operators {@code < <= = >= >}; commas and whitespace mean "all must hold",
 * {@code ||} separates alternatives. {@code = 1.5} matches every release of 1.5, as in pacman.
 */
final class AlpmScheme implements VersionScheme {
    static final AlpmScheme INSTANCE = new AlpmScheme();

    private static final Map<String, OperatorRanges.Op> OPERATORS = OperatorRanges.operators(
            "<", OperatorRanges.Op.LT, "<=", OperatorRanges.Op.LE, "=", OperatorRanges.Op.EQ,
            ">=", OperatorRanges.Op.GE, ">", OperatorRanges.Op.GT);
    private static final OperatorRanges.Syntax SYNTAX = new OperatorRanges.Syntax(OPERATORS, Map.of(),
            true, false, true, true, false, false, false);

    private AlpmScheme() {}

    @Override
    public String name() {
        return "alpm";
    }

    @Override
    public void validate(String version) {
        RpmScheme.Evr evr = RpmScheme.parse(version, "pacman");
        if (evr.release() != null && evr.release().isEmpty()) {
            throw new VersionException("pacman version '" + version + "' has an empty release");
        }
    }

    @Override
    public int compare(String a, String b) {
        validate(a);
        validate(b);
        if (a.equals(b)) {
            return 0;
        }
        RpmScheme.Evr x = RpmScheme.parse(a, "pacman");
        RpmScheme.Evr y = RpmScheme.parse(b, "pacman");
        int c = vercmp(x.epoch() == null ? "0" : x.epoch(), y.epoch() == null ? "0" : y.epoch());
        if (c != 0) {
            return c;
        }
        c = vercmp(x.version(), y.version());
        if (c != 0 || x.release() == null || y.release() == null) {
            return c;
        }
        return vercmp(x.release(), y.release());
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        var alternatives = OperatorRanges.parse(name(), nativeRange, SYNTAX);
        OperatorRanges.validateVersions(this, nativeRange, alternatives);
        List<List<ConstraintRange.Check>> checks = new ArrayList<>();
        for (var all : alternatives) {
            List<ConstraintRange.Check> list = new ArrayList<>();
            for (var term : all) {
                OperatorRanges.Op op = OPERATORS.get(term.operator());
                String bound = term.version();
                list.add(v -> op.accepts(compare(v, bound)));
            }
            checks.add(list);
        }
        return new ConstraintRange(this, checks, nativeRange);
    }

    /** pacman's rpmvercmp variant. */
    static int vercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int n = a.length();
        int m = b.length();
        int i = 0;
        int j = 0;
        int segA = 0;
        int segB = 0;
        while (i < n && j < m) {
            while (i < n && !isAlnum(a.charAt(i))) {
                i++;
            }
            while (j < m && !isAlnum(b.charAt(j))) {
                j++;
            }
            if (i == n || j == m) {
                break;
            }
            if (i - segA != j - segB) {
                return i - segA < j - segB ? -1 : 1;
            }
            int si = i;
            int sj = j;
            boolean numeric = RpmScheme.isDigit(a.charAt(i));
            if (numeric) {
                while (i < n && RpmScheme.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < m && RpmScheme.isDigit(b.charAt(j))) {
                    j++;
                }
            } else {
                while (i < n && RpmScheme.isAlpha(a.charAt(i))) {
                    i++;
                }
                while (j < m && RpmScheme.isAlpha(b.charAt(j))) {
                    j++;
                }
            }
            if (sj == j) {
                return numeric ? 1 : -1;
            }
            int c = numeric
                    ? RpmScheme.compareDigits(a, si, i, b, sj, j)
                    : RpmScheme.compareAscii(a, si, i, b, sj, j);
            if (c != 0) {
                return c;
            }
            segA = i;
            segB = j;
        }
        if (i >= n && j >= m) {
            return 0;
        }
        // a remaining letter segment never beats the end of the other version
        boolean aEnded = i >= n;
        if ((aEnded && !RpmScheme.isAlpha(b.charAt(j))) || (!aEnded && RpmScheme.isAlpha(a.charAt(i)))) {
            return -1;
        }
        return 1;
    }

    private static boolean isAlnum(char c) {
        return RpmScheme.isDigit(c) || RpmScheme.isAlpha(c);
    }
}

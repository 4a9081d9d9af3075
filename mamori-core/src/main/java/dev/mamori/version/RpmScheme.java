package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RPM versions ({@code [epoch:]version[-release]}), ordered as rpm 4.18 orders them ({@code rpm.labelCompare}):
 * epoch (0 when absent), then version, then release, each with {@code rpmvercmp}; a missing release sorts
 * before any release (even an empty one: {@code 1 < 1-}).
 *
 * <p>{@code rpmvercmp} walks both strings in segments: runs of ASCII digits or ASCII letters, everything else
 * (including non-ASCII) separating them. {@code ~} sorts before everything, even the end of the string;
 * {@code ^} sorts after the end of the string but before any further segment. Digit segments compare as numbers
 * (leading zeros ignored) and beat letter segments; letter segments compare as ASCII strings; when one side runs
 * out of segments, the other is newer.
 *
 * <p>Splitting follows rpm's {@code parseEVR}: the epoch is the leading run of digits when a colon follows it,
 * the release is what follows the last hyphen. Valid: non-empty, no whitespace or control characters, a non-empty
 * version part. (rpm itself accepts more in comparisons; what else {@code rpmbuild} refuses is not checked.)
 *
 * <p>Ranges: {@code >= 1.2-3, < 2.0} with operators {@code < <= = == >= >} and commas meaning "all must
 * hold". As in rpm's dependency matching ({@code rpmverCmp}), releases are compared only when both the bound and
 * the tested version have one: a bound written without a release ignores the tested version's release
 * ({@code = 1.2} matches {@code 1.2-5.el9}, {@code <= 1.2} matches {@code 1.2-5}); a missing epoch means 0.
 */
final class RpmScheme implements VersionScheme {
    static final RpmScheme INSTANCE = new RpmScheme();

    private static final Map<String, OperatorRanges.Op> OPERATORS = OperatorRanges.operators(
            "<", OperatorRanges.Op.LT, "<=", OperatorRanges.Op.LE, "=", OperatorRanges.Op.EQ,
            "==", OperatorRanges.Op.EQ, ">=", OperatorRanges.Op.GE, ">", OperatorRanges.Op.GT);
    private static final OperatorRanges.Syntax SYNTAX = new OperatorRanges.Syntax(OPERATORS,
            Map.of("!=", "rpm has no '!=' operator"), false, false, true, false, false, false, false);

    private RpmScheme() {}

    /** A split EVR; epoch and release are null when absent. */
    record Evr(String epoch, String version, String release) {}

    @Override
    public String name() {
        return "rpm";
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    @Override
    public int compare(String a, String b) {
        return compare(parse(a), parse(b), true);
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
                Evr bound = parse(term.version());
                list.add(v -> {
                    Evr candidate = parse(v);
                    return op.accepts(compare(candidate, bound, bound.release() != null && candidate.release() != null));
                });
            }
            checks.add(list);
        }
        return new ConstraintRange(this, checks, nativeRange);
    }

    static int compare(Evr x, Evr y, boolean withRelease) {
        int c = rpmvercmp(x.epoch() == null ? "0" : x.epoch(), y.epoch() == null ? "0" : y.epoch());
        if (c != 0) {
            return c;
        }
        c = rpmvercmp(x.version(), y.version());
        if (c != 0 || !withRelease) {
            return c;
        }
        if (x.release() == null || y.release() == null) {
            return x.release() == null ? (y.release() == null ? 0 : -1) : 1;
        }
        return rpmvercmp(x.release(), y.release());
    }

    static Evr parse(String evr) {
        return parse(evr, "RPM");
    }

    /** Splits like rpm's {@code parseEVR}; {@code label} names the scheme in messages. */
    static Evr parse(String evr, String label) {
        if (evr == null || evr.isEmpty()) {
            throw new VersionException("empty " + label + " version");
        }
        for (int i = 0; i < evr.length(); i++) {
            char ch = evr.charAt(i);
            if (Character.isWhitespace(ch) || Character.isISOControl(ch)) {
                throw new VersionException(label + " version '" + evr + "' contains whitespace or control characters");
            }
        }
        int digits = 0;
        while (digits < evr.length() && isDigit(evr.charAt(digits))) {
            digits++;
        }
        String epoch = null;
        int start = 0;
        if (digits < evr.length() && evr.charAt(digits) == ':') {
            if (digits == 0) {
                throw new VersionException("empty epoch in " + label + " version '" + evr + "'");
            }
            epoch = evr.substring(0, digits);
            start = digits + 1;
        }
        int hyphen = evr.lastIndexOf('-');
        String version;
        String release = null;
        if (hyphen >= start) {
            version = evr.substring(start, hyphen);
            release = evr.substring(hyphen + 1);
        } else {
            version = evr.substring(start);
        }
        if (version.isEmpty()) {
            throw new VersionException(label + " version '" + evr + "' has an empty version part");
        }
        return new Evr(epoch, version, release);
    }

    /** rpm 4.18's {@code rpmvercmp}. */
    static int rpmvercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int n = a.length();
        int m = b.length();
        while (i < n || j < m) {
            while (i < n && isSeparator(a.charAt(i))) {
                i++;
            }
            while (j < m && isSeparator(b.charAt(j))) {
                j++;
            }
            char ca = i < n ? a.charAt(i) : 0;
            char cb = j < m ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (i == n) {
                    return -1;
                }
                if (j == m) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (i == n || j == m) {
                break;
            }
            int si = i;
            int sj = j;
            boolean numeric = isDigit(ca);
            if (numeric) {
                while (i < n && isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < m && isDigit(b.charAt(j))) {
                    j++;
                }
            } else {
                while (i < n && isAlpha(a.charAt(i))) {
                    i++;
                }
                while (j < m && isAlpha(b.charAt(j))) {
                    j++;
                }
            }
            if (sj == j) {
                // b's segment is of the other kind: numbers beat letters
                return numeric ? 1 : -1;
            }
            int c = numeric ? compareDigits(a, si, i, b, sj, j) : compareAscii(a, si, i, b, sj, j);
            if (c != 0) {
                return c;
            }
        }
        if (i >= n && j >= m) {
            return 0;
        }
        return i >= n ? -1 : 1;
    }

    /** Compares two digit runs as numbers, ignoring leading zeros, without overflow. */
    static int compareDigits(String a, int from, int to, String b, int bFrom, int bTo) {
        while (from < to && a.charAt(from) == '0') {
            from++;
        }
        while (bFrom < bTo && b.charAt(bFrom) == '0') {
            bFrom++;
        }
        int la = to - from;
        int lb = bTo - bFrom;
        if (la != lb) {
            return la < lb ? -1 : 1;
        }
        return compareAscii(a, from, to, b, bFrom, bTo);
    }

    static int compareAscii(String a, int from, int to, String b, int bFrom, int bTo) {
        int la = to - from;
        int lb = bTo - bFrom;
        int k = Math.min(la, lb);
        for (int x = 0; x < k; x++) {
            char ca = a.charAt(from + x);
            char cb = b.charAt(bFrom + x);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
        }
        return Integer.compare(la, lb);
    }

    private static boolean isSeparator(char c) {
        return !isDigit(c) && !isAlpha(c) && c != '~' && c != '^';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenSSL release versions: the legacy letter releases ({@code 0.9.8}, {@code 1.0.2}, {@code 1.0.2a} … {@code 1.0.2z},
 * {@code 1.0.2za}, {@code 1.0.2zb} …, {@code 1.1.1w}) and the 3.x semantic versions ({@code 3.0.13}), with the
 * pre-releases OpenSSL published ({@code 1.1.0-pre5}, {@code 3.0.0-alpha17}, {@code 3.0.0-beta2}).
 *
 * <p>Form: 1 to 4 dot-separated numbers, optional lowercase letters, optional
 * {@code -dev}, {@code -alpha[N]}, {@code -beta[N]}, {@code -pre[N]} or {@code -rc[N]}. Order: numbers numerically
 * (missing = 0, so {@code 3.0 = 3.0.0}); then letters, none first, then as strings, which gives OpenSSL's
 * sequence {@code z < za < zb}; then a pre-release before the release, {@code dev < alpha < beta < pre < rc},
 * then its number.
 *
 * <p>Ranges: comparators {@code >= 1.0.2 < 1.0.2zg} (whitespace or {@code ,} between them: all must hold),
 * {@code |} or {@code ||} between alternatives, operators {@code < <= = == != >= >}, a bare version meaning
 * {@code =}. A comma-separated list of bare versions only ({@code 3.0.0, 1.0.1b}, as OpenSSL advisories list
 * affected releases) means any of them.
 */
final class OpenSslScheme implements VersionScheme {
    static final OpenSslScheme INSTANCE = new OpenSslScheme();

    private static final List<String> PRE = List.of("dev", "alpha", "beta", "pre", "rc");

    private static final Map<String, OperatorRanges.Op> OPERATORS = OperatorRanges.operators(
            "<", OperatorRanges.Op.LT, "<=", OperatorRanges.Op.LE, "=", OperatorRanges.Op.EQ,
            "==", OperatorRanges.Op.EQ, "!=", OperatorRanges.Op.NE, ">=", OperatorRanges.Op.GE,
            ">", OperatorRanges.Op.GT, "", OperatorRanges.Op.EQ);
    private static final OperatorRanges.Syntax SYNTAX = new OperatorRanges.Syntax(OPERATORS, Map.of(),
            true, true, true, true, false, false, true);

    private OpenSslScheme() {}

    /** Parsed version: numbers, letters ("" when none), pre-release rank (-1 when none) and number. */
    record Parsed(List<String> numbers, String letters, int preRank, String preNumber) {}

    @Override
    public String name() {
        return "openssl";
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    @Override
    public int compare(String a, String b) {
        Parsed x = parse(a);
        Parsed y = parse(b);
        int n = Math.max(x.numbers().size(), y.numbers().size());
        for (int i = 0; i < n; i++) {
            String p = i < x.numbers().size() ? x.numbers().get(i) : "0";
            String q = i < y.numbers().size() ? y.numbers().get(i) : "0";
            int c = RpmScheme.compareDigits(p, 0, p.length(), q, 0, q.length());
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.signum(x.letters().compareTo(y.letters()));
        if (c != 0) {
            return c;
        }
        if (x.preRank() != y.preRank()) {
            if (x.preRank() < 0 || y.preRank() < 0) {
                return x.preRank() < 0 ? 1 : -1;
            }
            return x.preRank() < y.preRank() ? -1 : 1;
        }
        return RpmScheme.compareDigits(x.preNumber(), 0, x.preNumber().length(),
                y.preNumber(), 0, y.preNumber().length());
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        var alternatives = OperatorRanges.parse(name(), nativeRange, SYNTAX);
        List<List<OperatorRanges.Term>> expanded = new ArrayList<>();
        for (var all : alternatives) {
            boolean list = all.size() > 1 && all.stream().allMatch(t -> t.operator().isEmpty());
            if (list) {
                for (var t : all) {
                    expanded.add(List.of(t));
                }
            } else {
                expanded.add(all);
            }
        }
        return OperatorRanges.toIntervals(this, nativeRange, expanded, OPERATORS);
    }

    static Parsed parse(String v) {
        if (v == null || v.isEmpty()) {
            throw new VersionException("empty OpenSSL version");
        }
        int n = v.length();
        List<String> numbers = new ArrayList<>(4);
        int i = 0;
        while (true) {
            int j = i;
            while (j < n && v.charAt(j) >= '0' && v.charAt(j) <= '9') {
                j++;
            }
            if (j == i) {
                throw invalid(v, i == 0 ? "it does not start with a number" : "'.' not followed by a number");
            }
            numbers.add(v.substring(i, j));
            i = j;
            if (i < n && v.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        if (numbers.size() > 4) {
            throw invalid(v, "more than four numbers");
        }
        int start = i;
        while (i < n && v.charAt(i) >= 'a' && v.charAt(i) <= 'z') {
            i++;
        }
        String letters = v.substring(start, i);
        int preRank = -1;
        String preNumber = "0";
        if (i < n && v.charAt(i) == '-') {
            int j = i + 1;
            while (j < n && v.charAt(j) >= 'a' && v.charAt(j) <= 'z') {
                j++;
            }
            preRank = PRE.indexOf(v.substring(i + 1, j));
            if (preRank < 0) {
                throw invalid(v, "unknown pre-release '" + v.substring(i + 1, j) + "' (expected "
                        + String.join(", ", PRE) + ")");
            }
            int k = j;
            while (k < n && v.charAt(k) >= '0' && v.charAt(k) <= '9') {
                k++;
            }
            if (k > j) {
                preNumber = v.substring(j, k);
            }
            i = k;
        }
        if (i < n) {
            throw invalid(v, "unexpected '" + v.substring(i) + "'");
        }
        return new Parsed(List.copyOf(numbers), letters, preRank, preNumber);
    }

    private static VersionException invalid(String v, String reason) {
        return new VersionException("invalid OpenSSL version '" + v + "': " + reason);
    }
}

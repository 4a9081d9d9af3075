package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alpine apk versions: {@code number{.number}...{letter}{_suffix{number}}...{~hash}{-r#}}, ordered as apk-tools 3
 * ({@code src/version.c}) orders them.
 *
 * <p>Versions are split into tokens (first number, further numbers, letter, suffixes, suffix numbers, commit
 * hash, revision) and compared token by token while both sides have a token of the same kind: numbers as
 * numbers, except that a dot-separated number with a leading zero on either side compares as a string
 * ({@code 1.01 < 1.1}, {@code 8.2.0 < 8.2.001}, like Gentoo); letters by character; suffixes by rank
 * {@code _alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p}; hashes as strings. When the
 * kinds differ, a pre-release suffix loses, otherwise the side whose next token comes earlier in the grammar is
 * newer ({@code 1.2.1 > 1.2a > 1.2 > 1.2_rc1}, {@code 1.2-r1 > 1.2}).
 *
 * <p>One leniency over apk-tools 3: digits may follow the letter ({@code 6.6.2p1}, valid in apk-tools 2 and found
 * in real Alpine history); they form a further number token. Anything else apk refuses is invalid here too
 * ({@code 1.0bc}, {@code 1.2_blah}, {@code 1-r}, {@code .1}).
 *
 * <p>Ranges: {@code >=1.2, <2.0} with operators {@code < <= = >= >} and the fuzzy {@code ~1.2} (token-prefix
 * match: {@code 1.2}, {@code 1.2.9}, {@code 1.2_rc1}, {@code 1.2a-r3}, not {@code 1.20}), {@code <~}, {@code >~};
 * commas mean "all must hold".
 */
final class ApkScheme implements VersionScheme {
    static final ApkScheme INSTANCE = new ApkScheme();

    static final int INITIAL = 0;
    static final int DIGIT = 1;
    static final int LETTER = 2;
    static final int SUFFIX = 3;
    static final int SUFFIX_NO = 4;
    static final int HASH = 5;
    static final int REVISION = 6;
    static final int END = 7;

    private static final List<String> SUFFIXES = List.of(
            "", "alpha", "beta", "pre", "rc", "", "cvs", "svn", "git", "hg", "p");
    private static final int SUFFIX_NONE = 5;

    private static final Map<String, OperatorRanges.Op> OPERATORS = OperatorRanges.operators(
            "<", OperatorRanges.Op.LT, "<=", OperatorRanges.Op.LE, "=", OperatorRanges.Op.EQ,
            ">=", OperatorRanges.Op.GE, ">", OperatorRanges.Op.GT, "~", null, "<~", null, ">~", null);
    private static final OperatorRanges.Syntax SYNTAX = new OperatorRanges.Syntax(OPERATORS,
            Map.of("!=", "apk has no '!=' operator"), false, false, true, false, false, false, false);

    private ApkScheme() {}

    /**
     * A version split into tokens: for each, its kind, the offsets of its text in {@code source} and, for suffix
     * tokens, the suffix rank.
     */
    record Tokens(String source, int count, int[] kinds, int[] starts, int[] ends, int[] suffixes) {
        int kind(int i) {
            return i < count ? kinds[i] : END;
        }
    }

    @Override
    public String name() {
        return "apk";
    }

    @Override
    public void validate(String version) {
        tokenize(version);
    }

    @Override
    public int compare(String a, String b) {
        return compare(tokenize(a), tokenize(b), false);
    }

    /** apk's fuzzy comparison: equal when {@code pattern}'s tokens are a prefix of {@code version}'s. */
    int compareFuzzy(String version, String pattern) {
        return compare(tokenize(version), tokenize(pattern), true);
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        var alternatives = OperatorRanges.parse(name(), nativeRange, SYNTAX);
        OperatorRanges.validateVersions(this, nativeRange, alternatives);
        List<List<ConstraintRange.Check>> checks = new ArrayList<>();
        for (var all : alternatives) {
            List<ConstraintRange.Check> list = new ArrayList<>();
            for (var term : all) {
                Tokens bound = tokenize(term.version());
                OperatorRanges.Op op = OPERATORS.get(term.operator());
                list.add(switch (term.operator()) {
                    case "~" -> v -> compare(tokenize(v), bound, true) == 0;
                    case "<~" -> v -> compare(tokenize(v), bound, true) <= 0;
                    case ">~" -> v -> compare(tokenize(v), bound, true) >= 0;
                    default -> v -> op.accepts(compare(tokenize(v), bound, false));
                });
            }
            checks.add(list);
        }
        return new ConstraintRange(this, checks, nativeRange);
    }

    static int compare(Tokens a, Tokens b, boolean fuzzy) {
        int k = 0;
        int ka;
        int kb;
        while (true) {
            ka = a.kind(k);
            kb = b.kind(k);
            if (ka != kb || ka == END) {
                break;
            }
            int c = compareToken(ka, a, b, k);
            if (c != 0) {
                return c;
            }
            k++;
        }
        if (ka == kb || (fuzzy && kb == END)) {
            return 0;
        }
        if (ka == SUFFIX && a.suffixes()[k] < SUFFIX_NONE) {
            return -1;
        }
        if (kb == SUFFIX && b.suffixes()[k] < SUFFIX_NONE) {
            return 1;
        }
        return ka > kb ? -1 : 1;
    }

    private static int compareToken(int kind, Tokens a, Tokens b, int k) {
        String x = a.source();
        String y = b.source();
        int xs = a.starts()[k];
        int xe = a.ends()[k];
        int ys = b.starts()[k];
        int ye = b.ends()[k];
        return switch (kind) {
            case DIGIT -> x.charAt(xs) == '0' || y.charAt(ys) == '0'
                    ? RpmScheme.compareAscii(x, xs, xe, y, ys, ye)
                    : RpmScheme.compareDigits(x, xs, xe, y, ys, ye);
            case INITIAL, SUFFIX_NO, REVISION -> RpmScheme.compareDigits(x, xs, xe, y, ys, ye);
            case SUFFIX -> Integer.compare(a.suffixes()[k], b.suffixes()[k]);
            default -> RpmScheme.compareAscii(x, xs, xe, y, ys, ye);
        };
    }

    static Tokens tokenize(String v) {
        if (v == null || v.isEmpty()) {
            throw new VersionException("empty apk version");
        }
        int n = v.length();
        int[] kinds = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int[] suffixes = new int[n];
        int count = 0;
        int i = digits(v, 0);
        if (i == 0) {
            throw invalid(v, "it does not start with a digit");
        }
        kinds[0] = INITIAL;
        ends[0] = i;
        count = 1;
        int prev = INITIAL;
        while (i < n) {
            char c = v.charAt(i);
            int kind;
            int start;
            if (c >= 'a' && c <= 'z') {
                if (prev > DIGIT) {
                    throw invalid(v, "letter '" + c + "' after " + describe(prev));
                }
                kind = LETTER;
                start = i++;
            } else if (c == '.' || isDigit(c)) {
                if (c == '.') {
                    if (prev > DIGIT) {
                        throw invalid(v, "'.' after " + describe(prev));
                    }
                    i++;
                    kind = DIGIT;
                } else if (prev == SUFFIX) {
                    kind = SUFFIX_NO;
                } else if (prev == LETTER) {
                    kind = DIGIT;
                } else {
                    throw invalid(v, "unexpected digit after " + describe(prev));
                }
                start = i;
                i = digits(v, i);
                if (i == start) {
                    throw invalid(v, "'.' not followed by a number");
                }
            } else if (c == '_') {
                if (prev > SUFFIX_NO) {
                    throw invalid(v, "suffix after " + describe(prev));
                }
                start = i + 1;
                i = start;
                while (i < n && v.charAt(i) >= 'a' && v.charAt(i) <= 'z') {
                    i++;
                }
                int rank = suffixRank(v, start, i);
                if (rank <= 0) {
                    throw invalid(v, "unknown suffix '_" + v.substring(start, i) + "'");
                }
                suffixes[count] = rank;
                kind = SUFFIX;
            } else if (c == '~') {
                if (prev >= HASH) {
                    throw invalid(v, "commit hash after " + describe(prev));
                }
                start = i + 1;
                i = start;
                while (i < n && (isDigit(v.charAt(i)) || (v.charAt(i) >= 'a' && v.charAt(i) <= 'f'))) {
                    i++;
                }
                if (i == start) {
                    throw invalid(v, "'~' not followed by a lowercase hex commit hash");
                }
                kind = HASH;
            } else if (c == '-') {
                if (prev >= REVISION) {
                    throw invalid(v, "second revision");
                }
                if (i + 1 >= n || v.charAt(i + 1) != 'r') {
                    throw invalid(v, "'-' not followed by 'r<number>'");
                }
                start = i + 2;
                i = digits(v, start);
                if (i == start) {
                    throw invalid(v, "'-r' not followed by a number");
                }
                kind = REVISION;
            } else {
                throw invalid(v, "unexpected character '" + c + "'");
            }
            kinds[count] = kind;
            starts[count] = start;
            ends[count++] = i;
            prev = kind;
        }
        return new Tokens(v, count, kinds, starts, ends, suffixes);
    }

    private static int suffixRank(String v, int from, int to) {
        for (int rank = 1; rank < SUFFIXES.size(); rank++) {
            String s = SUFFIXES.get(rank);
            if (!s.isEmpty() && s.length() == to - from && v.startsWith(s, from)) {
                return rank;
            }
        }
        return -1;
    }

    private static String describe(int kind) {
        return switch (kind) {
            case LETTER -> "the letter";
            case SUFFIX, SUFFIX_NO -> "a suffix";
            case HASH -> "the commit hash";
            case REVISION -> "the revision";
            default -> "a number";
        };
    }

    private static int digits(String v, int from) {
        int j = from;
        while (j < v.length() && isDigit(v.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static VersionException invalid(String v, String reason) {
        return new VersionException("invalid apk version '" + v + "': " + reason);
    }
}

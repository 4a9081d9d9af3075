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
 * in real Alpine history); they form a further number token.
 *
 * <p><b>Compare is total, validate is strict.</b> {@link #validate} rejects everything apk-tools 3 refuses
 * ({@code 1.0bc}, {@code 1.2_blah}, {@code 1-r}, {@code .1}, {@code 1.2.0A}, ...), and so does range matching.
 * {@link #compare} never throws for non-empty text: invalid text is ordered as {@code apk version -t} orders it,
 * following osv-scalibr's {@code alpine-versions.txt}, which records how the apk-tools generations treat such
 * text. The tokenizer keeps apk-tools' token walk and has two tokens for what it cannot read:
 * <ul>
 *   <li>an <i>invalid</i> token, apk-tools 3's {@code TOKEN_INVALID}: from a character no token may start with
 *       there (an upper-case letter, a second letter, an unknown suffix, {@code -} not followed by {@code r},
 *       anything after the revision, ...) the rest of the text is one invalid token. It ranks below every valid
 *       token except a pre-release suffix ({@code 1 > 1-ruff}, {@code 1.2 > 1.2_blah}, {@code 1.2.0A < 1.2.0d}),
 *       and two invalid tokens are equal whatever follows ({@code 1-ruff2 = 1--ruff1});</li>
 *   <li>a <i>missing-number</i> token where a number is due but no digit follows (text that starts without a
 *       digit, or a {@code .} not followed by a digit): apk-tools 2 kept reading after it, so the rest still
 *       counts ({@code 0..1..0 < 0..1..1}, {@code .2 > .1}, {@code a < b}), while, as in apk-tools 3, it ranks
 *       below every valid token ({@code 0.r1 < 0r2}, {@code 0..8 > 0...8}); it ranks above an invalid token.</li>
 * </ul>
 * A revision marker without digits ({@code 1-r}, {@code 1-r-1}) is revision 0, as apk-tools 2 reads it
 * ({@code 1-r = 1-r0}); but {@code -r} followed by a lower-case letter is not a revision at all ({@code 1-ruff} is
 * invalid from the {@code -}), as in apk-tools 3. Every token kind has a fixed rank and same-kind tokens a total
 * order, so the order stays a total preorder on all non-empty text.
 *
 * <p>The file's lines come from different apk-tools generations (its comments contrast "latest apk" with the
 * "3.x" line, i.e. the apk-tools 2 of Alpine 3.x), and no one generation yields all of them; where they disagree
 * this scheme follows the file: apk-tools 3 alone for {@code 1 > 1-ruff}, {@code 1-ruff2 = 1--ruff1},
 * {@code 0.r1 < 0r2}, {@code 0.8.21.r2 < 0.8.21r2}; apk-tools 2.14 and 3 for {@code 1-r-0 < 1-r0},
 * {@code 1.2.0A < 1.2.0d}; apk-tools 2 (2.10, and 2.14 for the first four) for {@code 1-r = 1-r0},
 * {@code 1-r0-1 = 1-r-2}, {@code 0..1..0 < 0..1..1}, {@code 0..8 > 0...8}, {@code 0...1...0.r1 < 0...1...0.r2},
 * {@code 0.8.21.r2 > 0.8.21.r1}, {@code .2 > .1}, {@code a < b}.
 *
 * <p>Ranges: {@code >=1.2, <2.0} with operators {@code < <= = >= >} and the fuzzy {@code ~1.2} (token-prefix
 * match: {@code 1.2}, {@code 1.2.9}, {@code 1.2_rc1}, {@code 1.2a-r3}, not {@code 1.20}), {@code <~}, {@code >~};
 * commas mean "all must hold". Range bounds and the versions tested against them must be valid.
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
    /** The rest of the text from where no token can be read (apk-tools 3's {@code TOKEN_INVALID}). */
    static final int INVALID = 8;
    /** A number that is due but has no digits (text starting without a digit, {@code .} not before a digit). */
    static final int MISSING = 9;

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
     * tokens, the suffix rank; {@code problem} says why the text is not a valid version (null when it is).
     */
    record Tokens(String source, int count, int[] kinds, int[] starts, int[] ends, int[] suffixes, String problem) {
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
        Tokens t = tokenize(version);
        if (t.problem() != null) {
            throw new VersionException("invalid apk version '" + version + "': " + t.problem());
        }
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
                Tokens bound = tokenize(term.version()); // validated above
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
        for (int k = 0; ; k++) {
            int ka = a.kind(k);
            int kb = b.kind(k);
            if (ka != kb) {
                if (fuzzy && kb == END) {
                    return 0;
                }
                return Integer.compare(rank(a, k), rank(b, k));
            }
            if (ka == END || ka == INVALID) {
                return 0;
            }
            if (ka != MISSING) {
                int c = compareToken(ka, a, b, k);
                if (c != 0) {
                    return c;
                }
            }
        }
    }

    /**
     * Where a token stands against a token of another kind: a pre-release suffix lowest, then an invalid rest, a
     * missing number, the end, and the valid kinds in reverse grammar order (revision, hash, suffix number, other
     * suffix, letter, number, first number), as apk-tools ranks a shorter version above a longer one unless the
     * longer one goes on with something that comes earlier in the grammar.
     */
    private static int rank(Tokens t, int k) {
        int kind = t.kind(k);
        return switch (kind) {
            case INVALID -> 1;
            case MISSING -> 2;
            case SUFFIX -> t.suffixes()[k] < SUFFIX_NONE ? 0 : 10 - SUFFIX;
            default -> 10 - kind;
        };
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

    /**
     * Splits non-empty text into tokens; never throws for non-empty text. Where the text stops being a valid
     * version, the first reason is kept in {@link Tokens#problem()} and the tokens go on as described in the class
     * comment (a missing number, or one invalid token for the rest).
     */
    static Tokens tokenize(String v) {
        if (v == null || v.isEmpty()) {
            throw new VersionException("empty apk version");
        }
        int n = v.length();
        // every token but a leading missing number takes at least one character
        int cap = n + 1;
        int[] kinds = new int[cap];
        int[] starts = new int[cap];
        int[] ends = new int[cap];
        int[] suffixes = new int[cap];
        String problem = null;
        int count = 0;
        int i = digits(v, 0);
        if (i == 0) {
            problem = "it does not start with a digit";
            kinds[0] = MISSING;
        } else {
            kinds[0] = INITIAL;
            ends[0] = i;
        }
        count = 1;
        int prev = INITIAL;
        while (i < n) {
            char c = v.charAt(i);
            int kind;
            int start;
            String wrong = null;
            if (c >= 'a' && c <= 'z') {
                kind = LETTER;
                start = i;
                if (prev > DIGIT) {
                    wrong = "letter '" + c + "' after " + describe(prev);
                } else {
                    i++;
                }
            } else if (c == '.' || isDigit(c)) {
                kind = c == '.' ? DIGIT : prev == SUFFIX ? SUFFIX_NO : prev == LETTER ? DIGIT : INVALID;
                if (c == '.' && prev > DIGIT) {
                    wrong = "'.' after " + describe(prev);
                } else if (kind == INVALID) {
                    wrong = "unexpected digit after " + describe(prev);
                }
                start = c == '.' ? i + 1 : i;
                if (wrong == null) {
                    i = digits(v, start);
                    if (i == start) {
                        // apk-tools 2 read on after an empty number; it ranks like apk-tools 3's invalid token
                        problem = problem != null ? problem : "'.' not followed by a number";
                        kinds[count] = MISSING;
                        starts[count] = start;
                        ends[count++] = start;
                        prev = DIGIT;
                        continue;
                    }
                }
            } else if (c == '_') {
                kind = SUFFIX;
                start = i + 1;
                if (prev > SUFFIX_NO) {
                    wrong = "suffix after " + describe(prev);
                } else {
                    int j = start;
                    while (j < n && v.charAt(j) >= 'a' && v.charAt(j) <= 'z') {
                        j++;
                    }
                    int rank = suffixRank(v, start, j);
                    if (rank <= 0) {
                        wrong = "unknown suffix '_" + v.substring(start, j) + "'";
                    } else {
                        suffixes[count] = rank;
                        i = j;
                    }
                }
            } else if (c == '~') {
                kind = HASH;
                start = i + 1;
                int j = start;
                while (j < n && (isDigit(v.charAt(j)) || (v.charAt(j) >= 'a' && v.charAt(j) <= 'f'))) {
                    j++;
                }
                if (prev >= HASH) {
                    wrong = "commit hash after " + describe(prev);
                } else if (j == start) {
                    wrong = "'~' not followed by a lowercase hex commit hash";
                } else {
                    i = j;
                }
            } else if (c == '-') {
                kind = REVISION;
                start = i + 2;
                if (prev >= REVISION) {
                    wrong = "second revision";
                } else if (i + 1 >= n || v.charAt(i + 1) != 'r') {
                    wrong = "'-' not followed by 'r<number>'";
                } else if (start < n && v.charAt(start) >= 'a' && v.charAt(start) <= 'z') {
                    wrong = "'-r' followed by a letter";
                } else {
                    i = digits(v, start);
                    if (i == start) {
                        // apk-tools 2 reads a revision without digits as r0
                        problem = problem != null ? problem : "'-r' not followed by a number";
                    }
                }
            } else {
                kind = INVALID;
                start = i;
                wrong = "unexpected character '" + c + "'";
            }
            if (wrong != null) {
                problem = problem != null ? problem : wrong;
                kinds[count] = INVALID;
                starts[count] = i;
                ends[count++] = n;
                break;
            }
            kinds[count] = kind;
            starts[count] = start;
            ends[count++] = i;
            prev = kind;
        }
        return new Tokens(v, count, kinds, starts, ends, suffixes, problem);
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

}

package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A PEP 440 version, parsed exactly as {@code packaging.version.Version} parses it, with its sort key.
 *
 * <p>Accepted spellings (case-insensitive): an optional {@code v}; an epoch {@code N!}; a release {@code N(.N)*};
 * a pre-release {@code a|b|c|rc|alpha|beta|pre|preview} with optional separators {@code - _ .} and number; a
 * post-release {@code post|rev|r} or the implicit {@code -N}; a dev release {@code dev}; a local version
 * {@code +label(.label)*}. Surrounding whitespace is ignored. Alternatives are tried in the order of packaging's
 * regular expression, so ambiguous text ({@code 1.0a-1}) resolves the same way ({@code 1.0a1}).
 *
 * <p>Letters are ASCII only. packaging's case-insensitive Unicode matching also lets {@code ſ}, {@code ı},
 * {@code İ} and the Kelvin sign through and then orders them by their raw text ({@code 1.0.poſt1} sorts after
 * {@code 1.0.post9}); those are not PEP 440 and are rejected here, and {@link PypiLegacyVersion} rejects them too
 * rather than order them as legacy versions, which packaging would not. Any other text that is not PEP 440 is a
 * legacy version (see {@link PypiScheme}).
 */
final class PypiVersion implements Comparable<PypiVersion> {
    /** Pre-release kinds in sort order. */
    static final int PRE_DEV_ONLY = 0;
    static final int PRE_A = 1;
    static final int PRE_B = 2;
    static final int PRE_RC = 3;
    static final int PRE_NONE = 4;

    private static final String[] PRE_WORDS = {"a", "b", "c", "rc", "alpha", "beta", "pre", "preview"};
    private static final String[] POST_WORDS = {"post", "rev", "r"};
    private static final String[] PRE_LABEL = {"", "a", "b", "rc", ""};

    final String epoch;
    /** Release numbers as written (normalized digits), including trailing zeros. */
    final String[] release;
    /** Number of release numbers that count for ordering (trailing zeros dropped). */
    final int releaseKeyLength;
    /** The pre-release letter kind ({@link #PRE_A}, {@link #PRE_B}, {@link #PRE_RC}) or {@link #PRE_NONE}. */
    final int preLetter;
    final String preNumber;
    final String post;
    final String dev;
    /** Local segment parts (lower case; numbers normalized), or null. */
    final String[] local;
    final boolean[] localNumeric;

    private PypiVersion(String epoch, String[] release, int preLetter, String preNumber, String post, String dev,
            String[] local, boolean[] localNumeric) {
        this.epoch = epoch;
        this.release = release;
        int n = release.length;
        while (n > 0 && DecimalText.isZero(release[n - 1])) {
            n--;
        }
        this.releaseKeyLength = n;
        this.preLetter = preLetter;
        this.preNumber = preNumber;
        this.post = post;
        this.dev = dev;
        this.local = local;
        this.localNumeric = localNumeric;
    }

    /** Parses a version or throws {@link VersionException} naming the text. */
    static PypiVersion parse(String text) {
        PypiVersion v = tryParse(text);
        if (v == null) {
            throw new VersionException(text == null || text.isBlank()
                    ? "empty PyPI version"
                    : "not a valid PEP 440 version: '" + text + "'");
        }
        return v;
    }

    /** Parses a version, or returns null when the text is not PEP 440. */
    static PypiVersion tryParse(String text) {
        if (text == null) {
            return null;
        }
        int from = 0;
        int to = text.length();
        while (from < to && isPythonSpace(text.charAt(from))) {
            from++;
        }
        while (to > from && isPythonSpace(text.charAt(to - 1))) {
            to--;
        }
        if (from == to) {
            return null;
        }
        return new Parser(text, from, to).parse();
    }

    boolean isPrerelease() {
        return dev != null || preLetter != PRE_NONE;
    }

    boolean isPostrelease() {
        return post != null;
    }

    boolean hasLocal() {
        return local != null;
    }

    /** This version without its local segment. */
    PypiVersion publicVersion() {
        return local == null ? this : new PypiVersion(epoch, release, preLetter, preNumber, post, dev, null, null);
    }

    /** Compares epoch and release only (packaging's {@code Version(v.base_version)}). */
    int compareBase(PypiVersion o) {
        int c = DecimalText.compare(epoch, o.epoch);
        return c != 0 ? c : compareRelease(o);
    }

    @Override
    public int compareTo(PypiVersion o) {
        int c = compareBase(o);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(preKey(), o.preKey());
        if (c != 0) {
            return c;
        }
        if (preLetter != PRE_NONE && o.preLetter != PRE_NONE) {
            c = DecimalText.compare(preNumber, o.preNumber);
            if (c != 0) {
                return c;
            }
        }
        c = compareOptional(post, o.post, -1);
        if (c != 0) {
            return c;
        }
        c = compareOptional(dev, o.dev, 1);
        if (c != 0) {
            return c;
        }
        return compareLocal(o);
    }

    /** The pre-release position: a dev release without pre or post sorts before every pre-release. */
    private int preKey() {
        if (preLetter == PRE_NONE && post == null && dev != null) {
            return PRE_DEV_ONLY;
        }
        return preLetter;
    }

    private int compareRelease(PypiVersion o) {
        int n = Math.min(releaseKeyLength, o.releaseKeyLength);
        for (int i = 0; i < n; i++) {
            int c = DecimalText.compare(release[i], o.release[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(releaseKeyLength, o.releaseKeyLength);
    }

    /** Compares optional numbers; {@code absentSign} is where an absent value sorts (-1 first, 1 last). */
    private static int compareOptional(String a, String b, int absentSign) {
        if (a == null || b == null) {
            if (a == b) {
                return 0;
            }
            return a == null ? absentSign : -absentSign;
        }
        return DecimalText.compare(a, b);
    }

    private int compareLocal(PypiVersion o) {
        if (local == null || o.local == null) {
            if (local == o.local) {
                return 0;
            }
            return local == null ? -1 : 1;
        }
        int n = Math.min(local.length, o.local.length);
        for (int i = 0; i < n; i++) {
            boolean na = localNumeric[i];
            boolean nb = o.localNumeric[i];
            int c;
            if (na && nb) {
                c = DecimalText.compare(local[i], o.local[i]);
            } else if (na != nb) {
                c = na ? 1 : -1;
            } else {
                c = Integer.signum(local[i].compareTo(o.local[i]));
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(local.length, o.local.length);
    }

    /** The normalized form, as {@code str(packaging.version.Version(text))} prints it. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        out.append(publicText(false));
        if (local != null) {
            out.append('+').append(String.join(".", local));
        }
        return out.toString();
    }

    /**
     * The public part of the normalized form; with {@code stripTrailingZeros} the release loses trailing
     * {@code .0}s as packaging's {@code canonicalize_version} does.
     */
    String publicText(boolean stripTrailingZeros) {
        StringBuilder out = new StringBuilder();
        if (!DecimalText.isZero(epoch)) {
            out.append(epoch).append('!');
        }
        int n = release.length;
        if (stripTrailingZeros) {
            n = Math.max(1, releaseKeyLength);
        }
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(release[i]);
        }
        if (preLetter != PRE_NONE) {
            out.append(PRE_LABEL[preLetter]).append(preNumber);
        }
        if (post != null) {
            out.append(".post").append(post);
        }
        if (dev != null) {
            out.append(".dev").append(dev);
        }
        return out.toString();
    }

    /** Python's {@code str.isspace()} for one char. */
    static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '_' || c == '.';
    }

    /** ASCII case-insensitive letter match. */
    static boolean letterMatches(char c, char lower) {
        return c == lower || c == lower - 32;
    }

    /** A char of {@code [a-zA-Z0-9]}. */
    static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || DecimalText.isDigit(c);
    }

    /** A backtracking matcher that tries alternatives in the order packaging's regular expression does. */
    private static final class Parser {
        private final String s;
        private final int end;
        private int preLetter = PRE_NONE;
        private String preNumber;
        private String post;
        private String dev;
        private int localStart = -1;

        Parser(String s, int from, int to) {
            this.s = s.substring(from, to);
            this.end = this.s.length();
        }

        PypiVersion parse() {
            int i = 0;
            if (letterMatches(s.charAt(0), 'v')) {
                i++;
            }
            String epoch = "0";
            int d = digitsEnd(i);
            if (d > i && d < end && s.charAt(d) == '!') {
                epoch = DecimalText.normalize(s, i, d);
                i = d + 1;
            }
            List<String> release = new ArrayList<>(4);
            d = digitsEnd(i);
            if (d == i) {
                return null;
            }
            release.add(DecimalText.normalize(s, i, d));
            i = d;
            while (i + 1 < end && s.charAt(i) == '.' && DecimalText.isDigit(s.charAt(i + 1))) {
                d = digitsEnd(i + 1);
                release.add(DecimalText.normalize(s, i + 1, d));
                i = d;
            }
            if (i < end && !tailPre(i)) {
                return null;
            }
            String[] localParts = null;
            boolean[] numeric = null;
            if (localStart >= 0) {
                List<String> parts = new ArrayList<>();
                int start = localStart;
                for (int k = localStart; k <= end; k++) {
                    if (k == end || isSeparator(s.charAt(k))) {
                        parts.add(s.substring(start, k));
                        start = k + 1;
                    }
                }
                localParts = new String[parts.size()];
                numeric = new boolean[parts.size()];
                for (int k = 0; k < localParts.length; k++) {
                    String p = parts.get(k);
                    numeric[k] = DecimalText.isDigits(p);
                    localParts[k] = numeric[k] ? DecimalText.normalize(p) : p.toLowerCase(Locale.ROOT);
                }
            }
            return new PypiVersion(epoch, release.toArray(new String[0]), preLetter, preNumber, post, dev,
                    localParts, numeric);
        }

        private int digitsEnd(int i) {
            while (i < end && DecimalText.isDigit(s.charAt(i))) {
                i++;
            }
            return i;
        }

        private boolean word(int at, String w) {
            if (at + w.length() > end) {
                return false;
            }
            for (int k = 0; k < w.length(); k++) {
                if (!letterMatches(s.charAt(at + k), w.charAt(k))) {
                    return false;
                }
            }
            return true;
        }

        /** {@code [-_.]?} greedy: the positions to try, consuming first. */
        private int[] optionalSeparator(int i) {
            return i < end && isSeparator(s.charAt(i)) ? new int[] {i + 1, i} : new int[] {i};
        }

        private boolean tailPre(int i) {
            for (int a : optionalSeparator(i)) {
                for (String w : PRE_WORDS) {
                    if (!word(a, w)) {
                        continue;
                    }
                    for (int c : optionalSeparator(a + w.length())) {
                        int d = digitsEnd(c);
                        preLetter = switch (w) {
                            case "a", "alpha" -> PRE_A;
                            case "b", "beta" -> PRE_B;
                            default -> PRE_RC;
                        };
                        preNumber = d > c ? DecimalText.normalize(s, c, d) : "0";
                        if (tailPost(d)) {
                            return true;
                        }
                    }
                }
            }
            preLetter = PRE_NONE;
            preNumber = null;
            return tailPost(i);
        }

        private boolean tailPost(int i) {
            if (i < end && s.charAt(i) == '-') {
                int d = digitsEnd(i + 1);
                if (d > i + 1) {
                    post = DecimalText.normalize(s, i + 1, d);
                    if (tailDev(d)) {
                        return true;
                    }
                }
            }
            for (int a : optionalSeparator(i)) {
                for (String w : POST_WORDS) {
                    if (!word(a, w)) {
                        continue;
                    }
                    for (int c : optionalSeparator(a + w.length())) {
                        int d = digitsEnd(c);
                        post = d > c ? DecimalText.normalize(s, c, d) : "0";
                        if (tailDev(d)) {
                            return true;
                        }
                    }
                }
            }
            post = null;
            return tailDev(i);
        }

        private boolean tailDev(int i) {
            for (int a : optionalSeparator(i)) {
                if (!word(a, "dev")) {
                    continue;
                }
                for (int c : optionalSeparator(a + 3)) {
                    int d = digitsEnd(c);
                    dev = d > c ? DecimalText.normalize(s, c, d) : "0";
                    if (tailLocal(d)) {
                        return true;
                    }
                }
            }
            dev = null;
            return tailLocal(i);
        }

        private boolean tailLocal(int i) {
            localStart = -1;
            if (i == end) {
                return true;
            }
            if (s.charAt(i) != '+') {
                return false;
            }
            int k = i + 1;
            boolean needChar = true;
            for (; k < end; k++) {
                char c = s.charAt(k);
                if (isLocalChar(c)) {
                    needChar = false;
                } else if (isSeparator(c) && !needChar) {
                    needChar = true;
                } else {
                    return false;
                }
            }
            if (needChar) {
                return false;
            }
            localStart = i + 1;
            return true;
        }
    }
}

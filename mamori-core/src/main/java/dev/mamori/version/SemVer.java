package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed semantic version (SemVer 2.0.0 shape): numeric major, minor and patch kept as canonical decimal
 * strings (so numbers of any size compare exactly), dot-separated prerelease identifiers, and build metadata
 * that never takes part in ordering.
 *
 * <p>One parser serves the semver-shaped ecosystems; {@link Syntax} says what each one tolerates.
 */
record SemVer(String major, String minor, String patch, List<String> pre, String build) {

    /** Number.MAX_SAFE_INTEGER: node-semver rejects larger major, minor or patch numbers. */
    static final long JS_MAX_SAFE_INTEGER = 9007199254740991L;

    /** node-semver's MAX_LENGTH. */
    static final int NPM_MAX_LENGTH = 256;

    SemVer {
        pre = List.copyOf(pre);
    }

    /**
     * What a dialect accepts on top of strict SemVer 2.0.0.
     *
     * @param vPrefix   a leading lowercase {@code v} is allowed (and ignored)
     * @param shorthand {@code 1} and {@code 1.2} are allowed and mean {@code 1.0.0} and {@code 1.2.0} (Go's x/mod)
     * @param npm       node-semver's limits: surrounding whitespace is trimmed, at most 256 characters,
     *                  major/minor/patch at most 2^53-1
     */
    record Syntax(boolean vPrefix, boolean shorthand, boolean npm) {
        static final Syntax STRICT = new Syntax(false, false, false);
        static final Syntax STRICT_V = new Syntax(true, false, false);
        static final Syntax NPM = new Syntax(true, false, true);
        static final Syntax GO = new Syntax(true, true, false);
    }

    boolean isPrerelease() {
        return !pre.isEmpty();
    }

    boolean sameRelease(SemVer o) {
        return major.equals(o.major) && minor.equals(o.minor) && patch.equals(o.patch);
    }

    /** {@code major.minor.patch[-pre]}, without build metadata. */
    String format() {
        StringBuilder b = new StringBuilder(major).append('.').append(minor).append('.').append(patch);
        if (!pre.isEmpty()) {
            b.append('-').append(String.join(".", pre));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return build == null ? format() : format() + "+" + build;
    }

    // ---------------------------------------------------------------- parsing

    static SemVer parse(String text, Syntax syntax, String what) {
        if (text == null) {
            throw new VersionException("empty " + what + " version");
        }
        String s = text;
        if (syntax.npm()) {
            if (s.length() > NPM_MAX_LENGTH) {
                throw new VersionException(what + " version is longer than " + NPM_MAX_LENGTH + " characters: '"
                        + abbreviate(s) + "'");
            }
            s = JsWhitespace.trim(s);
        }
        if (s.isEmpty()) {
            throw new VersionException("empty " + what + " version");
        }
        int i = 0;
        int n = s.length();
        if (syntax.vPrefix() && s.charAt(0) == 'v') {
            i = 1;
        }
        String[] nums = new String[3];
        int count = 0;
        while (true) {
            int start = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                throw invalid(text, what, "expected a number at position " + (start + 1));
            }
            if (s.charAt(start) == '0' && i - start > 1) {
                throw invalid(text, what, "number with a leading zero '" + s.substring(start, i) + "'");
            }
            nums[count++] = s.substring(start, i);
            if (count == 3 || i >= n || s.charAt(i) != '.') {
                break;
            }
            i++; // '.'
        }
        if (count < 3) {
            if (!syntax.shorthand() || i < n) {
                throw invalid(text, what, "expected major.minor.patch");
            }
            return new SemVer(nums[0], count > 1 ? nums[1] : "0", "0", List.of(), null);
        }
        List<String> pre = List.of();
        String build = null;
        if (i < n && s.charAt(i) == '-') {
            int end = indexOf(s, '+', i + 1);
            pre = identifiers(text, s.substring(i + 1, end), what, true);
            i = end;
        }
        if (i < n && s.charAt(i) == '+') {
            build = s.substring(i + 1);
            identifiers(text, build, what, false);
            i = n;
        }
        if (i < n) {
            throw invalid(text, what, "unexpected '" + s.charAt(i) + "' at position " + (i + 1));
        }
        if (syntax.npm()) {
            for (int k = 0; k < 3; k++) {
                if (nums[k].length() > 16 || Long.parseLong(nums[k]) > JS_MAX_SAFE_INTEGER) {
                    throw invalid(text, what, "number " + nums[k] + " exceeds 2^53-1");
                }
            }
        }
        return new SemVer(nums[0], nums[1], nums[2], pre, build);
    }

    private static List<String> identifiers(String text, String part, String what, boolean prerelease) {
        if (part.isEmpty()) {
            throw invalid(text, what, prerelease ? "empty prerelease" : "empty build metadata");
        }
        List<String> out = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int dot = indexOf(part, '.', start);
            String id = part.substring(start, dot);
            if (id.isEmpty()) {
                throw invalid(text, what, "empty " + (prerelease ? "prerelease" : "build") + " identifier");
            }
            boolean numeric = true;
            for (int k = 0; k < id.length(); k++) {
                char c = id.charAt(k);
                if (!isDigit(c)) {
                    numeric = false;
                    if (!(c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                        throw invalid(text, what, "character '" + c + "' in identifier '" + id + "'");
                    }
                }
            }
            if (prerelease && numeric && id.length() > 1 && id.charAt(0) == '0') {
                throw invalid(text, what, "numeric prerelease identifier with a leading zero '" + id + "'");
            }
            out.add(id);
            if (dot == part.length()) {
                return out;
            }
            start = dot + 1;
        }
    }

    private static int indexOf(String s, char c, int from) {
        int k = s.indexOf(c, from);
        return k < 0 ? s.length() : k;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isNumeric(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static VersionException invalid(String text, String what, String reason) {
        return new VersionException("invalid " + what + " version '" + abbreviate(text) + "': " + reason);
    }

    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    // ---------------------------------------------------------------- ordering

    /** SemVer 2.0.0 §11 precedence; build metadata is ignored. Numbers of any size compare exactly. */
    static int compare(SemVer a, SemVer b) {
        int c = compareRelease(a, b);
        return c != 0 ? c : comparePre(a.pre, b.pre, false);
    }

    /**
     * node-semver's order: like {@link #compare}, except that numeric prerelease identifiers are compared as
     * JavaScript numbers (IEEE doubles), so identifiers beyond 2^53 can compare equal, and the first pair of
     * differing identifiers decides even when they compare equal that way.
     */
    static int compareNpm(SemVer a, SemVer b) {
        int c = compareRelease(a, b);
        return c != 0 ? c : comparePre(a.pre, b.pre, true);
    }

    static int compareRelease(SemVer a, SemVer b) {
        int c = compareDigits(a.major, b.major);
        if (c == 0) {
            c = compareDigits(a.minor, b.minor);
            if (c == 0) {
                c = compareDigits(a.patch, b.patch);
            }
        }
        return c;
    }

    /** Compares canonical (no leading zero) decimal digit strings numerically. */
    static int compareDigits(String x, String y) {
        if (x.length() != y.length()) {
            return x.length() < y.length() ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    static int comparePre(List<String> a, List<String> b, boolean npm) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() ? (b.isEmpty() ? 0 : 1) : -1;
        }
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            String x = a.get(i);
            String y = b.get(i);
            if (x.equals(y)) {
                continue;
            }
            return compareIdentifier(x, y, npm);
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int compareIdentifier(String x, String y, boolean npm) {
        boolean nx = isNumeric(x);
        boolean ny = isNumeric(y);
        if (nx && ny) {
            if (npm && (x.length() > 15 || y.length() > 15)) {
                return Double.compare(Double.parseDouble(x), Double.parseDouble(y));
            }
            return compareNumericText(x, y);
        }
        if (nx != ny) {
            return nx ? -1 : 1;
        }
        return Integer.signum(x.compareTo(y));
    }

    /** Numeric order of digit strings that may carry leading zeros. */
    static int compareNumericText(String x, String y) {
        int i = 0;
        while (i < x.length() - 1 && x.charAt(i) == '0') {
            i++;
        }
        int j = 0;
        while (j < y.length() - 1 && y.charAt(j) == '0') {
            j++;
        }
        int lx = x.length() - i;
        int ly = y.length() - j;
        if (lx != ly) {
            return lx < ly ? -1 : 1;
        }
        for (int k = 0; k < lx; k++) {
            int c = Character.compare(x.charAt(i + k), y.charAt(j + k));
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return 0;
    }
}

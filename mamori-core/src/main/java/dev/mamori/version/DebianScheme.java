package dev.mamori.version;

import java.util.Map;

/**
 * Debian package versions, ordered exactly as dpkg orders them ({@code dpkg --compare-versions}).
 *
 * <p>A version is {@code [epoch:]upstream[-revision]}: the epoch is a decimal number (0 when absent), the
 * revision is whatever follows the <em>last</em> hyphen (empty, i.e. equal to {@code 0}, when absent). Upstream
 * and revision are compared with dpkg's algorithm: alternate non-digit and digit runs; non-digit runs compare
 * character by character where {@code ~} sorts before everything (even the end of the string), letters before
 * all other characters; digit runs compare as numbers.
 *
 * <p>Validity follows dpkg's parser, including the rules dpkg only warns about: the upstream version must start
 * with a digit and may contain only ASCII letters, digits and {@code . + ~ - :}; the revision only letters,
 * digits and {@code . + ~}; the epoch must be a non-negative number that fits an {@code int}; no whitespace.
 *
 * <p>Ranges use Debian relation syntax: {@code >= 1.2-1, << 2.0} (comma: all must hold), {@code |} between
 * alternatives, binding tighter than the comma as in a Depends field ({@code >= 1, << 2 | >= 3} is
 * {@code >= 1} and ({@code << 2} or {@code >= 3})). Operators {@code << <= = >= >>}, each term optionally in
 * parentheses. The deprecated {@code <} and {@code >} (which dpkg reads as {@code <=} and {@code >=}) are
 * refused as ambiguous.
 */
final class DebianScheme implements VersionScheme {
    static final DebianScheme INSTANCE = new DebianScheme();

    private static final Map<String, OperatorRanges.Op> OPERATORS = OperatorRanges.operators(
            "<<", OperatorRanges.Op.LT, "<=", OperatorRanges.Op.LE, "=", OperatorRanges.Op.EQ,
            ">=", OperatorRanges.Op.GE, ">>", OperatorRanges.Op.GT);
    private static final OperatorRanges.Syntax SYNTAX = new OperatorRanges.Syntax(OPERATORS, Map.of(
            "<", "the obsolete relation '<' is ambiguous (dpkg reads it as '<='); write '<<' or '<='",
            ">", "the obsolete relation '>' is ambiguous (dpkg reads it as '>='); write '>>' or '>='",
            "!=", "Debian relations have no '!='"),
            false, true, true, false, true, true, false);

    private DebianScheme() {}

    /** A parsed Debian version. */
    record Parsed(int epoch, String upstream, String revision) {}

    @Override
    public String name() {
        return "deb";
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    @Override
    public int compare(String a, String b) {
        Parsed x = parse(a);
        Parsed y = parse(b);
        int c = Integer.compare(x.epoch(), y.epoch());
        if (c != 0) {
            return c;
        }
        c = compareFragment(x.upstream(), y.upstream());
        if (c != 0) {
            return c;
        }
        return compareFragment(x.revision(), y.revision());
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        var alternatives = OperatorRanges.parse(name(), nativeRange, SYNTAX);
        return OperatorRanges.toIntervals(this, nativeRange, alternatives, OPERATORS);
    }

    static Parsed parse(String version) {
        if (version == null || version.isEmpty()) {
            throw new VersionException("empty Debian version");
        }
        for (int i = 0; i < version.length(); i++) {
            if (Character.isWhitespace(version.charAt(i))) {
                throw new VersionException("Debian version '" + version + "' contains whitespace");
            }
        }
        int colon = version.indexOf(':');
        int epoch = 0;
        String rest = version;
        if (colon >= 0) {
            String e = version.substring(0, colon);
            if (e.isEmpty()) {
                throw new VersionException("epoch in Debian version '" + version + "' is empty");
            }
            long value = 0;
            for (int i = 0; i < e.length(); i++) {
                char ch = e.charAt(i);
                if (ch < '0' || ch > '9') {
                    throw new VersionException("epoch in Debian version '" + version + "' is not a number");
                }
                value = value * 10 + (ch - '0');
                if (value > Integer.MAX_VALUE) {
                    throw new VersionException("epoch in Debian version '" + version + "' is too big");
                }
            }
            epoch = (int) value;
            rest = version.substring(colon + 1);
            if (rest.isEmpty()) {
                throw new VersionException("nothing after the colon in Debian version '" + version + "'");
            }
        }
        String upstream = rest;
        String revision = "";
        int hyphen = rest.lastIndexOf('-');
        if (hyphen >= 0) {
            upstream = rest.substring(0, hyphen);
            revision = rest.substring(hyphen + 1);
            if (revision.isEmpty()) {
                throw new VersionException("revision in Debian version '" + version + "' is empty");
            }
        }
        if (upstream.isEmpty()) {
            throw new VersionException("upstream version in Debian version '" + version + "' is empty");
        }
        if (!isDigit(upstream.charAt(0))) {
            throw new VersionException("Debian version '" + version + "' does not start with a digit");
        }
        for (int i = 0; i < upstream.length(); i++) {
            char ch = upstream.charAt(i);
            if (!isAlnum(ch) && ".+~-:".indexOf(ch) < 0) {
                throw new VersionException("invalid character '" + ch + "' in upstream part of Debian version '"
                        + version + "'");
            }
        }
        for (int i = 0; i < revision.length(); i++) {
            char ch = revision.charAt(i);
            if (!isAlnum(ch) && ".+~".indexOf(ch) < 0) {
                throw new VersionException("invalid character '" + ch + "' in revision of Debian version '"
                        + version + "'");
            }
        }
        return new Parsed(epoch, upstream, revision);
    }

    /** dpkg's comparison of one version part (upstream or revision). */
    static int compareFragment(String a, String b) {
        int i = 0;
        int j = 0;
        int n = a.length();
        int m = b.length();
        while (i < n || j < m) {
            while ((i < n && !isDigit(a.charAt(i))) || (j < m && !isDigit(b.charAt(j)))) {
                int ac = i < n ? order(a.charAt(i)) : 0;
                int bc = j < m ? order(b.charAt(j)) : 0;
                if (ac != bc) {
                    return ac < bc ? -1 : 1;
                }
                i++;
                j++;
            }
            while (i < n && a.charAt(i) == '0') {
                i++;
            }
            while (j < m && b.charAt(j) == '0') {
                j++;
            }
            int firstDiff = 0;
            while (i < n && j < m && isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < n && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < m && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff < 0 ? -1 : 1;
            }
        }
        return 0;
    }

    /** dpkg's character weight: {@code ~} lowest, then end/digits, then letters, then everything else. */
    private static int order(char c) {
        if (isDigit(c)) {
            return 0;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

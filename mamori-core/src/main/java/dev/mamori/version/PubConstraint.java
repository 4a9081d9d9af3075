package dev.mamori.version;

/**
 * A pub version constraint as {@code pub_semver}'s {@code VersionConstraint.parse} reads it: {@code any};
 * {@code ^V} ({@code >=V <nextBreaking(V)-0}: the next major, or for 0.x the next minor); or space-separated
 * parts that must all hold — a bare version (exactly that one) or {@code < <= > >=} and a version.
 *
 * <p>As in pub_semver, an exclusive upper bound {@code <V} on a release V (no pre-release, no build) excludes V's
 * pre-releases ({@code <2.0.0} is {@code <2.0.0-0}) unless the lower bound is itself a pre-release of V.
 */
final class PubConstraint implements VersionRange {
    private final PubVersion min;
    private final boolean includeMin;
    private final PubVersion max;
    private final boolean includeMax;
    private final boolean empty;
    private final String text;

    private PubConstraint(PubVersion min, boolean includeMin, PubVersion max, boolean includeMax, boolean empty,
            String text) {
        this.min = min;
        this.includeMin = includeMin;
        this.max = max;
        this.includeMax = includeMax;
        this.empty = empty;
        this.text = text;
    }

    static PubConstraint parse(String text) {
        if (text == null) {
            throw new VersionException("empty pub constraint");
        }
        String s = text.strip();
        if (s.equals("any")) {
            return new PubConstraint(null, false, null, false, false, text);
        }
        int[] end = new int[1];
        if (s.startsWith("^")) {
            int i = skipSpace(s, 1);
            PubVersion v = PubVersion.parsePrefix(s, i, end);
            if (v == null) {
                throw invalid(text, "expected a version after '^'");
            }
            if (end[0] != s.length()) {
                throw invalid(text, "a '^' constraint cannot be combined with others");
            }
            return new PubConstraint(v, true, v.nextBreaking().firstPrerelease(), false, false, text);
        }
        PubVersion min = null;
        boolean includeMin = false;
        PubVersion max = null;
        boolean includeMax = false;
        int i = 0;
        while (true) {
            i = skipSpace(s, i);
            if (i >= s.length()) {
                break;
            }
            PubVersion lo = null;
            boolean loIncl = false;
            PubVersion hi = null;
            boolean hiIncl = false;
            PubVersion exact = PubVersion.parsePrefix(s, i, end);
            if (exact != null) {
                lo = exact;
                hi = exact;
                loIncl = true;
                hiIncl = true;
                i = end[0];
            } else if (s.charAt(i) == '<' || s.charAt(i) == '>') {
                char op = s.charAt(i);
                boolean inclusive = i + 1 < s.length() && s.charAt(i + 1) == '=';
                i = skipSpace(s, i + (inclusive ? 2 : 1));
                PubVersion v = PubVersion.parsePrefix(s, i, end);
                if (v == null) {
                    throw invalid(text, "expected a version after '" + op + (inclusive ? "=" : "") + "'");
                }
                i = end[0];
                if (op == '<') {
                    hi = v;
                    hiIncl = inclusive;
                } else {
                    lo = v;
                    loIncl = inclusive;
                }
            } else {
                throw invalid(text, "unknown text at '" + s.substring(i) + "'");
            }
            if (lo != null) {
                if (min == null || lo.compareTo(min) > 0) {
                    min = lo;
                    includeMin = loIncl;
                } else if (lo.compareTo(min) == 0 && !loIncl) {
                    includeMin = false;
                }
            }
            if (hi != null) {
                if (max == null || hi.compareTo(max) < 0) {
                    max = hi;
                    includeMax = hiIncl;
                } else if (hi.compareTo(max) == 0 && !hiIncl) {
                    includeMax = false;
                }
            }
        }
        if (min == null && max == null) {
            throw invalid(text, "no constraint");
        }
        if (min != null && max != null) {
            int c = min.compareTo(max);
            if (c > 0 || (c == 0 && !(includeMin && includeMax))) {
                return new PubConstraint(null, false, null, false, true, text);
            }
        }
        if (max != null && !includeMax && !max.isPrerelease() && max.build.length == 0
                && (min == null || !min.isPrerelease() || !min.sameRelease(max))) {
            max = max.firstPrerelease();
        }
        return new PubConstraint(min, includeMin, max, includeMax, false, text);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static VersionException invalid(String text, String why) {
        return new VersionException("invalid pub constraint '" + text + "': " + why);
    }

    @Override
    public boolean contains(String version) {
        PubVersion v = PubVersion.parse(version);
        if (empty) {
            return false;
        }
        if (min != null) {
            int c = v.compareTo(min);
            if (c < 0 || (c == 0 && !includeMin)) {
                return false;
            }
        }
        if (max != null) {
            int c = v.compareTo(max);
            return c < 0 || (c == 0 && includeMax);
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}

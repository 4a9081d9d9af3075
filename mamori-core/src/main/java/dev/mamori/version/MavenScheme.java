package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Maven: the order is Maven's own {@link ComparableVersion} (qualifier ranks alpha &lt; beta &lt; milestone &lt;
 * rc &lt; snapshot &lt; release &lt; sp, numeric padding, case-insensitive qualifiers), used as the library
 * made for it. Native ranges are Maven version ranges ({@code [1.0,2.0)}, {@code (,1.0]}, {@code [1.2]},
 * unions {@code [1.0,1.2),[1.5,)}); a bare version is Maven's soft requirement and, for vulnerability matching,
 * means exactly that version.
 */
final class MavenScheme implements VersionScheme {
    static final MavenScheme INSTANCE = new MavenScheme();

    private static final int CACHE_LIMIT = 8192;
    private final ConcurrentHashMap<String, ComparableVersion> cache = new ConcurrentHashMap<>();

    private MavenScheme() {}

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public int compare(String a, String b) {
        if (a != null && a.equals(b)) {
            validate(a);
            return 0;
        }
        return Integer.signum(parse(a).compareTo(parse(b)));
    }

    @Override
    public void validate(String version) {
        if (version == null || version.isEmpty()) {
            throw new VersionException("empty maven version");
        }
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new VersionException("invalid maven version '" + SemVer.abbreviate(version)
                        + "': whitespace or control character");
            }
            if (c == '[' || c == ']' || c == '(' || c == ')' || c == ',') {
                throw new VersionException("invalid maven version '" + SemVer.abbreviate(version) + "': '" + c
                        + "' belongs to range syntax, not to a version");
            }
        }
    }

    private ComparableVersion parse(String version) {
        ComparableVersion v = cache.get(version == null ? "" : version);
        if (v != null) {
            return v;
        }
        validate(version);
        v = new ComparableVersion(version);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(version, v);
        return v;
    }

    @Override
    public VersionRange parseRange(String nativeRange) {
        if (nativeRange == null || nativeRange.isBlank()) {
            throw new VersionException("empty maven range");
        }
        String spec = nativeRange.strip();
        if (spec.charAt(0) != '[' && spec.charAt(0) != '(') {
            validate(spec);
            return new IntervalRange(this, List.of(Interval.exactly(spec)), nativeRange);
        }
        List<Interval> intervals = new ArrayList<>();
        int i = 0;
        while (i < spec.length()) {
            char open = spec.charAt(i);
            if (open != '[' && open != '(') {
                throw invalidRange(nativeRange, "expected '[' or '(' at position " + (i + 1));
            }
            int close = i + 1;
            while (close < spec.length() && spec.charAt(close) != ']' && spec.charAt(close) != ')') {
                if (spec.charAt(close) == '[' || spec.charAt(close) == '(') {
                    throw invalidRange(nativeRange, "unclosed bracket at position " + (i + 1));
                }
                close++;
            }
            if (close == spec.length()) {
                throw invalidRange(nativeRange, "unclosed bracket at position " + (i + 1));
            }
            intervals.add(restriction(open, spec.substring(i + 1, close), spec.charAt(close), nativeRange));
            i = close + 1;
            while (i < spec.length() && Character.isWhitespace(spec.charAt(i))) {
                i++;
            }
            if (i < spec.length()) {
                if (spec.charAt(i) != ',') {
                    throw invalidRange(nativeRange, "expected ',' between ranges at position " + (i + 1));
                }
                i++;
                while (i < spec.length() && Character.isWhitespace(spec.charAt(i))) {
                    i++;
                }
                if (i == spec.length()) {
                    throw invalidRange(nativeRange, "trailing ','");
                }
            }
        }
        return new IntervalRange(this, intervals, nativeRange);
    }

    private Interval restriction(char open, String body, char close, String text) {
        boolean lowerInclusive = open == '[';
        boolean upperInclusive = close == ']';
        int comma = body.indexOf(',');
        if (comma < 0) {
            String v = body.strip();
            if (!lowerInclusive || !upperInclusive) {
                throw invalidRange(text, "a single version must be written [" + v + "]");
            }
            checkBound(v, text);
            return Interval.exactly(v);
        }
        if (body.indexOf(',', comma + 1) >= 0) {
            throw invalidRange(text, "more than two bounds in '" + open + body + close + "'");
        }
        String lower = body.substring(0, comma).strip();
        String upper = body.substring(comma + 1).strip();
        if (!lower.isEmpty()) {
            checkBound(lower, text);
        }
        if (!upper.isEmpty()) {
            checkBound(upper, text);
        }
        if (!lower.isEmpty() && !upper.isEmpty()) {
            int c = compare(lower, upper);
            if (c > 0) {
                throw invalidRange(text, "lower bound " + lower + " is above upper bound " + upper);
            }
            if (c == 0 && !(lowerInclusive && upperInclusive)) {
                throw invalidRange(text, "identical bounds " + lower + " must both be inclusive");
            }
        }
        return new Interval(lower.isEmpty() ? null : lower, !lower.isEmpty() && lowerInclusive,
                upper.isEmpty() ? null : upper, !upper.isEmpty() && upperInclusive);
    }

    private void checkBound(String v, String text) {
        if (v.isEmpty()) {
            throw invalidRange(text, "empty version");
        }
        try {
            validate(v);
        } catch (VersionException e) {
            throw invalidRange(text, e.getMessage());
        }
    }

    private static VersionException invalidRange(String text, String reason) {
        return new VersionException("invalid maven range '" + SemVer.abbreviate(text) + "': " + reason);
    }

    @Override
    public String toString() {
        return name();
    }
}

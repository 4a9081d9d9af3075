package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;

/**
 * NuGet: versions are NuGet's SemVer 2 superset, {@code major[.minor[.patch[.revision]]][-labels][+metadata]}:
 * one to four numbers (missing ones are 0, leading zeros allowed and ignored), release labels compared
 * case-insensitively (numeric labels numerically and before alphanumeric ones), metadata ignored.
 * Native ranges are NuGet interval notation: {@code [1.0,2.0)}, {@code (1.0,)}, {@code (,1.0]}, {@code [1.0]},
 * a bare {@code 1.0} meaning {@code >= 1.0}, and floating minimums ({@code 1.*}, {@code 1.0.0-beta*}, {@code *}).
 *
 * <p>Unlike NuGet.Versioning, numbers are not limited to 32 bits: larger ones still order numerically.
 */
final class NugetScheme implements VersionScheme {
    static final NugetScheme INSTANCE = new NugetScheme();

    private NugetScheme() {}

    /** A parsed NuGet version: four canonical numbers, release labels, metadata (not ordered). */
    record NugetVersion(List<String> numbers, List<String> labels, String metadata) {}

    @Override
    public String name() {
        return "nuget";
    }

    @Override
    public int compare(String a, String b) {
        return compare(parse(a), parse(b));
    }

    @Override
    public void validate(String version) {
        parse(version);
    }

    static int compare(NugetVersion a, NugetVersion b) {
        for (int i = 0; i < 4; i++) {
            int c = SemVer.compareDigits(a.numbers().get(i), b.numbers().get(i));
            if (c != 0) {
                return c;
            }
        }
        List<String> x = a.labels();
        List<String> y = b.labels();
        if (x.isEmpty() || y.isEmpty()) {
            return x.isEmpty() ? (y.isEmpty() ? 0 : 1) : -1;
        }
        int n = Math.min(x.size(), y.size());
        for (int i = 0; i < n; i++) {
            int c = compareLabel(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    /** NuGet's label order: labels that parse as a 32-bit integer numerically and first, others ignoring case. */
    private static int compareLabel(String x, String y) {
        Long nx = int32(x);
        Long ny = int32(y);
        if (nx != null && ny != null) {
            return Long.compare(nx, ny);
        }
        if (nx != null || ny != null) {
            return nx != null ? -1 : 1;
        }
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            int c = Character.compare(upper(x.charAt(i)), upper(y.charAt(i)));
            if (c != 0) {
                return Integer.signum(c);
            }
        }
        return Integer.compare(x.length(), y.length());
    }

    private static char upper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    private static Long int32(String s) {
        int start = s.startsWith("-") ? 1 : 0;
        if (start == s.length() || s.length() - start > 10) {
            return null;
        }
        for (int i = start; i < s.length(); i++) {
            if (!SemVer.isDigit(s.charAt(i))) {
                return null;
            }
        }
        long v = Long.parseLong(s);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : null;
    }

    static NugetVersion parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new VersionException("empty nuget version");
        }
        String s = text;
        String metadata = null;
        int plus = s.indexOf('+');
        if (plus >= 0) {
            metadata = s.substring(plus + 1);
            s = s.substring(0, plus);
            identifiers(text, metadata, "metadata", true);
        }
        List<String> labels = List.of();
        int dash = s.indexOf('-');
        if (dash >= 0) {
            labels = identifiers(text, s.substring(dash + 1), "release label", false);
            s = s.substring(0, dash);
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            throw invalid(text, "more than four version numbers");
        }
        List<String> numbers = new ArrayList<>(4);
        for (String p : parts) {
            if (!SemVer.isNumeric(p)) {
                throw invalid(text, p.isEmpty() ? "empty version number" : "'" + p + "' is not a version number");
            }
            int i = 0;
            while (i < p.length() - 1 && p.charAt(i) == '0') {
                i++;
            }
            numbers.add(p.substring(i));
        }
        while (numbers.size() < 4) {
            numbers.add("0");
        }
        return new NugetVersion(List.copyOf(numbers), labels, metadata);
    }

    private static List<String> identifiers(String text, String part, String what, boolean leadingZeros) {
        List<String> out = new ArrayList<>();
        for (String id : part.split("\\.", -1)) {
            if (id.isEmpty()) {
                throw invalid(text, "empty " + what);
            }
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                if (!(SemVer.isDigit(c) || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                    throw invalid(text, "character '" + c + "' in " + what + " '" + id + "'");
                }
            }
            if (!leadingZeros && id.length() > 1 && id.charAt(0) == '0' && SemVer.isNumeric(id)) {
                throw invalid(text, "numeric " + what + " with a leading zero '" + id + "'");
            }
            out.add(id);
        }
        return List.copyOf(out);
    }

    private static VersionException invalid(String text, String reason) {
        return new VersionException("invalid nuget version '" + SemVer.abbreviate(text) + "': " + reason);
    }

    // ---------------------------------------------------------------- ranges

    @Override
    public VersionRange parseRange(String nativeRange) {
        if (nativeRange == null || nativeRange.isBlank()) {
            throw new VersionException("empty nuget range");
        }
        String s = nativeRange.strip();
        char first = s.charAt(0);
        if (first != '[' && first != '(') {
            return new IntervalRange(this, List.of(Interval.atLeast(minimum(s, nativeRange))), nativeRange);
        }
        char last = s.charAt(s.length() - 1);
        if (s.length() < 2 || (last != ']' && last != ')')) {
            throw invalidRange(nativeRange, "must end with ']' or ')'");
        }
        boolean minInclusive = first == '[';
        boolean maxInclusive = last == ']';
        String[] parts = s.substring(1, s.length() - 1).split(",", -1);
        if (parts.length > 2) {
            throw invalidRange(nativeRange, "more than two bounds");
        }
        if (parts.length == 1 && !(minInclusive && maxInclusive)) {
            throw invalidRange(nativeRange, "a single version must be written [version]");
        }
        String min = parts[0].strip();
        String max = (parts.length == 2 ? parts[1] : parts[0]).strip();
        if (min.isEmpty() && max.isEmpty()) {
            throw invalidRange(nativeRange, "no bound given");
        }
        String lower = min.isEmpty() ? null : minimum(min, nativeRange);
        String upper = null;
        if (!max.isEmpty()) {
            checkBound(max, nativeRange);
            upper = max;
        }
        if (lower != null && upper != null) {
            int c = compare(lower, upper);
            if (c > 0) {
                throw invalidRange(nativeRange, "minimum " + lower + " is above maximum " + upper);
            }
            if (c == 0 && minInclusive != maxInclusive) {
                throw invalidRange(nativeRange, "identical bounds with one inclusive and one exclusive");
            }
        }
        return new IntervalRange(this, List.of(new Interval(lower, lower != null && minInclusive, upper,
                upper != null && maxInclusive)), nativeRange);
    }

    /** A lower bound, which may float: {@code *}, {@code 1.*}, {@code 1.2.*}, {@code 1.0.0-*}, {@code 1.0.0-rc*}. */
    private String minimum(String v, String text) {
        int star = v.indexOf('*');
        if (star < 0) {
            checkBound(v, text);
            return v;
        }
        if (star != v.length() - 1) {
            throw invalidRange(text, "'*' may only end a floating version");
        }
        String head = v.substring(0, star);
        String min;
        if (head.isEmpty()) {
            min = "0.0.0";
        } else if (head.endsWith(".")) {
            min = head + "0";
        } else if (head.endsWith("-")) {
            min = head + "0";
        } else if (head.indexOf('-') >= 0) {
            min = head;
        } else {
            throw invalidRange(text, "invalid floating version '" + v + "'");
        }
        checkBound(min, text);
        return min;
    }

    private void checkBound(String v, String text) {
        try {
            parse(v);
        } catch (VersionException e) {
            throw invalidRange(text, e.getMessage());
        }
    }

    private static VersionException invalidRange(String text, String reason) {
        return new VersionException("invalid nuget range '" + SemVer.abbreviate(text) + "': " + reason);
    }

    @Override
    public String toString() {
        return name();
    }
}

package dev.mamori.version;

/**
 * A contiguous span of versions: a lower and an upper bound, each inclusive or exclusive, either absent
 * (unbounded). Native range syntaxes compile to unions of intervals (see {@link IntervalRange}).
 */
public record Interval(String lower, boolean lowerInclusive, String upper, boolean upperInclusive) {
    public static final Interval ALL = new Interval(null, false, null, false);

    public static Interval exactly(String v) {
        return new Interval(v, true, v, true);
    }

    public static Interval atLeast(String v) {
        return new Interval(v, true, null, false);
    }

    public static Interval above(String v) {
        return new Interval(v, false, null, false);
    }

    public static Interval atMost(String v) {
        return new Interval(null, false, v, true);
    }

    public static Interval below(String v) {
        return new Interval(null, false, v, false);
    }

    public boolean contains(VersionScheme scheme, String version) {
        if (lower != null) {
            int c = scheme.compare(version, lower);
            if (c < 0 || (c == 0 && !lowerInclusive)) {
                return false;
            }
        }
        if (upper != null) {
            int c = scheme.compare(version, upper);
            return c < 0 || (c == 0 && upperInclusive);
        }
        return true;
    }

    @Override
    public String toString() {
        if (lower != null && lower.equals(upper) && lowerInclusive && upperInclusive) {
            return "=" + lower;
        }
        StringBuilder out = new StringBuilder();
        if (lower != null) {
            out.append(lowerInclusive ? ">=" : ">").append(lower);
        }
        if (upper != null) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(upperInclusive ? "<=" : "<").append(upper);
        }
        return out.isEmpty() ? "*" : out.toString();
    }
}

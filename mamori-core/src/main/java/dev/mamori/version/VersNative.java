package dev.mamori.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Converts a range in an ecosystem's native syntax into its {@code vers:} form: the native range is compiled by the
 * scheme ({@link VersionScheme#parseRange}) into intervals, whose bounds become vers constraints sorted by version.
 */
public final class VersNative {
    private VersNative() {}

    /**
     * The vers form of a native range.
     *
     * @throws VersionException when the range is invalid, or the scheme's range has no interval form
     */
    public static Vers fromNative(String schemeName, String nativeRange) {
        String scheme = schemeName.toLowerCase(Locale.ROOT);
        VersionScheme vs = VersionSchemes.forName(scheme);
        VersionRange range = vs.parseRange(nativeRange);
        if (range instanceof ComparatorRange cr) {
            return fromComparators(scheme, vs, cr);
        }
        if (range instanceof GemRequirement || range instanceof PypiSpecifierSet) {
            List<Vers.Constraint> constraints = new ArrayList<>(range instanceof GemRequirement gem
                    ? gem.versConstraints() : ((PypiSpecifierSet) range).versConstraints());
            constraints.sort(byVersion(vs));
            return new Vers(scheme, constraints);
        }
        if (!(range instanceof IntervalRange ir)) {
            throw new VersionException("the " + scheme + " range '" + nativeRange + "' has no interval form");
        }
        List<Vers.Constraint> constraints = new ArrayList<>();
        for (Interval i : ir.intervals()) {
            if (i.lower() == null && i.upper() == null) {
                return new Vers(scheme, List.of(new Vers.Constraint("*", null)));
            }
            if (i.lower() != null && i.lower().equals(i.upper()) && i.lowerInclusive() && i.upperInclusive()) {
                constraints.add(new Vers.Constraint("=", i.lower()));
                continue;
            }
            if (i.lower() != null) {
                constraints.add(new Vers.Constraint(i.lowerInclusive() ? ">=" : ">", i.lower()));
            }
            if (i.upper() != null) {
                constraints.add(new Vers.Constraint(i.upperInclusive() ? "<=" : "<", i.upper()));
            }
        }
        for (String ex : ir.excluded()) {
            constraints.add(new Vers.Constraint("!=", ex));
        }
        constraints.sort(byVersion(vs));
        return new Vers(scheme, constraints);
    }

    /**
     * Constraints by version; at equal versions upper bounds come before lower bounds ({@code <1.5.0|>=1.5.0}), so
     * that consecutive pairs read as intervals.
     */
    static java.util.Comparator<Vers.Constraint> byVersion(VersionScheme vs) {
        List<String> tieOrder = List.of("<", "<=", "=", "!=", ">=", ">");
        return (a, b) -> {
            int c = vs.compare(a.version(), b.version());
            return c != 0 ? c : Integer.compare(tieOrder.indexOf(a.comparator()), tieOrder.indexOf(b.comparator()));
        };
    }

    /**
     * npm-style comparator sets: every comparator becomes a constraint. node-semver writes the exclusive upper bound
     * a partial version implies as {@code <2.0.0-0} (below every prerelease of 2.0.0); vers has no such notion and
     * writes {@code <2.0.0}, so the {@code -0} is dropped.
     */
    private static Vers fromComparators(String scheme, VersionScheme vs, ComparatorRange range) {
        List<Vers.Constraint> constraints = new ArrayList<>();
        for (List<ComparatorRange.Comparator> set : range.sets()) {
            for (ComparatorRange.Comparator c : set) {
                if (c.op() == ComparatorRange.Op.ANY) {
                    return new Vers(scheme, List.of(new Vers.Constraint("*", null)));
                }
                String version = c.version().format();
                if (version.endsWith("-0")) {
                    version = version.substring(0, version.length() - 2);
                }
                constraints.add(new Vers.Constraint(c.op().symbol, version));
            }
        }
        if (constraints.isEmpty()) {
            throw new VersionException("the " + scheme + " range '" + range + "' matches no version");
        }
        constraints.sort(byVersion(vs));
        return new Vers(scheme, constraints);
    }
}

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
        constraints.sort((a, b) -> vs.compare(a.version(), b.version()));
        return new Vers(scheme, constraints);
    }
}

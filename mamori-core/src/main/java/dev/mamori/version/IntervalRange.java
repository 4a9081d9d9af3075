package dev.mamori.version;

import java.util.List;

/**
 * A range that is a union of {@link Interval}s, optionally minus excluded versions ({@code !=}).
 * Most native range syntaxes compile to this.
 */
public record IntervalRange(VersionScheme scheme, List<Interval> intervals, List<String> excluded, String text)
        implements VersionRange {

    public IntervalRange {
        intervals = List.copyOf(intervals);
        excluded = List.copyOf(excluded);
    }

    public IntervalRange(VersionScheme scheme, List<Interval> intervals, String text) {
        this(scheme, intervals, List.of(), text);
    }

    @Override
    public boolean contains(String version) {
        scheme.validate(version);
        for (String ex : excluded) {
            if (scheme.compare(version, ex) == 0) {
                return false;
            }
        }
        for (Interval i : intervals) {
            if (i.contains(scheme, version)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
